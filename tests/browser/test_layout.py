"""Reflow, text spacing, target sizes, focus visibility, motion, forced colours, dark mode."""

from __future__ import annotations

from navigateur import deep_active, open_client, open_widget, shot, wait_turn
from playwright.sync_api import Page, expect

PARENT = "Je suis un parent ou un proche aidant"
SPACING = ("*{line-height:1.5!important;letter-spacing:.12em!important;"
           "word-spacing:.16em!important}p{margin-bottom:2em!important}")
# Elements whose text is cut: overflow hidden/clip and content taller or wider than the box.
CLIPPED = """root => [...root.querySelectorAll('*')].filter(e => {
    if (e.closest('.visually-hidden') || e.closest('[hidden]') || !e.getClientRects().length)
        return false;
    const s = getComputedStyle(e);
    const cut = v => v === 'hidden' || v === 'clip';
    return (cut(s.overflowY) && e.scrollHeight > e.clientHeight + 1)
        || (cut(s.overflowX) && e.scrollWidth > e.clientWidth + 1);
}).map(e => e.className || e.tagName)"""
TARGETS = """root => [...root.querySelectorAll('button, a.bouton-lien, textarea, select, .case')]
    .filter(e => { if (!e.getClientRects().length || e.closest('[hidden]')) return false;
        const r = e.getBoundingClientRect();  // really there, not scrolled out of its panel
        const hit = e.getRootNode().elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        return hit && (hit === e || e.contains(hit)); })
    .map(e => { const r = e.getBoundingClientRect();
                return {name: (e.textContent || e.tagName).trim().slice(0, 40),
                        x: r.x, y: r.y, w: r.width, h: r.height}; })"""


def widget_root(page: Page):  # type: ignore[no-untyped-def]
    return page.evaluate_handle("document.getElementById('coach-cop-widget').shadowRoot")


def assert_targets(targets: list[dict[str, float]], least: int = 12) -> None:
    assert len(targets) >= least, targets
    small = [t for t in targets if t["w"] < 44 - 0.5 or t["h"] < 44 - 0.5]
    assert not small, f"cibles de moins de 44 × 44 px : {small}"
    for i, a in enumerate(targets):
        for b in targets[i + 1:]:
            dx = max(b["x"] - (a["x"] + a["w"]), a["x"] - (b["x"] + b["w"]))
            dy = max(b["y"] - (a["y"] + a["h"]), a["y"] - (b["y"] + b["h"]))
            assert max(dx, dy) >= 8 - 0.5, f"moins de 8 px entre {a['name']} et {b['name']}"


def test_reflow_at_320_by_256(new_context, site) -> None:
    page = new_context(viewport={"width": 320, "height": 256}).new_page()
    open_client(page, site)
    page.get_by_role("button", name=PARENT).click()
    wait_turn(page, "Voulez-vous savoir")
    widths = page.evaluate("[document.documentElement.scrollWidth, "
                           "document.documentElement.clientWidth]")
    assert widths[0] <= widths[1]
    page.reload()
    page.locator(".msg--moi").wait_for()
    page.keyboard.press("Tab")  # the skip link comes first
    expect(page.get_by_role("link", name="Aller au champ de message")).to_be_focused()
    page.keyboard.press("Enter")
    field = page.get_by_role("textbox", name="Votre message")
    expect(field).to_be_focused()
    expect(field).to_be_in_viewport()
    box = field.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 320
    shot(page, "reflow-320x256-client")

    partner = new_context(viewport={"width": 320, "height": 256}).new_page()
    open_widget(partner, site)
    widths = partner.evaluate("""() => { const d = document.getElementById('coach-cop-widget')
        .shadowRoot.getElementById('coach-panneau');
        return [d.scrollWidth, d.clientWidth, document.documentElement.scrollWidth,
                document.documentElement.clientWidth]; }""")
    assert widths[0] <= widths[1] and widths[2] <= widths[3]
    # 400 % zoom: the welcome has the focus, its start seen, not the field at the panel's
    # bottom (test_zoom.py, C8c).
    welcome = partner.locator("#coach-cop-widget .messages .msg--coach").first
    expect(welcome).to_be_focused()
    expect(welcome).to_be_in_viewport()
    shot(partner, "reflow-320x256-widget")


