"""A turn's engine and record cost, and the stored size, at ~10 and at ~500 messages.

One `suivant` turn on the 10-node ring flow: `Record.from_bytes`, `Engine.play`,
`Record.to_bytes`, processor time (best of 7 runs of 3,000), on a conversation of 3 turns
and on one of 250 turns (saved and loaded at every turn, as the service does); then the
stored size of 10 random walks of 500 turns on the real dialogues.
Run: python bench/record_growth_bench.py   (compare two trees with PYTHONPATH=<tree>)
"""

from __future__ import annotations

import gc
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.gen_content import write_ring_dialogues
from coach.content.loader import load_content
from coach.engine.engine import ChoiceInput, Engine
from coach.engine.record import Record


def best(action: Callable[[], object], count: int = 3000) -> float:
    runs = []
    for _ in range(7):
        started = time.process_time()
        for _ in range(count):
            action()
        runs.append((time.process_time() - started) / count * 1e6)
    return min(runs)


def played(engine: Engine, turns: int) -> bytes:
    record = engine.start().record
    for _ in range(turns):
        record = Record.from_bytes(engine.play(record, ChoiceInput("suivant")).record.to_bytes())
    return record.to_bytes()


def main() -> None:
    gc.set_threshold(10_000)  # as `coach serve` runs
    with tempfile.TemporaryDirectory() as tmp:
        engine = Engine(load_content(write_ring_dialogues(Path(tmp) / "dialogues", 10)))
    print("One turn, engine and record (processor time, best of 7 × 3,000):")
    totals = {}
    for turns in (3, 250):
        data = played(engine, turns)
        after = engine.play(Record.from_bytes(data), ChoiceInput("suivant")).record
        load = best(lambda data=data: Record.from_bytes(data))
        turn = best(lambda data=data: engine.play(Record.from_bytes(data),
                                                  ChoiceInput("suivant")))
        save = best(after.to_bytes)
        totals[turns] = turn + save
        print(f"  after {turns:3} turns (~{2 * turns} messages, {len(data):5} B): load"
              f" {load:5.1f} µs, load + play {turn:5.1f} µs, save {save:5.1f} µs,"
              f" total {turn + save:5.1f} µs")
    print(f"  growth: +{totals[250] - totals[3]:.1f} µs")
    real = Engine(load_content())
    rng = random.Random(11)
    sizes = []
    for index in range(10):
        step = real.start("initier" if index % 2 else None)
        for _turn in range(500):
            offered = real.available_choices(step.record)
            given = ChoiceInput(rng.choice(offered).id if offered else "menu")
            step = real.play(Record.from_bytes(step.record.to_bytes()), given)
        sizes.append(len(step.record.to_bytes()))
    print(f"Stored size after 500 turns on the real dialogues (10 walks): median"
          f" {statistics.median(sizes):,.0f} B, max {max(sizes):,} B")


if __name__ == "__main__":
    main()
