"""Engine benchmark: a conversation (start + 10 turns) on a 10-node and a 1,000-node graph,
and the naive design (a transitions.Machine built per conversation) in the same run.

Prints medians of repeated timings and the two ratios the issue asks for:
  large / small  (target ≤ 1.5)      naive / ours on 1,000 nodes  (target ≥ 50)
Run: python bench/engine_bench.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from transitions import Machine

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.gen_content import write_ring_dialogues
from coach.content.loader import load_content
from coach.engine.engine import ChoiceInput, Engine
from coach.engine.record import Record

TURNS = ["suivant", "saut", "suivant", "suivant", "saut", "suivant", "suivant", "saut",
         "suivant", "suivant"]


def conversation(engine: Engine) -> None:
    step = engine.start()
    data = step.record.to_bytes()  # what a store would keep
    for choice in TURNS:
        record = Record.from_bytes(data)
        step = engine.play(record, ChoiceInput(choice))
        data = step.record.to_bytes()


def naive_conversation(engine: Engine) -> None:
    """What the engine never does (coach/engine/machines.py): build a Machine for the
    conversation, then play it."""
    flow = engine.flows["anneau"]
    machine_spec = flow.machine

    class Model:
        pass

    model = Model()
    Machine(model=model, states=list(machine_spec.states),
            transitions=[{"trigger": t.get("trigger"), "source": s, "dest": d}
                         for s, d, t in _edges(engine)],
            initial="n0", auto_transitions=False)
    step = engine.start()
    data = step.record.to_bytes()
    for choice in TURNS:
        record = Record.from_bytes(data)
        model.trigger(choice)
        step = engine.play(record, ChoiceInput(choice))
        data = step.record.to_bytes()


_EDGE_CACHE: dict[int, list] = {}


def _edges(engine: Engine) -> list:
    key = id(engine)
    if key not in _EDGE_CACHE:
        flow = engine.content.flows["anneau"]
        _EDGE_CACHE[key] = [(n.id, c.target, {"trigger": c.id}) for n in flow.nodes.values()
                            for c in n.choices]
    return _EDGE_CACHE[key]


def median_seconds(function, engine: Engine, repeat: int, number: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        for _ in range(number):
            function(engine)
        samples.append((time.perf_counter() - started) / number)
    return statistics.median(samples)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        small = Engine(load_content(write_ring_dialogues(Path(tmp) / "small", 10)))
        large = Engine(load_content(write_ring_dialogues(Path(tmp) / "large", 1000)))
    _edges(large)
    for engine in (small, large):  # warm-up
        median_seconds(conversation, engine, 1, 50)
    ours_small = median_seconds(conversation, small, 9, 200)
    ours_large = median_seconds(conversation, large, 9, 200)
    naive_large = median_seconds(naive_conversation, large, 9, 5)
    print("Engine: start + 10 turns (load/step/save record bytes), median of repeats")
    print(f"  ours,  10-node graph   : {ours_small * 1e6:9.1f} µs per conversation")
    print(f"  ours,  1,000-node graph: {ours_large * 1e6:9.1f} µs per conversation")
    print(f"  naive, 1,000-node graph: {naive_large * 1e6:9.1f} µs per conversation"
          " (a Machine built per conversation)")
    print(f"  ratio large/small      : {ours_large / ours_small:5.2f}  (target ≤ 1.5)")
    print(f"  ratio naive/ours       : {naive_large / ours_large:5.1f}  (target ≥ 50)")


if __name__ == "__main__":
    main()
