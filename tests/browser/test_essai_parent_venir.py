"""Tried as a parent on a 375 × 740 phone with touch, in easy-to-read (the real dialogues):
after « Je suis parent ou proche aidant », the parent types « je peux venir avec mon fils ? »
as on a phone. The coach gave the three ways of taking part, never a word on the child. The
answer is now on screen, its start in view: each community chooses who can come, ask the
person who animates it, with « Trouver une communauté près de chez moi » at hand.
"""

from __future__ import annotations

from navigateur import IDLE, open_client, shot, tap_and_wait, touch_phone
from playwright.sync_api import expect

NEW_MESSAGES = """n => [...document.querySelectorAll('.msg--coach')].slice(n).map(b => {
    const r = b.getBoundingClientRect();
    return {top: r.top, text: b.textContent};
})"""


def test_a_parent_in_easy_to_read_asks_to_come_with_her_son(new_context, real_site) -> None:
    page = touch_phone(new_context, 375, 740)
    open_client(page, real_site, "?falc=1")
    page.wait_for_function(IDLE)
    tap_and_wait(page, page.locator(".choix button", has_text="parent").first)
    before = page.locator(".msg--coach").count()
    page.get_by_role("textbox", name="Votre message").fill("je peux venir avec mon fils ?")
    page.get_by_role("button", name="Envoyer le message au coach").tap()
    page.wait_for_function(
        """n => document.querySelectorAll('.msg--coach').length > n
             && document.querySelector('.journal').getAttribute('aria-busy') !== 'true'""",
        arg=before)
    page.wait_for_function(IDLE)
    page.wait_for_timeout(200)
    new = page.evaluate(NEW_MESSAGES, before)
    said = " ".join(m["text"] for m in new).replace("\u202f", " ").replace("\xa0", " ")
    assert "Vous voulez venir avec un proche ?" in said, said
    assert "Chaque communauté choisit qui peut venir." in said
    assert "Demandez à la personne qui anime la communauté." in said
    assert "3 façons" not in said and "Patricia" not in said
    height = page.evaluate("innerHeight")
    assert 0 <= new[0]["top"] <= height - 30, (new[0]["top"], height)
    expect(page.locator(".choix button", has_text="Trouver une communauté près de chez moi")
           ).to_have_count(1)
    expect(page.get_by_role("button", name="Facile à lire")).to_have_attribute(
        "aria-pressed", "true")
    shot(page, "essai-parent-venir-avec")
