"""Easy-to-read is safe, on a phone in Chromium: typing that one does not understand keeps
« Facile à lire » on (and turns it on), it never switches it off."""

from __future__ import annotations

from navigateur import IDLE, open_client, wait_turn
from playwright.sync_api import expect

PARENT = "Je suis un parent ou un proche aidant"


def test_saying_one_does_not_understand_never_turns_easy_to_read_off(new_context, site):
    page = new_context(viewport={"width": 375, "height": 740}, has_touch=True,
                       is_mobile=True).new_page()
    open_client(page, site)
    page.get_by_role("button", name=PARENT).tap()
    wait_turn(page, "Voulez-vous savoir")
    falc = page.get_by_role("button", name="Facile à lire")
    field = page.get_by_role("textbox", name="Votre message")
    for phrase in ("je comprends pas", "plus simple svp", "c’est trop compliqué",
                   "plus simple svp"):
        before = page.locator(".msg").count()
        field.fill(phrase)
        page.get_by_role("button", name="Envoyer").tap()
        page.wait_for_function("n => document.querySelectorAll('.msg').length > n", arg=before + 1)
        page.wait_for_function(IDLE)
        expect(falc).to_have_attribute("aria-pressed", "true")  # on, and it stays on
        expect(page.locator(".msg").last).not_to_contain_text("désactivé")
    # The step was said again in easy-to-read.
    expect(page.locator(".messages .texte").last).not_to_have_text("")
