"""What a try-out as real people found (issue 17), on the real dialogues:

- Patricia, a parent on a 320 × 568 phone, taps a message to read it: the history was a Tab
  stop although the page, not the history, scrolls there; the tap focused it and drew the
  focus ring around the whole history (over the first letter of « Le coach »). The history is
  a Tab stop only while it is itself a scrolling region (a desktop page, once it overflows).
- « Parler à une personne » in easy-to-read at 320 px: the phone number was cut in two at a
  line's end (« 01 23 45 » / « 67 89 »); it now starts a line whole.
- Texts the client writes itself (« Ce conseil vous aide-t-il ? », the empty message's error,
  the confirmation, a blank tool's title) had ordinary spaces before « ? » and « : ».
- Patricia goes up to « Plus d’options » and closes them with a tap: she stayed at the top,
  her reply screens below (page and full-screen widget).
- Keyboard only on a desktop, the parents' real menu: after a choice made with Enter, the
  focused field was seen but the reply began above the window.
- The privacy link, alone on its line in the widget's full-screen panel, was a 43 px target.
- The connection lost on a phone: a tap on an answer seemed to do nothing, the error and
  « Réessayer » a screen below.
"""

from __future__ import annotations

import pytest
from navigateur import (
    IDLE,
    WIDGET_ROOT,
    open_client,
    shot,
    tap_and_wait,
    tap_widget_open,
    touch_phone,
)
from playwright.sync_api import Locator, Page, expect

PHONES = ((375, 740), (320, 568))

# The history's Tab stop, whether its box scrolls, and what has the focus.
JOURNAL = """root => {
    const j = root.querySelector('.journal'), o = getComputedStyle(j).overflowY;
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return {tabindex: j.getAttribute('tabindex'),
            scrolls: (o === 'auto' || o === 'scroll') && j.scrollHeight > j.clientHeight + 1,
            active: a ? String(a.className || a.tagName) : ''};
}"""


def open_by_touch(page: Page, real_site, where: str) -> tuple[Locator, str]:  # type: ignore[no-untyped-def]
    """The tchat on its own page, or the widget opened with a tap on a partner's page: the
    element holding it and the script expression of its document root."""
    if where == "page":
        open_client(page, real_site)
        return page.locator("body"), "document"
    return tap_widget_open(page, real_site), WIDGET_ROOT


@pytest.mark.parametrize(("width", "height"), PHONES)
def test_on_a_phone_the_history_is_no_tab_stop_and_a_tap_on_it_focuses_nothing(
        new_context, real_site, width: int, height: int) -> None:
    page = touch_phone(new_context, width, height)
    open_client(page, real_site)
    page.wait_for_function(IDLE)
    body = page.evaluate_handle("document")
    for step in range(3):
        seen = page.evaluate(JOURNAL, body)
        assert not seen["scrolls"] and seen["tabindex"] is None, (step, seen)
        # Reading: a tap on the coach's last words (not a control) focuses nothing.
        page.locator(".msg--coach .bulle").last.tap()
        page.wait_for_timeout(100)
        seen = page.evaluate(JOURNAL, body)
        assert "journal" not in seen["active"], (step, seen)
        tap_and_wait(page, page.locator(".choix button").first, settle_ms=200)
    shot(page, f"essai-personnes-{width}x{height}-historique-sans-arret")

    # The widget's panel on the phone (full screen, the panel is the one scroll): the same.
    root = tap_widget_open(page, real_site)
    shadow = page.evaluate_handle(WIDGET_ROOT)
    root.locator(".msg--coach .bulle").first.tap()
    page.wait_for_timeout(100)
    seen = page.evaluate(JOURNAL, shadow)
    assert not seen["scrolls"] and seen["tabindex"] is None, seen
    assert "journal" not in seen["active"], seen


