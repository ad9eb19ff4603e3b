"""The widget on a partner page of another origin: launcher, dialog, keyboard, host respect."""

from __future__ import annotations

import pytest
from navigateur import (
    IDLE,
    WIDGET_ROOT,
    deep_active,
    open_widget,
    shot,
    tap_widget_open,
    wait_turn,
)
from playwright.sync_api import Page, expect

LAUNCHER = "Besoin d’aide ? Tchat avec le coach"
QUESTION = "Voulez-vous savoir quelle place les familles ont dans une communauté de pratique ?"


def contrast_with_white(rgb: str) -> float:
    values = [int(v) / 255 for v in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3]]
    linear = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
    lum = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (lum + 0.05)


def tab_to(page: Page, text: str, key: str = "Tab", limit: int = 30) -> None:
    """Press Tab (or Shift+Tab) until the focused element's text contains `text`."""
    for _ in range(limit):
        page.keyboard.press(key)
        focused = deep_active(page)
        assert focused["tag"] not in ("BODY", ""), "le focus est tombé sur <body>"
        if text in focused["text"]:
            return
    raise AssertionError(f"« {text} » jamais atteint au clavier")


def panel_state(page: Page) -> dict[str, object]:
    return page.evaluate("""() => {
        const root = document.getElementById('coach-cop-widget').shadowRoot;
        const d = root.getElementById('coach-panneau');
        const b = root.querySelector('.lanceur');
        const r = d.getBoundingClientRect();
        return {open: d.open, modal: d.matches(':modal'), ariaModal: d.getAttribute('aria-modal'),
                expanded: b.getAttribute('aria-expanded'),
                controls: b.getAttribute('aria-controls'),
                display: getComputedStyle(d).display, w: r.width, h: r.height,
                vw: innerWidth, vh: innerHeight};
    }""")


def test_closed_widget_respects_the_host_page(new_context, site) -> None:
    context = new_context()
    page = context.new_page()
    warnings: list[str] = []
    page.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
    page.clock.install()
    page.goto(site.partner + "/index.html")
    launcher = page.get_by_role("button", name=LAUNCHER)
    expect(launcher).to_be_visible()
    page.clock.fast_forward(30_000)  # never opens by itself
    state = panel_state(page)
    assert state["open"] is False and state["display"] == "none"
    assert state["expanded"] == "false" and state["controls"] == "coach-panneau"
    expect(page.get_by_role("complementary", name="Tchat avec le coach CoP")
           ).to_match_aria_snapshot(f"""
- complementary "Tchat avec le coach CoP":
  - /children: equal
  - button "{LAUNCHER}" [expanded=false]
""")
    assert page.evaluate("document.getElementById('coach-cop-widget').lang") == "fr"
    # Nothing but the loader until the person asks: no CSS or JS of the conversation yet.
    assert page.evaluate("typeof window.CoachCoP") == "undefined"
    # The host element is only as big as the launcher: no invisible overlay.
    sizes = page.evaluate("""() => {
        const host = document.getElementById('coach-cop-widget').getBoundingClientRect();
        const b = document.getElementById('coach-cop-widget').shadowRoot
            .querySelector('.lanceur').getBoundingClientRect();
        return [host.width * host.height, b.width * b.height, b.width, b.height];
    }""")
    assert sizes[0] <= sizes[1] * 1.05 and sizes[2] >= 44 and sizes[3] >= 44
    clickable = page.evaluate("""() => [...document.querySelectorAll('a')].map(a => {
        a.scrollIntoView({block: 'center'});
        const r = a.getBoundingClientRect();
        return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === a; })""")
    assert all(clickable)
    # The closed panel is out of the tab order: Tab goes links → launcher → links.
    seen = []
    for _ in range(8):
        page.keyboard.press("Tab")
        seen.append(deep_active(page))
    assert [s for s in seen if s["inWidget"]] == [s for s in seen if s["cls"] == "lanceur"]
    assert any(s["cls"] == "lanceur" for s in seen)
    # The partner colour #e67e22 fails 4.5:1 with white text: darkened, with a French warning.
    colour = launcher.evaluate("e => getComputedStyle(e).backgroundColor")
    assert contrast_with_white(colour) >= 4.5
    assert any("contraste" in w and "4,5:1" in w and "assombrie" in w for w in warnings)
    shot(page, "widget-ferme")


