"""Cost of a new client address to the in-process limiter, under and past 50,000 tracked
addresses: the earlier fixed-window table (rebuilt whole for each new address past the
bound, kept here as the baseline) against coach/limits/memory.py (two OrderedDict
generations). Run: python bench/limits_bench.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from coach.limits.memory import MAX_TRACKED, MemoryWindows

NOW = 1_800_000_001.0


class EarlierTable:
    """The limiter before this change: one dict, filtered whole once over the bound."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self.windows: dict[str, tuple[float, int]] = {}

    def hit(self, address: str, now: float) -> float:
        start, count = self.windows.get(address, (now, 0))
        if now - start >= 60:
            start, count = now, 0
        if count >= self.per_minute:
            return start + 60 - now
        self.windows[address] = (start, count + 1)
        if len(self.windows) > MAX_TRACKED:
            self.windows = {a: w for a, w in self.windows.items() if now - w[0] < 60}
        return 0.0


def address(n: int) -> str:
    return f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}"


def cost_per_new_address(limiter, first: int, count: int) -> float:
    began = time.perf_counter()
    for n in range(first, first + count):
        limiter.hit(address(n), NOW)
    return (time.perf_counter() - began) / count


def main() -> None:
    for name, limiter in (("earlier table", EarlierTable(300)), ("two generations",
                                                                  MemoryWindows(300))):
        under = cost_per_new_address(limiter, 0, 10_000)
        cost_per_new_address(limiter, 10_000, MAX_TRACKED - 10_000)
        past = cost_per_new_address(limiter, MAX_TRACKED, 200)
        print(f"{name:16s} new address under the bound {under * 1e6:8.2f} µs,"
              f" past it {past * 1e6:9.2f} µs (×{past / under:,.0f})")


if __name__ == "__main__":
    main()
