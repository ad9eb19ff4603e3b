"""Keyboard only at 400 % zoom: a 1280 × 720 window zoomed to 400 % is a CSS viewport of
320 × 180 px. After a choice made with Enter (or a message sent with Enter), the focus was
in the text field, 700 to 1 500 px below the screen: the reply's start was brought to the
top and a 180 px window has no room for both. WCAG 2.4.11: the focused element is seen.
There, the focus goes to the reply's first message (seen at the top of the screen), from
which Tab reaches the proposed answers; on a desktop window the field keeps the focus
(test_pointeur.py, test_announcements.py)."""

from __future__ import annotations

import pytest
from navigateur import DEEP_ACTIVE, IDLE, LAUNCHER, RECORDER, open_client, press, shot
from playwright.sync_api import Page

ZOOM_400 = {"width": 320, "height": 180}

# The focused element (through the widget's shadow root): its box, whether it is what the
# screen shows at its first and last lines (not scrolled away, not under a sticky bar), and
# the reply's first message.
SEEN = f"""() => {{
    const host = document.getElementById('coach-cop-widget');
    const root = host && host.shadowRoot && host.shadowRoot.querySelector('.msg')
        ? host.shadowRoot : document;
    const a = ({DEEP_ACTIVE})(), r = a.getBoundingClientRect();
    const x = Math.min(Math.max((r.left + r.right) / 2, 1), innerWidth - 1);
    const on = y => {{ if (y < 0 || y >= innerHeight) return false;
        const hit = root.elementFromPoint(x, y); return !!hit && (hit === a || a.contains(hit)); }};
    const mine = [...root.querySelectorAll('.messages .msg--moi')].pop();
    let reply = mine ? mine.nextElementSibling : null;
    while (reply && !reply.classList.contains('msg--coach')) reply = reply.nextElementSibling;
    return {{tag: a.tagName, id: a.id, cls: String(a.className),
             inChoices: !!a.closest('.choix'), top: r.top, bottom: r.bottom,
             partly: on(r.top + 2) || on((r.top + r.bottom) / 2) || on(r.bottom - 2),
             height: innerHeight, reply: reply ? reply.id : null,
             replyTop: reply ? reply.getBoundingClientRect().top : null,
             bots: root.querySelectorAll('.msg--coach').length}};
}}"""


def wait_reply(page: Page, before: int) -> None:
    page.wait_for_function(f"n => ({SEEN})().bots > n", arg=before)
    page.wait_for_function(IDLE)
    page.wait_for_timeout(200)


def assert_focus_on_the_reply(seen: dict[str, object], step: str) -> None:
    assert seen["partly"], f"{step} : le focus est hors de l’écran : {seen}"
    assert "msg--coach" in str(seen["cls"]) and seen["id"] == seen["reply"], (step, seen)
    assert 0 <= float(seen["replyTop"]) <= 40, (step, seen)  # type: ignore[arg-type]


def test_keyboard_at_400_percent_zoom_in_the_page(new_context, site) -> None:
    page = new_context(viewport=ZOOM_400).new_page()
    page.add_init_script(RECORDER)
    open_client(page, site)
    page.wait_for_function(IDLE)
    for number, label in enumerate(("Je suis un parent ou un proche aidant",
                                    "Oui, dites-m'en plus"), start=1):
        before = page.evaluate(SEEN)["bots"]
        press(page.get_by_role("button", name=label, exact=True))
        wait_reply(page, before)
        seen = page.evaluate(SEEN)
        assert_focus_on_the_reply(seen, f"choix {number}")
        shot(page, f"zoom-400-page-choix{number}")
    # One channel per reply: the focus reads it, nothing is written in the announcer.
    spoken = [a for a in page.evaluate("window.__annonces") if "dit :" in a["text"]]
    assert spoken == [], spoken
    # From the reply, Tab reaches the proposed answers, seen.
    page.keyboard.press("Tab")
    seen = page.evaluate(SEEN)
    assert seen["inChoices"] and seen["partly"], seen
    # A message typed and sent with Enter: the same.
    page.get_by_role("textbox", name="Votre message").focus()
    page.keyboard.type("Observer d'abord")
    before = page.evaluate(SEEN)["bots"]
    page.keyboard.press("Enter")
    wait_reply(page, before)
    assert_focus_on_the_reply(page.evaluate(SEEN), "message écrit")
    shot(page, "zoom-400-page-texte")


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_keyboard_at_400_percent_zoom_in_the_widget(new_context, site, falc: bool) -> None:
    page = new_context(viewport=ZOOM_400).new_page()
    page.goto(site.partner + "/index.html")
    launcher = page.get_by_role("button", name="Besoin d’aide ? Tchat avec le coach")
    launcher.focus()
    page.keyboard.press("Enter")
    root = page.locator("#coach-cop-widget")
    root.locator(".messages .msg").first.wait_for()
    page.wait_for_function(IDLE)
    if falc:
        press(root.locator(".falc-bouton"))
        page.wait_for_function("document.getElementById('coach-cop-widget').shadowRoot"
                               ".querySelector('.coach').classList.contains('falc')")
        page.wait_for_function(IDLE)
    for number in (1, 2):
        before = page.evaluate(SEEN)["bots"]
        press(root.locator(".choix button").first)
        wait_reply(page, before)
        assert_focus_on_the_reply(page.evaluate(SEEN), f"widget, choix {number}")
        shot(page, f"zoom-400-widget{'-facile' if falc else ''}-choix{number}")
        # From the reply, Tab reaches the proposed answers (the end node has none: the field).
        page.keyboard.press("Tab")
        seen = page.evaluate(SEEN)
        assert seen["partly"] and (seen["inChoices"] if number == 1
                                   else seen["id"] == "saisie"), seen