def test_text_spacing_clips_nothing(page: Page, site) -> None:
    open_client(page, site)
    page.evaluate(f"""() => {{ const s = new CSSStyleSheet(); s.replaceSync({SPACING!r});
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; }}""")
    page.get_by_role("button", name=PARENT).click()
    wait_turn(page, "Voulez-vous savoir")
    assert page.evaluate(CLIPPED, page.evaluate_handle("document")) == []
    shot(page, "espacement-client", full_page=True)

    open_widget(page, site)
    page.evaluate(f"""() => {{ const s = new CSSStyleSheet(); s.replaceSync({SPACING!r});
        const root = document.getElementById('coach-cop-widget').shadowRoot;
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, s]; }}""")
    assert page.evaluate(CLIPPED, widget_root(page)) == []
    shot(page, "espacement-widget")


def test_targets_are_44_px_and_8_px_apart(page: Page, site) -> None:
    open_client(page, site)
    page.get_by_role("button", name="Plus d’options").click()
    coach = page.evaluate_handle("document.querySelector('.coach')")
    assert_targets(page.evaluate(TARGETS, coach), least=8)
    # The commands made from the step, under the field (below the fold with the options open).
    page.locator(".commandes-bas").scroll_into_view_if_needed()
    bottom = page.evaluate(TARGETS, coach)
    assert {"Revenir en arrière", "Menu", "Aide", "Parler à une personne",
            "Lire la dernière réponse"} <= {t["name"] for t in bottom}, bottom
    assert_targets(bottom, least=5)
    open_widget(page, site)
    page.get_by_role("button", name="Plus d’options").click()
    assert_targets(page.evaluate(TARGETS, widget_root(page)))
    launcher = page.locator("#coach-cop-widget .lanceur").bounding_box()
    assert launcher and launcher["width"] >= 44 and launcher["height"] >= 44
    assert page.viewport_size["width"] - (launcher["x"] + launcher["width"]) >= 16


def test_base_text_and_presentation(page: Page, site) -> None:
    open_client(page, site)
    style = page.locator(".msg .bulle").first.evaluate("""e => { const s = getComputedStyle(e);
        return [parseFloat(s.fontSize), parseFloat(s.lineHeight), s.textAlign, s.fontStyle,
                s.textTransform, s.hyphens]; }""")
    assert style[0] == 18 and style[1] / style[0] >= 1.5
    assert style[2] in ("left", "start") and style[3] == "normal"
    assert style[4] == "none" and style[5] != "auto"


