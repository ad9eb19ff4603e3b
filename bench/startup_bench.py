"""Start-up benchmark: the time to read the real content and build its engine (the examples'
model learned from every example), what each coach process and each test module pays; and
the time to read the same content again in the same process (a test module, a reload).

With --before TREE, child processes alternate between TREE's code and this tree's, each
building on its own content, and the ratio after/before of the medians is printed.
Run: python bench/startup_bench.py [--before TREE] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
PARTS = ("load", "engine", "model", "reload")


def measure() -> dict[str, float]:
    """Child: seconds to load the content, to build the engine, to learn the examples' model
    again alone (the model cache emptied), and to load the same content again, in this
    process's code."""
    from coach.content.loader import load_content
    from coach.engine.engine import Engine
    from coach.engine.nlu import teaching

    start = time.perf_counter()
    content = load_content()
    loaded = time.perf_counter()
    engine = Engine(content)
    built = time.perf_counter()
    teaching._MODELS.clear()
    engine.understanding.examples_without("")
    learned = time.perf_counter()
    load_content()
    reloaded = time.perf_counter()
    return {"load": loaded - start, "engine": built - loaded, "model": learned - built,
            "reload": reloaded - learned}


def run(tree: Path) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(tree))
    out = subprocess.run([sys.executable, __file__, "--child"], env=env, cwd=tree, check=True,
                         capture_output=True, text=True).stdout
    figures: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="source tree measured as the baseline")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure()))
        return
    trees = [args.before, HERE] if args.before else [HERE]
    found: dict[Path, list[dict[str, float]]] = {tree: [] for tree in trees}
    for _round in range(args.rounds):
        for tree in trees:
            found[tree].append(run(tree))
    medians = {tree: {part: statistics.median(f[part] for f in found[tree])
                      for part in PARTS} for tree in trees}
    for tree in trees:
        parts = ", ".join(f"{part} {seconds:.2f} s" for part, seconds in medians[tree].items())
        print(f"{tree}: medians of {args.rounds} processes: {parts}")
    if args.before:
        ratios = ", ".join(f"{part} {medians[HERE][part] / medians[args.before][part]:.2f}"
                           for part in PARTS)
        print(f"after/before: {ratios}")


if __name__ == "__main__":
    main()
