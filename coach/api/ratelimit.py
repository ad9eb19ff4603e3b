"""Rate limiting per client address: a fixed one-minute window, per process.

With several processes, each keeps its own counts (the effective limit is multiplied by the
number of processes); a reverse proxy in front can enforce a global one (docs/exploitation.md).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from starlette.types import ASGIApp, Receive, Scope, Send

from coach.api.middleware import problem_bytes

WINDOW_SECONDS = 60.0
# Forget stale windows once this many addresses are tracked, so memory stays bounded.
MAX_TRACKED = 50_000


class RateLimit:
    def __init__(self, app: ASGIApp, per_minute: int, prefixes: tuple[str, ...] = ("/api/",),
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.app, self.per_minute, self.prefixes, self.clock = app, per_minute, prefixes, clock
        self.windows: dict[str, tuple[float, int]] = {}

    def _allow(self, address: str) -> float:
        """0 when allowed, else the seconds to wait."""
        now = self.clock()
        start, count = self.windows.get(address, (now, 0))
        if now - start >= WINDOW_SECONDS:
            start, count = now, 0
        if count >= self.per_minute:
            return start + WINDOW_SECONDS - now
        self.windows[address] = (start, count + 1)
        if len(self.windows) > MAX_TRACKED:
            self.windows = {a: w for a, w in self.windows.items()
                            if now - w[0] < WINDOW_SECONDS}
        return 0.0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] != "http" or self.per_minute <= 0
                or not scope["path"].startswith(self.prefixes)):
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        wait = self._allow(client[0] if client else "inconnu")
        if not wait:
            await self.app(scope, receive, send)
            return
        retry = str(max(1, math.ceil(wait)))
        body = problem_bytes(429, "trop-de-requetes", "Trop de requêtes",
                              f"Trop de messages en peu de temps. Attendez {retry} secondes,"
                              " puis réessayez : votre conversation est gardée.")
        await send({"type": "http.response.start", "status": 429, "headers": [
            (b"content-type", b"application/problem+json"), (b"retry-after", retry.encode()),
            (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