@pytest.mark.parametrize("height", [800, 600])
def test_on_a_desktop_the_field_keeps_the_focus_and_is_seen(new_context, site,
                                                             height: int) -> None:
    """The same rule on a desktop window: the history's box grew with the reply and pushed
    the focused field below the window (at 1280 × 600 entirely: 650–720 px; at 1280 × 800,
    14 of its 72 px seen). The page scrolls it in; the focus stays in it, the reply's start
    is still seen in its box, and it is announced (test_announcements.py)."""
    page = new_context(viewport={"width": 1280, "height": height}).new_page()
    open_client(page, site)
    page.wait_for_function(IDLE)
    for label in ("Je suis un parent ou un proche aidant", "Oui, dites-m'en plus"):
        before = page.evaluate(SEEN)["bots"]
        press(page.get_by_role("button", name=label, exact=True))
        wait_reply(page, before)
        seen = page.evaluate(SEEN)
        assert seen["id"] == "saisie", seen
        assert seen["top"] >= 0 and seen["bottom"] <= height + 1, seen  # the whole field
        assert seen["partly"], seen
        reply = page.evaluate("""i => { const e = document.getElementById(i),
            j = document.querySelector('.journal').getBoundingClientRect(),
            r = e.getBoundingClientRect(); return [r.top, j.top, j.bottom]; }""", seen["reply"])
        assert max(0, reply[1]) <= reply[0] <= min(height, reply[2]) - 30, (label, reply)
    shot(page, f"zoom-100-page-{height}")


def test_typing_on_the_focused_reply_writes_in_the_field(new_context, site) -> None:
    """At 400 % zoom the reply has the focus after a keyboard choice; a person who then types
    at once (used to the field keeping the focus) lost the letters: they go to the field."""
    page = new_context(viewport=ZOOM_400).new_page()
    open_client(page, site)
    page.wait_for_function(IDLE)
    before = page.evaluate(SEEN)["bots"]
    press(page.get_by_role("button", name="Je suis un parent ou un proche aidant"))
    wait_reply(page, before)
    assert "msg--coach" in page.evaluate(SEEN)["cls"]
    page.keyboard.type("Oui")
    field = page.get_by_role("textbox", name="Votre message")
    assert field.input_value() == "Oui"
    seen = page.evaluate(SEEN)
    assert seen["id"] == "saisie" and seen["partly"], seen
    before = seen["bots"]
    page.keyboard.press("Enter")
    wait_reply(page, before)
    assert "Votre expérience de parent" in page.evaluate(
        "document.querySelector('.messages').textContent")


# Where the widget's opening leaves the focus and the panel: the focused element (through the
# shadow root) and whether the screen shows it, the welcome's first message, « Fermer ».
OPENED = f"""() => {{
    const root = document.getElementById('coach-cop-widget').shadowRoot;
    const a = ({DEEP_ACTIVE})(), r = a.getBoundingClientRect();
    const x = Math.min(Math.max((r.left + r.right) / 2, 1), innerWidth - 1);
    const on = y => {{ if (y < 0 || y >= innerHeight) return false;
        const hit = root.elementFromPoint(x, y); return !!hit && (hit === a || a.contains(hit)); }};
    const first = root.querySelector('.messages .msg--coach');
    const close = root.querySelector('.fermer').getBoundingClientRect();
    return {{tag: a.tagName, id: a.id, cls: String(a.className), inWidget: a.getRootNode() === root,
             seen: on(r.top + 4) || on((r.top + r.bottom) / 2),
             top: r.top, first: a === first, firstTop: first.getBoundingClientRect().top,
             closeTop: close.top, closeSeen: close.top >= 0 && close.bottom <= innerHeight,
             falc: root.querySelector('.coach').classList.contains('falc'),
             coach: root.querySelectorAll('.messages .msg--coach').length}};
}}"""