def test_on_a_desktop_the_history_is_a_tab_stop_once_its_box_scrolls(
        new_context, real_site) -> None:
    page = new_context(viewport={"width": 1280, "height": 800}).new_page()
    open_client(page, real_site)
    page.wait_for_function(IDLE)
    body = page.evaluate_handle("document")
    seen = page.evaluate(JOURNAL, body)
    # The welcome fits its box: nothing to scroll, no stop for nothing.
    assert not seen["scrolls"] and seen["tabindex"] is None, seen
    for _ in range(3):
        before = page.locator(".msg--coach").count()
        page.locator(".choix button").first.click()
        page.wait_for_function("n => document.querySelectorAll('.msg--coach').length > n",
                               arg=before)
        page.wait_for_function(IDLE)
    page.wait_for_timeout(200)
    seen = page.evaluate(JOURNAL, body)
    assert seen["scrolls"] and seen["tabindex"] == "0", seen
    # Reached with Tab after the switches, scrolled with the arrows.
    page.get_by_role("button", name="Plus d’options").focus()
    page.keyboard.press("Tab")
    assert "journal" in page.evaluate(JOURNAL, body)["active"]
    top = page.evaluate("document.querySelector('.journal').scrollTop")
    page.keyboard.press("ArrowUp")
    page.wait_for_timeout(300)
    assert page.evaluate("document.querySelector('.journal').scrollTop") < top


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_a_phone_number_in_the_coach_s_words_is_never_cut_in_two(
        new_context, real_site, falc: bool) -> None:
    page = touch_phone(new_context, 320, 568)
    open_client(page, real_site, "?falc=1" if falc else "")
    page.wait_for_function(IDLE)
    tap_and_wait(page, page.locator('.commande[data-choix="humain"]'), settle_ms=200)
    said = page.locator(".msg--coach").last
    expect(said.get_by_role("link", name="accueil@association.example")).to_be_visible()
    phone = said.get_by_role("link", name="01 23 45 67 89")
    expect(phone).to_be_visible()
    # Lines its text takes (its text's boxes, whatever the link's display).
    lines = phone.evaluate("""a => { const r = document.createRange(); r.selectNodeContents(a);
        return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }""")
    assert lines == 1, f"the number is on {lines} lines"
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    shot(page, f"essai-personnes-contact-{'facile' if falc else 'standard'}")


# Texts the client writes itself (not the coach's messages, already spaced): an ordinary
# space before ? : ! ; lets a phone put the sign alone at a line's start.
LOOSE = r"""e => (e.textContent.match(/\S{0,12}(?: [?!;»]| :(?=\s|$)|« )\S{0,12}/g) || [])"""


def test_what_the_client_writes_keeps_french_punctuation_with_its_word(
        new_context, site, real_site) -> None:
    page = touch_phone(new_context, 320, 568)
    # « Ce conseil vous aide-t-il ? » under an advice (the test content's Léo).
    open_client(page, site, "?parcours=initier")
    question = page.locator(".avis-question")
    expect(question).to_have_count(1)
    assert question.evaluate(LOOSE) == []
    # The empty message's error.
    page.get_by_role("button", name="Envoyer le message au coach").tap()
    error = page.get_by_role("alert")
    expect(error).to_contain_text("Le message est vide")
    assert error.evaluate(LOOSE) == []
    # The confirmation before starting again.
    page.get_by_role("button", name="Plus d’options").tap()
    page.get_by_role("button", name="Recommencer depuis le début").tap()
    dialog = page.locator(".confirmation")
    expect(dialog).to_be_visible()
    assert dialog.evaluate(LOOSE) == []
    shot(page, "essai-personnes-confirmation-320")
    page.get_by_role("button", name="Non, continuer").tap()
    # A blank tool's group title, on the real content.
    page = touch_phone(new_context, 320, 568)
    open_client(page, real_site, "?parcours=outils")
    tap_and_wait(page, page.get_by_role("button", name="La charte de collaboration"), settle_ms=200)
    title = page.locator(".outil-liens .brouillon-titre")
    expect(title).to_have_count(1)
    assert title.evaluate(LOOSE) == []


