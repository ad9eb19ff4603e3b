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
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

# Read by the protocol (built by uvicorn, in every worker process): the environment is the
# one channel from `coach serve` to it.
HEADER_TIMEOUT_ENV = "COACH_HEADER_TIMEOUT_SECONDS"
DEFAULT_HEADER_TIMEOUT = 10.0
# How often the body watchdog looks for late reads: a quarter of the deadline, within these.
MIN_TICK, MAX_TICK = 0.05, 1.0


@functools.cache
def header_timeout() -> float:
    """Read once per process (the protocol is built for every connection)."""
    try:
        return float(os.environ.get(HEADER_TIMEOUT_ENV, DEFAULT_HEADER_TIMEOUT))
    except ValueError:
        return DEFAULT_HEADER_TIMEOUT


class HeaderWatch:
    """The connections of one event loop waiting for a request's headers, with their
    deadlines, and one periodic check (running only while some connection waits) that
    closes the late ones: a dict entry per request instead of a timer armed and cancelled
    for each (about 5 µs a request with uvloop, measured under wrk)."""

    def __init__(self, loop: asyncio.AbstractEventLoop, seconds: float) -> None:
        self.loop, self.seconds = loop, seconds
        self.tick = min(MAX_TICK, max(MIN_TICK, seconds / 4))
        self.waiting: dict[HeaderDeadlineProtocol, float] = {}
        self._check_handle: asyncio.TimerHandle | None = None

    def start(self, connection: HeaderDeadlineProtocol) -> None:
        self.waiting[connection] = self.loop.time() + self.seconds
        if self._check_handle is None:
            self._check_handle = self.loop.call_later(self.tick, self._check)

    def _check(self) -> None:
        self._check_handle = None
        now = self.loop.time()
        late = [connection for connection, deadline in self.waiting.items() if deadline <= now]
        for connection in late:
            del self.waiting[connection]
            connection.too_slow()
        if self.waiting:
            self._check_handle = self.loop.call_later(self.tick, self._check)


_watches: dict[asyncio.AbstractEventLoop, HeaderWatch] = {}


def _header_watch(loop: asyncio.AbstractEventLoop) -> HeaderWatch:
    watch = _watches.get(loop)
    if watch is None:
        _watches.clear()  # a process serves from one loop; a test may start another
        watch = _watches[loop] = HeaderWatch(loop, header_timeout())
    return watch


class HeaderDeadlineProtocol(HttpToolsProtocol):
    """Closes a connection whose request line and headers are not complete within the
    deadline, counted from the connection (a client that sends nothing) and from the first
    byte of each request (a client that sends its headers a byte at a time). The deadline
    is checked every quarter of it (at most every second): a late client is cut off at
    most that much later."""

    _watch: HeaderWatch | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._watch = _header_watch(self.loop)
        self._watch.start(self)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        watch = self._watch
        if watch is not None and self not in watch.waiting:
            watch.start(self)

    def on_headers_complete(self) -> None:
        self._stop_watching()
        super().on_headers_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_watching()
        super().connection_lost(exc)

    def _stop_watching(self) -> None:
        if self._watch is not None:
            self._watch.waiting.pop(self, None)

    def too_slow(self) -> None:
        if not self.transport.is_closing():
            self.transport.close()


class BodyTimeout:
    """Each piece of a request's body must arrive within `seconds`, or the request ends with
    408 (the body is read by the route, so the route's own error handling answers).

    One watchdog per process, not one timer per request: a request waiting for a piece of
    its body is noted with its deadline (a dict entry, removed when the piece arrives), and
    a single periodic check, running only while some request waits, cancels the reads
    that are late. A late read ends at most `tick` after its deadline. An `asyncio.timeout`
    around each piece cost about 5 µs a turn (bench/middleware_bench.py).
    """

    def __init__(self, app: ASGIApp, seconds: float) -> None:
        self.app, self.seconds = app, seconds
        self.tick = min(MAX_TICK, max(MIN_TICK, seconds / 4))
        self._waiting: dict[asyncio.Task[Any], float] = {}  # task -> deadline (loop time)
        self._late: set[asyncio.Task[Any]] = set()
        self._check_handle: asyncio.TimerHandle | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.seconds <= 0 or not _has_body(scope):
            await self.app(scope, receive, send)
            return
        complete = False
        waiting, late = self._waiting, self._late

        async def receive_in_time() -> Message:
            nonlocal complete
            if complete:  # the body is in: later calls wait for a disconnection, untimed
                return await receive()
            task = asyncio.current_task()
            if task is None:  # not in a task (never under an ASGI server): nothing to cancel
                return await receive()
            loop = task.get_loop()
            waiting[task] = loop.time() + self.seconds
            if self._check_handle is None:
                self._check_handle = loop.call_later(self.tick, self._check, loop)
            try:
                message = await receive()
            except asyncio.CancelledError:
                if task not in late:
                    raise
                task.uncancel()
                raise HTTPException(408, detail=(
                    f"La requête est arrivée trop lentement (plus de {self.seconds:g} s entre"
                    " deux morceaux). Réessayez.")) from None
            finally:
                del waiting[task]
                late.discard(task)
            complete = message["type"] != "http.request" or not message.get("more_body")
            return message

        await self.app(scope, receive_in_time, send)

    def _check(self, loop: asyncio.AbstractEventLoop) -> None:
        """Cancel the reads past their deadline; check again while some read waits."""
        self._check_handle = None
        now = loop.time()
        for task, deadline in list(self._waiting.items()):
            if deadline <= now and task not in self._late:
                self._late.add(task)
                task.cancel()
        if self._waiting:
            self._check_handle = loop.call_later(self.tick, self._check, loop)


def _has_body(scope: Scope) -> bool:
    for name, value in scope["headers"]:
        if name == b"content-length":
            return value not in (b"0", b"")
        if name == b"transfer-encoding":
            return True
    return False
