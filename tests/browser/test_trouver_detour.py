"""A parent on a phone (375 × 740, touch), on the real dialogues, in the middle of the
families' journey, taps « Trouver une communauté près de chez moi »: it was a jump, and the
parent lost their place. It is a detour: « Revenir où j’en étais », tapped, brings them back
to the very step, its last words and its buttons, in standard French and in easy-to-read."""

from __future__ import annotations

import pytest
from navigateur import IDLE, open_client, shot, tap_and_wait, touch_phone
from playwright.sync_api import Page, expect

BACK = {False: "Revenir où j’en étais", True: "Revenir où j’étais"}


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_finding_a_community_comes_back_to_the_parents_step_on_a_phone(
        new_context, real_site, falc: bool) -> None:
    page: Page = touch_phone(new_context, 375, 740)
    open_client(page, real_site, "?falc=1" if falc else "")
    page.wait_for_function(IDLE)
    tap_and_wait(page, page.locator(".choix button", has_text="parent").first)
    last = page.locator(".msg--coach .texte").last.inner_text()
    buttons = page.locator(".choix button").all_inner_texts()
    tap_and_wait(page, page.locator(".choix button", has_text="Trouver une communauté").first)
    back = page.locator(".choix button").filter(has_text=BACK[falc])
    expect(back).to_be_visible()
    shot(page, f"trouver-detour-{'facile' if falc else 'standard'}")

    tap_and_wait(page, back)
    assert page.locator(".msg--coach .texte").last.inner_text() == last
    assert page.locator(".choix button").all_inner_texts() == buttons
    cid = page.evaluate("localStorage.getItem('coach-cop.conversation')")
    _status, state = real_site.api("GET", f"conversations/{cid}")
    assert isinstance(state, dict) and (state["flow"], state["node"]) == ("familles", "debut")
    shot(page, f"trouver-detour-retour-{'facile' if falc else 'standard'}")
