"""Limits kept in this process, bounded in memory with a constant cost per address.

The sliding window keeps two generations of counts (this minute's and the previous one's);
a new minute drops the older generation at once instead of scanning it. Each generation
holds at most `max_tracked` addresses: past that, the address seen first in the minute is
forgotten (`OrderedDict.popitem`, constant time), so a flood of addresses costs the same per
request as a few.
"""

from __future__ import annotations

from collections import OrderedDict

from coach.limits.policy import (
    FORGET_SECONDS,
    FREE_FAILURES,
    WINDOW_SECONDS,
    backoff_wait,
    sliding_wait,
)

MAX_TRACKED = 50_000


class MemoryWindows:
    def __init__(self, limit: int, window: float = WINDOW_SECONDS,
                 max_tracked: int = MAX_TRACKED) -> None:
        self.limit, self.window, self.max_tracked = limit, window, max_tracked
        self.index = 0
        self.current: OrderedDict[str, int] = OrderedDict()
        self.previous: OrderedDict[str, int] = OrderedDict()

    def __len__(self) -> int:
        return len(self.current) + len(self.previous)

    def hit(self, key: str, now: float) -> float:
        index, into = divmod(now, self.window)
        if index != self.index:
            self.previous = self.current if index == self.index + 1 else OrderedDict()
            self.current = OrderedDict()
            self.index = int(index)
        current = self.current.get(key, 0)
        wait = sliding_wait(self.previous.get(key, 0), current, into, self.window, self.limit)
        if wait:
            return wait
        self.current[key] = current + 1
        if not current and len(self.current) > self.max_tracked:
            self.current.popitem(last=False)
        return 0.0


class MemoryBackoff:
    """address -> (failures, blocked until, last failure), least recently failed first."""

    def __init__(self, max_seconds: float, free: int = FREE_FAILURES,
                 forget: float = FORGET_SECONDS, max_tracked: int = MAX_TRACKED) -> None:
        self.max_seconds, self.free, self.forget = max_seconds, free, forget
        self.max_tracked = max_tracked
        self.entries: OrderedDict[str, tuple[int, float, float]] = OrderedDict()

    def _failures(self, key: str, now: float) -> tuple[int, float]:
        entry = self.entries.get(key)
        if entry is None:
            return 0, 0.0
        failures, until, last = entry
        if now - last > self.forget and now >= until:
            del self.entries[key]
            return 0, 0.0
        return failures, until

    def check(self, key: str, now: float) -> tuple[float, int]:
        failures, until = self._failures(key, now)
        if until > now:
            return self.failed(key, now), failures + 1
        return 0.0, failures

    def failed(self, key: str, now: float) -> float:
        failures = self._failures(key, now)[0] + 1
        wait = backoff_wait(failures, self.free, self.max_seconds)
        self.entries[key] = (failures, now + wait, now)
        self.entries.move_to_end(key)
        if len(self.entries) > self.max_tracked:
            self.entries.popitem(last=False)
        return wait

    def succeeded(self, key: str) -> None:
        self.entries.pop(key, None)
