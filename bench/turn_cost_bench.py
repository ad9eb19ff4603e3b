"""Processor time of one API turn, in process: the ASGI app (middlewares, adapter, turn
service, store layers, a real SQLite file) called directly, without sockets or an HTTP
server, so that a loaded shared machine blurs the figure much less than wrk's does.

Compares two source trees in the same run (e.g. main before a change, and after it):
rounds alternate between them, each in a fresh process, and each round's ratio is printed.
Turns go 50 at a time (one event-loop round, as under load: group commit writes them
together), each on its own conversation of a 10-node ring flow (`suivant` always valid).
Run: python bench/turn_cost_bench.py --before ../main-before [--after .] [--rounds 5]

`--turns-before N`: each tree is measured twice a round, on fresh conversations (about 10
messages) and on conversations that first played N turns (through the engine, stored as
the service stores them; N = 250 is about 500 messages), and the ratio long / short of
each tree is printed (issue: a turn at 500 messages costs at most 10 % more).

`--real`: the real content (dialogues/) instead of the ring, and two kinds of turns in the
same process: button turns (conversations following the random walks of `api_bench.py
--text` through the content's choices) and typed turns (the bodies of `api_bench.py
--text`), and, inside the typed turns, the processor time spent understanding the text
(`Understanding.decide`): what a typed turn costs beyond a button turn, and how much of it
is the understanding. `--before` is optional then (this tree alone, or both in turn).
`--visible` (with `--real`): the typed bodies are the tuned and development sets' utterances
instead of the blind set's (the blind file is not opened: for those who tune or optimise).
Run: python bench/turn_cost_bench.py --real [--visible] [--rounds 3] [--turns 5000]
[--before TREE]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()
BATCH = 50


async def call(app, method: str, path: str, body: bytes) -> tuple[int, bytes]:
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": method, "scheme": "http", "path": path, "raw_path": path.encode(),
             "query_string": b"", "root_path": "", "server": ("127.0.0.1", 8000),
             "client": ("127.0.0.1", 40000),
             "headers": [(b"host", b"127.0.0.1"), (b"content-type", b"application/json"),
                         (b"content-length", str(len(body)).encode())]}
    sent = False
    status, chunks = 0, []

    async def receive():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message):
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, b"".join(chunks)


def played_conversations(dialogues: str, store_url: str, count: int, turns: int) -> list[str]:
    """`count` conversations that played `turns` turns each, stored as the service does."""
    from coach.content.loader import load_content
    from coach.engine.engine import ChoiceInput, Engine
    from coach.store.factory import open_store

    engine = Engine(load_content(Path(dialogues)))
    store = open_store(store_url, 30)
    ids = []
    for _ in range(count):
        record = engine.start().record
        for _turn in range(turns):
            record = engine.play(record, ChoiceInput("suivant")).record
        store.create(record.id, record.to_bytes())
        ids.append(record.id)
    store.close()
    return ids


async def measure(dialogues: str, turns: int, conversations: int,
                  turns_before: int = 0) -> dict[str, float]:
    from coach.api.app import create_app
    from coach.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        store_url = f"sqlite:///{tmp}/coach.db"
        ids = (played_conversations(dialogues, store_url, conversations, turns_before)
               if turns_before else [])
        settings = Settings(store_url=store_url, dialogues_dir=dialogues,
                            rate_limit_per_minute=0, stats_enabled=False, _env_file=None)
        app = create_app(settings)
        for _ in range(0 if turns_before else conversations):
            status, body = await call(app, "POST", "/api/v1/conversations", b"{}")
            assert status == 201, body
            ids.append(json.loads(body)["id"])
        gc.collect()
        gc.freeze()
        gc.set_threshold(10_000)  # as `coach serve` runs (coach/api/app.py)
        turn = b'{"choice":"suivant"}'
        paths = [f"/api/v1/conversations/{cid}/turns" for cid in ids]
        played, place = 0, 0
        warm_up = BATCH * 20
        cpu = wall = 0.0
        while played < turns + warm_up:
            batch = paths[place:place + BATCH]
            place = (place + BATCH) % len(paths)
            started_cpu, started_wall = time.process_time(), time.perf_counter()
            answers = await asyncio.gather(*(call(app, "POST", p, turn) for p in batch))
            if played >= warm_up:
                cpu += time.process_time() - started_cpu
                wall += time.perf_counter() - started_wall
            assert all(status == 200 for status, _body in answers), answers[0]
            played += len(batch)
        app.state.store.close()
    return {"cpu_us": cpu / turns * 1e6, "wall_us": wall / turns * 1e6}


async def measure_real(dialogues: Path, turns: int, conversations: int,
                       visible: bool = False) -> dict[str, float]:
    """--real: button turns, then typed turns, on the real content, in this process."""
    import importlib.util

    from coach.api.app import create_app
    from coach.settings import Settings

    # The walks and the typed bodies of api_bench.py (this file's tree), once the code
    # under test is imported (api_bench puts its own tree first on the path).
    spec = importlib.util.spec_from_file_location("api_bench", HERE.parent / "api_bench.py")
    assert spec is not None and spec.loader is not None
    api_bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(api_bench)
    walks = api_bench.button_walks(dialogues)
    bodies = api_bench.typed_bodies(visible)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(store_url=f"sqlite:///{tmp}/coach.db", dialogues_dir=dialogues,
                            rate_limit_per_minute=0, stats_enabled=False, _env_file=None)
        app = create_app(settings)
        paths = {}
        for kind in ("buttons", "typed"):
            paths[kind] = []
            for _ in range(conversations):
                status, body = await call(app, "POST", "/api/v1/conversations", b"{}")
                assert status == 201, body
                paths[kind].append(f"/api/v1/conversations/{json.loads(body)['id']}/turns")
        played = [0] * conversations
        spent = [0.0]

        class Timed:
            """The engine's understanding, its decisions timed (a compiled class may
            refuse a patched method, so the engine gets this stand-in)."""

            def __init__(self, understanding):  # type: ignore[no-untyped-def]
                self._understanding = understanding

            def __getattr__(self, name):  # type: ignore[no-untyped-def]
                return getattr(self._understanding, name)

            def decide(self, text, context):  # type: ignore[no-untyped-def]
                started = time.process_time()
                try:
                    return self._understanding.decide(text, context)
                finally:
                    spent[0] += time.process_time() - started

        app.state.engine.understanding = Timed(app.state.engine.understanding)
        gc.collect()
        gc.freeze()
        gc.set_threshold(10_000)  # as `coach serve` runs (coach/api/app.py)

        def button(index: int, _count: int) -> bytes:
            walk = walks[index % len(walks)]
            turn = played[index]
            played[index] += 1
            return json.dumps({"choice": walk[turn % len(walk)]}).encode()

        def typed(_index: int, count: int) -> bytes:
            return bodies[count % len(bodies)]

        async def play(kind: str, body, count: int) -> float:  # type: ignore[no-untyped-def]
            done, place, cpu = 0, 0, 0.0
            while done < count:
                batch = [(i % conversations, paths[kind][i % conversations])
                         for i in range(place, place + BATCH)]
                place = (place + BATCH) % conversations
                contents = [body(i, done + n) for n, (i, _p) in enumerate(batch)]
                started = time.process_time()
                answers = await asyncio.gather(*(call(app, "POST", p, b) for (_i, p), b
                                                 in zip(batch, contents, strict=True)))
                cpu += time.process_time() - started
                assert all(status == 200 for status, _body in answers), answers[0]
                done += len(batch)
            return cpu

        await play("buttons", button, BATCH * 20)  # warm up
        await play("typed", typed, BATCH * 20)
        buttons_cpu = await play("buttons", button, turns)
        spent[0] = 0.0
        typed_cpu = await play("typed", typed, turns)
        app.state.store.close()
    return {"buttons_us": buttons_cpu / turns * 1e6, "typed_us": typed_cpu / turns * 1e6,
            "understanding_us": spent[0] / turns * 1e6}


def child(args: argparse.Namespace) -> None:
    if args.real:
        print(json.dumps(asyncio.run(measure_real(Path(args.dialogues), args.turns,
                                                  args.conversations, args.visible))))
        return
    print(json.dumps(asyncio.run(measure(args.dialogues, args.turns, args.conversations,
                                         args.turns_before))))


def run_tree(tree: Path, args: argparse.Namespace, dialogues: Path,
             turns_before: int = 0) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run(
        [sys.executable, str(HERE), "--child", "--dialogues", str(dialogues),
         "--turns", str(args.turns), "--conversations", str(args.conversations),
         "--turns-before", str(turns_before), *(["--real"] if args.real else []),
         *(["--visible"] if args.visible else [])],
        cwd=tree, env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="source tree measured as the baseline")
    parser.add_argument("--after", type=Path, default=HERE.parents[1])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--turns", type=int, default=20_000)
    parser.add_argument("--conversations", type=int, default=2000)
    parser.add_argument("--turns-before", type=int, default=0,
                        help="also measure conversations that first played this many turns")
    parser.add_argument("--real", action="store_true",
                        help="button and typed turns on the real content, and the"
                             " understanding's share of a typed turn")
    parser.add_argument("--visible", action="store_true",
                        help="with --real: type the tuned and development sets' utterances,"
                             " never the blind set's")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--dialogues", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    if args.real:
        real(args)
        return
    if args.before is None and not args.turns_before:
        parser.error("--before is required (or --turns-before, to measure one tree)")
    sys.path.insert(0, str(HERE.parents[1]))
    from bench.gen_content import write_ring_dialogues

    with tempfile.TemporaryDirectory() as tmp:
        dialogues = write_ring_dialogues(Path(tmp) / "dialogues", 10)
        trees = [("after", args.after)] if args.before is None else [
            ("before", args.before), ("after", args.after)]
        results: dict[str, list[dict[str, float]]] = {name: [] for name, _tree in trees}
        long: dict[str, list[dict[str, float]]] = {name: [] for name, _tree in trees}
        for _round in range(args.rounds):
            for name, tree in trees:
                results[name].append(run_tree(tree.resolve(), args, dialogues))
                if args.turns_before:
                    long[name].append(run_tree(tree.resolve(), args, dialogues,
                                               args.turns_before))
    print(f"One API turn in process (ASGI app, SQLite), {args.turns} turns per run in"
          f" batches of {BATCH}, {args.rounds} alternating rounds")
    for name, runs in results.items():
        print(f"  {name:6}: CPU {statistics.median(r['cpu_us'] for r in runs):6.1f} µs/turn,"
              f" wall {statistics.median(r['wall_us'] for r in runs):6.1f} µs/turn")
    if "before" in results:
        print_after_before("CPU", results, "cpu_us")
    for name, runs in long.items():
        if not runs:
            continue
        growth = [lg["cpu_us"] / sh["cpu_us"] for sh, lg in zip(results[name], runs, strict=True)]
        print(f"  {name:6}: after {args.turns_before} turns first (~{2 * args.turns_before}"
              f" messages): CPU {statistics.median(r['cpu_us'] for r in runs):6.1f} µs/turn;"
              f" long/short median {statistics.median(growth):.3f}"
              f" (rounds: {', '.join(f'{r:.3f}' for r in growth)}; target ≤ 1.10)")


def print_after_before(label: str, results: dict[str, list[dict[str, float]]], key: str) -> None:
    """The after/before ratio of `key`, round by round (each round ran both trees)."""
    ratios = [a[key] / b[key] for b, a in zip(results["before"], results["after"], strict=True)]
    print(f"  {label} after/before: median {statistics.median(ratios):.3f}"
          f" (rounds: {', '.join(f'{r:.3f}' for r in ratios)})")


def real(args: argparse.Namespace) -> None:
    """--real: each tree in a fresh process per round, rounds alternating."""
    trees = [("after", args.after)] if args.before is None else [
        ("before", args.before), ("after", args.after)]
    results: dict[str, list[dict[str, float]]] = {name: [] for name, _tree in trees}
    for _round in range(args.rounds):
        for name, tree in trees:
            results[name].append(run_tree(tree.resolve(), args, tree.resolve() / "dialogues"))
    print(f"API turns in process on the real content (ASGI app, SQLite), {args.turns} button"
          f" turns then {args.turns} typed turns per run, {args.rounds} alternating rounds;"
          " processor time, medians of the rounds")
    for name, runs in results.items():
        def median(key: str, runs: list[dict[str, float]] = runs) -> float:
            return statistics.median(r[key] for r in runs)

        rest = [r["typed_us"] - r["understanding_us"] for r in runs]
        ratios = [r["typed_us"] / r["buttons_us"] for r in runs]
        print(f"  {name:6}: button turn {median('buttons_us'):6.1f} µs, typed turn"
              f" {median('typed_us'):6.1f} µs, of which understanding"
              f" {median('understanding_us'):6.1f} µs, the rest"
              f" {statistics.median(rest):6.1f} µs; typed/button"
              f" {statistics.median(ratios):.2f}"
              f" (rounds: {', '.join(f'{r:.2f}' for r in ratios)})")
    if "before" in results:
        print_after_before("understanding", results, "understanding_us")


if __name__ == "__main__":
    main()
