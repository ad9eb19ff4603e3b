"""The widget's launcher on small and short screens (tester, 4 December, evening): at 400 %
zoom (320 × 200 CSS px) the partner guide's text « Besoin d’aide ? Tchat avec le coach »
made a two-line button 71 px high, over a third of the screen, on the page's heading. On
small or short windows it is one short row (« Tchat » and the icon, at most a quarter of
the screen's height, 44 px targets kept) whose name stays the partner's whole text; with
the space the guide asks the host page to keep at its bottom, nothing of the page stays
under it."""

from __future__ import annotations

import pytest
from navigateur import LAUNCHER, WIDGET_ROOT, touch_phone
from playwright.sync_api import Page, expect

ZOOM_400 = {"width": 320, "height": 200}  # a 1280 × 800 window at 400 %

# The launcher's box, what it shows, and the page's text lines it covers (by their text's own
# boxes: a heading's block is the page's width, its words are not).
STATE = f"""() => {{
    const b = {WIDGET_ROOT}.querySelector('.lanceur'), r = b.getBoundingClientRect();
    const over = q => q.left < r.right && q.right > r.left && q.top < r.bottom && q.bottom > r.top;
    const covered = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {{
        if (!n.textContent.trim() || n.parentElement.closest('#coach-cop-widget')) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        if ([...range.getClientRects()].some(over)) covered.push(n.textContent.trim());
    }}
    return {{top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width,
             height: r.height, covered: covered,
             // What is seen (a visually hidden text is in innerText too: 1 px, clipped).
             shown: [...b.querySelectorAll('span')].filter(s => s.getBoundingClientRect().width > 2)
                 .map(s => s.textContent.trim()).join(' '),
             }};
}}"""


def launcher_state(page: Page) -> dict:
    return page.evaluate(STATE)


def reserve_the_guide_s_space(page: Page) -> None:
    """What docs/partenaires.md asks of the host page: room at its bottom for the launcher."""
    page.add_style_tag(content="html{scroll-padding-bottom:96px}body{padding-bottom:96px}")


@pytest.mark.parametrize("width, height, scale", [(320, 200, 4), (480, 360, 1)])
def test_at_400_percent_zoom_the_launcher_is_one_short_row(new_context, site, width, height,
                                                             scale) -> None:
    page = new_context(viewport={"width": width, "height": height},
                       device_scale_factor=scale).new_page()
    page.goto(site.partner + "/index.html")
    launcher = page.get_by_role("button", name=LAUNCHER, exact=True)
    expect(launcher).to_be_visible()
    state = launcher_state(page)
    # A quarter of the screen's height at most, and still a 44 px target.
    assert 44 <= state["height"] <= height / 4 + 2, state
    assert state["width"] >= 44, state
    # « Tchat » seen, the partner's whole text its name (the short word is in it).
    assert state["shown"] == "Tchat", state
    assert state["shown"].lower() in LAUNCHER.lower()
    # The page's heading and first lines are not under it.
    assert "Accueil" not in state["covered"], state
    reserve_the_guide_s_space(page)
    page.evaluate("scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_timeout(100)
    assert launcher_state(page)["covered"] == [], launcher_state(page)
    # The keyboard still reaches it and opens the tchat in full screen.
    launcher.focus()
    page.keyboard.press("Enter")
    page.locator("#coach-cop-widget .messages .msg").first.wait_for()
    assert page.evaluate(f"{WIDGET_ROOT}.getElementById('coach-panneau').matches(':modal')")


def test_on_a_touch_phone_the_launcher_is_short_and_opens_with_a_tap(new_context, site) -> None:
    page = touch_phone(new_context, 375, 740)
    page.goto(site.partner + "/index.html")
    launcher = page.get_by_role("button", name=LAUNCHER, exact=True)
    state = launcher_state(page)
    assert state["shown"] == "Tchat" and 44 <= state["height"] <= 50, state
    assert state["covered"] == [], state
    launcher.tap()
    page.locator("#coach-cop-widget .messages .msg").first.wait_for()
    expect(launcher).to_have_attribute("aria-expanded", "true")


def test_on_a_desktop_the_launcher_shows_the_partner_s_whole_text(new_context, site) -> None:
    page = new_context().new_page()
    page.goto(site.partner + "/index.html")
    expect(page.get_by_role("button", name=LAUNCHER, exact=True)).to_be_visible()
    state = launcher_state(page)
    # One row (two were 71 px high).
    assert state["shown"] == LAUNCHER and state["height"] <= 50, state


def test_a_text_without_tchat_leaves_the_icon_alone_and_the_name_whole(new_context,
                                                                        site) -> None:
    """« Tchat » seen with a name that does not say it would fail WCAG 2.5.3 (label in name):
    the icon alone, square, then."""
    page = new_context(viewport=ZOOM_400, device_scale_factor=4).new_page()
    # The partner's own text, set on the script element before the deferred script runs.
    page.add_init_script("""new MutationObserver((m, o) => {
        const s = document.querySelector('script[src*="widget.js"]');
        if (s) { s.dataset.launcherText = 'Besoin d’aide ? Parlez au coach'; o.disconnect(); }
    }).observe(document, {childList: true, subtree: true});""")
    page.goto(site.partner + "/index.html")
    launcher = page.get_by_role("button", name="Besoin d’aide ? Parlez au coach", exact=True)
    expect(launcher).to_be_visible()
    state = launcher_state(page)
    assert state["shown"] == "" and 44 <= state["width"] <= 56 and 44 <= state["height"] <= 50, (
        state)


def test_at_400_percent_the_guide_s_header_rule_keeps_its_links_clear(new_context,
                                                                      site) -> None:
    """Tester, session 11: at 320 × 200 the launcher covered the end of the partner's header
    menu (« Accueil · Nos actions · Contact ») on the first screen, before any scroll, where
    the space the guide keeps at the page's bottom cannot help. The guide's rule for short
    windows (docs/partenaires.md, §4.2) keeps the menu's links left of the launcher."""
    page = new_context(viewport=ZOOM_400, device_scale_factor=4).new_page()
    page.goto(site.partner + "/index.html")
    expect(page.get_by_role("button", name=LAUNCHER, exact=True)).to_be_visible()
    reserve_the_guide_s_space(page)
    # The tester's partner header: a title, then a menu line ending with « Contact ».
    page.evaluate("""() => {
        const h = document.querySelector('header');
        h.innerHTML = '<p style="font:700 2em/1.5 sans-serif;margin:.3em 0">Association Exemple</p>'
            + '<nav id="menu-test"><a href="#">Accueil</a> · <a href="#">Nos actions</a> · '
            + '<a href="#">Contact</a></nav>';
    }""")
    assert "Contact" in launcher_state(page)["covered"], launcher_state(page)  # the finding
    page.add_style_tag(
        content="@media (max-height: 399.98px) { header nav { padding-right: 140px; } }")
    state = launcher_state(page)
    assert not {"Accueil", "Nos actions", "Contact"} & set(state["covered"]), state
