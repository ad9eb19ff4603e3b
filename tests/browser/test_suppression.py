"""« Supprimer ma conversation » seen done (tester, 4 December, evening, 320 × 568, easy to
read): the conversation was deleted and a new one started, but only the announcer said so,
in standard French, and « Plus d’options » stayed open with the focus on « Supprimer ma
conversation ». Now: « Plus d’options » closes, a note above the new conversation says it is
done (interface.yaml `supprimee`, in the conversation's language), the announcer says it in
that language too, and the focus goes to the new conversation: its first message after a tap
(never the text field, whose virtual keyboard would cover the note), the text field with
the keyboard when the window shows it beside the note, else that first message (400 %
zoom). The confirmation says that the coordinator's draft goes too when there is one."""

from __future__ import annotations

import pytest
from navigateur import (
    DEEP_ACTIVE,
    IDLE,
    LAUNCHER,
    RECORDER,
    WIDGET_ROOT,
    assert_axe_clean,
    open_client,
    press,
    shot,
    tap_widget_open,
    touch_phone,
)
from playwright.sync_api import Locator, Page, expect

from coach.api.interface import load_interface

TEXTS = load_interface().texts
ZOOM_400 = {"width": 320, "height": 200}  # a 1280 × 800 window at 400 %
MODES = pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])


def said(key: str, falc: bool) -> str:
    return " ".join(TEXTS[key].get(falc).split())


def plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


# After the deletion: the note (text, seen on screen and not under a sticky bar), the focused
# element (seen too), the new conversation's first message, the options' state.
AFTER = f"""() => {{
    const host = document.getElementById('coach-cop-widget');
    const root = host && host.shadowRoot && host.shadowRoot.querySelector('.msg')
        ? host.shadowRoot : document;
    const seen = e => {{
        const r = e.getBoundingClientRect();
        const x = Math.min(Math.max((r.left + r.right) / 2, 1), innerWidth - 1);
        const y = r.top + Math.min(8, r.height / 2);
        if (r.height === 0 || y < 0 || y >= innerHeight) return false;
        const hit = root.elementFromPoint(x, y);
        return !!hit && (hit === e || e.contains(hit));
    }};
    const note = root.querySelector('.fait'), a = ({DEEP_ACTIVE})();
    const first = root.querySelector('.messages .msg--coach');
    const button = root.querySelector('.options-bouton');
    return {{note: note && !note.hidden ? note.textContent : null,
             noteSeen: !!note && seen(note),
             focus: a.id || String(a.className), focusSeen: seen(a),
             focusIsFirst: a === first, focusIsField: a.tagName === 'TEXTAREA',
             focusIsNote: a === note,
             optionsOpen: !root.querySelector('.options').hidden,
             expanded: button.getAttribute('aria-expanded'),
             messages: root.querySelectorAll('.messages .msg').length}};
}}"""


def conversation_id(page: Page) -> str | None:
    return page.evaluate("localStorage.getItem('coach-cop.conversation')")


def wait_deleted(page: Page, old: str) -> dict:
    page.wait_for_function(
        "old => { const id = localStorage.getItem('coach-cop.conversation');"
        " return id && id !== old; }", arg=old)
    page.wait_for_function(IDLE)
    page.wait_for_timeout(400)  # the announcer writes after 150 ms
    return page.evaluate(AFTER)


def assert_said_done(page: Page, state: dict, falc: bool, site, old: str) -> None:
    assert state["note"] is not None, "rien de visible ne dit que la conversation est supprimée"
    assert plain(state["note"]) == said("supprimee", falc), state
    assert state["noteSeen"], f"le message « supprimée » est hors de l’écran : {state}"
    assert not state["optionsOpen"] and state["expanded"] == "false", state
    assert state["focusSeen"], f"le focus est hors de l’écran : {state}"
    # « Done » said once, in the conversation's language: by the focus when it is on the
    # note, else by the announcer.
    spoken = [plain(a["text"]) for a in page.evaluate("window.__annonces")]
    told = [s for s in spoken if said("supprimee", falc) in s]
    assert len(told) == (0 if state["focusIsNote"] else 1), (state, spoken)
    other = said("supprimee", not falc).split(".")[0]
    assert not any(other in s for s in spoken), spoken
    assert site.api("GET", f"conversations/{old}")[0] == 404


def confirm_deletion(scope: Locator, falc: bool, tap: bool) -> None:
    dialog = scope.get_by_role("dialog", name=plain(TEXTS["supprimer-titre"].get(falc)))
    expect(dialog).to_be_visible()
    yes = dialog.get_by_role("button", name=TEXTS["supprimer-oui"].get(falc))
    if tap:
        yes.tap()
    else:
        press(yes)


