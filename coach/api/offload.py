"""CPU-heavy rendering (drafts and tool files as DOCX, ODT, HTML) runs in worker processes,
a few at a time, never on the event loop: a DOCX takes 80–130 ms of processor, and eight
clients downloading drafts made `/healthz` wait up to 3 s when it ran inside the loop.

Processes, not threads: with threads the renderers still hold the GIL most of the time, and
`/healthz` waited 170 ms at p99 under the same load (`bench/draft_load_bench.py`, figures in
docs/benchmarks.md). Workers are started with `spawn` (no fork of a process that runs
threads) the first time a draft is asked for, and stop with the app.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
# Worker processes per coach process: drafts rendered at once; others wait their turn.
MAX_RENDERINGS = 2


class Renderings:
    """One per app. `at_once` 0 renders on the event loop itself (the former way, kept only
    so that the benchmark can compare in the same run)."""

    def __init__(self, at_once: int = MAX_RENDERINGS) -> None:
        self.at_once = at_once
        self._pool: ProcessPoolExecutor | None = None

    async def run(self, render: Callable[..., T], *args: Any) -> T:
        """`render(*args)` in a worker process; `render` and its arguments must pickle
        (a module-level function and plain data)."""
        if self.at_once == 0:
            return render(*args)
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self.at_once, mp_context=multiprocessing.get_context("spawn"))
        return await asyncio.get_running_loop().run_in_executor(self._pool, render, *args)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