def test_whole_conversation_with_the_keyboard_alone(page: Page, site) -> None:
    page.goto(site.partner + "/index.html")
    tab_to(page, LAUNCHER)
    page.keyboard.press("Enter")
    page.get_by_text(QUESTION).first.wait_for()
    focused = deep_active(page)
    assert focused["inWidget"] and focused["id"] == "saisie"
    state = panel_state(page)
    assert state["open"] and not state["modal"] and state["ariaModal"] is None
    assert state["expanded"] == "true"

    tab_to(page, "Oui, dites-m'en plus", "Shift+Tab")
    page.keyboard.press("Enter")
    wait_turn(page, "Comment aimeriez-vous participer ?")
    assert deep_active(page)["id"] == "saisie"
    tab_to(page, "Contribuer de temps en temps", "Shift+Tab")
    page.keyboard.press("Space")
    wait_turn(page, "Votre place est importante")
    assert deep_active(page)["id"] == "saisie"
    conversation_id = page.evaluate("localStorage.getItem('coach-cop.conversation')")
    status, step = site.api("GET", f"conversations/{conversation_id}")
    assert status == 200 and step["end"] is True and step["node"] == "fin"
    expect(page.get_by_role("dialog", name="Tchat avec le coach")).to_match_aria_snapshot("""
- dialog "Tchat avec le coach":
  - heading "Tchat avec le coach" [level=2]
  - button "Facile à lire" [pressed=false]
  - button "Plus d’options" [expanded=false]
  - button "Fermer le tchat"
  - log "Conversation":
    - list:
      - /children: equal
      - listitem:
        - heading /^Message de Patricia, \\d+ h \\d\\d$/ [level=3]
        - paragraph: /^Patricia dit/
      - listitem:
        - heading /^Message du coach, \\d+ h \\d\\d$/ [level=3]
        - paragraph: /^Le coach dit\\W+Voulez-vous savoir/
      - listitem:
        - heading /^Votre message, \\d+ h \\d\\d$/ [level=3]
        - paragraph: "Vous avez choisi : Oui, dites-m'en plus"
      - listitem:
        - heading /^Message du coach, \\d+ h \\d\\d$/ [level=3]
        - paragraph: /Votre expérience de parent/
      - listitem:
        - heading /^Message du coach, \\d+ h \\d\\d$/ [level=3]
        - paragraph: /Comment aimeriez-vous participer/
      - listitem:
        - heading /^Votre message, \\d+ h \\d\\d$/ [level=3]
        - paragraph: "Vous avez choisi : Contribuer de temps en temps"
      - listitem:
        - heading /^Message du coach, \\d+ h \\d\\d$/ [level=3]
        - paragraph: /Votre place est importante/
  - text: Votre message
  - paragraph
  - textbox "Votre message"
  - button "Envoyer le message au coach"
  - alert
  - list:
    - listitem:
      - button "Revenir en arrière"
    - listitem:
      - button "Parler à une personne"
    - listitem:
      - button "Lire la dernière réponse"
  - paragraph:
    - link "Confidentialité et données personnelles (nouvelle fenêtre)"
  - status
""")
    shot(page, "widget-fin")
    # Non-modal: Tab leaves the panel (no trap) and Shift+Tab comes back. The privacy
    # notice is the panel's last link.
    tab_to(page, "Lire la dernière réponse")
    page.keyboard.press("Tab")
    assert deep_active(page)["text"] == ("Confidentialité et données personnelles"
                                         " (nouvelle fenêtre)")
    page.keyboard.press("Tab")
    assert deep_active(page)["cls"] == "lanceur"
    page.keyboard.press("Shift+Tab")
    assert "Confidentialité" in deep_active(page)["text"]
    assert deep_active(page)["inWidget"]
    page.keyboard.press("Escape")
    focused = deep_active(page)
    assert focused["cls"] == "lanceur"
    assert panel_state(page)["open"] is False and panel_state(page)["expanded"] == "false"


