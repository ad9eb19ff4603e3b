"""The button turns `bench/api_bench.py --text` plays on the real content: random walks
through the content's choices that a conversation may play again and again."""

from __future__ import annotations

import shutil
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import orjson
import pytest
import yaml

from bench.api_bench import RESTART, VISIBLE, WALK_LUA, button_walks, typed_bodies
from bench.servers import ROOT
from coach.content.loader import load_content
from coach.engine.engine import ChoiceInput, Engine

DIALOGUES = ROOT / "dialogues"
ENGINE = Engine(load_content(DIALOGUES))


def test_walks_play_offered_choices_and_start_again_the_same_way() -> None:
    walks = button_walks(DIALOGUES, count=6, length=15, seed=3, engine=ENGINE)
    assert len(walks) == 6
    assert len({tuple(walk) for walk in walks}) > 1  # random, not one path six times
    engine = ENGINE
    for walk in walks:
        assert len(walk) == 16 and walk[-1] == RESTART
        step = engine.start()
        first = [c["id"] for c in step.choices]
        for _again in range(2):
            for choice in walk[:-1]:
                offered = [c["id"] for c in step.choices]
                assert choice in offered or (not offered and choice == "menu"), (choice, offered)
                step = engine.play(step.record, ChoiceInput(choice))
            step = engine.play(step.record, ChoiceInput(RESTART))
            assert [c["id"] for c in step.choices] == first


def test_walks_are_the_same_for_the_same_seed() -> None:
    assert button_walks(DIALOGUES, count=3, length=8, seed=5, engine=ENGINE) == button_walks(
        DIALOGUES, count=3, length=8, seed=5, engine=ENGINE)


WALKS = [["a1", "a2", "a3"], ["b1", "b2"], ["c1", "c2", "c3", "c4"]]


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed")
@pytest.mark.parametrize("threads", [1, 2, 3])
def test_walk_script_plays_each_conversation_s_walk_in_order_on_any_number_of_threads(
        tmp_path, threads: int) -> None:
    """wrk runs the script against a server that records what it receives: every
    conversation gets its own walk from the start, in order and cycling (one thread only
    plays it), on as many threads as asked; wrk's check call is never sent."""
    ids = [f"conv{i:02d}" for i in range(12)]
    (tmp_path / "ids.txt").write_text("\n".join(ids) + "\n")
    (tmp_path / "walks.txt").write_text("\n".join(" ".join(w) for w in WALKS) + "\n")
    script = tmp_path / "walk.lua"
    script.write_text(WALK_LUA % (tmp_path / "ids.txt", tmp_path / "walks.txt"))
    received: list[tuple[str, str, bytes]] = []

    class Recorder(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            received.append(("POST", self.path, self.rfile.read(
                int(self.headers["Content-Length"]))))
            self._answer()

        def do_GET(self) -> None:
            received.append(("GET", self.path, b""))
            self._answer()

        def _answer(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    serving = threading.Thread(target=server.serve_forever, daemon=True)
    serving.start()
    try:
        done = subprocess.run(
            ["wrk", f"-t{threads}", f"-c{threads}", "-d1s", "-s", str(script),
             f"http://127.0.0.1:{server.server_address[1]}", "--", str(threads)],
            capture_output=True, text=True, timeout=30)
    finally:
        server.shutdown()
    assert done.returncode == 0 and "error" not in done.stdout.lower(), done.stdout
    assert received and all(method == "POST" for method, _path, _body in received)
    played: dict[str, list[str]] = {}
    for _method, path, body in received:
        cid = path.split("/")[-2]
        played.setdefault(cid, []).append(orjson.loads(body)["choice"])
    assert len(played) >= threads  # each thread plays conversations of its own
    for cid, choices in played.items():
        walk = WALKS[(ids.index(cid) + 1) % len(WALKS)]
        assert choices == [walk[k % len(walk)] for k in range(len(choices))], (cid, choices)


def test_visible_bodies_are_the_tuned_and_development_texts_in_order() -> None:
    texts = [str(u["text"]) for path in VISIBLE
             for u in yaml.safe_load(path.read_text(encoding="utf-8"))["utterances"]]
    assert [path.name for path in VISIBLE][:9] == [
        "reglage.yaml", "dev3.yaml", "dev4.yaml", "dev5.yaml", "dev6.yaml", "dev7.yaml",
        "dev8.yaml", "dev9.yaml", "dev10.yaml"]
    bodies = typed_bodies(visible=True)
    assert [orjson.loads(body)["text"] for body in bodies] == texts and len(texts) > 500
