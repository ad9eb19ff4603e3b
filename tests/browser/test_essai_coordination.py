"""What a try-out as Alexandra, a new coordinator with little time, found in real Chromium on
the real dialogues (a phone, 375 × 740, taps; standard French and « Facile à lire »):

- straight to « Étape 4 : Pérenniser », short path, to its end: the coach said
  « Félicitations ! Vous avez terminé les 4 étapes du parcours » and « Votre brouillon est
  complet pour les 4 étapes », stages 1 to 3 never opened. It now says that stage 4 is done,
  that parts are left (« Où en suis-je ? ») and that the draft marks them « À compléter »;
- « Changer mes réponses » there showed « Étape 1 sur 4 · partie 7 sur 7 » above the menu
  (the menu is written at the end of stage 1's file): the progress stays « Étape 4 sur 4 ».

The way through stage 4 is played with the API (the same conversation), the end in the page.
"""

from __future__ import annotations

import pytest
from navigateur import IDLE, shot, stage_4_to_its_end, tap_and_wait, touch_phone
from playwright.sync_api import Page, expect


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_the_end_of_stage_4_alone_and_its_answers_menu_on_a_phone(new_context, real_site,
                                                                 falc: bool) -> None:
    page: Page = touch_phone(new_context, 375, 740)
    page.goto(real_site.coach + "/?parcours=perenniser" + ("&falc=1" if falc else ""))
    page.locator(".messages .msg").first.wait_for()
    page.wait_for_function(IDLE)
    cid = page.evaluate("localStorage.getItem('coach-cop.conversation')")
    stage_4_to_its_end(real_site, cid)
    page.reload()
    page.locator(".messages .msg").first.wait_for()
    page.wait_for_function(IDLE)

    history = page.locator(".messages")
    expect(history).not_to_contain_text("Félicitations")
    expect(history).not_to_contain_text("les 4 étapes du parcours :")
    where_label = "Où j’en suis ?" if falc else "Où en suis-je ?"
    expect(history).to_contain_text(where_label)
    # said, and a button does it: touch users are not asked to type
    expect(page.locator(".choix button").filter(has_text=where_label)).to_be_visible()
    expect(history).to_contain_text("À compléter")
    progress = page.locator(".progression-texte")
    expect(progress).to_contain_text("Étape 4 sur 4")
    shot(page, f"essai-coord-fin-etape-4-{'facile' if falc else 'standard'}")

    label = "Changer mes réponses" if falc else "Écrire ou modifier mes réponses"
    tap_and_wait(page, page.locator(".choix button").filter(has_text=label))
    expect(progress).to_contain_text("Étape 4 sur 4")
    expect(progress).not_to_contain_text("Étape 1")
    shot(page, f"essai-coord-modifier-{'facile' if falc else 'standard'}")
