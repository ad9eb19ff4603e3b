"""Thin ASGI middlewares: body size limit, security and caching headers, errors without
tracebacks."""

from __future__ import annotations

import json
import logging

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from coach.api.problems import PROBLEM_TYPE

log = logging.getLogger("coach.api")
# Pages a partner may show in a frame: the tchat itself (client and no-JavaScript pages).
FRAMED_PATHS = ("/", "/index.html", "/sans-js")
# Pages that must never be framed, even by this site: the admin and authors' doors.
UNFRAMED_PREFIXES = ("/admin", "/authoring")
# Answers that hold a conversation (typed text inside), or the tools' figures: never stored
# by a browser or a proxy cache.
NO_STORE_PREFIXES = ("/api/v1/conversations", "/sans-js", "/admin", "/authoring")


def problem_bytes(status: int, code: str, title: str, detail: str) -> bytes:
    return json.dumps({"type": PROBLEM_TYPE + code, "title": title, "status": status,
                       "detail": detail, "code": code}, ensure_ascii=False).encode("utf-8")


class _TooLarge(HTTPException):
    """Raised while the body is read: FastAPI turns any other exception met while reading a
    body into 400, but lets HTTP exceptions through (so a chunked body gets 413 too)."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(413, detail=too_large_detail(max_bytes))


def too_large_detail(max_bytes: int) -> str:
    return f"La requête dépasse {max_bytes // 1024} Ko. Envoyez un message plus court."


class ResponseWatch:
    """`send`, noting whether the response has started: once it has, no error answer may
    be sent in its place."""

    def __init__(self, send: Send) -> None:
        self._send = send
        self.started = False

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.started = True
        await self._send(message)


class BodyLimit:
    """Refuse bodies over `max_bytes` with 413 before the app reads them whole."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length" and value.isdigit():
                if int(value) > self.max_bytes:
                    await self._refuse(send)
                    return
                # The HTTP server delivers no more than Content-Length: nothing to watch.
                await self.app(scope, receive, send)
                return
        received = 0
        watch = ResponseWatch(send)

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _TooLarge(self.max_bytes)
            return message

        try:
            await self.app(scope, limited_receive, watch.send)
        except _TooLarge:
            if not watch.started:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        body = problem_bytes(413, "requete-trop-grande", "Requête trop grande",
                             too_large_detail(self.max_bytes))
        await send({"type": "http.response.start", "status": 413, "headers": [
            (b"content-type", b"application/problem+json"),
            (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """CSP without 'unsafe-inline'; partner origins in frame-ancestors only on the tchat's own
    pages, none at all on the admin and authors' pages; `Cache-Control: no-store` on every
    answer that holds a conversation (unless the route chose its own)."""

    def __init__(self, app: ASGIApp, allowed_origins: list[str]) -> None:
        self.app = app
        base = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                " connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'none';"
                " form-action 'self'; frame-ancestors ")
        common = [
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
            (b"cross-origin-opener-policy", b"same-origin"),
        ]
        framed = " ".join(["'self'", *allowed_origins])
        self.framed = [(b"content-security-policy", (base + framed).encode()), *common]
        self.own = [(b"content-security-policy", (base + "'self'").encode()), *common]
        self.unframed = [(b"content-security-policy", (base + "'none'").encode()),
                         (b"x-frame-options", b"DENY"), *common]

    def headers_for(self, path: str) -> list[tuple[bytes, bytes]]:
        if path in FRAMED_PATHS or path.startswith("/sans-js/"):
            return self.framed
        if path.startswith(UNFRAMED_PREFIXES):
            return self.unframed
        return self.own

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        extra = self.headers_for(path)
        no_store = path.startswith(NO_STORE_PREFIXES)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if no_store and not any(name.lower() == b"cache-control"
                                        for name, _value in headers):
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers + extra
            await send(message)

        await self.app(scope, receive, with_headers)


class ErrorsWithoutTraceback:
    """An unexpected error answers 500 in French and logs its type only: a traceback may hold
    a person's typed text (locals, messages), and servers' logs are kept and shared."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        watch = ResponseWatch(send)
        try:
            await self.app(scope, receive, watch.send)
        except Exception as exc:
            log.error("unexpected error: %s on %s %s", type(exc).__name__, scope["method"],
                      _path_shape(scope["path"]))
            if watch.started:
                return
            body = problem_bytes(500, "erreur-interne", "Erreur interne",
                                 "Une erreur inattendue est survenue. Réessayez ; si elle"
                                 " revient, utilisez « Parler à une personne ».")
            await send({"type": "http.response.start", "status": 500, "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store")]})
            await send({"type": "http.response.body", "body": body})


def _path_shape(path: str) -> str:
    """The path with long segments (conversation ids) hidden: logs keep no identifiers."""
    return "/".join(part if len(part) < 24 else "…" for part in path.split("/"))
