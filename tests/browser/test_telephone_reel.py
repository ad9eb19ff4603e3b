"""A person on a small phone, with touch, on the real dialogues (what people meet):

- at load, the whole welcome and the first choice are on the first screen, at 375 × 740 and
  at 320 × 568, in standard French and in easy-to-read, with the text at its size (18 px;
  21.6 px in easy-to-read) and nothing hidden;
- with « Facile à lire » on: after each of 5 taps, the start of the coach's first new message
  is on screen, the focus is not in the text field (no virtual keyboard over the reply), and
  the page is the one scroll; typing that one does not understand keeps easy-to-read on.
"""

from __future__ import annotations

import pytest
from navigateur import IDLE, NESTED, open_client, shot, touch_phone
from playwright.sync_api import Page, expect

PHONES = ((375, 740), (320, 568))
STATE = """() => {
    const a = document.activeElement;
    return {bots: [...document.querySelectorAll('.msg--coach')].map(b => b.id),
            height: innerHeight, active: a.tagName};
}"""


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
@pytest.mark.parametrize(("width", "height"), PHONES)
def test_the_real_welcome_and_the_first_choice_fit_the_first_screen(
        new_context, real_site, width: int, height: int, falc: bool) -> None:
    page = touch_phone(new_context, width, height)
    open_client(page, real_site, "?falc=1" if falc else "")
    page.locator(".choix button").first.wait_for()
    page.wait_for_timeout(200)
    seen = page.evaluate("""() => {
        const box = e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom]; };
        const bubble = getComputedStyle(document.querySelector('.msg--coach .bulle'));
        return {scrollY, height: innerHeight,
                welcome: [...document.querySelectorAll('.msg--coach')].map(box),
                choice: box(document.querySelector('.choix button')),
                font: parseFloat(bubble.fontSize), line: parseFloat(bubble.lineHeight),
                active: document.activeElement.tagName};
    }""")
    assert len(seen["welcome"]) >= 2, seen  # the greeting and the question
    assert seen["scrollY"] == 0, seen
    for top, bottom in seen["welcome"]:
        assert top >= 0 and bottom <= seen["height"], seen
    assert seen["choice"][0] >= 0 and seen["choice"][1] <= seen["height"], seen
    # By layout, not by shrinking the text: 18 px, line height 1.5 (easy-to-read: larger
    # text, wider lines, as it is everywhere else).
    font, line = (21.6, 1.8) if falc else (18, 1.5)
    assert seen["font"] >= font - 0.1 and seen["line"] >= line * font - 0.5, seen
    assert seen["active"] == "BODY"  # nothing opened the keyboard
    shot(page, f"telephone-reel-{width}x{height}-accueil{'-facile' if falc else ''}")


def wait_reply(page: Page, before: int) -> None:
    page.wait_for_function(
        """n => document.querySelectorAll('.msg--coach').length > n
             && document.querySelector('.journal').getAttribute('aria-busy') !== 'true'""",
        arg=before)
    page.wait_for_function(IDLE)
    page.wait_for_timeout(150)  # let layout settle


@pytest.mark.parametrize(("width", "height"), PHONES)
def test_easy_to_read_on_a_phone_five_taps_and_difficulty_keeps_it_on(
        new_context, real_site, width: int, height: int) -> None:
    page = touch_phone(new_context, width, height)
    open_client(page, real_site)
    falc = page.get_by_role("button", name="Facile à lire")
    falc.tap()
    expect(falc).to_have_attribute("aria-pressed", "true")
    page.wait_for_function(IDLE)
    for number in range(1, 6):
        before = page.evaluate(STATE)["bots"]
        choices = page.locator(".choix button")
        # The first proposed answer; at a place without any, the « Menu » command.
        target = choices.first if choices.count() else page.locator(
            '.commande[data-choix="menu"]')
        label = target.text_content()
        target.tap()
        wait_reply(page, len(before))
        state = page.evaluate(STATE)
        new = [b for b in state["bots"] if b not in before]
        assert new, f"tap {number}: no new message"
        top = page.evaluate("i => document.getElementById(i).getBoundingClientRect().top",
                            new[0])
        assert top >= 0 and top + 30 <= state["height"], (
            f"tap {number} « {label} » : the reply starts at {top} px,"
            f" outside a viewport of {state['height']} px")
        assert state["active"] != "TEXTAREA", f"tap {number}: focus in the text field"
        nested = page.evaluate(NESTED, page.evaluate_handle("document.body"))
        assert nested == [], f"tap {number}: a scrolling box inside the page: {nested}"
        expect(falc).to_have_attribute("aria-pressed", "true")
        shot(page, f"telephone-reel-{width}x{height}-facile-{number}")

    field = page.get_by_role("textbox", name="Votre message")
    for phrase in ("je comprend rien", "c trop compliqué"):
        before = page.locator(".msg--coach").count()
        field.fill(phrase)
        page.get_by_role("button", name="Envoyer le message au coach").tap()
        wait_reply(page, before)
        expect(falc).to_have_attribute("aria-pressed", "true")
        assert page.evaluate("document.querySelector('.coach').classList.contains('falc')")
        expect(page.locator(".msg--coach").last).not_to_contain_text("désactivé")


