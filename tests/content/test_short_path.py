"""Each stage offers the essentials (told as such, with the time it takes) and the full path
with the exercises; on the short path the progress counts only the parts it goes through."""

from __future__ import annotations

import re

import pytest

from tests.content.playing import CONTENT, ENGINE, choice_ids, play, texts

STAGES = ("initier", "modeliser", "animer", "perenniser")


@pytest.mark.parametrize("flow", STAGES)
def test_the_stage_start_offers_both_paths_with_their_time(flow):
    step = ENGINE.start(flow)
    labels = {c["id"]: c["label"] for c in step.choices}
    assert "essentiel" in labels
    full = next(c for c in CONTENT.node((flow, "debut")).choices
                if c.set.get("chemin") == "complet")
    assert re.search(r"environ \d+ min", labels["essentiel"])
    assert re.search(r"environ \d+ min", labels[full.id]) and "exercices" in labels[full.id]
    said = " ".join(texts(step))
    assert "l’essentiel, environ" in said and "le parcours complet, environ" in said
    short = play(step, "essentiel")
    whole = play(ENGINE.start(flow), full.id)
    assert short.progress["parts"] < whole.progress["parts"]
    assert short.progress["parts"] == len([p for p in CONTENT.flows[flow].header.parts
                                           if not p.exercise])


def test_the_short_path_of_stage_1_goes_round_the_exercise():
    step = play(ENGINE.start("initier"), "essentiel")
    record = step.record
    record.flow, record.node = "initier", "bilan-cartes"
    step = ENGINE.step(record, len(record.transcript))
    assert choice_ids(step)[:2] == ["continuer-court", "exercice"]
    step = play(step, "continuer-court")
    assert step.record.node == "enjeux-secteur"
    assert step.progress["label"] == "Étape 1 sur 4 · partie 5 sur 7"
