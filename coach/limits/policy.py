"""The arithmetic both kinds of limits share, in memory or in Redis: kept in one place so
that a process counting alone and processes counting together in Redis agree."""

from __future__ import annotations

from typing import Protocol

WINDOW_SECONDS = 60.0
# Failed logins or Bearer checks allowed before the back-off starts; then 1 s, 2 s, 4 s…
FREE_FAILURES = 5
# Failures are forgotten after this long without a new one.
FORGET_SECONDS = 3600.0


def sliding_wait(previous: int, current: int, into: float, window: float, limit: int) -> float:
    """Seconds until one more request fits, when the estimate `previous` × (share of the
    previous window still covered) + `current` has reached `limit`; 0 if it fits now."""
    covered = 1.0 - into / window
    if previous * covered + current + 1 <= limit:
        return 0.0
    if current + 1 > limit:
        # This window is full: wait for its end, then for `current` to fade enough.
        fade = window * (1.0 - (limit - 1) / current) if current else 0.0
        return (window - into) + max(fade, 0.0)
    # Room in this window once enough of the previous one has slid out.
    return max(window * (covered - (limit - current - 1) / previous), 0.001)


def backoff_wait(failures: int, free: int, max_seconds: float) -> float:
    """0 for the first `free` failures, then 1, 2, 4… seconds, at most `max_seconds`."""
    if failures <= free:
        return 0.0
    return min(max_seconds, float(2 ** min(failures - free - 1, 40)))


class Windows(Protocol):
    def hit(self, key: str, now: float) -> float:
        """Count one request; 0 if allowed, else the seconds to wait (nothing counted)."""


class Backoff(Protocol):
    def check(self, key: str, now: float) -> tuple[float, int]:
        """(seconds still blocked, failures so far). An attempt while blocked is one more
        failure: the block grows, so hammering only pushes the next try further away."""

    def failed(self, key: str, now: float) -> float:
        """Count one failure; the seconds of block it starts (0 while still free)."""

    def succeeded(self, key: str) -> None:
        """Forget the failures of this address."""
