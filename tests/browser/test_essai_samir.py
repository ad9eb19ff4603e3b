"""Tried as Samir, on a 375 × 740 phone with touch, tapping only: he turns easy-to-read on,
taps « J’ai un handicap », then « Trouver une communauté près de chez moi » (three taps, as
a parent), where the persons' journey used to hide finding a community behind « Par où
commencer ? » or « J’ai fini » (five taps). Each reply starts on screen (the real
dialogues, no directory)."""

from __future__ import annotations

from navigateur import IDLE, open_client, shot, tap_and_wait, touch_phone
from playwright.sync_api import Page, expect

FIRST_NEW = """n => {
    const b = document.querySelectorAll('.msg--coach')[n];
    return b ? b.getBoundingClientRect().top : null;
}"""


def tap_reply(page: Page, label: str) -> None:
    """Taps the answer named `label`; the reply's first message starts on screen."""
    before = page.locator(".msg--coach").count()
    tap_and_wait(page, page.locator(".choix button", has_text=label).first)
    top = page.evaluate(FIRST_NEW, before)
    assert top is not None and 0 <= top <= page.evaluate("innerHeight") - 30, (label, top)


def test_samir_finds_where_to_ask_in_three_taps(new_context, real_site) -> None:
    page = touch_phone(new_context, 375, 740)
    open_client(page, real_site)
    page.wait_for_function(IDLE)
    easy = page.get_by_role("button", name="Facile à lire")
    easy.tap()  # tap 1
    expect(easy).to_have_attribute("aria-pressed", "true")
    page.wait_for_function(IDLE)
    tap_reply(page, "J’ai un handicap")  # tap 2
    expect(page.locator(".choix button",
                        has_text="Trouver une communauté près de chez moi")).to_have_count(1)
    tap_reply(page, "Trouver une communauté près de chez moi")  # tap 3
    last = page.locator(".msg--coach").last
    expect(last).to_contain_text("MDPH")
    expect(last).to_contain_text("Demandez à un service d’aide.")
    expect(last).not_to_contain_text("proche")
    shot(page, "essai-samir-trois-tapes")
