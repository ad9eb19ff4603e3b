"""Light and self-contained: size budget, no third-party host, French wording."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import urlsplit

from navigateur import open_client, open_widget, wait_turn
from playwright.sync_api import Page

WEB = Path(__file__).resolve().parents[2] / "web"
PAGES = Path(__file__).resolve().parents[2] / "coach" / "api" / "pages"


def gzipped(*names: str) -> int:
    return sum(len(gzip.compress((WEB / n).read_bytes(), compresslevel=9)) for n in names)


def test_size_budget() -> None:
    client = gzipped("index.html", "coach.css", "coach.js")
    loader = gzipped("widget.js")
    print(f"client (index.html + coach.css + coach.js) : {client} octets gzip ;"
          f" chargeur widget.js : {loader} octets gzip")
    assert client <= 30 * 1024
    assert loader <= 5 * 1024


def test_no_framework_no_third_party_no_inline_style_or_script() -> None:
    for path in WEB.iterdir():
        text = path.read_text(encoding="utf-8")
        urls = re.findall(r"https?://[^\s'\"<>)]+", text)
        assert all(u.startswith("http://www.w3.org/2000/svg") or "COACH" in u for u in urls), (
            path.name, urls)
        if path.suffix == ".html":
            assert "<style" not in text and " style=" not in text
            assert not re.search(r"<script(?![^>]*\bsrc=)", text)
            assert not re.search(r"\son[a-z]+=", text)
    for module in PAGES.glob("*.py"):
        assert " style=" not in module.read_text(encoding="utf-8"), module.name


def test_tchat_never_chat() -> None:
    files = [*WEB.iterdir(), *PAGES.glob("*.py")]
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\bchat\b", text, re.IGNORECASE), path.name


def test_everything_comes_from_the_coach_or_the_partner(page: Page, site) -> None:
    hosts: set[str] = set()
    page.on("request", lambda r: hosts.add(urlsplit(r.url).netloc)
            if r.url.startswith("http") else None)
    open_client(page, site)
    page.get_by_role("button", name="Je suis un parent ou un proche aidant").click()
    wait_turn(page, "Voulez-vous savoir")
    open_widget(page, site)
    assert hosts <= {urlsplit(site.coach).netloc, urlsplit(site.partner).netloc}, hosts
    text = page.evaluate("""() => document.body.innerText + ' ' +
        document.getElementById('coach-cop-widget').shadowRoot.textContent""")
    assert not re.search(r"\bchat\b", text, re.IGNORECASE)