def test_small_screen_is_a_modal_full_screen_dialog(new_context, site) -> None:
    page = new_context(viewport={"width": 375, "height": 667}, is_mobile=True,
                       has_touch=True).new_page()
    page.goto(site.partner + "/index.html")
    tab_to(page, LAUNCHER)
    page.keyboard.press("Enter")
    page.get_by_text(QUESTION).first.wait_for()
    state = panel_state(page)
    assert state["modal"] and state["ariaModal"] == "true"
    assert state["w"] == state["vw"] and state["h"] == state["vh"]
    for key in ["Tab"] * 30 + ["Shift+Tab"] * 12:
        page.keyboard.press(key)
        focused = deep_active(page)
        assert focused["inWidget"] and focused["cls"] != "lanceur", focused
    # The page behind is inert.
    page.evaluate("document.getElementById('lien-bas').focus()")
    assert deep_active(page)["inWidget"]
    shot(page, "widget-plein-ecran")
    page.keyboard.press("Escape")
    assert deep_active(page)["cls"] == "lanceur"
    assert panel_state(page)["open"] is False


def test_resizing_switches_between_modal_and_non_modal(page: Page, site) -> None:
    open_widget(page, site)
    assert panel_state(page)["modal"] is False
    page.set_viewport_size({"width": 1280, "height": 380})  # high zoom ≈ short viewport
    page.wait_for_function("""() => document.getElementById('coach-cop-widget').shadowRoot
        .getElementById('coach-panneau').matches(':modal')""")
    assert deep_active(page)["id"] == "saisie"
    page.set_viewport_size({"width": 1280, "height": 800})
    page.wait_for_function("""() => !document.getElementById('coach-cop-widget').shadowRoot
        .getElementById('coach-panneau').matches(':modal')""")
    assert panel_state(page)["open"] is True


def test_conversation_follows_the_person_across_partner_pages(page: Page, site) -> None:
    open_widget(page, site)
    page.get_by_role("button", name="Oui, dites-m'en plus").click()
    wait_turn(page, "Comment aimeriez-vous participer ?")
    first = page.evaluate("localStorage.getItem('coach-cop.conversation')")
    page.get_by_role("button", name="Fermer le tchat").click()
    expect(page.get_by_role("button", name=LAUNCHER)).to_be_focused()
    page.get_by_role("link", name="Nos actions").click()
    page.wait_for_url("**/page2.html")
    expect(page.get_by_role("button", name=LAUNCHER)).to_have_attribute("aria-expanded", "false")
    page.get_by_role("button", name=LAUNCHER).click()
    page.get_by_text("Comment aimeriez-vous participer ?").first.wait_for()
    expect(page.locator("#coach-cop-widget .msg--moi")).to_contain_text(
        ["Vous avez choisi : Oui, dites-m'en plus"])
    assert page.evaluate("localStorage.getItem('coach-cop.conversation')") == first
    # Printing opens the server-rendered transcript on the coach's origin, in a new tab.
    page.get_by_role("button", name="Plus d’options").click()
    link = page.get_by_role("link", name="Imprimer la conversation (nouvelle fenêtre)")
    link.focus()
    assert link.get_attribute("href") == f"{site.coach}/sans-js/{first}/transcription"
    assert link.get_attribute("target") == "_blank"


def test_an_origin_not_allowed_by_cors_gets_a_clear_error(page: Page, site) -> None:
    other = site.partner.replace("localhost", "127.0.0.1")  # same files, origin not allowed
    page.goto(other + "/index.html")
    page.get_by_role("button", name=LAUNCHER).click()
    expect(page.get_by_role("alert")).to_contain_text("Le coach ne répond pas")
    expect(page.get_by_role("button", name="Réessayer")).to_be_visible()


# What the panel shows of the history: the part of `.journal` not clipped by the panel or by
# any box between them, the messages at least 80 % visible, and the boxes that scroll.
SEEN = """() => {
    const root = document.getElementById('coach-cop-widget').shadowRoot;
    const d = root.getElementById('coach-panneau'), j = root.querySelector('.journal');
    const clip = e => {
        let top = -Infinity, bottom = Infinity;
        for (let a = e.parentElement; a; a = a.parentElement) {
            if (getComputedStyle(a).overflowY !== 'visible' || a === d) {
                const r = a.getBoundingClientRect();
                top = Math.max(top, r.top + a.clientTop);
                bottom = Math.min(bottom, r.top + a.clientTop + a.clientHeight);
            }
            if (a === d) break;
        }
        const r = e.getBoundingClientRect();
        return Math.max(0, Math.min(r.bottom, bottom) - Math.max(r.top, top));
    };
    const scrolls = [...d.querySelectorAll('*')].concat([d]).filter(e => {
        const s = getComputedStyle(e).overflowY;
        return e.getClientRects().length && (s === 'auto' || s === 'scroll')
            && e.scrollHeight > e.clientHeight + 1;
    });
    const nested = scrolls.filter(e => scrolls.some(o => o !== e && o.contains(e)))
        .map(e => e.className || e.tagName);
    const p = d.getBoundingClientRect();
    const msgs = [...j.querySelectorAll('.msg')];
    return {panel: [p.left, p.top, p.width, p.height], vw: innerWidth, vh: innerHeight,
            history: clip(j), nested, scrolls: scrolls.map(e => e.className || e.tagName),
            shown: msgs.filter(m => clip(m) >= 0.8 * m.getBoundingClientRect().height).length,
            whole: msgs.filter(m => clip(m) >= 0.8 * m.getBoundingClientRect().height)
                .map(m => (m.querySelector('.bulle') || m).textContent.slice(0, 60)),
            choices: root.querySelectorAll('#choix button').length,
            pageScroll: scrollY};
}"""



