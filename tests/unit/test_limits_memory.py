"""The in-process limits: sliding-window arithmetic, back-off, bounded memory at a constant
cost per address (the earlier limiter rebuilt its whole table for each new address past
50,000: 5.5 ms each)."""

from __future__ import annotations

import time

from coach.limits.memory import MAX_TRACKED, MemoryBackoff, MemoryWindows
from coach.limits.policy import backoff_wait, sliding_wait

START = 1_800_000_000.0  # a multiple of 60: the start of a minute


def test_the_window_slides_rather_than_resetting_at_the_minute():
    windows = MemoryWindows(limit=10)
    assert all(windows.hit("a", START + 50) == 0 for _ in range(10))
    assert windows.hit("a", START + 55) > 0
    # Early in the next minute the previous one still weighs almost fully...
    assert windows.hit("a", START + 61) > 0
    # ...and half-way through it, half of it has slid out: five more fit.
    assert [windows.hit("a", START + 90) == 0 for _ in range(6)] == [True] * 5 + [False]
    assert windows.hit("b", START + 90) == 0  # per address


def test_sliding_wait_is_the_time_until_one_more_fits():
    assert sliding_wait(0, 3, 10.0, 60.0, 10) == 0
    wait = sliding_wait(0, 10, 15.0, 60.0, 10)  # full: the rest of the minute, then a slide
    assert wait == 45.0 + 6.0
    wait = sliding_wait(10, 0, 0.0, 60.0, 10)  # the previous minute was full
    assert abs(wait - 6.0) < 1e-9
    assert sliding_wait(10, 0, 6.0, 60.0, 10) == 0


def test_backoff_doubles_and_is_capped():
    assert [backoff_wait(n, 5, 900) for n in range(1, 18)] == \
        [0] * 5 + [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]


def test_backoff_forgets_after_quiet_and_on_success():
    backoff = MemoryBackoff(max_seconds=900, forget=3600)
    for _ in range(6):
        backoff.failed("a", START)
    assert backoff.check("a", START)[0] == 2  # blocked, and this try doubled it
    assert backoff.check("a", START + 10) == (0, 7)
    assert backoff.check("a", START + 10 + 3601) == (0, 0)
    backoff.failed("a", START + 5000)
    backoff.succeeded("a")
    assert backoff.check("a", START + 5000) == (0, 0)


def test_memory_is_bounded_and_a_new_address_costs_the_same_past_the_bound():
    windows = MemoryWindows(limit=300)

    def add(first: int, count: int) -> float:
        began = time.perf_counter()
        for n in range(first, first + count):
            windows.hit(f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}", START + 1)
        return time.perf_counter() - began

    # Best of three batches each side: the machine is shared, a slow batch says nothing.
    below = min(add(n * 2000, 2000) for n in range(3))  # well under the bound
    add(6000, MAX_TRACKED)  # past the bound
    above = min(add(MAX_TRACKED + 6000 + n * 2000, 2000) for n in range(3))
    assert len(windows.current) == MAX_TRACKED
    # Constant cost: the earlier table took ~11 s for 2,000 of these (5.5 ms each).
    assert above < 20 * below + 0.05, (below, above)
    backoff = MemoryBackoff(max_seconds=900, max_tracked=1000)
    for n in range(5000):
        backoff.failed(f"a{n}", START)
    assert len(backoff.entries) == 1000
