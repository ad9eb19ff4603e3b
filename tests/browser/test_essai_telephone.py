"""What a try-out on phones (and a keyboard on a partner page) found, on the real dialogues:

- coming back to the page deep in a conversation, the start of the current reply is on
  screen (the history was laid out narrower while it loaded, and the page scrolled too far);
- turning the phone sideways (and back) keeps the message one was reading on screen (the
  browser kept the sticky « Facile à lire » switch in place, and the page went to its top);
- « Lire la dernière réponse » shows the start of a reply taller than the screen;
- a « ? » or a « : » in a proposed answer never starts a line on its own;
- the widget's launcher, before its first opening, has the coach's focus ring;
- in the widget's panel on a desktop page, the text field that has the keyboard's focus
  (after a choice made with the keyboard) is on screen, not pushed below the panel's view;
- in the widget's full-screen panel on a phone, a reply stops under the sticky header.
"""

from __future__ import annotations

import pytest
from navigateur import (
    DEEP_ACTIVE,
    IDLE,
    open_client,
    open_widget,
    press,
    shot,
    tap_and_wait,
    tap_widget_choice,
    tap_widget_open,
    touch_phone,
)
from playwright.sync_api import Page

LAST_REPLY = """() => {
    const mine = [...document.querySelectorAll('.messages .msg--moi')].pop();
    let reply = mine.nextElementSibling;
    while (reply && !reply.classList.contains('msg--coach')) reply = reply.nextElementSibling;
    const r = reply.getBoundingClientRect(),
          sw = document.querySelector('.falc-bouton').getBoundingClientRect();
    return {id: reply.id, top: r.top, bottom: r.bottom, height: innerHeight, scrollY,
            under: getComputedStyle(document.querySelector('.falc-bouton')).position === 'sticky'
                ? sw.bottom : 0};
}"""


def deep_in_easy_to_read(page: Page, site) -> None:  # type: ignore[no-untyped-def]
    """The parents' path in easy-to-read, three taps in: the page scrolled far down."""
    open_client(page, site, "?falc=1")
    for label in ("parent", "Trouver une communauté"):
        tap_and_wait(page, page.locator(".choix button", has_text=label).first)


def test_coming_back_deep_in_a_conversation_shows_the_reply_s_start(
        new_context, real_site) -> None:
    """Seen at 320 × 568: back on the page, the current reply began 282 px above the
    screen: it was scrolled to while the conversation was 2 × 1 em narrower (a padding of
    the loading state), so its messages were taller than once shown."""
    page = touch_phone(new_context, 320, 568)
    deep_in_easy_to_read(page, real_site)
    tap_and_wait(page, page.locator('.commande[data-choix="aide"]'))
    page.goto(real_site.coach + "/")
    page.locator(".messages .msg").first.wait_for()
    page.wait_for_function(IDLE)
    page.wait_for_timeout(300)
    seen = page.evaluate(LAST_REPLY)
    assert seen["scrollY"] > 0, seen
    assert seen["under"] - 1 <= seen["top"] <= seen["height"] - 60, seen
    shot(page, "essai-retour-sur-la-page")


@pytest.mark.parametrize(("width", "height"), [(568, 320), (740, 375)])
def test_turning_the_phone_keeps_the_message_one_reads(
        new_context, real_site, width: int, height: int) -> None:
    """Seen at 320 × 568 in easy-to-read: the reply at the top of the screen, the phone
    turned sideways, and the page was at its top (scrollY 31), the reply 1 600 px below:
    the browser keeps in place what is at the top centre of the screen, there the sticky
    switch, which sideways is back at the top of the page."""
    page = touch_phone(new_context, 320, 568)
    deep_in_easy_to_read(page, real_site)
    before = page.evaluate(LAST_REPLY)
    assert before["top"] >= before["under"] - 1, before
    page.set_viewport_size({"width": width, "height": height})
    page.wait_for_timeout(400)
    sideways = page.evaluate(LAST_REPLY)
    assert sideways["id"] == before["id"]
    assert 0 <= sideways["top"] <= sideways["height"] / 2, sideways
    shot(page, f"essai-telephone-tourne-{width}x{height}")
    page.set_viewport_size({"width": 320, "height": 568})
    page.wait_for_timeout(400)
    back = page.evaluate(LAST_REPLY)
    assert back["under"] - 1 <= back["top"] <= back["height"] / 2, back


def test_read_the_last_reply_shows_its_start(new_context, real_site) -> None:
    """« Lire la dernière réponse » after « Aide » in easy-to-read at 320 × 568, the page
    scrolled up: the help (630 px) was brought in by its end, its first lines above the
    screen, under the sticky switch."""
    page = touch_phone(new_context, 320, 568)
    deep_in_easy_to_read(page, real_site)
    tap_and_wait(page, page.locator('.commande[data-choix="aide"]'))
    page.evaluate("scrollTo(0, 0)")
    page.locator(".lire-derniere").tap()
    page.wait_for_timeout(300)
    seen = page.evaluate("""() => {
        const a = document.activeElement, r = a.getBoundingClientRect(),
              sw = document.querySelector('.falc-bouton').getBoundingClientRect();
        return {cls: a.className, top: r.top, bottom: r.bottom, height: innerHeight,
                under: sw.bottom};
    }""")
    assert "msg--coach" in seen["cls"], seen
    assert seen["bottom"] - seen["top"] > seen["height"] - seen["under"], seen  # taller
    assert seen["under"] - 1 <= seen["top"] <= seen["under"] + 30, seen
    shot(page, "essai-lire-la-derniere")


