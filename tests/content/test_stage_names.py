"""One name per stage, in standard French and in easy-to-read, wherever a person reads it:
the stages' titles, the hub and its buttons, the stages' texts, « Où en suis-je ? », the
answers' menu, the tools and the draft. The standard names are the module's (Initier,
Modéliser, Animer, Pérenniser); the easy-to-read ones are common words (Commencer,
Organiser, Animer, Faire durer)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from coach.engine.engine import TextInput
from tests.content.playing import CONTENT, ENGINE, all_texts, play

ROOT = Path(__file__).resolve().parents[2]
STAGES = {"initier": 1, "modeliser": 2, "animer": 3, "perenniser": 4}
STANDARD = {1: "Initier", 2: "Modéliser", 3: "Animer", 4: "Pérenniser"}
EASY = {1: "Commencer", 2: "Organiser", 3: "Animer", 4: "Faire durer"}
ALL_NAMES = {name.lower() for name in (*STANDARD.values(), *EASY.values())}
# « Étape 2 : Organiser », « l’étape 4, Pérenniser : », « Étape 1 sur 4 : Commencer. »
NAMED = re.compile(r"[ÉéE]tape ([1-4])(?: sur 4)?\s*[:,]\s*([^\s.,:;!?»\"]+(?: durer)?)")
STANDARD_ONLY = re.compile(r"\b(initier|modéliser|pérenniser)\b", re.IGNORECASE)
FILES = [*sorted((ROOT / "dialogues").glob("*.yaml")), ROOT / "coach/drafts/brouillon.yaml",
         ROOT / "coach/drafts/outils.yaml"]
READ_KEYS = ("text", "label", "title", "intro", "question", "name", "description")


def read_texts() -> Iterator[tuple[str, bool, str]]:
    """(where, easy-to-read?, text) of every text a person reads in the content files."""
    def walk(value: object, where: str, key: str = "") -> Iterator[tuple[str, bool, str]]:
        if isinstance(value, dict):
            for name, item in value.items():
                yield from walk(item, f"{where}/{name}", str(name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, f"{where}/{index}", key)
        elif isinstance(value, str):
            easy = key == "falc" or key.endswith("_falc")
            if easy or key in READ_KEYS:
                yield where, easy, value

    for path in FILES:
        yield from walk(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)


TEXTS = list(read_texts())


def test_the_texts_are_found():
    assert len(TEXTS) > 1000
    assert any("Étape 4 : Faire durer" in text for _w, easy, text in TEXTS if easy)


@pytest.mark.parametrize(("flow", "number"), STAGES.items())
def test_each_stage_has_its_two_names(flow, number):
    header = CONTENT.flows[flow].header
    assert header.title == f"Étape {number} : {STANDARD[number]}"
    assert header.title_falc == f"Étape {number} : {EASY[number]}"


def test_a_stage_named_after_its_number_has_the_one_name_of_its_variant():
    wrong = []
    for where, easy, text in TEXTS:
        for match in NAMED.finditer(text):
            number, said = int(match.group(1)), match.group(2)
            if said.lower() not in ALL_NAMES:
                continue  # « Étape 2 : les rôles »: a place of the stage, not its name
            expected = (EASY if easy else STANDARD)[number]
            if said != expected:
                wrong.append(f"{where}: « {match.group(0)} » au lieu de « {expected} »")
    assert wrong == []


def test_easy_to_read_never_uses_the_standard_names():
    found = [f"{where}: {text!r}" for where, easy, text in TEXTS
             if easy and STANDARD_ONLY.search(text)]
    assert found == []


def test_the_hub_and_where_am_i_say_the_easy_names():
    step = ENGINE.start("coordinateur", falc=True)
    hub = " ".join(all_texts(step))
    for name in EASY.values():
        assert name in hub, name
    labels = [c["label"] for c in step.choices]
    assert [label for label in labels if label.startswith("Étape")] == [
        f"Étape {n} : {EASY[n]}" for n in range(1, 5)]
    step = play(step, "etape-4")
    step = ENGINE.play(step.record, TextInput("où en suis-je"))
    assert any("Étape 4 : Faire durer" in text for text in all_texts(step))