def test_history_shows_several_bubbles_and_the_panel_grows(page: Page, site) -> None:
    open_widget(page, site)
    page.get_by_role("button", name="Oui, dites-m'en plus").click()
    wait_turn(page, "Comment aimeriez-vous participer ?")
    state = page.evaluate(SEEN)
    assert not state["nested"], state
    assert state["history"] >= 0.45 * state["panel"][3], state  # the history has the room
    assert state["shown"] >= 3, state  # several whole bubbles, not one
    page.get_by_role("button", name="Plus d’options").click()
    bigger = page.get_by_role("button", name="Agrandir le tchat")
    expect(bigger).to_have_attribute("aria-pressed", "false")
    bigger.click()
    expect(bigger).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="Plus d’options").click()
    large = page.evaluate(SEEN)
    left, top, width, height = large["panel"]
    assert width > state["panel"][2] and height > state["panel"][3]
    assert left >= 16 - 0.5 and top >= 16 - 0.5  # within the host's window
    assert top + height <= large["vh"] - 16 + 0.5
    assert large["history"] >= state["history"] and large["shown"] >= state["shown"]
    assert not large["nested"], large
    shot(page, "widget-agrandi")
    page.set_viewport_size({"width": 900, "height": 600})  # the host's window shrinks
    small = page.evaluate(SEEN)
    assert small["panel"][0] >= 16 - 0.5 and small["panel"][1] >= 0


def test_opening_on_the_real_content_shows_the_start_of_the_welcome(
        new_context, real_site) -> None:
    """Seen on a partner's desktop page (1280 × 800, real content): the widget opened with
    its history scrolled to the end, the first words of the coach cut off above."""
    page = new_context(viewport={"width": 1280, "height": 800}).new_page()
    open_widget(page, real_site, "coordination.html")
    page.wait_for_function(IDLE)
    seen = page.evaluate("""() => {
        const root = document.getElementById('coach-cop-widget').shadowRoot;
        const body = root.querySelector('.panneau-corps'), b = body.getBoundingClientRect();
        const first = root.querySelector('.messages .msg--coach').getBoundingClientRect();
        return {body: [b.top, b.bottom], first: first.top,
                scrolls: body.scrollHeight > body.clientHeight + 1};
    }""")
    assert seen["scrolls"], seen  # the welcome and its choices are longer than the panel
    assert seen["body"][0] - 1 <= seen["first"] <= seen["body"][1] - 40, seen
    assert deep_active(page)["id"] == "saisie"
    shot(page, "widget-reel-ouverture")


