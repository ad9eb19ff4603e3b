"""Helpers shared by the browser tests (fixtures live in conftest.py)."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page

SHOTS = Path(os.environ.get("COACH_SHOTS", "/tmp/shots"))
# The test server's COACH_ADMIN_TOKEN (dashboard /admin and authors' pages /authoring).
ADMIN_TOKEN = "jeton-des-tests-navigateur-0123456789"
# The real-content server's COACH_MAX_TEXT_CHARS: not the default (1 000), to see that the
# clients follow the setting.
REAL_MAX_TEXT_CHARS = 640
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice", "RGAAv4"]
AXE = Axe()

# The announcement recorder (docs/accessibilite.md, « B. Annonces et état »), extended to
# open shadow roots (widget).
RECORDER = """
window.__annonces = [];
(() => {
  const observe = root => new MutationObserver(muts => {
    for (const m of muts) {
      const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
      const region = el && el.closest('[aria-live]:not([aria-live="off"]),[role=status],'
        + '[role=alert],[role=log]:not([aria-live="off"])');
      if (region && region.textContent.trim())
        window.__annonces.push({role: region.getAttribute('role'),
                                text: region.textContent.trim(), t: performance.now()});
    }
  }).observe(root, {subtree: true, childList: true, characterData: true});
  observe(document);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    observe(root);
    return root;
  };
})();
"""

# The deepest focused element, through shadow roots.
DEEP_ACTIVE = """() => {
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return a;
}"""



class Site:
    """Where things are: the coach (API, client, widget) and the partner site."""

    def __init__(self, coach: str, partner: str) -> None:
        self.coach = coach
        self.partner = partner

    def api(self, method: str, path: str, body: object | None = None) -> tuple[int, object]:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.coach + "/api/v1/" + path, data=data,
                                         method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=5) as answer:
                raw = answer.read()
                return answer.status, json.loads(raw) if raw else None
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read() or b"null")

# Elements that scroll on their own inside the page (the page itself is the one scroll).
# How high a finger can land on link `a` and reach it: the tallest run of pixels down the
# middle of its box (a 44 px target is at least 44).
TAP_HEIGHT = """a => {
    const r = a.getBoundingClientRect(), x = r.left + r.width / 2;
    let best = 0, run = 0;
    for (let y = Math.floor(r.top) - 40; y <= r.bottom + 40; y++) {
        const hit = document.elementFromPoint(x, y);
        run = hit && (hit === a || a.contains(hit)) ? run + 1 : 0;
        best = Math.max(best, run);
    }
    return best;
}"""
NESTED = """root => [...root.querySelectorAll('*')].filter(e => {
    if (!e.getClientRects().length) return false;
    const s = getComputedStyle(e);
    const scrolls = v => v === 'auto' || v === 'scroll';
    return (scrolls(s.overflowY) && e.scrollHeight > e.clientHeight + 1)
        || (scrolls(s.overflowX) && e.scrollWidth > e.clientWidth + 1);
}).map(e => e.className || e.tagName)"""


def open_client(page: Page, site: Site, query: str = "") -> Page:
    page.goto(site.coach + "/" + query)
    page.locator(".messages .msg").first.wait_for()
    return page


LAUNCHER = "Besoin d’aide ? Tchat avec le coach"
WIDGET_ROOT = "document.getElementById('coach-cop-widget').shadowRoot"


def open_widget(page: Page, site: Site, name: str = "index.html") -> Page:
    page.goto(f"{site.partner}/{name}")
    page.get_by_role("button", name=LAUNCHER).click()
    page.locator("#coach-cop-widget .messages .msg").first.wait_for()
    return page


def tap_widget_open(page: Page, site: Site, falc: bool = False) -> Locator:
    """A partner's page on a touch screen: the launcher tapped, the first reply shown, then
    « Facile à lire » tapped when `falc`; the widget's root."""
    page.goto(site.partner + "/index.html")
    page.get_by_role("button", name=LAUNCHER).tap()
    root = page.locator("#coach-cop-widget")
    root.locator(".messages .msg").first.wait_for()
    page.wait_for_function(IDLE)
    if falc:
        root.locator(".falc-bouton").tap()
        page.wait_for_function(f"{WIDGET_ROOT}.querySelector('.coach').classList.contains('falc')")
        page.wait_for_function(IDLE)
    return root


def tap_widget_choice(page: Page) -> None:
    """The widget's first proposed answer tapped, and its reply shown and settled."""
    root = page.locator("#coach-cop-widget")
    before = root.locator(".msg--coach").count()
    root.locator(".choix button").first.tap()
    page.wait_for_function(
        f"n => {WIDGET_ROOT}.querySelectorAll('.msg--coach').length > n", arg=before)
    page.wait_for_function(IDLE)
    page.wait_for_timeout(200)


