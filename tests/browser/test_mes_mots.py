"""A coordinator types their own objective in the client: it is shown back, kept on
« Oui, je garde ma réponse », and reaches the downloaded draft (HTML and Word), escaped."""

from __future__ import annotations

import io

import docx
from navigateur import assert_axe_clean, open_client, wait_turn
from playwright.sync_api import Page, expect

OBJECTIVE = "Rompre l’isolement des familles du Cantal <b>ensemble</b> & =cmd"


def test_a_typed_objective_reaches_the_downloaded_draft(page: Page, site) -> None:
    open_client(page, site, "?parcours=initier")
    page.get_by_role("button", name="D’autres conseils").click()
    wait_turn(page, "Fixez la date")
    field = page.get_by_role("textbox", name="Votre message")
    field.fill(OBJECTIVE)
    page.keyboard.press("Enter")
    wait_turn(page, "Je garde cette réponse pour votre brouillon")
    expect(page.locator(".msg--coach").last).to_contain_text(f"« {OBJECTIVE} »")
    expect(page.locator("b", has_text="ensemble")).to_have_count(0)  # shown as text
    assert_axe_clean(page, "réponse écrite à confirmer")
    page.get_by_role("button", name="Oui, je garde ma réponse").click()
    wait_turn(page, "Vos réponses sont dans votre brouillon")

    cid = page.evaluate("localStorage.getItem('coach-cop.conversation')")
    base = f"{site.coach}/api/v1/conversations/{cid}/document?format="
    with page.expect_popup() as popup_info:
        page.get_by_role("link", name="Voir (nouvelle fenêtre)").last.click()
    document = popup_info.value
    document.wait_for_load_state()
    expect(document.locator("main")).to_contain_text(OBJECTIVE)
    expect(document.locator("main b")).to_have_count(0)
    word = page.request.get(base + "docx")
    assert word.status == 200
    paragraphs = [p.text for p in docx.Document(io.BytesIO(word.body())).paragraphs]
    assert OBJECTIVE in paragraphs
