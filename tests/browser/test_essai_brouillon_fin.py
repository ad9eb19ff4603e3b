"""What the evening try-out of 4 December found in real Chromium on the real dialogues: a new
coordinator on a small touch phone (320 × 568), in « Facile à lire », at the end of the four
stages, types « je veux voir mon brouillon » (or « c ou mon brouillon ? ») to get the draft.

The coach answered « Quelle réponse voulez-vous changer ? Choisissez d’abord l’étape. » (the
menu to change answers) and gave no draft: the end's choice « Écrire ou modifier mes réponses
du brouillon » holds the word « brouillon ». The same words anywhere in the stages give the
draft's answers and its links. This test says what the person should get there too.

The start is tapped, the way through stage 4 is played with the API (same conversation), the
question is typed in the page.
"""

from __future__ import annotations

import pytest
from navigateur import IDLE, shot, stage_4_to_its_end, tap_and_wait, touch_phone, wait_new
from playwright.sync_api import Page, expect


@pytest.mark.parametrize("typed", ["je veux voir mon brouillon", "c ou mon brouillon ?"],
                         ids=["voir", "sms"])
def test_asking_for_the_draft_at_the_end_of_the_stages_gives_the_draft(
        new_context, real_site, typed: str) -> None:  # type: ignore[no-untyped-def]
    page: Page = touch_phone(new_context, 320, 568)
    page.goto(real_site.coach + "/")
    page.locator(".messages .msg").first.wait_for()
    page.wait_for_function(IDLE)
    page.locator(".falc-bouton").first.tap()
    page.wait_for_function("() => document.querySelector('.coach').classList.contains('falc')")
    page.wait_for_function(IDLE)
    tap_and_wait(page, page.locator(".choix button").filter(has_text="créer une communauté"))
    tap_and_wait(page, page.locator(".choix button").filter(has_text="Étape 4"))
    cid = page.evaluate("localStorage.getItem('coach-cop.conversation')")
    stage_4_to_its_end(real_site, cid)
    page.reload()
    page.locator(".messages .msg").first.wait_for()
    page.wait_for_function(IDLE)
    expect(page.locator(".progression-texte")).to_contain_text("Étape 4 sur 4")

    before = page.locator(".msg--coach").count()
    page.locator("textarea").tap()
    page.keyboard.type(typed)
    page.get_by_role("button", name="Envoyer le message au coach").tap()
    replies = wait_new(page, before)
    said = " ".join(r["text"] for r in replies)
    shot(page, f"essai-soir-brouillon-fin-{'sms' if '?' in typed else 'voir'}")

    assert "Quelle réponse voulez-vous changer" not in said, said
    # The draft is given: its links move under the reply (they were under the end's message).
    under_reply = page.evaluate("""n => [...document.querySelectorAll('.msg--coach')].slice(n)
        .some(m => m.querySelector('.brouillon-liens:not(.outil-liens) a[data-format=html]'))""",
                                before)
    assert under_reply, said
    expect(page.locator(".progression-texte")).to_contain_text("Étape 4 sur 4")
