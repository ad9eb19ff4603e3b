"""What stays at the top of a phone's screen, and what it hides.

- The widget full screen at 320 × 568: its sticky header was 141 px, a quarter of the screen
  (the title, then « Facile à lire », « Plus d’options » and « Fermer » on two rows). Stuck,
  only one row stays: « Facile à lire » and « Fermer », 44 × 44 px at least; the title scrolls
  away, « Plus d’options » is at the top of the conversation.
"""

from __future__ import annotations

import pytest
from navigateur import IDLE, shot
from playwright.sync_api import Page

LAUNCHER = "Besoin d’aide ? Tchat avec le coach"

# The sticky header as the screen shows it: the part of it in the window, and the buttons
# there (found where they are drawn: nothing over them).
HEADER = """() => {
    const root = document.getElementById('coach-cop-widget').shadowRoot;
    const head = root.querySelector('.panneau-tete'), r = head.getBoundingClientRect();
    const buttons = [...root.querySelectorAll('.panneau-tete button')].map(b => {
        const q = b.getBoundingClientRect();
        const hit = root.elementFromPoint(q.left + q.width / 2, q.top + q.height / 2);
        return {name: b.innerText.replace(/\\s+/g, ' ').trim(), top: q.top,
                bottom: q.bottom, w: q.width, h: q.height, free: !!hit && b.contains(hit)}; });
    const scroller = root.getElementById('coach-panneau');
    return {top: r.top, bottom: r.bottom, height: innerHeight, scrolled: scroller.scrollTop,
            position: getComputedStyle(head).position,
            shown: Math.min(r.bottom, innerHeight) - Math.max(r.top, 0), buttons};
}"""


def open_on_a_phone(page: Page, site, falc: bool) -> None:  # type: ignore[no-untyped-def]
    page.goto(site.partner + "/index.html")
    page.get_by_role("button", name=LAUNCHER).tap()
    root = page.locator("#coach-cop-widget")
    root.locator(".messages .msg").first.wait_for()
    page.wait_for_function(IDLE)
    if falc:
        root.locator(".falc-bouton").tap()
        page.wait_for_function("document.getElementById('coach-cop-widget').shadowRoot"
                               ".querySelector('.coach').classList.contains('falc')")
        page.wait_for_function(IDLE)


def tap_choice(page: Page) -> None:
    root = page.locator("#coach-cop-widget")
    before = root.locator(".msg--coach").count()
    root.locator(".choix button").first.tap()
    page.wait_for_function(
        "n => document.getElementById('coach-cop-widget').shadowRoot"
        ".querySelectorAll('.msg--coach').length > n", arg=before)
    page.wait_for_function(IDLE)
    page.wait_for_timeout(200)


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_the_widget_s_sticky_header_is_one_row_on_a_small_phone(new_context, site,
                                                               falc: bool) -> None:
    page = new_context(viewport={"width": 320, "height": 568}, is_mobile=True,
                       has_touch=True).new_page()
    open_on_a_phone(page, site, falc)
    tap_choice(page)
    seen = page.evaluate(HEADER)
    assert seen["scrolled"] > 0 and seen["position"] == "sticky", seen
    # Stuck at the top: one row of buttons, well under 15 % of the screen (it was 141 px).
    assert seen["shown"] <= 0.11 * seen["height"], seen
    shown = {b["name"]: b for b in seen["buttons"] if b["bottom"] > 0}
    assert set(shown) == {"Facile à lire" + (" : activé" if falc else ""),
                          "Fermer le tchat"}, seen
    for button in shown.values():
        assert button["w"] >= 44 and button["h"] >= 44 and button["free"], button
        assert button["top"] >= 0, button
    shot(page, f"collant-widget-320x568{'-facile' if falc else ''}")
    # « Facile à lire » tapped where it stays: the whole conversation switches.
    page.locator("#coach-cop-widget .falc-bouton").tap()
    page.wait_for_function(
        "f => document.getElementById('coach-cop-widget').shadowRoot"
        ".querySelector('.coach').classList.contains('falc') === f", arg=not falc)
    page.wait_for_function(IDLE)
    # « Plus d’options » is at the top of the conversation, and opens the options there.
    options = page.locator("#coach-cop-widget").get_by_role("button", name="Plus d’options")
    options.tap()
    page.wait_for_timeout(200)
    seen = page.evaluate("""() => {
        const root = document.getElementById('coach-cop-widget').shadowRoot;
        const o = root.getElementById('options'), r = o.getBoundingClientRect();
        return {hidden: o.hidden, top: r.top, height: innerHeight}; }""")
    assert not seen["hidden"] and 0 <= seen["top"] < seen["height"], seen
    # « Fermer » in the strip closes the panel.
    page.locator("#coach-cop-widget .fermer").tap()
    assert page.evaluate("!document.getElementById('coach-cop-widget').shadowRoot"
                         ".getElementById('coach-panneau').open")
