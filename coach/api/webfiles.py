"""The web client's files (`web/`): read and compressed once, served with caching that fits.

A first page must be fast on a slow phone (Lighthouse figures in docs/benchmarks.md): the
stylesheet and the script are asked for under content-hashed names (`coach.css?v=<hash>`,
written into `index.html` and `widget.js` when the files are read) and kept a year; a name
without the current hash is revalidated (ETag). HTML is revalidated at every visit, and
`widget.js`, whose address partners paste, after five minutes. Everything compressible goes
out gzip-compressed (level 9, done once), with `Vary: Accept-Encoding`.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path

from starlette.types import Receive, Scope, Send

# Referenced with ?v=<hash> by index.html and widget.js.
VERSIONED = ("coach.css", "coach.js")
YEAR = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# The loader's address is pasted by partners: it cannot change name, so it stays short-lived.
LOADER = "public, max-age=300"
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml")
MIN_COMPRESSED = 512
TEMPLATE_START, TEMPLATE_END = b"<!--tchat-->", b"<!--/tchat-->"
PLACEHOLDER = b"var MODELE = '';"
# The interface's words in both languages (coach/api/interface.yaml), written into coach.js.
TEXTS_PLACEHOLDER = b"var TEXTES = {};"
# The text field's limit in the template (`maxlength="1000"` on disk, the default): written
# with the setting COACH_MAX_TEXT_CHARS when the files are read.
TEXT_LIMIT = re.compile(rb'(<textarea id="saisie"[^>]*\bmaxlength=")(\d+)(")')


@dataclass(frozen=True)
class WebFile:
    body: bytes
    gzipped: bytes | None
    media_type: str
    etag: bytes
    version: str
    cache: str


def _media_type(name: str) -> str:
    if name.endswith(".js"):
        return "text/javascript; charset=utf-8"
    guessed = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return guessed + "; charset=utf-8" if guessed.startswith("text/") else guessed


def _digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()[:12]


def _file(name: str, body: bytes, cache: str) -> WebFile:
    media_type = _media_type(name)
    gzipped = None
    if len(body) >= MIN_COMPRESSED and media_type.startswith(COMPRESSIBLE):
        gzipped = gzip.compress(body, compresslevel=9, mtime=0)
    version = _digest(body)
    return WebFile(body, gzipped, media_type, f'"{version}"'.encode(), version, cache)


def read_web_files(folder: Path, max_text_chars: int = 1000) -> dict[str, WebFile]:
    """Every file of `folder` by its URL path ("/coach.css"), "/" being index.html, with the
    text field's limit set to `max_text_chars` (the setting COACH_MAX_TEXT_CHARS)."""
    raw = {"/" + p.relative_to(folder).as_posix(): p.read_bytes()
           for p in sorted(folder.rglob("*")) if p.is_file()}
    if "/index.html" in raw:
        raw["/index.html"] = with_text_limit(raw["/index.html"], max_text_chars)
    if "/index.html" in raw and "/coach.js" in raw:
        raw["/coach.js"] = with_texts(with_template(raw["/coach.js"], raw["/index.html"]))
    versions = {name: _digest(raw["/" + name]) for name in VERSIONED if "/" + name in raw}

    def versioned(body: bytes, quote: bytes) -> bytes:
        for name, version in versions.items():
            body = body.replace(quote + name.encode() + quote,
                                quote + f"{name}?v={version}".encode() + quote)
        return body

    files: dict[str, WebFile] = {}
    for path, body in raw.items():
        name = path[1:]
        if name.endswith(".html"):
            files[path] = _file(name, versioned(body, b'"'), REVALIDATE)
        elif name == "widget.js":
            files[path] = _file(name, versioned(body, b"'"), LOADER)
        else:
            files[path] = _file(name, body, YEAR if name in versions else REVALIDATE)
    if "/index.html" in files:
        files["/"] = files["/index.html"]
    return files


def with_template(script: bytes, page: bytes) -> bytes:
    """coach.js with index.html's tchat markup written in: the widget builds its panel from
    the very markup of the page (one template, `<!--tchat-->` … `<!--/tchat-->`)."""
    if PLACEHOLDER not in script:
        raise ValueError("web/coach.js lost the tchat template's placeholder")
    markup = tchat_markup(page)
    return script.replace(PLACEHOLDER, b"var MODELE = " + json.dumps(markup).encode() + b";", 1)


def with_texts(script: bytes) -> bytes:
    """coach.js with the interface's words, each [standard, easy-to-read]: the client shows
    them in the conversation's language (coach.js, afficherFalc), from the one source that
    the pages without JavaScript use and that `coach lint` checks (interface.yaml)."""
    from coach.api.interface import load_interface

    if TEXTS_PLACEHOLDER not in script:
        raise ValueError("web/coach.js lost the interface texts' placeholder")
    texts = json.dumps(load_interface().for_script(), ensure_ascii=False).encode()
    return script.replace(TEXTS_PLACEHOLDER, b"var TEXTES = " + texts + b";", 1)


def tchat_markup(page: bytes) -> str:
    """The tchat's markup in index.html (`<!--tchat-->` … `<!--/tchat-->`): the one template
    of the client, the widget and the pages without JavaScript (coach/api/pages/tchat.py)."""
    start, end = page.find(TEMPLATE_START), page.find(TEMPLATE_END)
    if start < 0 or end < start:
        raise ValueError("web/index.html lost the tchat template's markers")
    return page[start + len(TEMPLATE_START):end].decode("utf-8").strip()


def with_text_limit(page: bytes, max_text_chars: int) -> bytes:
    """The page with its text field's `maxlength` set to `max_text_chars`, so that the page
    and the widget (built from the same template) refuse no more and no less than the API."""
    written, count = TEXT_LIMIT.subn(
        lambda m: m.group(1) + str(max_text_chars).encode() + m.group(3), page)
    if count != 1:
        raise ValueError('web/index.html must have one <textarea id="saisie" … maxlength="…">')
    return written


class WebFiles:
    """ASGI endpoint for the files of `web/` (GET and HEAD; routes are added per file)."""

    def __init__(self, folder: Path, max_text_chars: int = 1000) -> None:
        self.files = read_web_files(folder, max_text_chars)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        found = self.files[scope["path"]]
        headers = dict(scope["headers"])
        cache = found.cache
        if found.cache == YEAR and _query_version(scope) != found.version:
            cache = REVALIDATE  # an old or missing hash: the current file, revalidated
        common = [(b"cache-control", cache.encode()), (b"etag", found.etag)]
        if found.gzipped is not None:
            common.append((b"vary", b"Accept-Encoding"))
        if found.etag in [t.strip() for t in headers.get(b"if-none-match", b"").split(b",")]:
            await send({"type": "http.response.start", "status": 304, "headers": common})
            await send({"type": "http.response.body", "body": b""})
            return
        body = found.body
        if found.gzipped is not None and b"gzip" in headers.get(b"accept-encoding", b""):
            body = found.gzipped
            common.append((b"content-encoding", b"gzip"))
        await send({"type": "http.response.start", "status": 200, "headers": [
            (b"content-type", found.media_type.encode()),
            (b"content-length", str(len(body)).encode()), *common]})
        await send({"type": "http.response.body",
                    "body": b"" if scope["method"] == "HEAD" else body})


def _query_version(scope: Scope) -> str:
    for pair in scope.get("query_string", b"").decode("latin-1").split("&"):
        key, _sep, value = pair.partition("=")
        if key == "v":
            return value
    return ""