# The start of the coach's current reply (its first message after the person's last one).
REPLY_TOP = """root => {
    const items = [...root.querySelectorAll('.messages .msg')];
    let first = null;
    for (let i = items.length - 1; i >= 0 && items[i].classList.contains('msg--coach'); i--)
        first = items[i];
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return {top: first.getBoundingClientRect().top, height: innerHeight, active: a.tagName};
}"""


@pytest.mark.parametrize("where", ["page", "widget"])
def test_closing_the_options_with_a_tap_brings_the_reply_back(
        new_context, real_site, where: str) -> None:
    """Patricia, three answers in, goes up to « Plus d’options » (text size), then closes
    them: she was left at the top, her reply four screens below."""
    page = touch_phone(new_context, 320, 568)
    scope, root = open_by_touch(page, real_site, where)
    page.wait_for_function(IDLE)
    for _ in range(3):
        tap_and_wait(page, scope.locator(".choix button").first, root, settle_ms=200)
    options = scope.get_by_role("button", name="Plus d’options")
    options.tap()
    expect(options).to_have_attribute("aria-expanded", "true")
    scope.get_by_role("button", name="Plus grand").tap()
    options.tap()
    expect(options).to_have_attribute("aria-expanded", "false")
    page.wait_for_timeout(300)
    seen = page.evaluate(REPLY_TOP, page.evaluate_handle(root))
    assert 0 <= seen["top"] <= seen["height"] - 60, seen
    assert seen["active"] != "TEXTAREA", seen
    shot(page, f"essai-personnes-options-fermees-{where}")


@pytest.mark.parametrize("height", [800, 600])
def test_keyboard_on_a_desktop_the_reply_s_start_is_in_the_window_with_the_field(
        new_context, real_site, height: int) -> None:
    """Keyboard only, the parents' real menu (six answers under the history's box): after a
    choice made with Enter, the focused field was seen, but the box had been scrolled so
    that the reply began at its top, and its top was above the window (the reply's first
    197 px out of sight at 1280 × 800)."""
    page = new_context(viewport={"width": 1280, "height": height}).new_page()
    open_client(page, real_site)
    page.wait_for_function(IDLE)
    for number in range(3):
        # As a keyboard user does: Tab to the first proposed answer, then Enter.
        for _ in range(30):
            page.keyboard.press("Tab")
            if page.evaluate("!!document.activeElement.closest('.choix')"):
                break
        before = page.locator(".msg--coach").count()
        page.keyboard.press("Enter")
        page.wait_for_function("n => document.querySelectorAll('.msg--coach').length > n",
                               arg=before)
        page.wait_for_function(IDLE)
        page.wait_for_timeout(200)
        seen = page.evaluate("""() => {
            const f = document.activeElement.getBoundingClientRect(),
                  j = document.querySelector('.journal').getBoundingClientRect();
            const items = [...document.querySelectorAll('.messages .msg')];
            let first = null;
            for (let i = items.length - 1; i >= 0 && items[i].classList.contains('msg--coach'); i--)
                first = items[i];
            return {active: document.activeElement.id, field: [f.top, f.bottom],
                    box: [j.top, j.bottom], reply: first.getBoundingClientRect().top};
        }""")
        assert seen["active"] == "saisie", (number, seen)
        assert seen["field"][0] >= 0 and seen["field"][1] <= height + 1, (number, seen)
        assert max(0, seen["box"][0]) <= seen["reply"] <= min(height, seen["box"][1]) - 30, (
            number, seen)
    shot(page, f"essai-personnes-clavier-1280x{height}")


def test_at_the_welcome_closing_the_options_leaves_the_page_at_its_top(
        new_context, real_site) -> None:
    page = touch_phone(new_context, 320, 568)
    open_client(page, real_site)
    page.wait_for_function(IDLE)
    options = page.get_by_role("button", name="Plus d’options")
    options.tap()
    options.tap()
    page.wait_for_timeout(300)
    assert page.evaluate("scrollY") == 0  # the title, the switches and the welcome in view


