"""Per-request processor cost of the pure ASGI middlewares around a trivial app, added one
at a time in the order a turn meets them (in process, no server, no network).
Run: python bench/middleware_bench.py [--requests 50000]
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


async def per_request(stack: Any, requests: int) -> float:
    started = time.perf_counter()
    for _ in range(requests):
        await stack(dict(SCOPE), receive, send)
    return (time.perf_counter() - started) / requests * 1e6


async def main(requests: int) -> None:
    limited = BodyLimit(app, 16 * 1024)
    timed = BodyTimeout(limited, 10.0)
    headers = SecurityHeaders(timed, [])
    stacks = [("trivial app", app), ("+ BodyLimit", limited), ("+ BodyTimeout", timed),
              ("+ SecurityHeaders", headers),
              ("+ ErrorsWithoutTraceback", ErrorsWithoutTraceback(headers))]
    print(f"median of 5 runs of {requests} POST requests with a body, µs per request")
    for name, stack in stacks:
        runs = [await per_request(stack, requests) for _ in range(5)]
        print(f"  {name:26s} {statistics.median(runs):6.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50_000)
    asyncio.run(main(parser.parse_args().requests))