def test_after_switching_easy_to_read_on_a_phone_the_current_reply_is_on_screen(
        new_context, real_site) -> None:
    """Seen on a phone: « Facile à lire » is at the top of the page; after a tap on it
    several answers into the conversation, the person was left at the welcome and had to
    scroll back through the whole conversation to find the message they were reading."""
    page = touch_phone(new_context, 320, 568)
    open_client(page, real_site)
    for _ in range(3):
        before = page.evaluate(STATE)["bots"]
        page.locator(".choix button").first.tap()
        wait_reply(page, len(before))
    falc = page.get_by_role("button", name="Facile à lire")
    for pressed in ("true", "false"):
        falc.tap()
        expect(falc).to_have_attribute("aria-pressed", pressed)
        page.wait_for_function(IDLE)
        page.wait_for_timeout(200)
        seen = page.evaluate("""() => {
            const mine = [...document.querySelectorAll('.messages .msg--moi')].pop();
            let reply = mine.nextElementSibling;
            while (reply && !reply.classList.contains('msg--coach'))
                reply = reply.nextElementSibling;
            return {top: reply.getBoundingClientRect().top, height: innerHeight, scrollY,
                    active: document.activeElement.tagName};
        }""")
        assert seen["scrollY"] > 0 and 0 <= seen["top"] <= seen["height"] - 60, seen
        assert seen["active"] != "TEXTAREA", seen
        shot(page, f"telephone-reel-bascule-{pressed}")


def test_on_a_phone_the_contact_is_tapped_not_copied(new_context, real_site) -> None:
    """« Parler à une personne » gives a number and an address: on a phone they are links
    (tel:, mailto:) in the coach's words; a number the person typed stays text."""
    page = touch_phone(new_context, 320, 568)
    open_client(page, real_site)
    field = page.get_by_role("textbox", name="Votre message")
    before = page.locator(".msg--coach").count()
    field.fill("mon num 06 12 34 56 78")
    page.get_by_role("button", name="Envoyer le message au coach").tap()
    wait_reply(page, before)
    before = page.locator(".msg--coach").count()
    page.locator('.commande[data-choix="humain"]').tap()
    wait_reply(page, before)
    said = page.locator(".msg--coach").last
    phone = said.get_by_role("link", name="01 23 45 67 89")
    expect(phone).to_have_attribute("href", "tel:0123456789")
    expect(said.get_by_role("link", name="accueil@association.example")).to_have_attribute(
        "href", "mailto:accueil@association.example")
    box = phone.bounding_box()
    assert box is not None and 0 <= box["y"] <= 568, box
    assert page.locator(".msg--moi a").count() == 0
    shot(page, "telephone-reel-contact-liens")


@pytest.mark.parametrize(("width", "height"), PHONES)
def test_typing_that_one_does_not_understand_shows_and_focuses_the_coach_s_answer(
        new_context, real_site, width: int, height: int) -> None:
    """In standard French, « je comprend rien » switches easy-to-read on and the whole
    history is shown again: the focus went to the person's own message, not the coach's."""
    page = touch_phone(new_context, width, height)
    open_client(page, real_site)
    before = page.evaluate(STATE)["bots"]
    page.locator(".choix button").first.tap()
    wait_reply(page, len(before))
    page.get_by_role("textbox", name="Votre message").fill("je comprend rien")
    page.get_by_role("button", name="Envoyer le message au coach").tap()
    expect(page.get_by_role("button", name="Facile à lire")).to_have_attribute(
        "aria-pressed", "true")
    page.wait_for_function(IDLE)
    page.wait_for_timeout(200)
    seen = page.evaluate("""() => {
        const a = document.activeElement, r = a.getBoundingClientRect();
        return {cls: a.className, text: a.textContent.slice(0, 80), top: r.top,
                height: innerHeight};
    }""")
    assert "msg--coach" in seen["cls"], seen
    assert 0 <= seen["top"] <= seen["height"] - 60, seen


def test_the_largest_text_in_easy_to_read_fits_a_small_phone(new_context, real_site) -> None:
    """At 320 px, easy-to-read and « Plus grand » four times (the largest size): the choice
    « Est-ce confidentiel ? » was wider than the screen (a long word cannot wrap), and the
    phone zoomed the whole page out."""
    page = touch_phone(new_context, 320, 568)
    open_client(page, real_site, "?falc=1")
    page.get_by_role("button", name="Plus d’options").tap()
    for _ in range(4):
        page.get_by_role("button", name="Plus grand").tap()
    page.get_by_role("button", name="Plus d’options").tap()
    before = page.evaluate(STATE)["bots"]
    page.locator(".choix button").first.tap()
    wait_reply(page, len(before))
    seen = page.evaluate("""() => ({width: innerWidth, scroll: document.documentElement.scrollWidth,
        size: document.querySelector('.coach').className,
        wide: [...document.querySelectorAll('button, .bulle')].filter(e =>
            e.getBoundingClientRect().right > 320.5)
            .map(e => e.textContent.trim().slice(0, 40))})""")
    assert "taille-4" in seen["size"], seen
    assert seen["width"] == 320 and seen["scroll"] <= 320 and seen["wide"] == [], seen
    shot(page, "telephone-reel-320-facile-tres-grand")