@MODES
def test_on_a_touch_phone_the_page_says_it_is_done(new_context, site, falc: bool) -> None:
    page = touch_phone(new_context, 375, 740)
    page.add_init_script(RECORDER)
    open_client(page, site, "?falc=1" if falc else "")
    page.wait_for_function(IDLE)
    old = conversation_id(page)
    page.get_by_role("button", name="Plus d’options").tap()
    options = page.locator("#options")
    options.get_by_role("button", name=TEXTS["supprimer"].get(falc)).tap()
    confirm_deletion(page.locator("body"), falc, tap=True)
    state = wait_deleted(page, old)
    shot(page, f"suppression-telephone{'-facile' if falc else ''}")
    assert_said_done(page, state, falc, site, old)
    # After a tap: the new conversation's first message, never the text field.
    assert state["focusIsFirst"] and not state["focusIsField"], state
    assert_axe_clean(page, "téléphone, conversation supprimée")
    # The note was about this new start: gone with the next answer.
    before = page.locator(".msg--coach").count()
    page.locator(".choix button").first.tap()
    page.wait_for_function("n => document.querySelectorAll('.msg--coach').length > n",
                           arg=before)
    expect(page.locator(".fait")).to_be_hidden()


@MODES
def test_at_400_percent_zoom_the_widget_says_it_is_done(new_context, site, falc: bool) -> None:
    page = new_context(viewport=ZOOM_400, device_scale_factor=4).new_page()
    page.add_init_script(RECORDER)
    page.goto(site.partner + "/index.html")
    press(page.get_by_role("button", name=LAUNCHER))
    root = page.locator("#coach-cop-widget")
    root.locator(".messages .msg").first.wait_for()
    page.wait_for_function(IDLE)
    if falc:
        press(root.locator(".falc-bouton"))
        page.wait_for_function(f"{WIDGET_ROOT}.querySelector('.coach').classList.contains('falc')")
        page.wait_for_function(IDLE)
    old = conversation_id(page)
    press(root.locator(".options-bouton"))
    press(root.get_by_role("button", name=TEXTS["supprimer"].get(falc)))
    confirm_deletion(root, falc, tap=False)
    state = wait_deleted(page, old)
    shot(page, f"suppression-zoom-400-widget{'-facile' if falc else ''}")
    assert_said_done(page, state, falc, site, old)
    # With the keyboard: the text field if seen beside the note; a 200 px high window has no
    # room for both: the first message if it is seen under the note, else the note itself.
    assert (state["focusIsFirst"] or state["focusIsNote"]) and not state["focusIsField"], state
    if state["focusIsNote"]:
        spoken = [plain(a["text"]) for a in page.evaluate("window.__annonces")]
        assert any(" dit : " in s for s in spoken), spoken  # the new conversation's start


@MODES
def test_on_a_touch_phone_the_widget_says_it_is_done(new_context, site, falc: bool) -> None:
    page = touch_phone(new_context, 375, 740)
    page.add_init_script(RECORDER)
    root = tap_widget_open(page, site, falc=falc)
    old = conversation_id(page)
    root.get_by_role("button", name="Plus d’options").tap()
    root.get_by_role("button", name=TEXTS["supprimer"].get(falc)).tap()
    confirm_deletion(root, falc, tap=True)
    state = wait_deleted(page, old)
    shot(page, f"suppression-widget-telephone{'-facile' if falc else ''}")
    assert_said_done(page, state, falc, site, old)
    assert state["focusIsFirst"] and not state["focusIsField"], state


def test_on_a_desktop_the_keyboard_goes_on_in_the_text_field(new_context, site) -> None:
    page = new_context().new_page()
    page.add_init_script(RECORDER)
    open_client(page, site)
    page.wait_for_function(IDLE)
    old = conversation_id(page)
    press(page.get_by_role("button", name="Plus d’options"))
    press(page.get_by_role("button", name="Supprimer ma conversation"))
    confirm_deletion(page.locator("body"), False, tap=False)
    state = wait_deleted(page, old)
    assert_said_done(page, state, False, site, old)
    assert state["focusIsField"], state
    # The field's user hears the note, then the new conversation's first words.
    spoken = [plain(a["text"]) for a in page.evaluate("window.__annonces")]
    assert any(s.startswith(said("supprimee", False)) and " dit : " in s
               for s in spoken), spoken


@MODES
def test_the_confirmation_says_the_coordinator_s_draft_goes_too(new_context, site,
                                                                 falc: bool) -> None:
    page = touch_phone(new_context, 375, 740)
    open_client(page, site, "?parcours=initier" + ("&falc=1" if falc else ""))
    page.wait_for_function(IDLE)
    page.get_by_role("button", name="Plus d’options").tap()
    page.locator("#options").get_by_role("button", name=TEXTS["supprimer"].get(falc)).tap()
    dialog = page.get_by_role("dialog", name=plain(TEXTS["supprimer-titre"].get(falc)))
    expect(dialog).to_be_visible()
    assert plain(dialog.locator("#conf-texte").inner_text()) == said(
        "supprimer-texte-brouillon", falc)
    assert "brouillon de feuille de route et de charte" in plain(dialog.inner_text())
    shot(page, f"suppression-brouillon{'-facile' if falc else ''}")
    dialog.get_by_role("button", name=TEXTS["supprimer-non"].get(falc)).tap()
    expect(dialog).to_be_hidden()
