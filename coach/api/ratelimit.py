"""One limiter for every door, per client address (coach/api/client_address.py).

- Every request that creates or changes something (any method but GET, HEAD and OPTIONS:
  the API, the no-JavaScript pages, feedback, documents, logins) and every request under
  `/api/` counts against `COACH_RATE_LIMIT_PER_MINUTE` over a sliding minute.
- Requests that present credentials to a guarded area (`POST …/connexion` on `/admin` and
  `/authoring`, or an `Authorization` header on `/admin`, `/authoring`, `/metrics`) are
  also watched for failures (answered 401): after a few, the address waits 1 s, 2 s,
  4 s… up to `COACH_LOGIN_MAX_BLOCK_SECONDS`, and every try while it waits doubles the wait.
  A success forgets the failures. Cookies of a session already open are not watched.

With a Redis store the counts live in Redis and every process shares them
(coach/limits/redis.py); otherwise each process counts alone (coach/limits/memory.py).
"""

from __future__ import annotations

import json
import math
import time

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from coach.api.client_address import ClientAddress
from coach.api.htmlpage import e, page
from coach.api.middleware import problem_bytes
from coach.limits.policy import Backoff, Windows

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
GUARDED = ("/admin", "/authoring", "/metrics")


def wall_clock() -> float:
    """Seconds since the epoch: windows are aligned across processes and hosts."""
    return time.time()


def presents_credentials(scope: Scope) -> bool:
    if scope["method"] == "POST" and scope["path"].endswith("/connexion"):
        return True
    return any(name == b"authorization" for name, _value in scope["headers"])


class Limits:
    def __init__(self, app: ASGIApp, windows: Windows | None, backoff: Backoff,
                 client_address: ClientAddress) -> None:
        self.app, self.windows, self.backoff = app, windows, backoff
        self.client_address = client_address

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        changes = scope["method"] not in SAFE_METHODS or path.startswith("/api/")
        guarded = path.startswith(GUARDED) and presents_credentials(scope)
        if not changes and not guarded:
            await self.app(scope, receive, send)
            return
        address = self.client_address(scope)
        now = wall_clock()
        failures = 0
        if guarded:  # first: a blocked address hears about its block, not the minute's
            wait, failures = self.backoff.check(address, now)
            if wait:
                await too_many(scope, send, wait, login=True)
                return
        if changes and self.windows is not None:
            wait = self.windows.hit(address, now)
            if wait:
                await too_many(scope, send, wait, login=False)
                return
        if not guarded:
            await self.app(scope, receive, send)
            return
        status = 0

        async def watching_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        await self.app(scope, receive, watching_send)
        if status == 401:
            self.backoff.failed(address, wall_clock())
        elif failures and 200 <= status < 400:
            self.backoff.succeeded(address)


def _texts(retry: str, login: bool) -> tuple[str, str, str]:
    """Title, standard text, easy-to-read text (FALC)."""
    if login:
        return ("Trop d’essais de connexion",
                f"Trop d’essais de connexion avec un jeton refusé. Attendez {retry} secondes"
                " avant de réessayer : chaque essai pendant l’attente la rallonge.",
                f"Le jeton n’est pas bon trop de fois. Attendez {retry} secondes."
                " Ensuite, essayez encore une fois.")
    return ("Trop de requêtes",
            f"Trop de messages en peu de temps. Attendez {retry} secondes, puis réessayez :"
            " votre conversation est gardée.",
            f"Vous envoyez trop de messages. Attendez {retry} secondes."
            " Votre conversation n’est pas perdue.")


async def too_many(scope: Scope, send: Send, wait: float, login: bool) -> None:
    """429 with Retry-After: a problem for scripts and the widget, a page for browsers."""
    retry = str(max(1, math.ceil(wait)))
    title, detail, falc = _texts(retry, login)
    headers = {"Retry-After": retry, "Cache-Control": "no-store"}
    accept = dict(scope["headers"]).get(b"accept", b"")
    if b"text/html" in accept:
        body = (f"<h1>{e(title)}</h1>\n<p>{e(detail)}</p>\n"
                f'<p class="falc">En facile à lire : {e(falc)}</p>')
        response = page(Request(scope), title, body, status=429, headers=headers)
        await response(scope, _no_receive, send)
        return
    code = "trop-d-essais" if login else "trop-de-requetes"
    body_bytes = _with_falc(problem_bytes(429, code, title, detail), falc)
    await send({"type": "http.response.start", "status": 429, "headers": [
        (b"content-type", b"application/problem+json"), (b"retry-after", retry.encode()),
        (b"cache-control", b"no-store"), (b"content-length", str(len(body_bytes)).encode())]})
    await send({"type": "http.response.body", "body": body_bytes})


def _with_falc(problem: bytes, falc: str) -> bytes:
    body = json.loads(problem)
    body["detail_falc"] = falc
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}
