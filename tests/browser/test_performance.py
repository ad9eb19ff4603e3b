"""A fast first page: compressed static files, cached by content hash, HTML revalidated, and
no layout shift while the first messages arrive (measured in Chromium)."""

from __future__ import annotations

import gzip
import re
import urllib.request

import pytest
from navigateur import open_client
from playwright.sync_api import Page

YEAR = "public, max-age=31536000, immutable"
# Sum of the layout shifts not caused by the person (the Layout Instability API).
CLS_RECORDER = """
window.__cls = 0;
new PerformanceObserver(list => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
}).observe({type: 'layout-shift', buffered: true});
"""


def fetch(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=5) as answer:
            return answer.status, {k.lower(): v for k, v in answer.headers.items()}, \
                answer.read()
    except urllib.error.HTTPError as exc:
        return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()


def test_static_files_are_compressed_and_cached_by_content_hash(site) -> None:
    status, headers, body = fetch(site.coach + "/", **{"Accept-Encoding": "gzip, br"})
    assert status == 200 and headers["content-encoding"] == "gzip"
    assert headers["cache-control"] == "no-cache" and "Accept-Encoding" in headers["vary"]
    html = gzip.decompress(body).decode("utf-8")
    css = re.search(r'href="coach\.css\?v=([0-9a-f]{12})"', html)
    js = re.search(r'src="coach\.js\?v=([0-9a-f]{12})"', html)
    assert css and js, html[:600]
    for name, version in (("coach.css", css.group(1)), ("coach.js", js.group(1))):
        status, headers, body = fetch(f"{site.coach}/{name}?v={version}",
                                      **{"Accept-Encoding": "gzip"})
        assert status == 200 and headers["cache-control"] == YEAR
        assert headers["content-encoding"] == "gzip"
        assert len(body) < int(len(gzip.decompress(body)) * 0.5)  # really compressed
        etag = headers["etag"]
        assert fetch(f"{site.coach}/{name}?v={version}", **{"If-None-Match": etag})[0] == 304
        # An old or missing hash: the current file, but revalidated, never kept a year.
        for stale in (f"{site.coach}/{name}?v=000000000000", f"{site.coach}/{name}"):
            status, headers, _body = fetch(stale)
            assert status == 200 and headers["cache-control"] == "no-cache"
            assert "content-encoding" not in headers  # no Accept-Encoding, no gzip
    status, headers, body = fetch(site.coach + "/widget.js", **{"Accept-Encoding": "gzip"})
    loader = gzip.decompress(body).decode("utf-8")
    assert f"'coach.css?v={css.group(1)}'" in loader and f"'coach.js?v={js.group(1)}'" in loader
    assert headers["cache-control"] == "public, max-age=300" and headers["etag"]
    assert fetch(site.coach + "/", **{"If-None-Match": fetch(site.coach + "/")[1]["etag"]}
                 )[0] == 304


@pytest.mark.parametrize("size", [{"width": 375, "height": 740}, {"width": 1280, "height": 800}])
def test_no_layout_shift_while_the_first_messages_arrive(new_context, site, size) -> None:
    mobile = size["width"] < 500
    page: Page = new_context(viewport=size, is_mobile=mobile, has_touch=mobile).new_page()
    page.add_init_script(CLS_RECORDER)
    open_client(page, site)
    page.get_by_role("textbox", name="Votre message").wait_for()
    page.wait_for_timeout(1000)
    cls = page.evaluate("window.__cls")
    # The goal is < 0.1 with the real content (Lighthouse, docs/benchmarks.md); the fixture's
    # two short messages shift less (0.08 before the fix at 1280 × 800), hence 0.02 here.
    assert cls < 0.02, f"cumulative layout shift {cls:.3f} at {size}"


def test_no_layout_shift_on_a_partner_page_with_the_widget(new_context, site) -> None:
    page: Page = new_context(viewport={"width": 375, "height": 740}, is_mobile=True,
                             has_touch=True).new_page()
    page.add_init_script(CLS_RECORDER)
    page.goto(site.partner + "/index.html")
    page.get_by_role("button", name="Besoin d’aide ? Tchat avec le coach").wait_for()
    page.wait_for_timeout(1000)
    assert page.evaluate("window.__cls") < 0.1