def test_a_question_mark_never_starts_a_line_of_a_proposed_answer(
        new_context, real_site) -> None:
    """At 320 px in easy-to-read, « Mon avis compte ? » showed its « ? » alone on a second
    line: the proposed answers were shown without the French spacing of the messages."""
    page = touch_phone(new_context, 320, 568)
    open_client(page, real_site, "?falc=1")
    labels = page.evaluate(
        "[...document.querySelectorAll('.choix button')].map(b => b.textContent)")
    assert any("?" in label for label in labels), labels
    for label in labels:
        assert " ?" not in label and " :" not in label, label
    raw = page.evaluate(
        "[...document.querySelectorAll('.choix button')].map(b => b.dataset.libelle)")
    assert any(" ?" in label for label in raw), raw  # what the person is shown as chosen
    tap_and_wait(page, page.locator(".choix button").first)
    for label in page.evaluate(
            "[...document.querySelectorAll('.choix button, .commande')].map(b => b.textContent)"):
        assert " ?" not in label and " :" not in label, label


def test_the_launcher_has_the_coach_s_focus_ring_before_it_is_first_opened(
        new_context, real_site) -> None:
    """Reached with Tab on the partner's page before any opening, the launcher had only the
    browser's own ring (1 px, dark on the launcher's dark edge); the coach's (3 px, 4 px
    away) came with its stylesheet, at the first opening."""
    page = new_context().new_page()
    page.goto(real_site.partner + "/index.html")
    launcher = page.get_by_role("button", name="Besoin d’aide ? Tchat avec le coach")
    launcher.wait_for()
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate(
                "() => { const h = document.getElementById('coach-cop-widget');"
                " return document.activeElement === h; }"):
            break
    ring = page.evaluate("""() => {
        const b = document.getElementById('coach-cop-widget').shadowRoot
            .querySelector('.lanceur');
        const s = getComputedStyle(b);
        return {focused: b.matches(':focus-visible'), style: s.outlineStyle,
                width: parseFloat(s.outlineWidth), offset: parseFloat(s.outlineOffset)};
    }""")
    assert ring["focused"], ring
    assert ring["style"] == "solid" and ring["width"] >= 3 and ring["offset"] >= 2, ring
    shot(page, "essai-lanceur-focus")


FIELD_SEEN = f"""() => {{
    const root = document.getElementById('coach-cop-widget').shadowRoot;
    const body = root.querySelector('.panneau-corps').getBoundingClientRect();
    const a = ({DEEP_ACTIVE})(), r = a.getBoundingClientRect();
    const mine = [...root.querySelectorAll('.messages .msg--moi')].pop();
    let reply = mine ? mine.nextElementSibling : null;
    const top = reply ? reply.getBoundingClientRect().top : null;
    const x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
    return {{id: a.id, text: a.textContent.trim().slice(0, 40), rect: [r.top, r.bottom],
             body: [body.top, body.bottom], reply: top,
             hit: root.elementFromPoint(x, y) === a || a.contains(root.elementFromPoint(x, y))}};
}}"""


def test_in_the_widget_the_focused_field_is_in_view_after_a_keyboard_choice(
        new_context, real_site) -> None:
    """Keyboard only on a partner's desktop page (1280 × 800), the parents' widget: after
    « Quels rôles pour moi ? » chosen with Enter, the focus is in the text field (the reply
    is announced), and the field was at 753–800 px, below the panel's end (720 px): the reply
    at the top of the panel pushed it out of sight, and nothing showed where the focus was.
    While it has the focus, the field stays at the bottom of the panel's view; a choice
    reached with Shift+Tab is seen whole, the field no longer over it."""
    page = new_context(viewport={"width": 1280, "height": 800}).new_page()
    open_widget(page, real_site, "index.html")
    page.wait_for_function(IDLE)
    root = page.locator("#coach-cop-widget")
    before = root.locator(".msg--coach").count()
    press(root.locator(".choix button").first)
    page.wait_for_function(
        "n => document.getElementById('coach-cop-widget').shadowRoot"
        ".querySelectorAll('.msg--coach').length > n", arg=before)
    page.wait_for_function(IDLE)
    page.wait_for_timeout(200)
    seen = page.evaluate(FIELD_SEEN)
    assert seen["id"] == "saisie", seen
    assert seen["body"][0] <= seen["rect"][0] and seen["rect"][1] <= seen["body"][1], seen
    assert seen["hit"], seen
    assert seen["body"][0] - 1 <= seen["reply"] <= seen["body"][0] + 60, seen  # still on top
    shot(page, "essai-widget-champ-en-vue")
    page.keyboard.press("Shift+Tab")
    choice = page.evaluate(FIELD_SEEN)
    assert choice["id"] != "saisie" and choice["hit"], choice
    assert seen["body"][0] <= choice["rect"][0] and choice["rect"][1] <= seen["body"][1], choice


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_on_a_phone_the_widget_s_reply_starts_under_its_header(
        new_context, real_site, falc: bool) -> None:
    """The widget on a partner's page at 320 × 568, easy-to-read switched on in it, a tap on
    a proposed answer: the reply's first message began at 130 px, under the sticky header
    (141 px: the title, then its buttons on two rows), its speaker's name hidden."""
    page = touch_phone(new_context, 320, 568)
    tap_widget_open(page, real_site, falc)
    for _ in range(2):
        tap_widget_choice(page)
        seen = page.evaluate("""() => {
            const root = document.getElementById('coach-cop-widget').shadowRoot;
            const head = root.querySelector('.panneau-tete').getBoundingClientRect();
            const a = root.activeElement, r = a.getBoundingClientRect();
            return {cls: a.className, top: r.top, head: head.bottom, height: innerHeight};
        }""")
        assert "msg--coach" in seen["cls"], seen
        assert seen["head"] <= seen["top"] <= seen["height"] / 2, seen
    shot(page, f"essai-widget-telephone-{'facile' if falc else 'standard'}")
