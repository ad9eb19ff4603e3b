"""Per-request processor cost of the pure ASGI middlewares around a trivial app, added one
at a time in the order a turn meets them (in process, no server, no network).

`former BodyTimeout` is the body deadline as it was before the watchdog (an
`asyncio.timeout` around each piece of the body), kept here as the baseline of the same run.
Stacks are measured in alternation, round after round (processor time, median of the
rounds): a shared machine's drift touches them all alike.
Run: python bench/middleware_bench.py [--requests 30000] [--rounds 7]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from coach.api.middleware import BodyLimit, ErrorsWithoutTraceback, SecurityHeaders
from coach.api.timeouts import BodyTimeout

SCOPE = {"type": "http", "method": "POST", "path": "/api/v1/conversations/abc/turns",
         "headers": [(b"content-type", b"application/json"), (b"content-length", b"21")]}
BODY = {"type": "http.request", "body": b'{"choice": "suivant"}', "more_body": False}


async def app(_scope: Any, receive: Any, send: Any) -> None:
    await receive()
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"{}"})


async def receive() -> dict[str, Any]:
    return BODY


async def send(_message: Any) -> None:
    return None


class FormerBodyTimeout:
    """The body deadline before the watchdog (coach/api/timeouts.py until 2026-12-02): an
    `asyncio.timeout` around each piece of the body."""

    def __init__(self, app: Any, seconds: float) -> None:
        self.app, self.seconds = app, seconds

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        complete = False

        async def receive_in_time() -> Any:
            nonlocal complete
            if complete:
                return await receive()
            async with asyncio.timeout(self.seconds):
                message = await receive()
            complete = message["type"] != "http.request" or not message.get("more_body")
            return message

        await self.app(scope, receive_in_time, send)


async def per_request(stack: Any, requests: int) -> float:
    started = time.process_time()
    for _ in range(requests):
        await stack(dict(SCOPE), receive, send)
    return (time.process_time() - started) / requests * 1e6


async def main(requests: int, rounds: int) -> None:
    limited = BodyLimit(app, 16 * 1024)
    timed = BodyTimeout(limited, 10.0)
    headers = SecurityHeaders(timed, [])
    stacks = [("trivial app", app), ("+ BodyLimit", limited),
              ("+ former BodyTimeout", FormerBodyTimeout(limited, 10.0)),
              ("+ BodyTimeout", timed),
              ("+ SecurityHeaders", headers),
              ("+ ErrorsWithoutTraceback", ErrorsWithoutTraceback(headers))]
    runs: dict[str, list[float]] = {name: [] for name, _stack in stacks}
    for _round in range(rounds):
        for name, stack in stacks:
            runs[name].append(await per_request(stack, requests))
    print(f"median of {rounds} alternating runs of {requests} POST requests with a body,"
          " processor µs per request")
    for name, _stack in stacks:
        print(f"  {name:26s} {statistics.median(runs[name]):6.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30_000)
    parser.add_argument("--rounds", type=int, default=7)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.requests, arguments.rounds))
