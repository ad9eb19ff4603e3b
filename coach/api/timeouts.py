"""Slow clients do not hold connections: a deadline for the request's headers (in the HTTP
protocol, before the application sees anything) and one for each piece of its body.

uvicorn has a keep-alive timeout but none for a request that arrives slowly: a client that
opens a connection and sends a byte every few seconds held it for as long as it liked
(seen ≥ 30 s). `coach serve` runs uvicorn with `HeaderDeadlineProtocol` (the httptools
protocol plus one timer), and the app reads bodies through `BodyTimeout`.
"""

from __future__ import annotations

import asyncio
import functools
import os

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

# Read by the protocol (built by uvicorn, in every worker process): the environment is the
# one channel from `coach serve` to it.
HEADER_TIMEOUT_ENV = "COACH_HEADER_TIMEOUT_SECONDS"
DEFAULT_HEADER_TIMEOUT = 10.0


@functools.cache
def header_timeout() -> float:
    """Read once per process (the protocol is built for every connection)."""
    try:
        return float(os.environ.get(HEADER_TIMEOUT_ENV, DEFAULT_HEADER_TIMEOUT))
    except ValueError:
        return DEFAULT_HEADER_TIMEOUT


class HeaderDeadlineProtocol(HttpToolsProtocol):
    """Closes a connection whose request line and headers are not complete within the
    deadline, counted from the connection (a client that sends nothing) and from the first
    byte of each request (a client that sends its headers a byte at a time)."""

    _deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self._deadline is None:
            self._arm()

    def on_headers_complete(self) -> None:
        self._disarm()
        super().on_headers_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._deadline = self.loop.call_later(header_timeout(), self._too_slow)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.transport.close()


class BodyTimeout:
    """Each piece of a request's body must arrive within `seconds`, or the request ends with
    408 (the body is read by the route, so the route's own error handling answers)."""

    def __init__(self, app: ASGIApp, seconds: float) -> None:
        self.app, self.seconds = app, seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.seconds <= 0 or not _has_body(scope):
            await self.app(scope, receive, send)
            return
        complete = False

        async def receive_in_time() -> Message:
            nonlocal complete
            if complete:  # the body is in: later calls wait for a disconnection, untimed
                return await receive()
            try:
                async with asyncio.timeout(self.seconds):
                    message = await receive()
            except TimeoutError:
                raise HTTPException(408, detail=(
                    f"La requête est arrivée trop lentement (plus de {self.seconds:g} s entre"
                    " deux morceaux). Réessayez.")) from None
            complete = message["type"] != "http.request" or not message.get("more_body")
            return message

        await self.app(scope, receive_in_time, send)


def _has_body(scope: Scope) -> bool:
    for name, value in scope["headers"]:
        if name == b"content-length":
            return value not in (b"0", b"")
        if name == b"transfer-encoding":
            return True
    return False
