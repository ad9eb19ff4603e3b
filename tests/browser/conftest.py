"""Browser tests in real Chromium: one real `coach` server, one partner site, one browser.

- The coach runs in a subprocess (uvicorn, the app factory) on a free loopback port, with a
  temporary SQLite store and the small stable dialogues of `tests/browser/dialogues/` (the
  real dialogues change every day; these tests are about the client, not the content).
- The partner site is a tiny static server on another origin (`localhost` vs `127.0.0.1`,
  another port) whose pages paste the widget snippet; `COACH_ALLOWED_ORIGINS` lists it.
- Debian's `/usr/bin/chromium`, driven by Playwright's sync API (Playwright cannot download
  its own browsers here).
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bench.servers import free_port

pytest.importorskip("playwright.sync_api", reason="Playwright (Python) n'est pas installé")
pytest.importorskip("axe_playwright_python", reason="axe-playwright-python n'est pas installé")

from navigateur import ADMIN_TOKEN, REAL_MAX_TEXT_CHARS, SHOTS, Site
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    sync_playwright,
)

ROOT = Path(__file__).resolve().parents[2]
DIALOGUES = Path(__file__).resolve().parent / "dialogues"
CHROMIUM = os.environ.get("COACH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]



def _wait_http(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the coach server stopped:\n" + log.read_text(errors="replace"))
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=1) as answer:
            if answer.status == 200:
                return
        time.sleep(0.1)
    raise RuntimeError("the coach server did not answer:\n" + log.read_text(errors="replace"))


PARTNER_PAGE = """<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} — Association Les Partenaires</title>
<link rel="stylesheet" href="partenaire.css"></head>
<body>
<header><p><a href="index.html">Association Les Partenaires</a></p>
<nav aria-label="Menu du site"><ul><li><a href="index.html">Accueil</a></li>
<li><a href="page2.html">Nos actions</a></li></ul></nav></header>
<main><h1>{title}</h1>
<p>Nous accompagnons les familles et les professionnels. Ce texte appartient au site
partenaire ; le tchat du coach s'ajoute sans rien casser.</p>
{filler}
<p><a id="lien-bas" href="page2.html">Lien en bas de la page</a></p></main>
<footer><p>Pied de page du partenaire.</p></footer>
<script src="{coach}/widget.js" defer data-flow="{flow}" data-falc="{falc}"
 data-launcher-text="Besoin d’aide ? Tchat avec le coach" data-color="#e67e22"
 data-heading-level="2"></script>
</body>
</html>
"""
PARTNER_CSS = """body{font:18px/1.5 Georgia,serif;margin:0 1em;color:#222;background:#fff}
html{font-size:62.5%;scroll-padding-bottom:96px}main{max-width:40em}
a{color:#00497a}
"""


@contextlib.contextmanager
def _serve(dialogues: Path, settings: dict[str, str] | None = None) -> Iterator[Site]:
    """A coach server on `dialogues` and its partner site (widget pages) on another origin."""
    port, partner_port = free_port(), free_port()
    coach, partner = f"http://127.0.0.1:{port}", f"http://localhost:{partner_port}"
    with tempfile.TemporaryDirectory(prefix="coach-browser-") as tmp:
        folder = Path(tmp)
        pages = folder / "partenaire"
        pages.mkdir()
        filler = "\n".join(f"<p>Paragraphe {i} du partenaire.</p>" for i in range(1, 9))
        # facile.html: the guide's snippet as docs/partenaires.md gives it, easy-to-read on.
        for name, title, flow, falc in (
                ("index.html", "Accueil", "familles", "false"),
                ("page2.html", "Nos actions", "familles", "false"),
                ("coordination.html", "Coordonner une CoP", "initier", "false"),
                ("outils.html", "Nos outils", "outils", "false"),
                ("facile.html", "Facile à lire", "familles", "true")):
            (pages / name).write_text(
                PARTNER_PAGE.format(title=title, filler=filler, coach=coach, flow=flow,
                                    falc=falc),
                encoding="utf-8")
        (pages / "partenaire.css").write_text(PARTNER_CSS, encoding="utf-8")

        class Quiet(SimpleHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", partner_port),
                                     functools.partial(Quiet, directory=str(pages)))
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()

        env = {**os.environ,
               "COACH_STORE_URL": f"sqlite:///{folder / 'coach.db'}",
               "COACH_DIALOGUES_DIR": str(dialogues),
               "COACH_ALLOWED_ORIGINS": json.dumps([partner]),
               "COACH_RATE_LIMIT_PER_MINUTE": "0",
               "COACH_ADMIN_TOKEN": ADMIN_TOKEN,
               # Refused tokens make the address wait (back-off): one second at most here.
               "COACH_LOGIN_MAX_BLOCK_SECONDS": "1",
               # A deployer's contact (there are no sample values by default).
               "COACH_CONTACT_NOM": "l'équipe d'accueil",
               "COACH_CONTACT_TELEPHONE": "01 23 45 67 89",
               "COACH_CONTACT_HORAIRES": "du lundi au vendredi, de 9 h à 17 h",
               "COACH_CONTACT_COURRIEL": "accueil@association.example",
               **(settings or {})}
        log = folder / "coach.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "uvicorn", "coach.api.app:app_from_env", "--factory",
                 "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            _wait_http(coach + "/healthz", process, log)
            yield Site(coach, partner)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
            server.shutdown()
            server.server_close()


@pytest.fixture(scope="session")
def site() -> Iterator[Site]:
    """The small stable fixture dialogues, default settings."""
    with _serve(DIALOGUES) as served:
        yield served


@pytest.fixture(scope="session")
def real_site() -> Iterator[Site]:
    """The real dialogues (`dialogues/`, what people meet), and a non-default text limit."""
    with _serve(ROOT / "dialogues",
                {"COACH_MAX_TEXT_CHARS": str(REAL_MAX_TEXT_CHARS)}) as served:
        yield served


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_context(browser: Browser) -> Iterator[object]:
    """Make contexts (fresh storage each) and close them all at the end of the test."""
    made: list[BrowserContext] = []
    errors: list[str] = []

    def make(**options: object) -> BrowserContext:
        settings: dict[str, object] = {"locale": "fr-FR", "viewport": {"width": 1280,
                                                                      "height": 800}}
        settings.update(options)
        context = browser.new_context(**settings)  # type: ignore[arg-type]
        context.set_default_timeout(10_000)
        context.on("page", lambda p: p.on("pageerror", lambda exc: errors.append(str(exc))))
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()
    assert not errors, f"JavaScript errors in the page: {errors}"


@pytest.fixture
def page(new_context) -> Page:  # type: ignore[no-untyped-def]
    return new_context().new_page()
