"""A choice made with the mouse on a desktop behaves like a tap: the focus goes to the reply
(its first new message), never to the text field, which a long menu can push below the
visible part of the widget's panel; the keyboard keeps the focus in the field."""

from __future__ import annotations

import pytest
from navigateur import IDLE, deep_active, open_client, open_widget, shot
from playwright.sync_api import Page

PARENT = "Je suis un parent ou un proche aidant"

# Where things are in the widget: the panel body (its one scroll), the coach's messages,
# the field and the focused element.
WIDGET = """() => {
    const root = document.getElementById('coach-cop-widget').shadowRoot;
    const body = root.querySelector('.panneau-corps').getBoundingClientRect();
    const field = root.querySelector('#saisie').getBoundingClientRect();
    const a = root.activeElement;
    return {body: [body.top, body.bottom], field: [field.top, field.bottom],
            vh: innerHeight, pageScroll: scrollY,
            bots: [...root.querySelectorAll('.msg--coach')].map(b => b.id),
            tops: Object.fromEntries([...root.querySelectorAll('.msg--coach')].map(
                b => [b.id, b.getBoundingClientRect().top])),
            active: a ? {tag: a.tagName, id: a.id, inChoices: !!a.closest('.choix'),
                         message: a.closest('.msg') ? a.closest('.msg').id : ''} : null};
}"""

PAGE = """() => {
    const j = document.querySelector('.journal').getBoundingClientRect();
    const a = document.activeElement;
    return {journal: [j.top, j.bottom], vh: innerHeight, pageScroll: scrollY,
            bots: [...document.querySelectorAll('.msg--coach')].map(b => b.id),
            tops: Object.fromEntries([...document.querySelectorAll('.msg--coach')].map(
                b => [b.id, b.getBoundingClientRect().top])),
            active: {tag: a.tagName, id: a.id, inChoices: !!a.closest('.choix'),
                     message: a.closest('.msg') ? a.closest('.msg').id : ''}};
}"""


def new_bots(page: Page, state: str, before: list[str]) -> None:
    page.wait_for_function(
        f"n => ({state})().bots.length > n", arg=len(before))
    page.wait_for_function(IDLE)
    page.wait_for_timeout(150)


@pytest.mark.parametrize("height", [800, 600])
def test_mouse_choice_in_the_widget_shows_the_reply_not_the_field(new_context, site,
                                                                   height: int) -> None:
    page = new_context(viewport={"width": 1280, "height": height}).new_page()
    open_widget(page, site)
    page.wait_for_function(IDLE)
    for label in ("Oui, dites-m'en plus", "Observer d'abord", "Revenir en arrière"):
        before = page.evaluate(WIDGET)
        page.locator("#coach-cop-widget").get_by_role("button", name=label, exact=True).click()
        new_bots(page, WIDGET, before["bots"])
        state = page.evaluate(WIDGET)
        new = [b for b in state["bots"] if b not in before["bots"]]
        top = state["tops"][new[0]]
        assert state["body"][0] - 1 <= top <= state["body"][1] - 40, (label, top, state)
        assert state["active"]["tag"] != "TEXTAREA", (label, state)
        assert state["active"]["message"] == new[0] or state["active"]["inChoices"], state
        assert state["pageScroll"] == before["pageScroll"]  # the host page did not move
    shot(page, f"widget-souris-{height}")


@pytest.mark.parametrize("height", [800, 600])
def test_mouse_choice_in_the_page_shows_the_reply_not_the_field(new_context, site,
                                                                 height: int) -> None:
    page = new_context(viewport={"width": 1280, "height": height}).new_page()
    open_client(page, site)
    page.wait_for_function(IDLE)
    for label in (PARENT, "Oui, dites-m'en plus", "Observer d'abord", "Revenir en arrière"):
        before = page.evaluate(PAGE)
        page.get_by_role("button", name=label, exact=True).click()
        new_bots(page, PAGE, before["bots"])
        state = page.evaluate(PAGE)
        new = [b for b in state["bots"] if b not in before["bots"]]
        top = state["tops"][new[0]]
        # Inside the history's box and inside the window.
        seen = (max(0, state["journal"][0]) - 1, min(state["vh"], state["journal"][1]) - 40)
        assert seen[0] <= top <= seen[1], (label, top, state)
        assert state["active"]["tag"] != "TEXTAREA", (label, state)
        assert state["active"]["message"] == new[0] or state["active"]["inChoices"], state
    shot(page, f"client-souris-{height}")


