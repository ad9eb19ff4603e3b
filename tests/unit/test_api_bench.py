"""The button turns `bench/api_bench.py --text` plays on the real content: random walks
through the content's choices that a conversation may play again and again."""

from __future__ import annotations

import orjson
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


def test_walk_script_reads_both_files_and_skips_wrk_s_check_call() -> None:
    script = WALK_LUA % ("/tmp/ids.txt", "/tmp/walks.txt")
    assert 'io.lines("/tmp/ids.txt")' in script and 'io.lines("/tmp/walks.txt")' in script
    # wrk calls request() once on the first thread before any connection and never sends
    # it: that call must not advance a conversation's walk.
    assert "checked = place ~= 0" in script


def test_visible_bodies_are_the_tuned_and_development_texts_in_order() -> None:
    texts = [str(u["text"]) for path in VISIBLE
             for u in yaml.safe_load(path.read_text(encoding="utf-8"))["utterances"]]
    assert [path.name for path in VISIBLE] == ["utterances.yaml", "utterances_dev3.yaml",
                                               "utterances_dev4.yaml", "utterances_dev5.yaml"]
    bodies = typed_bodies(visible=True)
    assert [orjson.loads(body)["text"] for body in bodies] == texts and len(texts) > 500
