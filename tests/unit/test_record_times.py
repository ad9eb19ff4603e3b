"""`Record.said_at` gives each transcript entry the time of the turn that said it."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from coach.engine.record import Record


def reference_said_at(record: Record, first: int, last: int) -> list[float | None]:
    """The plain definition: walk every turn."""
    times: list[float | None] = [None] * max(0, last - first)
    bounds = [*record.turn_times, [len(record.transcript), 0]]
    for (start, offset), (stop, _next) in itertools.pairwise(bounds):
        for position in range(max(start, first), min(stop, last)):
            times[position - first] = record.created + offset
    return times


@st.composite
def records(draw):
    length = draw(st.integers(0, 30))
    starts = sorted(draw(st.lists(st.integers(0, length), max_size=12)))
    offsets = sorted(draw(st.lists(st.integers(0, 10_000), min_size=len(starts),
                                   max_size=len(starts))))
    record = Record(id="x", flow="f", node="n", origin="f", content_version="v",
                    transcript=[["s", str(i)] for i in range(length)],
                    turn_times=[[s, o] for s, o in zip(starts, offsets, strict=True)],
                    created=100.0)
    first = draw(st.integers(0, length))
    last = draw(st.integers(first, length))
    return record, first, last


@given(records())
def test_said_at_agrees_with_the_plain_definition(case):
    record, first, last = case
    assert record.said_at(first, last) == reference_said_at(record, first, last)


def test_said_at_example():
    record = Record(id="x", flow="f", node="n", origin="f", content_version="v",
                    transcript=[["s", "a"]] * 5, turn_times=[[1, 0], [3, 60]], created=100.0)
    assert record.said_at() == [None, 100.0, 100.0, 160.0, 160.0]
    assert record.said_at(2, 4) == [100.0, 160.0]