@pytest.mark.parametrize("where", ["page", "widget"])
def test_the_privacy_link_is_a_44_px_target_on_a_phone(new_context, real_site,
                                                       where: str) -> None:
    page = touch_phone(new_context, 320, 568)
    scope, _root = open_by_touch(page, real_site, where)
    link = scope.get_by_role("link", name="Confidentialité et données personnelles")
    page.wait_for_function(IDLE)
    link.scroll_into_view_if_needed()
    box = link.bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] >= 44, box


# Whether the screen shows an element's first and last lines (not scrolled out, not covered).
SHOWN = """e => { const r = e.getBoundingClientRect(), root = e.getRootNode();
    const x = Math.min(Math.max((r.left + r.right) / 2, 1), innerWidth - 1);
    const on = y => { if (y < 0 || y >= innerHeight) return false;
        const h = root.elementFromPoint(x, y); return !!h && (h === e || e.contains(h)); };
    return on(r.top + 4) && on(r.bottom - 4); }"""


@pytest.mark.parametrize("where", ["page", "widget"])
def test_when_the_connection_drops_after_a_tap_the_error_and_retry_are_on_screen(
        new_context, real_site, where: str) -> None:
    """Seen on a 320 × 568 phone, the connection lost: a tap on an answer seemed to do
    nothing; the error and « Réessayer » were 840 px down, under the field."""
    context = new_context(viewport={"width": 320, "height": 568}, is_mobile=True,
                          has_touch=True)
    page = context.new_page()
    scope, root = open_by_touch(page, real_site, where)
    page.wait_for_function(IDLE)
    tap_and_wait(page, scope.locator(".choix button").first, root, settle_ms=200)
    context.set_offline(True)
    scope.locator(".choix button").first.tap()
    error = scope.get_by_role("alert")
    expect(error).to_contain_text("Le coach ne répond pas")
    page.wait_for_timeout(300)
    retry = scope.get_by_role("button", name="Réessayer")
    assert error.evaluate(SHOWN), "the error is not on screen"
    assert retry.evaluate(SHOWN), "« Réessayer » is not on screen"
    shot(page, f"essai-personnes-hors-ligne-{where}")
    context.set_offline(False)
    count = f"{root}.querySelectorAll('.msg--coach').length"
    before = page.evaluate(count)
    retry.tap()
    page.wait_for_function(f"n => {count} > n", arg=before)
    page.wait_for_function(IDLE)
    expect(error).to_have_text("")


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_back_from_the_tools_the_questionnaire_is_whole_and_its_start_in_view(
        new_context, real_site, falc: bool) -> None:
    """Alexandra, on a 375 × 740 phone, types her way to the needs questionnaire, opens the
    tools, and comes back: only « Question 4 … 5 » came back, half a list. Now the whole
    step, the first new message's start on screen, the focus not in the field."""
    page = touch_phone(new_context, 375, 740)
    open_client(page, real_site, "?falc=1" if falc else "")
    page.wait_for_function(IDLE)
    page.get_by_role("textbox", name="Votre message").fill("questionaire des besoins svp")
    tap_and_wait(page, page.get_by_role("button", name="Envoyer"), settle_ms=200)
    # « Vous voulez parler de… ? » the questionnaire, or the needs' analysis: the first.
    tap_and_wait(page, page.locator(".choix button").first, settle_ms=200)
    tap_and_wait(page, page.locator(".choix button", has_text="Voir les outils"), settle_ms=200)
    before = page.locator(".msg--coach").count()
    tap_and_wait(page, page.locator(".choix button", has_text="Revenir où j"), settle_ms=200)
    new = page.locator(".msg--coach").all_inner_texts()[before:]
    said = " ".join(new)
    assert ("Vous revenez là où vous étiez" if falc else "Vous revenez où vous en étiez") in said
    assert ("Question 1" in said and "Question 4" in said) if falc else (
        "1. Qui êtes-vous" in said and "4. Qu’attendez-vous" in said), said
    top = page.locator(".msg--coach").nth(before).evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top <= 740 - 60, top
    assert page.evaluate("document.activeElement.tagName") != "TEXTAREA"
    shot(page, f"essai-personnes-retour-outils-{'facile' if falc else 'standard'}")