def test_mouse_choice_on_a_long_real_menu_in_the_widget(new_context, real_site) -> None:
    """The professionals' menu (real content, 7 choices or so): the text field is below what
    the panel shows once the reply is at its top; a click on a choice put the focus there."""
    page = new_context(viewport={"width": 1280, "height": 800}).new_page()
    open_widget(page, real_site, "index.html")
    page.wait_for_function(IDLE)
    page.locator("#coach-cop-widget #saisie").fill("je suis professionnel")
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => ({WIDGET})().bots.length > 2")
    page.wait_for_function(IDLE)
    choices = page.locator("#coach-cop-widget .choix button")
    assert choices.count() >= 5
    before = page.evaluate(WIDGET)
    choices.first.click()
    new_bots(page, WIDGET, before["bots"])
    state = page.evaluate(WIDGET)
    new = [b for b in state["bots"] if b not in before["bots"]]
    top = state["tops"][new[0]]
    assert state["body"][0] - 1 <= top <= state["body"][1] - 40, (top, state)
    assert state["active"]["tag"] != "TEXTAREA", state
    assert state["active"]["message"] == new[0] or state["active"]["inChoices"], state
    assert state["pageScroll"] == before["pageScroll"]
    shot(page, "widget-souris-menu-reel")


def test_keyboard_choice_keeps_the_focus_in_the_field(new_context, site) -> None:
    """The keyboard's way is unchanged: Enter on a choice, the focus is in the field, the
    reply is announced (test_announcements.py)."""
    page = new_context(viewport={"width": 1280, "height": 600}).new_page()
    open_client(page, site)
    page.get_by_role("button", name=PARENT).focus()
    page.keyboard.press("Enter")
    new_bots(page, PAGE, ["msg-m0", "msg-m1"])
    assert deep_active(page)["id"] == "saisie"
    open_widget(page, site)
    page.wait_for_function(IDLE)
    page.locator("#coach-cop-widget").get_by_role("button", name="Oui, dites-m'en plus").focus()
    page.keyboard.press("Enter")
    page.locator("#coach-cop-widget").get_by_text("Comment aimeriez-vous participer ?").wait_for()
    page.wait_for_function(IDLE)
    assert deep_active(page)["id"] == "saisie"


def test_mouse_feedback_puts_the_focus_on_the_thanks(page: Page, site) -> None:
    """« Ce conseil vous aide-t-il ? » answered with the mouse: the focus on the thanks, where
    the buttons were (the keyboard's way, the field: test_avis_brouillon.py)."""
    open_client(page, site, "?parcours=initier")
    page.get_by_role("button", name="Oui, ce conseil m’aide").click()
    page.get_by_text("Merci pour votre avis.").first.wait_for()
    focused = deep_active(page)
    assert focused["cls"] == "avis-merci", focused


def test_easy_to_read_switched_in_the_widget_shows_the_current_reply(page: Page, site) -> None:
    """« Facile à lire » in the widget's header, on a desktop page, deep in the conversation:
    the history is shown again in easy-to-read and the panel's body (its one scroll) is on
    the start of the current reply, not on the history's first words; the host page stays."""
    open_widget(page, site)
    page.wait_for_function(IDLE)
    for label in ("Oui, dites-m'en plus", "Observer d'abord"):
        before = page.evaluate(WIDGET)
        page.locator("#coach-cop-widget").get_by_role("button", name=label, exact=True).click()
        new_bots(page, WIDGET, before["bots"])
    reply = page.evaluate(WIDGET)["bots"][-1]
    switch = page.locator("#coach-cop-widget .falc-bouton")
    switch.click()
    page.locator(f"#coach-cop-widget #{reply}").get_by_text("Merci").wait_for()
    page.wait_for_function(IDLE)
    page.wait_for_timeout(150)
    assert switch.get_attribute("aria-pressed") == "true"
    state = page.evaluate(WIDGET)
    top = state["tops"][reply]
    end = page.evaluate("""() => { const b = document.getElementById('coach-cop-widget')
        .shadowRoot.querySelector('.panneau-corps');
        return b.scrollTop >= b.scrollHeight - b.clientHeight - 1; }""")
    # At the top of the body, or lower when the body is scrolled to its end.
    assert state["body"][0] - 1 <= top <= (state["body"][1] - 40 if end
                                           else state["body"][0] + 40), (top, end, state)
    assert state["tops"][state["bots"][0]] < state["body"][0], state  # not the first words
    assert state["pageScroll"] == 0