def _visible_focus_everywhere(page: Page) -> list[dict[str, object]]:
    """Tab from the top of the page through « Envoyer » to the last control (the commands
    under the field, the footer's links), opening the options on the way."""
    seen: list[dict[str, object]] = []
    sent = False
    for _ in range(60):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => {
            let a = document.activeElement;
            while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
            const s = getComputedStyle(a);
            return {tag: a.tagName, cls: String(a.className), style: s.outlineStyle,
                    width: parseFloat(s.outlineWidth)}; }""")
        if info["tag"] == "BODY" or (sent and seen and info == seen[0]):
            assert sent, f"« Envoyer » jamais atteint : {seen}"
            return seen  # past the last control: focus left the page or came back to the top
        seen.append(info)
        if info["cls"] == "options-bouton":
            page.keyboard.press("Enter")
        if "envoi" in str(info["cls"]):
            sent = True
    assert sent, f"« Envoyer » jamais atteint : {seen}"
    return seen


def test_focus_is_visible_in_light_dark_and_forced_colours(new_context, site) -> None:
    for name, media in (("clair", {}), ("sombre", {"color_scheme": "dark"}),
                        ("contraste-force", {"forced_colors": "active"})):
        page = new_context(**media).new_page()
        open_client(page, site)
        seen = _visible_focus_everywhere(page)
        assert len(seen) >= 20
        bad = [s for s in seen if s["style"] == "none" or s["width"] < 2]
        assert not bad, f"{name} : focus peu visible sur {bad}"
        page.get_by_role("button", name=PARENT).focus()
        shot(page, f"focus-{name}")


def test_reduced_motion_stops_every_animation(new_context, site) -> None:
    page = new_context(reduced_motion="reduce").new_page()
    open_client(page, site)
    page.evaluate("document.querySelector('.ecrit').hidden = false")
    names = page.evaluate("""[...document.querySelectorAll('.points span')]
        .map(e => getComputedStyle(e).animationName)""")
    assert names and all(n == "none" for n in names)
    assert page.evaluate("getComputedStyle(document.querySelector('.journal')).scrollBehavior") \
        == "auto"
    # Without the preference, the dots stop by themselves after a few seconds (4 × 1.2 s).
    normal = new_context().new_page()
    open_client(normal, site)
    animation = normal.evaluate("""(() => { const e = document.querySelector('.points span');
        document.querySelector('.ecrit').hidden = false; const s = getComputedStyle(e);
        return [s.animationName, s.animationIterationCount, s.animationDuration]; })()""")
    assert animation[0] == "point" and animation[1] == "4" and animation[2] == "1.2s"


def test_forced_colours_keep_bubble_borders(new_context, site) -> None:
    page = new_context(forced_colors="active").new_page()
    open_client(page, site)
    page.get_by_role("button", name=PARENT).click()
    wait_turn(page, "Voulez-vous savoir")
    borders = page.evaluate("""[...document.querySelectorAll('.bulle')].map(e => {
        const s = getComputedStyle(e);
        return [s.borderTopStyle, parseFloat(s.borderTopWidth)]; })""")
    assert borders and all(style != "none" and width >= 1 for style, width in borders)
    user = page.locator(".msg--moi .bulle").first.evaluate(
        "e => getComputedStyle(e).borderTopStyle")
    assert user == "double"  # the sender is told by the shape too, not by colour alone
    shot(page, "contraste-force", full_page=True)
    open_widget(page, site)
    shot(page, "contraste-force-widget")


def test_dark_mode(new_context, site) -> None:
    page = new_context(color_scheme="dark").new_page()
    open_client(page, site)
    colours = page.evaluate("""[getComputedStyle(document.body).backgroundColor,
        getComputedStyle(document.body).color]""")
    assert colours == ["rgb(18, 20, 23)", "rgb(241, 243, 245)"]
    assert deep_active(page)["tag"] == "BODY"  # nothing grabbed the focus at load
    shot(page, "sombre", full_page=True)
    open_widget(page, site)
    shot(page, "sombre-widget")


def test_forced_colours_say_easy_to_read_is_on_in_words(new_context, site) -> None:
    page = new_context(forced_colors="active").new_page()
    open_client(page, site)
    button = page.get_by_role("button", name="Facile à lire")
    assert "activé" not in button.inner_text()
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    # The fill is gone in forced colours: the words say it.
    expect(button).to_have_text("Facile à lire\u00a0: activé", use_inner_text=True)
    expect(page.get_by_role("button", name="Facile à lire", exact=True)).to_have_count(1)
    shot(page, "contraste-force-falc")
    open_widget(page, site)
    widget_button = page.locator("#coach-cop-widget .falc-bouton")
    expect(widget_button).to_have_text("Facile à lire", use_inner_text=True)
    widget_button.click()
    expect(widget_button).to_have_text("Facile à lire\u00a0: activé", use_inner_text=True)
