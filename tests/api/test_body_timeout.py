"""The body deadline (coach/api/timeouts.py `BodyTimeout`) in process: one watchdog per
process, a deadline for each piece of the body, 408 for the late one only."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from starlette.exceptions import HTTPException

from coach.api.timeouts import BodyTimeout

SCOPE = {"type": "http", "method": "POST", "path": "/api/v1/conversations/x/turns",
         "headers": [(b"transfer-encoding", b"chunked")]}


async def read_all(scope: Any, receive: Any, send: Any) -> None:
    """An app that reads the whole body, then answers with what it read."""
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    await send({"type": "http.response.body", "body": body})


def pieces(delays: list[float]) -> Any:
    """A client that sends one piece after each delay (the last one ends the body)."""
    sent = iter(enumerate(delays))

    async def receive() -> dict[str, Any]:
        index, delay = next(sent)
        await asyncio.sleep(delay)
        return {"type": "http.request", "body": b"p%d" % index,
                "more_body": index < len(delays) - 1}
    return receive


async def run(middleware: BodyTimeout, delays: list[float]) -> tuple[bytes | None, float]:
    answered: list[bytes] = []

    async def send(message: dict[str, Any]) -> None:
        answered.append(message["body"])

    started = time.monotonic()
    try:
        await middleware(dict(SCOPE), pieces(delays), send)
    except HTTPException as exc:
        assert exc.status_code == 408
        assert "trop lentement" in str(exc.detail)
        return None, time.monotonic() - started
    return answered[0], time.monotonic() - started


def test_pieces_each_in_time_make_a_body_longer_than_the_deadline() -> None:
    middleware = BodyTimeout(read_all, 0.2)
    body, took = asyncio.run(run(middleware, [0.12, 0.12, 0.12]))
    assert body == b"p0p1p2"
    assert took > 0.3  # longer than the deadline in all: the deadline is per piece
    assert not middleware._waiting and not middleware._late


def test_a_late_piece_ends_the_request_with_408_soon_after_its_deadline() -> None:
    middleware = BodyTimeout(read_all, 0.2)
    body, took = asyncio.run(run(middleware, [0.01, 5.0]))
    assert body is None
    assert 0.2 <= took < 0.2 + middleware.tick + 0.2
    assert not middleware._waiting and not middleware._late


def test_only_the_late_request_is_cut_off() -> None:
    middleware = BodyTimeout(read_all, 0.2)

    async def both() -> list[tuple[bytes | None, float]]:
        return list(await asyncio.gather(run(middleware, [0.01, 5.0]),
                                         run(middleware, [0.1, 0.1, 0.1, 0.1])))

    (late, _), (in_time, _) = asyncio.run(both())
    assert late is None and in_time == b"p0p1p2p3"


def test_a_cancellation_from_elsewhere_is_not_turned_into_408() -> None:
    middleware = BodyTimeout(read_all, 5.0)

    async def cancelled() -> bool:
        task = asyncio.create_task(run(middleware, [10.0]))
        await asyncio.sleep(0.05)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            return True
        return False

    assert asyncio.run(cancelled())
    assert not middleware._waiting
