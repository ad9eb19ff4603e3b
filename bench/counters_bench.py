"""What the anonymous counters cost a turn, measured in-process (not a pass/fail test).

A turn here is what the API handler does: load the record from SQLite, play a choice,
save with the compare-and-set, and — with counters — compute the step's counter events
and add them to the in-memory buffer. The buffer's flush (one transaction) is timed
separately, as are the hook alone and the cost of `PRAGMA secure_delete` on saves.
Run: python bench/counters_bench.py [--turns 10000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from coach.analytics.advice import advice_refs
from coach.analytics.buffer import CounterBuffer
from coach.analytics.events import StepEvents
from coach.api.observer import Observer
from coach.content.loader import load_content
from coach.engine.engine import ChoiceInput, Engine
from coach.engine.record import Record
from coach.store.sqlite import SQLiteStore

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "dialogues"
LOOP = ("quiz", "vrai", "terminer", "rejouer")  # menu → … → fin → menu, forever
# Turns go round-robin over this many conversations: each gets turns / 500 turns (records
# of a realistic size, not one conversation growing without end).
CONVERSATIONS = 500


def run(turns: int, counted: bool, secure_delete: bool = True) -> tuple[list[float], float]:
    content = load_content(FIXTURES)
    engine = Engine(content)
    directory = tempfile.mkdtemp()
    store = SQLiteStore(Path(directory) / "bench.db", 3600)
    if not secure_delete:
        store._connection().execute("PRAGMA secure_delete=OFF")
    buffer = CounterBuffer(store if counted else None, content.version, interval=3600)
    observer = Observer(StepEvents(content), buffer, advice_refs(content))
    ids = []
    for _ in range(CONVERSATIONS):
        step = engine.start()
        store.create(step.record.id, step.record.to_bytes())
        ids.append(step.record.id)
    timings = []
    for i in range(turns):
        cid = ids[i % CONVERSATIONS]
        started = time.perf_counter()
        data, version = store.load(cid)  # type: ignore[misc]
        record = Record.from_bytes(data)
        record.version = version
        given = ChoiceInput(LOOP[(i // CONVERSATIONS) % len(LOOP)])
        step = engine.play(record, given)
        store.save(cid, step.record.to_bytes(), version)
        if counted:
            observer.played(record, step.record, given)
        timings.append(time.perf_counter() - started)
    flush_started = time.perf_counter()
    buffer.flush()
    flush = time.perf_counter() - flush_started
    store.close()
    return timings, flush


def hook_only(turns: int) -> float:
    content = load_content(FIXTURES)
    engine = Engine(content)
    buffer = CounterBuffer(_Null(), content.version, interval=3600)
    observer = Observer(StepEvents(content), buffer, advice_refs(content))
    pairs = []
    step = engine.start()
    for i in range(len(LOOP)):
        given = ChoiceInput(LOOP[i])
        after = engine.play(step.record, given)
        pairs.append((step.record, after.record, given))
        step = after
    started = time.perf_counter()
    for i in range(turns):
        observer.played(*pairs[i % len(pairs)])
    return (time.perf_counter() - started) / turns


class _Null:
    def add_counts(self, counts):  # type: ignore[no-untyped-def]
        pass

    def read_counts(self, first_day, last_day):  # type: ignore[no-untyped-def]
        return []

    def purge_counts(self, before_day):  # type: ignore[no-untyped-def]
        return 0


def describe(name: str, timings: list[float]) -> str:
    ordered = sorted(timings)
    p99 = ordered[int(len(ordered) * 0.99)]
    return (f"{name:38s} mean {statistics.fmean(timings) * 1e6:7.1f} µs"
            f"  median {statistics.median(timings) * 1e6:7.1f} µs  p99 {p99 * 1e6:7.1f} µs")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--turns", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    run(500, True)  # warm up
    without: list[float] = []
    with_counters: list[float] = []
    no_secure: list[float] = []
    flush = 0.0
    for _round in range(args.rounds):  # alternate, so that machine load hits both alike
        without += run(args.turns, counted=False)[0]
        timings, flush = run(args.turns, counted=True)
        with_counters += timings
        no_secure += run(args.turns, counted=False, secure_delete=False)[0]
    print(describe("turn without counters", without))
    print(describe("turn with counters", with_counters))
    print(describe("turn without counters, secure_delete off", no_secure))
    extra = statistics.median(with_counters) - statistics.median(without)
    print(f"counters add {extra * 1e6:.1f} µs per turn (median difference)")
    print(f"hook alone (events + buffer + metrics): {hook_only(args.turns) * 1e6:.1f} µs per turn")
    print(f"one flush of {args.turns} turns' counters: {flush * 1e3:.2f} ms")


if __name__ == "__main__":
    main()
