"""A parent on a small phone, with touch: the reply is in view after each tap, the focus never
opens the virtual keyboard, one scroll only, and the first choice is there at load."""

from __future__ import annotations

import pytest
from navigateur import NESTED, open_client, shot
from playwright.sync_api import Page

PARENT = "Je suis un parent ou un proche aidant"
# Five taps through the fixture journey: choices, the end node, a command, a choice again.
TAPS = (PARENT, "Oui, dites-m'en plus", "Observer d'abord", "Revenir en arrière",
        "Contribuer de temps en temps")
PHONES = ((375, 740), (320, 568))

STATE = """() => {
    const bots = [...document.querySelectorAll('.msg--coach')];
    const a = document.activeElement;
    return {bots: bots.map(b => b.id), height: innerHeight, scrollY: scrollY,
            active: {tag: a.tagName, id: a.id, cls: String(a.className),
                     inChoices: !!a.closest('.choix'), message: a.closest('.msg') ?
                         a.closest('.msg').id : ''}};
}"""


def top_of(page: Page, ident: str) -> float:
    return page.evaluate("i => document.getElementById(i).getBoundingClientRect().top", ident)


def touch_phone(new_context, width: int, height: int) -> Page:  # type: ignore[no-untyped-def]
    return new_context(viewport={"width": width, "height": height}, is_mobile=True,
                       has_touch=True).new_page()


@pytest.mark.parametrize(("width", "height"), PHONES)
def test_welcome_and_first_choice_are_visible_at_load(new_context, site, width: int,
                                                      height: int) -> None:
    page = touch_phone(new_context, width, height)
    open_client(page, site)
    page.get_by_role("button", name=PARENT).wait_for()
    page.wait_for_timeout(200)
    seen = page.evaluate("""() => {
        const first = document.querySelector('.msg--coach').getBoundingClientRect();
        const choice = document.querySelector('.choix button').getBoundingClientRect();
        return {scrollY, height: innerHeight, first: [first.top, first.bottom],
                choice: [choice.top, choice.bottom],
                active: document.activeElement.tagName};
    }""")
    assert seen["scrollY"] == 0, seen
    assert seen["first"][0] >= 0 and seen["first"][1] <= seen["height"], seen
    assert seen["choice"][0] >= 0 and seen["choice"][1] <= seen["height"], seen
    assert seen["active"] == "BODY"  # nothing opened the keyboard
    shot(page, f"telephone-{width}x{height}-accueil")


@pytest.mark.parametrize(("width", "height"), PHONES)
def test_each_tap_shows_the_start_of_the_reply_without_the_keyboard(
        new_context, site, width: int, height: int) -> None:
    page = touch_phone(new_context, width, height)
    open_client(page, site)
    for number, label in enumerate(TAPS, start=1):
        before = page.evaluate(STATE)["bots"]
        page.get_by_role("button", name=label, exact=True).tap()
        page.wait_for_function(
            """n => document.querySelectorAll('.msg--coach').length > n
                 && document.querySelector('.journal').getAttribute('aria-busy') === 'false'""",
            arg=len(before))
        page.wait_for_timeout(150)  # smooth scrolling is off; let layout settle
        state = page.evaluate(STATE)
        new = [b for b in state["bots"] if b not in before]
        assert new, f"tap {number}: no new message"
        top = top_of(page, new[0])
        assert top >= 0 and top + 30 <= state["height"], (
            f"tap {number} « {label} » : the reply starts at {top} px,"
            f" outside a viewport of {state['height']} px")
        active = state["active"]
        assert active["tag"] != "TEXTAREA", f"tap {number}: focus in the text field"
        assert active["message"] == new[0] or active["inChoices"], (number, active)
        nested = page.evaluate(NESTED, page.evaluate_handle("document.body"))
        assert nested == [], f"tap {number}: a scrolling box inside the page: {nested}"
        shot(page, f"telephone-{width}x{height}-tap{number}")


WIDGET_STATE = """() => {
    const root = document.getElementById('coach-cop-widget').shadowRoot;
    let a = root.activeElement;
    const panel = root.getElementById('coach-panneau');
    const inside = [...panel.querySelectorAll('*')].filter(e => {
        const s = getComputedStyle(e);
        return e.getClientRects().length && (s.overflowY === 'auto' || s.overflowY === 'scroll')
            && e.scrollHeight > e.clientHeight + 1; }).map(e => e.className);
    return {bots: [...root.querySelectorAll('.msg--coach')].map(b => b.id), height: innerHeight,
            active: a ? {tag: a.tagName, id: a.id, inChoices: !!a.closest('.choix'),
                         message: a.closest('.msg') ? a.closest('.msg').id : ''} : null,
            nested: inside,
            tops: Object.fromEntries([...root.querySelectorAll('.msg--coach')].map(
                b => [b.id, b.getBoundingClientRect().top]))};
}"""


@pytest.mark.parametrize(("width", "height"), PHONES)
def test_widget_on_a_phone_taps_show_the_reply_without_the_keyboard(
        new_context, site, width: int, height: int) -> None:
    page = touch_phone(new_context, width, height)
    page.goto(site.partner + "/index.html")
    page.get_by_role("button", name="Besoin d’aide ? Tchat avec le coach").tap()
    page.locator("#coach-cop-widget .messages .msg").first.wait_for()
    state = page.evaluate(WIDGET_STATE)
    assert state["active"]["tag"] != "TEXTAREA", state["active"]
    for number, label in enumerate(("Oui, dites-m'en plus", "Observer d'abord",
                                    "Revenir en arrière"), start=1):
        before = page.evaluate(WIDGET_STATE)["bots"]
        page.get_by_role("button", name=label, exact=True).tap()
        page.wait_for_function(
            """n => { const r = document.getElementById('coach-cop-widget').shadowRoot;
                return r.querySelectorAll('.msg--coach').length > n
                    && r.querySelector('.journal').getAttribute('aria-busy') === 'false'; }""",
            arg=len(before))
        page.wait_for_timeout(150)
        state = page.evaluate(WIDGET_STATE)
        new = [b for b in state["bots"] if b not in before]
        top = state["tops"][new[0]]
        assert top >= 0 and top + 30 <= state["height"], (number, label, top)
        assert state["active"]["tag"] != "TEXTAREA", (number, state["active"])
        assert state["active"]["message"] == new[0] or state["active"]["inChoices"]
        assert state["nested"] == [], state["nested"]  # the full-screen panel is the one scroll
    shot(page, f"telephone-{width}x{height}-widget")