@pytest.mark.parametrize("height", [800, 700])
def test_real_menu_leaves_the_history_room_in_one_scroll(new_context, real_site,
                                                         height: int) -> None:
    """Seen by a tester on a partner's desktop page with the real content: on the
    professionals' menu (7 choices) the history box was 216 px of a 704 px panel (about
    1.5 bubbles), inside a panel body that scrolled too (a scroll inside a scroll), and
    « Agrandir le tchat » only added width."""
    page = new_context(viewport={"width": 1280, "height": height}).new_page()
    open_widget(page, real_site, "index.html")
    page.wait_for_function(IDLE)
    page.locator("#coach-cop-widget #saisie").fill("je suis professionnel")
    page.keyboard.press("Enter")
    wait_turn(page, "Par quoi voulez-vous commencer")
    seen = page.evaluate(SEEN)
    assert seen["choices"] >= 7, seen  # the professionals' menu
    assert not seen["nested"], seen  # one scroll, not a box inside a box
    assert seen["history"] >= 0.45 * seen["panel"][3], seen  # the history has the room
    assert seen["shown"] >= 3, seen  # several bubbles, not one and a half
    # The reply's first message is in view (not the end of the menu's question).
    assert any("Vous travaillez dans l’accompagnement" in t for t in seen["whole"]), seen
    assert deep_active(page)["id"] == "saisie"  # the keyboard's place is kept
    shot(page, f"widget-reel-menu-{height}")

    page.get_by_role("button", name="Plus d’options").click()
    bigger = page.get_by_role("button", name="Agrandir le tchat")
    bigger.click()
    expect(bigger).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="Plus d’options").click()
    large = page.evaluate(SEEN)
    left, top, width, height_large = large["panel"]
    assert width > seen["panel"][2] and height_large > seen["panel"][3] + 40, (seen, large)
    # Within the host's window, a margin all around.
    assert left >= 16 - 0.5 and top >= 16 - 0.5, large
    assert top + height_large <= large["vh"] - 16 + 0.5, large
    assert not large["nested"], large
    # Wider lines make the reply shorter: as many whole bubbles, the menu's choices nearer.
    assert large["shown"] >= seen["shown"], (seen, large)
    assert large["pageScroll"] == seen["pageScroll"]
    # The options closed, the panel is back on the reply (not on the history's first words).
    assert any("Vous travaillez dans l’accompagnement" in t for t in large["whole"]), large
    shot(page, f"widget-reel-menu-agrandi-{height}")
    # The large panel covers the launcher's strip: the launcher is hidden meanwhile, and
    # Escape closes the panel and gives the focus back to it, shown again.
    launcher = page.get_by_role("button", name=LAUNCHER)
    expect(launcher).to_be_hidden()
    page.keyboard.press("Escape")
    expect(launcher).to_be_visible()
    assert deep_active(page)["cls"] == "lanceur"
    launcher.click()
    page.locator("#coach-cop-widget #saisie").wait_for()
    assert page.evaluate(SEEN)["panel"] == large["panel"]  # still large
    # The size can be put back.
    page.get_by_role("button", name="Plus d’options").click()
    bigger.click()
    expect(bigger).to_have_attribute("aria-pressed", "false")
    assert page.evaluate(SEEN)["panel"] == seen["panel"]


HINT_LINES = f"""() => {{
    const hint = {WIDGET_ROOT}.getElementById('aide-saisie');
    if (hint.hidden || !hint.getClientRects().length) return null;
    const range = document.createRange();
    range.selectNodeContents(hint);
    const tops = new Set([...range.getClientRects()].filter(r => r.width > 0)
        .map(r => Math.round(r.top)));
    range.setEnd(hint.firstChild, 1);
    const line = range.getBoundingClientRect().height;
    return {{lines: tops.size, height: hint.getBoundingClientRect().height, line: line,
             text: hint.textContent}};
}}"""


def test_keyboard_hint_is_short_in_the_desktop_widget_in_easy_words(new_context, site) -> None:
    """In the widget on a desktop (1280 × 800, the panel 36em wide), « Facile à lire » made
    the keyboard hint three lines high under the text field; it stays at most two, in easy
    words, and the standard one on one line. Touch screens still do without it."""
    page = open_widget(new_context().new_page(), site)
    page.wait_for_function(IDLE)
    root = page.locator("#coach-cop-widget")
    standard = page.evaluate(HINT_LINES)
    assert standard is not None and standard["lines"] == 1, standard
    root.get_by_role("button", name="Facile à lire").click()
    page.wait_for_function(f"{WIDGET_ROOT}.querySelector('.coach').classList.contains('falc')")
    page.wait_for_function(IDLE)
    easy = page.evaluate(HINT_LINES)
    assert easy is not None and easy["text"] != standard["text"], easy
    # two line boxes at most: one line's glyphs and one line's spacing (three were 100 px
    # high, 4.4 times the glyphs' 23 px; two, 62 px)
    assert easy["lines"] <= 2 and easy["height"] <= 3.5 * easy["line"], easy
    assert "Entrée" in easy["text"] and "Maj" in easy["text"], easy

    phone = new_context(viewport={"width": 375, "height": 740}, is_mobile=True,
                        has_touch=True).new_page()
    tap_widget_open(phone, site, falc=True)
    assert phone.evaluate(HINT_LINES) is None  # no keyboard keys on a touch screen
