"""What a try-out as people found (December): a mother in easy-to-read on a small phone who
types as in a text message (« jcomprend pas », « c koi une cop », « sa coute combien »), and
a person with the keyboard only on a partner's page with the widget.

- The focus ring of a reply (after a tap, the focus is on its first message) was drawn inside
  the message (3 px inset) and covered the first letter of the speaker's name: it is drawn
  just outside, still on screen and under what stays at the top.
- In the widget full screen on a small phone, the coach's words had a column of 199 px in
  easy-to-read (220 px in standard French) against 270 px on the coach's own page: the history
  in a bordered box inside the panel's margins, the bubbles at 92 % of it, their wide padding.
  Lines of two or three words, and much more to scroll. The panel lays the history out as the
  page does on a phone.
"""

from __future__ import annotations

import pytest
from navigateur import IDLE, open_client, shot, tap_widget_open

RING = """() => {
    const a = document.activeElement, r = a.getBoundingClientRect(), s = getComputedStyle(a);
    const o = parseFloat(s.outlineOffset), w = parseFloat(s.outlineWidth);
    const name = a.querySelector('.auteur').getBoundingClientRect();
    const sw = document.querySelector('.falc-bouton').getBoundingClientRect();
    return {cls: String(a.className), outer: r.left - o - w, inner: r.left - o,
            top: r.top - o - w, name: name.left, under: sw.bottom, width: innerWidth,
            style: s.outlineStyle, w};
}"""


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_the_reply_s_focus_ring_leaves_the_speaker_s_name_whole(new_context, site,
                                                                  falc: bool) -> None:
    page = new_context(viewport={"width": 320, "height": 568}, is_mobile=True,
                       has_touch=True).new_page()
    open_client(page, site, "?falc=1" if falc else "")
    for _ in range(2):
        count = page.locator(".msg--coach").count()
        page.locator(".choix button").first.tap()
        page.wait_for_function("n => document.querySelectorAll('.msg--coach').length > n",
                               arg=count)
        page.wait_for_function(IDLE)
        page.wait_for_timeout(150)
        ring = page.evaluate(RING)
        assert "msg--coach" in ring["cls"] and ring["style"] == "solid" and ring["w"] >= 3
        assert ring["inner"] <= ring["name"], ring  # the name's first letter is not under it
        assert ring["outer"] >= 0, ring  # on screen
        assert ring["top"] >= ring["under"] - 1, ring  # not under the stuck switch's strip
    shot(page, f"essai-sms-anneau{'-facile' if falc else ''}")


COLUMN = """root => { const t = root.querySelector('.msg--coach .texte').getBoundingClientRect();
    return {text: t.width, left: t.left, right: t.right, width: innerWidth}; }"""


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_the_full_screen_widget_gives_the_words_the_page_s_width(new_context, site,
                                                                 falc: bool) -> None:
    phone = {"viewport": {"width": 320, "height": 568}, "is_mobile": True, "has_touch": True}
    page = new_context(**phone).new_page()
    open_client(page, site, "?falc=1" if falc else "")
    on_page = page.evaluate(COLUMN, page.evaluate_handle("document"))
    widget = new_context(**phone).new_page()
    tap_widget_open(widget, site, falc)
    seen = widget.evaluate(COLUMN, widget.evaluate_handle(
        "document.getElementById('coach-cop-widget').shadowRoot"))
    assert seen["text"] >= 0.8 * seen["width"], (seen, on_page)
    assert seen["text"] >= on_page["text"] - 12, (seen, on_page)
    assert seen["left"] >= 8 and seen["right"] <= seen["width"] - 8, seen
    shot(widget, f"essai-sms-colonne-widget{'-facile' if falc else ''}")
