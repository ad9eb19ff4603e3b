"""Seen by a person trying the product: a new coordinator in the middle of stage 3 typed
« jveux corriger ma reponse de tout a l'heure » and landed in stage 1's charter, with no way
back. In real Chromium on a phone (375 × 740, touch), on the real dialogues: the text typed
in the field opens the draft's summary as a detour, the progress above the conversation
stays « Étape 3 sur 4 · partie 2 », and « Revenir où j’en étais », tapped, brings the person
back to the very step they left.

The way into stage 3 is played with the API (the same conversation), the rest in the page.
"""

from __future__ import annotations

from navigateur import IDLE, shot, tap_and_wait, touch_phone
from playwright.sync_api import Page, expect

TO_STAGE_3 = ("etape-3", "essentiel", "continuer", "continuer")


def test_typed_draft_request_is_a_detour_back_to_the_step_on_a_phone(new_context,
                                                                     real_site) -> None:
    page: Page = touch_phone(new_context, 375, 740)
    page.goto(real_site.coach + "/?parcours=coordinateur")
    page.locator(".messages .msg").first.wait_for()
    page.wait_for_function(IDLE)
    cid = page.evaluate("localStorage.getItem('coach-cop.conversation')")
    for choice in TO_STAGE_3:
        status, step = real_site.api("POST", f"conversations/{cid}/turns", {"choice": choice})
        assert status == 200, step
    assert isinstance(step, dict) and (step["flow"], step["node"]) == ("animer", "cycle")
    page.reload()
    page.locator(".messages .msg").first.wait_for()
    page.wait_for_function(IDLE)
    progress = page.locator(".progression-texte")
    expect(progress).to_contain_text("Étape 3 sur 4 · partie 2 sur")
    before = progress.inner_text()
    last = page.locator(".msg--coach .texte").last.inner_text()

    field = page.locator("#saisie")
    field.tap()
    field.press_sequentially("jveux corriger ma reponse de tout a l'heure", delay=5)
    tap_and_wait(page, page.get_by_role("button", name="Envoyer le message au coach"))
    history = page.locator(".messages")
    expect(history).to_contain_text("Votre brouillon est encore vide")
    expect(progress).to_have_text(before)
    expect(history).not_to_contain_text("la charte de collaboration précise 4 points")
    back = page.locator(".choix button").filter(has_text="Revenir où j’en étais")
    expect(back).to_be_visible()
    shot(page, "brouillon-detour-telephone")

    tap_and_wait(page, back)
    expect(page.locator(".msg--coach").filter(has_text="Vous revenez où vous en étiez")
           ).to_have_count(1)
    expect(progress).to_have_text(before)
    assert page.locator(".msg--coach .texte").last.inner_text() == last
    expect(page.locator(".choix button")).to_have_count(1)
    expect(page.locator(".choix button")).to_contain_text("Continuer")
    _status, state = real_site.api("GET", f"conversations/{cid}")
    assert isinstance(state, dict) and (state["flow"], state["node"]) == ("animer", "cycle")
    shot(page, "brouillon-detour-retour-telephone")