def deep_active(page: Page) -> dict[str, str]:
    return page.evaluate(f"""() => {{
        const a = ({DEEP_ACTIVE})();
        // French no-break spaces (typography) compare as ordinary spaces.
        const text = a ? (a.textContent || '').replace(/[\u202f\u00a0]/g, ' ').trim() : '';
        return {{tag: a ? a.tagName : '', text: text,
                 cls: a ? String(a.className) : '', id: a ? a.id : '',
                 inWidget: !!(a && a.getRootNode() !== document)}};
    }}""")


def assert_axe_clean(page: Page, state: str, context: object | None = None) -> None:
    """No violation at all, whatever its impact, with the WCAG 2.2 AA + best-practice tags."""
    result = AXE.run(page, context=context, options={
        "runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    violations = result.response["violations"]
    assert not violations, f"axe ({state}) :\n" + result.generate_report()


def shot(page: Page, name: str, full_page: bool = False) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page,
                    animations="disabled")


IDLE = """() => {
  const roots = [document];
  const host = document.getElementById('coach-cop-widget');
  if (host && host.shadowRoot) roots.push(host.shadowRoot);
  return !roots.some(r => r.querySelector('[aria-busy=true]'));
}"""


def wait_turn(page: Page, text: str) -> None:
    """Wait for a text of the reply, then for the client to be idle again."""
    page.get_by_text(text).first.wait_for()
    page.wait_for_function(IDLE)


def press(locator: Locator) -> None:
    """Activate a button with the keyboard (focus, then Enter), as a keyboard or screen-reader
    user does: the focus stays in the text field and the reply is announced. A mouse click
    or a tap puts the focus on the reply instead (test_pointeur.py, test_phone.py)."""
    locator.focus()
    locator.page.keyboard.press("Enter")


def touch_phone(new_context, width: int, height: int) -> Page:  # type: ignore[no-untyped-def]
    """A page in a phone's browser: its screen size, touch, and the mobile viewport."""
    return new_context(viewport={"width": width, "height": height}, is_mobile=True,
                       has_touch=True).new_page()


def tap_and_wait(page: Page, target: Locator, root: str = "document",
                 settle_ms: int = 150) -> None:
    """Tap `target` as a finger does, then wait for the coach's reply in `root` (the page, or
    the widget's shadow root) and for the client to be idle again."""
    count = f"{root}.querySelectorAll('.msg--coach').length"
    before = page.evaluate(count)
    target.tap()
    page.wait_for_function(f"n => {count} > n", arg=before)
    page.wait_for_function(IDLE)
    page.wait_for_timeout(settle_ms)


def wait_new(page: Page, before: int) -> list[dict]:
    """The coach's messages after the first `before`, once the journal is idle: each with
    its top in the viewport and its text (did the reply start on screen? what does it say?)."""
    page.wait_for_function(
        """n => document.querySelectorAll('.msg--coach').length > n
             && document.querySelector('.journal').getAttribute('aria-busy') !== 'true'""",
        arg=before)
    page.wait_for_function(IDLE)
    page.wait_for_timeout(200)
    return page.evaluate("""n => [...document.querySelectorAll('.msg--coach')].slice(n)
        .map(b => ({top: b.getBoundingClientRect().top, text: b.textContent}))""", before)


# The choices that take stage 4's short way to its end, and those that leave it.
STAGE_4_PREFERRED = ("court", "essentiel", "continuer-court", "continuer", "suite", "suivante",
                     "fin", "finir", "terminer")
STAGE_4_AVOIDED = ("etapes", "exercice", "rejouer", "banque", "outils", "menu")


def stage_4_to_its_end(site: Site, cid: str) -> None:
    """Play conversation `cid` with the API, by the short way, to the end of stage 4
    (« Pérenniser »): the pages then show that end without tapping through it."""
    _status, step = site.api("GET", f"conversations/{cid}")
    assert isinstance(step, dict)
    for _turn in range(120):
        if step["flow"] == "perenniser" and step["node"] == "fin":
            return
        ids = [c["id"] for c in step["choices"]]
        pick = next((i for i in STAGE_4_PREFERRED if i in ids), None)
        if pick is None:
            pick = next(i for i in ids if not i.startswith(STAGE_4_AVOIDED))
        status, step = site.api("POST", f"conversations/{cid}/turns", {"choice": pick})
        assert status == 200, step
        assert isinstance(step, dict)
    raise AssertionError("the end of stage 4 was not reached")
