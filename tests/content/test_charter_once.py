"""The charter's 4 points are said once: the stage's charter bubble lists them, and the
charter tool opened right from it presents the tool without listing them again; opened
from the toolbox, the tool lists them. Back from the tool, the stage says its question
again, not the points."""

from __future__ import annotations

import pytest

from coach.engine.engine import ChoiceInput
from tests.content.playing import ENGINE, play, texts
from tests.places import record_at

POINTS = {False: ("1. Un cadre de décision", "3. Des règles d’échange"),
          True: ("Sujet 1 :", "Sujet 3 :", "1 : tous les membres", "3 : des règles")}


def at_stage_charter(falc: bool):
    """Arrive at the stage's charter bubble, as from the node before it."""
    record = record_at(ENGINE, "initier:idees-charte-suite", falc=falc, etape=1)
    return ENGINE.play(record, ChoiceInput("charte"))


@pytest.mark.parametrize("falc", [False, True])
def test_the_tool_opened_from_the_charter_bubble_does_not_list_the_points_again(falc):
    step = at_stage_charter(falc)
    assert step.record.node == "charte"
    said = " ".join(texts(step))
    assert any(point in said for point in POINTS[falc])  # the stage lists them
    step = play(step, "outil-charte")
    assert (step.record.flow, step.record.node) == ("outils", "charte")
    said = " ".join(texts(step))
    assert not any(point in said for point in POINTS[falc]), said
    assert "modèle à remplir" in said
    assert {"revenir", "questions", "idees"} <= {c["id"] for c in step.choices}
    step = play(step, "revenir")
    assert (step.record.flow, step.record.node) == ("initier", "charte")
    said = " ".join(texts(step))
    assert not any(point in said for point in POINTS[falc]), said
    assert "outil charte" in said


@pytest.mark.parametrize("falc", [False, True])
def test_the_tool_opened_from_the_toolbox_lists_the_points(falc):
    step = play(ENGINE.start("outils", falc=falc), "charte")
    said = " ".join(texts(step))
    assert sum(point in said for point in POINTS[falc]) >= 2
    assert "modèle à remplir" not in said
