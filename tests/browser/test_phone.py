"""A parent on a small phone, with touch: the reply is in view after each tap, the focus never
opens the virtual keyboard, one scroll only, and the first choice is there at load."""

from __future__ import annotations

import pytest
from navigateur import IDLE, NESTED, open_client, shot, touch_phone
from playwright.sync_api import Page, expect

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


# What covers the top of an element: at three points of its first line (left, middle, right),
# the element found there if it is not `e` or inside it (« Facile à lire », which stays at the
# top of the screen, must never be over the reply's first words).
COVERED = """e => { const r = e.getBoundingClientRect(), y = r.top + 6;
    return [r.left + 6, r.left + r.width / 2, r.right - 6].map(x => {
        const hit = document.elementFromPoint(x, y);
        return hit && !e.contains(hit) ? String(hit.className || hit.tagName) : null; })
        .filter(Boolean); }"""


def covered(page: Page, ident: str) -> list[str]:
    return page.evaluate(f"i => ({COVERED})(document.getElementById(i))", ident)


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
        assert covered(page, new[0]) == [], (number, label, top, covered(page, new[0]))
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


# The labels of the fixture journey's taps, in standard French and in easy-to-read.
DEEP = {False: (PARENT, "Oui, dites-m'en plus", "Observer d'abord", "Revenir en arrière"),
        True: ("Je suis un parent", "Oui", "Regarder", "Retour")}
SWITCH = """() => { const b = document.querySelector('.falc-bouton'), r = b.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return {top: r.top, bottom: r.bottom, height: innerHeight, scrollY,
            position: getComputedStyle(b).position, free: !!hit && b.contains(hit),
            pressed: b.getAttribute('aria-pressed')}; }"""
REPLY = """() => { const items = [...document.querySelectorAll('.msg')]; let first = null;
    for (let i = items.length - 1; i >= 0 && items[i].classList.contains('msg--coach'); i--)
        first = items[i];
    return first.id; }"""


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
@pytest.mark.parametrize(("width", "height"), PHONES)
def test_easy_to_read_switch_stays_at_hand_deep_in_the_conversation(
        new_context, site, width: int, height: int, falc: bool) -> None:
    """A person who struggles, four taps into the conversation: the one « Facile à lire »
    switch is on screen (it stays at the top) and nothing covers it; tapped, it switches the
    whole conversation and the start of the current reply is in view, under it."""
    page = touch_phone(new_context, width, height)
    open_client(page, site, "?falc=1" if falc else "")
    for label in DEEP[falc]:
        count = page.locator(".msg--coach").count()
        page.get_by_role("button", name=label, exact=True).tap()
        page.wait_for_function(
            """n => document.querySelectorAll('.msg--coach').length > n
                 && document.querySelector('.journal').getAttribute('aria-busy') === 'false'""",
            arg=count)
        page.wait_for_timeout(150)
        switch = page.evaluate(SWITCH)
        assert switch["scrollY"] > 0, switch  # deep in the conversation: the page scrolled
        assert switch["top"] >= 0 and switch["bottom"] <= switch["height"], (label, switch)
        assert switch["free"], (label, switch)
    assert switch["bottom"] - switch["top"] <= 0.1 * switch["height"], switch  # a small strip
    expect(page.get_by_role("button", name="Facile à lire")).to_have_count(1)  # one switch
    page.locator(".falc-bouton").tap()
    expect(page.locator(".falc-bouton")).to_have_attribute(
        "aria-pressed", "false" if falc else "true")
    page.wait_for_function(IDLE)
    page.wait_for_timeout(150)
    reply = page.evaluate(REPLY)
    top = top_of(page, reply)
    switch = page.evaluate(SWITCH)
    assert switch["bottom"] <= top and top + 30 <= switch["height"], (top, switch)
    assert covered(page, reply) == [], covered(page, reply)
    assert switch["free"] and switch["top"] >= 0, switch
    assert page.evaluate("document.activeElement.className") == "falc-bouton"
    nested = page.evaluate(NESTED, page.evaluate_handle("document.body"))
    assert nested == [], nested
    shot(page, f"telephone-{width}x{height}-bascule{'-facile' if falc else ''}")


@pytest.mark.parametrize(("width", "height"), [(740, 375), (320, 200)],
                         ids=["paysage", "zoom-400"])
def test_no_switch_stays_on_a_short_screen(new_context, site, width: int, height: int) -> None:
    """A phone held sideways, a desktop at 400 % zoom: the screen is too short for anything
    to stay at its top; the switch stays at the start of the page, with nothing over the
    conversation."""
    page = touch_phone(new_context, width, height)
    open_client(page, site)
    for label in DEEP[False][:2]:
        count = page.locator(".msg--coach").count()
        page.get_by_role("button", name=label, exact=True).tap()
        page.wait_for_function("n => document.querySelectorAll('.msg--coach').length > n",
                               arg=count)
        page.wait_for_function(IDLE)
    page.wait_for_timeout(150)
    switch = page.evaluate(SWITCH)
    assert switch["position"] == "static" and switch["bottom"] <= 0, switch
    reply = page.evaluate(REPLY)
    assert covered(page, reply) == []