def opened(page: Page, partner: str, how: str, name: str = "index.html") -> dict:
    """The partner's launcher activated (`click`, `keyboard` or `tap`), the welcome settled."""
    page.goto(f"{partner}/{name}")
    launcher = page.get_by_role("button", name=LAUNCHER, exact=True)
    if how == "keyboard":
        launcher.focus()
        page.keyboard.press("Enter")
    elif how == "tap":
        launcher.tap()
    else:
        launcher.click()
    page.locator("#coach-cop-widget .messages .msg").first.wait_for()
    page.wait_for_function(IDLE)
    page.wait_for_timeout(300)
    return page.evaluate(OPENED)


@pytest.mark.parametrize("height", [200, 256])
@pytest.mark.parametrize("how", ["click", "keyboard"])
def test_opening_the_widget_at_400_percent_shows_the_welcome(new_context, real_site,
                                                              height: int, how: str) -> None:
    """Tester, session 11: at 400 % zoom (320 × 200, 320 × 256) the full-screen panel opened
    with the focus in the text field, at its bottom; the four first messages of the parents'
    way (greeting, Patricia, Jacques) were 1 450 to 2 625 px above, « Fermer » with them. The
    reply is what a person who sees four lines needs first (C8c): the welcome's start is on
    screen with « Fermer », the focus on its first message (no virtual keyboard, nothing
    hidden), seen; Tab goes on to the proposed answers."""
    page = new_context(viewport={"width": 320, "height": height}).new_page()
    seen = opened(page, real_site.partner, how)
    assert seen["coach"] >= 3, seen  # the real parents' welcome: several messages
    assert seen["tag"] != "TEXTAREA", seen
    assert seen["inWidget"] and "msg--coach" in seen["cls"] and seen["seen"], seen
    assert 0 <= seen["firstTop"] <= height - 48, seen
    assert seen["closeSeen"], seen
    shot(page, f"zoom-400-ouverture-{height}-{how}")
    page.keyboard.press("Tab")
    after = page.evaluate(OPENED)
    assert after["inWidget"] and after["seen"], after
    # Closed and opened again (the keyboard is back on the launcher): the same.
    page.keyboard.press("Escape")
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    again = page.evaluate(OPENED)
    assert "msg--coach" in again["cls"] and again["seen"], again


@pytest.mark.parametrize("height", [200, 256])
@pytest.mark.parametrize("how", ["click", "keyboard"])
def test_opening_the_widget_at_400_percent_in_easy_to_read_keeps_the_panel_top(
        new_context, real_site, height: int, how: str) -> None:
    """Tester, session 12: the partner snippet of docs/partenaires.md (`data-falc="true"`) at
    320 × 200: the easy-to-read welcome, taller, began 1 px too low for « its start is seen »,
    and the opening scrolled it to the top: « Fermer », the title and « Facile à lire » were
    103 px above the screen. A new conversation's reply is the welcome, under the panel's
    top: the panel stays there, the focus on the welcome, even if only its first lines fit."""
    page = new_context(viewport={"width": 320, "height": height}).new_page()
    seen = opened(page, real_site.partner, how, "facile.html")
    assert seen["falc"], seen
    assert seen["closeSeen"], f"« Fermer » est hors de l’écran : {seen}"
    assert seen["inWidget"] and "msg--coach" in seen["cls"] and seen["first"], seen
    assert seen["seen"] and 0 <= seen["top"] <= height - 24, seen
    shot(page, f"zoom-400-ouverture-facile-{height}-{how}")
    page.keyboard.press("Tab")
    after = page.evaluate(OPENED)
    assert after["inWidget"] and after["seen"], after


@pytest.mark.parametrize("viewport, how, focused", [
    ({"width": 1280, "height": 800}, "click", "saisie"),
    ({"width": 1280, "height": 800}, "keyboard", "saisie"),
    ({"width": 375, "height": 740}, "tap", "coach-titre"),
    ({"width": 320, "height": 568}, "tap", "coach-titre"),
])
def test_opening_the_widget_elsewhere_keeps_its_focus(new_context, real_site, viewport,
                                                       how: str, focused: str) -> None:
    """A desktop opening keeps the focus in the field (the panel shows the reply at its top,
    the field at its bottom); a tap on a phone, the panel's title (never the field, whose
    virtual keyboard would hide the reply)."""
    touch = {"is_mobile": True, "has_touch": True} if how == "tap" else {}
    page = new_context(viewport=viewport, **touch).new_page()
    seen = opened(page, real_site.partner, how)
    assert seen["id"] == focused and seen["seen"], seen
    assert 0 <= seen["firstTop"] <= viewport["height"] - 48, seen
