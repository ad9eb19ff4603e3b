"""API load benchmark with wrk: turns per second on one uvicorn worker with the SQLite store,
against a bare FastAPI endpoint measured in the same run (target: ≥ 70 %).

Each request plays the `suivant` choice on one of 5,000 conversations of a 10-node ring
flow (always a valid choice); every round lengthens them, to about 20 turns each by the
last one (`--conversations 2000`: about 50). Runs alternate bare / coach; the ratio of each
neighbouring pair is reported, and their median.

`--text`: typed turns on the real content (dialogues/): each request types one of the
realistic utterances of the blind set (tests/data/utterances_blind.yaml), so the whole
understanding runs on every turn; the bare endpoint parses the same bodies. Each round also
runs **button turns on the same real content** (other conversations of the same server,
new ones each round, each following one of 64 random walks through the content's choices,
played in process first; a walk ends with « recommencer » and starts again), so that one
run prints bare, buttons and typed, and typed / buttons: what understanding the text
costs, on the same content (the ring's button turns are cheaper: smaller nodes, smaller
records).
`--turns-before N` also measures long conversations: another set of conversations (as many
as `--long-conversations`) first plays N turns each (through the engine, then stored as the
service stores them: the same bytes as N turns over HTTP), and each round then runs bare /
short / long. A turn adds two messages, so N = 250 is a turn at about 500 messages, the
short set at about 10 at the start. Printed: both ratios to bare, and long / short
(target: a turn at 500 messages costs at most 10 % more, i.e. long / short ≥ 0.91).
`--before TREE` also serves another source tree (e.g. `main` before a change, checked out
beside this one) with its own store and its own content (its dialogues with `--text`, a
ring built on its commun.yaml otherwise), and each round runs bare / before / coach: both
ratios to bare, and coach / before, come from the same run.
`--visible` (with `--text`): the typed bodies are the tuned and development sets' utterances
instead of the blind set's (the blind file is not opened: for those who tune or optimise).
Run: python bench/api_bench.py [--text [--visible]] [--store redis://127.0.0.1:6379/0] [--rounds 7]
[--seconds 5] [--threads N (default: the machine's cores)] [--turns-before 250]
[--before ../main-before]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

import httpx
import orjson
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.gen_content import write_ring_dialogues
from bench.servers import coach_serve, free_port, process, wrk
from coach.content.loader import load_content
from coach.engine.engine import ChoiceInput, Engine
from coach.store.factory import open_store

# Each wrk thread (and each wrk process, from its first argument) starts at its own place
# in the list: two requests on the same conversation at the same instant would race, which
# no person typing does.
LUA = """
local ids = {}
for line in io.lines("%s") do ids[#ids + 1] = line end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"choice":"suivant"}'
local threads = 0
function setup(thread)
  thread:set("place", threads)
  threads = threads + 1
end
function init(args)
  counter = (place + 4 * (tonumber(args[1]) or 0)) * 251
end
request = function()
  counter = counter + 1
  local id = ids[((counter * 7919) %% #ids) + 1]
  return wrk.format(nil, "/api/v1/conversations/" .. id .. "/turns")
end
"""
# --text: the same, with a body taken in turn from a file of typed utterances.
TEXT_LUA = LUA.replace(
    'wrk.body = \'{"choice":"suivant"}\'',
    'local bodies = {}\nfor line in io.lines("%s") do bodies[#bodies + 1] = line end').replace(
    'return wrk.format(nil, "/api/v1/conversations/" .. id .. "/turns")',
    'return wrk.format(nil, "/api/v1/conversations/" .. id .. "/turns", nil,'
    ' bodies[(counter %% #bodies) + 1])')
# --text: button turns on the real content. Each wrk thread plays its own share of the
# conversations (a conversation's place in its walk is counted here, so one thread only
# may play it), each conversation the walk of its index. The script's argument is wrk's
# number of threads (`-t`).
WALK_LUA = """
local ids = {}
for line in io.lines("%s") do ids[#ids + 1] = line end
local walks = {}
for line in io.lines("%s") do
  local walk = {}
  for choice in line:gmatch("%%S+") do walk[#walk + 1] = '{"choice":"' .. choice .. '"}' end
  walks[#walks + 1] = walk
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local threads = 0
function setup(thread)
  thread:set("place", threads)
  threads = threads + 1
end
local played = {}
function init(args)
  counter = 0
  share = math.floor(#ids / (tonumber(args[1]) or 1))
  -- wrk calls request() once on the first thread's state before any connection, to check
  -- the script, and never sends what it returns: that call must not count as a turn.
  checked = place ~= 0
end
request = function()
  if not checked then
    checked = true
    return wrk.format("GET", "/healthz")
  end
  counter = counter + 1
  local index = place * share + ((counter * 7919) %% share) + 1
  local turn = (played[index] or 0) + 1
  played[index] = turn
  local walk = walks[(index %% #walks) + 1]
  return wrk.format(nil, "/api/v1/conversations/" .. ids[index] .. "/turns", nil,
                    walk[((turn - 1) %% #walk) + 1])
end
"""
ROOT = Path(__file__).resolve().parents[1]
BLIND = ROOT / "tests" / "data" / "utterances_blind.yaml"
# The tuned and development sets, the examples the coach learns from
# (`typed_bodies(visible=True)`): for those who must not read a blind set, e.g. while making
# the understanding faster.
VISIBLE = (ROOT / "dialogues" / "exemples" / "reglage.yaml",
           *sorted((ROOT / "dialogues" / "exemples").glob("dev*.yaml"),
                   key=lambda path: int(path.stem[3:])))
WALKS, WALK_LENGTH, RESTART = 64, 30, "recommencer"


def typed_bodies(visible: bool = False) -> list[bytes]:
    """The blind set's utterances as turn bodies (what people really type); with `visible`,
    those of the tuned and development sets instead (the blind file is not opened)."""
    texts = []
    for path in VISIBLE if visible else (BLIND,):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts += [str(u["text"]) for u in data["utterances"]]
    return [orjson.dumps({"text": text}) for text in texts]


def button_walks(dialogues: Path, count: int = WALKS, length: int = WALK_LENGTH,
                 seed: int = 17, engine: Engine | None = None) -> list[list[str]]:
    """`count` random walks through the content's choices from the start, each `length`
    choices (« menu » where a step has none) then « recommencer », which brings a
    conversation back to where it started: a walk may be played again and again. Checked
    here: playing a walk twice in a row gives the same steps."""
    rng = random.Random(seed)
    engine = engine or Engine(load_content(dialogues))
    walks = []
    for _walk in range(count):
        step = engine.start()
        walk, shown = [], []
        for _turn in range(length):
            ids = [choice["id"] for choice in step.choices]
            shown.append(ids)
            walk.append(rng.choice(ids) if ids else "menu")
            step = engine.play(step.record, ChoiceInput(walk[-1]))
        walk.append(RESTART)
        step = engine.play(step.record, ChoiceInput(RESTART))
        for turn, choice in enumerate(walk[:-1]):
            if [c["id"] for c in step.choices] != shown[turn]:
                raise SystemExit(f"a walk does not start again the same way: {walk}")
            step = engine.play(step.record, ChoiceInput(choice))
        walks.append(walk)
    return walks


def check_walk(base: str, walk: list[str], dialogues: Path) -> None:
    """The server follows a walk as the engine here does (same choices at every step)."""
    engine = Engine(load_content(dialogues))
    step = engine.start()
    with httpx.Client(base_url=base, timeout=10) as client:
        conversation = client.post("/api/v1/conversations", json={}).json()
        shown = [c["id"] for c in conversation["choices"]]
        for choice in walk:
            if shown != [c["id"] for c in step.choices]:
                raise SystemExit(f"the server's choices differ from the walk's: {shown}")
            answer = client.post(f"/api/v1/conversations/{conversation['id']}/turns",
                                 json={"choice": choice})
            answer.raise_for_status()
            shown = [c["id"] for c in answer.json()["choices"]]
            step = engine.play(step.record, ChoiceInput(choice))


def create_conversations(base: str, count: int) -> list[str]:
    with httpx.Client(base_url=base, timeout=10) as client:
        return [client.post("/api/v1/conversations", json={}).json()["id"] for _ in range(count)]


def long_conversations(dialogues: Path, store_url: str, count: int, turns: int) -> list[str]:
    """`count` conversations of `turns` turns each, played by the engine and stored."""
    engine = Engine(load_content(dialogues))
    store = open_store(store_url, 30)
    ids = []
    try:
        for _index in range(count):
            record = engine.start().record
            for _turn in range(turns):
                record = engine.play(record, ChoiceInput("suivant")).record
            store.create(record.id, record.to_bytes())
            ids.append(record.id)
    finally:
        store.close()
    return ids


def summary(name: str, runs: list[dict[str, float]]) -> str:
    return (f"  {name:5}: {statistics.median(r['rps'] for r in runs):8.0f} req/s,"
            f" p50 {statistics.median(r['p50_ms'] for r in runs):6.2f} ms,"
            f" p99 {statistics.median(r['p99_ms'] for r in runs):6.2f} ms,"
            f" errors {int(sum(r['non_2xx'] + r['socket_errors'] for r in runs))}")


def ratios(top: list[dict[str, float]], bottom: list[dict[str, float]]) -> list[float]:
    return [t["rps"] / b["rps"] for t, b in zip(top, bottom, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", help="COACH_STORE_URL (default: a temporary SQLite file)")
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 2,
                        help="wrk threads (default: this machine's cores)")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--conversations", type=int, default=5000,
                        help="how many conversations the turns go to (each run lengthens them)")
    parser.add_argument("--text", action="store_true",
                        help="typed turns (blind-set utterances) on the real content")
    parser.add_argument("--visible", action="store_true",
                        help="with --text: the tuned and development sets' utterances instead"
                             " of the blind set's (the blind file is not opened)")
    parser.add_argument("--turns-before", type=int, default=0,
                        help="also measure conversations that first played this many turns"
                             " (button turns only)")
    parser.add_argument("--long-conversations", type=int, default=2000,
                        help="how many long conversations (with --turns-before)")
    parser.add_argument("--before", type=Path,
                        help="another source tree, served too and measured in each round")
    args = parser.parse_args()
    if args.before and (args.store or args.turns_before):
        parser.error("--before runs with the default SQLite store and without --turns-before")
    if args.visible and not args.text:
        parser.error("--visible chooses the typed bodies of --text")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        dialogues = (Path(__file__).resolve().parents[1] / "dialogues" if args.text
                     else write_ring_dialogues(tmp_path / "dialogues", 10))
        store_url = args.store or f"sqlite:///{tmp_path}/coach.db"
        env = {"COACH_DIALOGUES_DIR": str(dialogues), "COACH_STORE_URL": store_url,
               "COACH_RATE_LIMIT_PER_MINUTE": "0"}
        scripts = {"coach": tmp_path / "turns.lua"}
        if args.text:
            walks = button_walks(dialogues)
            (tmp_path / "walks.txt").write_text("\n".join(" ".join(w) for w in walks) + "\n")
            scripts = {"buttons": tmp_path / "buttons.lua", **scripts}
        if args.turns_before and not args.text:
            long_ids = long_conversations(dialogues, store_url, args.long_conversations,
                                          args.turns_before)
            (tmp_path / "long.txt").write_text("\n".join(long_ids) + "\n")
            scripts["long"] = tmp_path / "long.lua"
            scripts["long"].write_text(LUA % (tmp_path / "long.txt"))
        coach_port, bare_port, before_port = free_port(), free_port(), free_port()
        ports = {name: coach_port for name in scripts}
        names = list(scripts)
        if args.before:
            names = ["before", *names]
            ports["before"] = before_port
            scripts["before"] = tmp_path / "before.lua"
        results: dict[str, list[dict[str, float]]] = {"bare": [], **{n: [] for n in names}}
        timeout = 120 if args.text else 20
        with contextlib.ExitStack() as servers:
            servers.enter_context(coach_serve(coach_port, env, timeout=timeout))
            servers.enter_context(process(
                [sys.executable, "-m", "uvicorn", "bench.bare_app:app", "--port",
                 str(bare_port), "--no-access-log", "--log-level", "warning"], bare_port))
            if args.before:
                # The other tree serves its own content (its code may refuse this one's).
                before = args.before.resolve()
                before_dialogues = (before / "dialogues" if args.text else write_ring_dialogues(
                    tmp_path / "before-dialogues", 10, root=before))
                servers.enter_context(coach_serve(
                    before_port, {**env, "COACH_STORE_URL": f"sqlite:///{tmp_path}/before.db",
                                  "COACH_DIALOGUES_DIR": str(before_dialogues)},
                    timeout=timeout, tree=before))
            if args.text:
                (tmp_path / "bodies.txt").write_bytes(
                    b"\n".join(typed_bodies(args.visible)) + b"\n")
                check_walk(f"http://127.0.0.1:{coach_port}", walks[0], dialogues)
                scripts["buttons"].write_text(
                    WALK_LUA % (tmp_path / "buttons-ids.txt", tmp_path / "walks.txt"))
            for name in ("coach", "before") if args.before else ("coach",):
                ids = create_conversations(f"http://127.0.0.1:{ports[name]}",
                                           args.conversations)
                (tmp_path / f"{name}-ids.txt").write_text("\n".join(ids) + "\n")
                scripts[name].write_text(
                    TEXT_LUA % (tmp_path / f"{name}-ids.txt", tmp_path / "bodies.txt")
                    if args.text else LUA % (tmp_path / f"{name}-ids.txt"))
            # Rounds alternate, and each ratio compares two neighbouring runs: the machine's
            # speed drifts (shared host), a ratio of neighbours much less.
            for _round in range(args.rounds):
                results["bare"].append(wrk(f"http://127.0.0.1:{bare_port}", scripts["coach"],
                                           args.seconds, threads=args.threads))
                for name in names:
                    if name == "buttons":
                        # Each wrk run counts its turns from the start of the walks: it plays
                        # conversations of its own, which start there.
                        ids = create_conversations(f"http://127.0.0.1:{coach_port}",
                                                   args.conversations)
                        (tmp_path / "buttons-ids.txt").write_text("\n".join(ids) + "\n")
                    results[name].append(wrk(
                        f"http://127.0.0.1:{ports[name]}", scripts[name], args.seconds,
                        threads=args.threads,
                        script_args=(str(args.threads),) if name == "buttons" else ()))
    store = "Redis" if args.store and args.store.startswith("redis") else "SQLite"
    said = "tuned and development sets'" if args.visible else "blind-set"
    kind = (f"button turns and typed turns ({said} utterances), real content" if args.text
            else "button turns")
    print(f"API {kind}, 1 uvicorn worker, {store} store, wrk -t{args.threads} -c50,"
          f" {args.rounds} rounds of {args.seconds:g} s each")
    for name, runs in results.items():
        print(summary("typed" if args.text and name == "coach" else name, runs))
    played = sum(r["rps"] for r in results["coach"]) * args.seconds
    print(f"  conversations: {args.conversations}, {played / args.conversations:.0f} turns each"
          " by the last round")
    short = ratios(results["coach"], results["bare"])
    if "buttons" in results:
        buttons = ratios(results["buttons"], results["bare"])
        print(f"  ratio buttons/bare (real content): median {statistics.median(buttons):.0%}"
              f" (rounds: {', '.join(f'{r:.0%}' for r in buttons)})")
    target = "60" if store == "Redis" else "70"
    if "before" in results:
        earlier = ratios(results["before"], results["bare"])
        print(f"  ratio before/bare: median {statistics.median(earlier):.0%}"
              f" (rounds: {', '.join(f'{r:.0%}' for r in earlier)})")
    print(f"  ratio {'typed' if args.text else 'coach'}/bare: median"
          f" {statistics.median(short):.0%}"
          f" (rounds: {', '.join(f'{r:.0%}' for r in short)}; target ≥ {target} %)")
    if "buttons" in results:
        typed = ratios(results["coach"], results["buttons"])
        print(f"  ratio typed/buttons (same content, same server): median"
              f" {statistics.median(typed):.2f} (rounds: {', '.join(f'{r:.2f}' for r in typed)})")
    if "before" in results:
        gain = ratios(results["coach"], results["before"])
        print(f"  ratio coach/before: median {statistics.median(gain):.2f}"
              f" (rounds: {', '.join(f'{r:.2f}' for r in gain)})")
    if "long" in results:
        played = sum(r["rps"] for r in results["long"]) * args.seconds
        print(f"  long conversations: {args.long_conversations}, {args.turns_before} turns"
              f" first (about {2 * args.turns_before} messages), about"
              f" {args.turns_before + played / args.long_conversations:.0f} by the last round")
        long = ratios(results["long"], results["bare"])
        print(f"  ratio long/bare: median {statistics.median(long):.0%}"
              f" (rounds: {', '.join(f'{r:.0%}' for r in long)})")
        growth = ratios(results["long"], results["coach"])
        print(f"  ratio long/short: median {statistics.median(growth):.2f}"
              f" (rounds: {', '.join(f'{r:.2f}' for r in growth)}; target ≥ 0.91: a turn at"
              f" ~{2 * args.turns_before} messages costs at most 10 % more than at ~10)")


if __name__ == "__main__":
    main()
