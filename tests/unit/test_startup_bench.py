"""The start-up benchmark measures what it says: content read, engine built, model learned,
content read again."""

from __future__ import annotations

from bench import startup_bench


def test_measure_learns_the_model_again_and_times_each_part() -> None:
    figures = startup_bench.measure()
    assert set(figures) == set(startup_bench.PARTS) == {"load", "engine", "model", "reload"}
    assert all(seconds > 0 for seconds in figures.values())
