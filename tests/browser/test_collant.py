"""What stays at the top of a phone's screen, and what it hides.

- The widget full screen at 320 × 568: its sticky header was 141 px, a quarter of the screen
  (the title, then « Facile à lire », « Plus d’options » and « Fermer » on two rows). Stuck,
  only one row stays: « Facile à lire » and « Fermer », 44 × 44 px at least; the title scrolls
  away, « Plus d’options » is at the top of the conversation.
- The page on a phone: while « Facile à lire » stuck at the top, the end of the person's own
  bubble (and the words above it) showed beside it. The strip it stands in is opaque across
  the screen, in light and dark mode and in forced colours.
- In forced colours the widget's header (a Canvas background like the conversation's) had no
  edge: the conversation scrolled under it with nothing to tell where it ended.
"""

from __future__ import annotations

import struct
import zlib

import pytest
from navigateur import IDLE, open_client, shot, tap_widget_choice, tap_widget_open

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


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_the_widget_s_sticky_header_is_one_row_on_a_small_phone(new_context, site,
                                                               falc: bool) -> None:
    page = new_context(viewport={"width": 320, "height": 568}, is_mobile=True,
                       has_touch=True).new_page()
    tap_widget_open(page, site, falc)
    tap_widget_choice(page)
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


def png_pixels(data: bytes) -> set[tuple[int, ...]]:
    """The distinct colours of an 8-bit RGB or RGBA PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    at, chunks, width = 8, b"", 0
    size = 3
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            width, _, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
            size = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            chunks += body
        at += 12 + length
    raw, stride = zlib.decompress(chunks), width * size
    previous, colours, i = bytearray(stride), set(), 0
    while i < len(raw):
        kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - size] if x >= size else 0
            b = previous[x]
            c = previous[x - size] if x >= size else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        colours.update(tuple(line[x:x + size]) for x in range(0, stride, size))
        previous = line
    return colours


# Beside the stuck switch: what is found there (nothing of the conversation).
BESIDE = """() => {
    const b = document.querySelector('.falc-bouton'), r = b.getBoundingClientRect();
    const found = [];
    for (let x = r.right + 8; x < innerWidth - 2; x += 16)
        for (const y of [2, r.bottom / 2, r.bottom - 2]) {
            const hit = document.elementFromPoint(x, y);
            if (hit && hit.closest('.messages, .choix, .formulaire'))
                found.push(String(hit.className || hit.tagName)); }
    return {top: r.top, bottom: r.bottom, right: r.right, width: innerWidth, found};
}"""


@pytest.mark.parametrize("media", [{}, {"color_scheme": "dark"}, {"forced_colors": "active"}],
                         ids=["clair", "sombre", "contraste-force"])
def test_nothing_shows_beside_the_stuck_switch_on_a_phone(new_context, site,
                                                          media: dict[str, str]) -> None:
    page = new_context(viewport={"width": 320, "height": 568}, is_mobile=True, has_touch=True,
                       **media).new_page()
    open_client(page, site)
    for label in ("Je suis un parent ou un proche aidant", "Oui, dites-m'en plus",
                  "Observer d'abord"):
        count = page.locator(".msg--coach").count()
        page.get_by_role("button", name=label, exact=True).tap()
        page.wait_for_function("n => document.querySelectorAll('.msg--coach').length > n",
                               arg=count)
        page.wait_for_function(IDLE)
    # The person scrolls back a little: their own last message at the switch's height.
    page.evaluate("""() => { const m = [...document.querySelectorAll('.msg--moi')].pop(),
        r = m.getBoundingClientRect(); scrollBy(0, r.top + r.height / 2 - 24); }""")
    page.wait_for_timeout(200)
    seen = page.evaluate(BESIDE)
    assert -1 <= seen["top"] <= 1, seen  # stuck at the top
    assert seen["found"] == [], seen
    left = int(seen["right"]) + 6
    strip = page.screenshot(clip={"x": left, "y": 0, "width": seen["width"] - left - 1,
                                  "height": int(seen["bottom"])}, animations="disabled")
    colours = png_pixels(strip)
    assert len(colours) == 1, f"{len(colours)} couleurs à côté du bouton : {sorted(colours)[:8]}"
    shot(page, f"collant-page-320x568-{'-'.join(media.values()) or 'clair'}")


def test_in_forced_colours_the_widget_s_header_has_an_edge(new_context, site) -> None:
    page = new_context(viewport={"width": 320, "height": 568}, is_mobile=True, has_touch=True,
                       forced_colors="active").new_page()
    tap_widget_open(page, site)
    tap_widget_choice(page)
    edge = page.evaluate("""() => { const h = document.getElementById('coach-cop-widget')
        .shadowRoot.querySelector('.panneau-tete'), s = getComputedStyle(h);
        return [s.borderBottomStyle, parseFloat(s.borderBottomWidth), s.borderBottomColor,
                s.backgroundColor]; }""")
    assert edge[0] == "solid" and edge[1] >= 2, edge
    assert edge[2] != edge[3] and "rgba" not in edge[2], edge  # opaque, seen against Canvas
    shot(page, "collant-widget-contraste-force")
