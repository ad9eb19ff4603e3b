"""The coordinator hub: the 4 stages, jumping to a stage, and resuming where one stopped.

The content is read with `read_content` so that these tests check *this* track even while
other flows are still being written; errors in the track's own files still fail the test.
"""

from __future__ import annotations

from coach.content.loader import read_content
from coach.engine.engine import TextInput
from tests.content.playing import CONTENT, ENGINE, all_texts, choice_ids, play

MY_FILES = ("coordinateur.yaml", "initier.yaml", "modeliser.yaml")
_, ISSUES = read_content()  # the issues only: CONTENT is the shared one
STAGES = {"initier": 1, "modeliser": 2, "animer": 3, "perenniser": 4}








def test_track_files_have_no_lint_error():
    mine = [i for i in ISSUES if i.severity == "error" and i.file.endswith(MY_FILES)]
    assert mine == [], "\n".join(i.format() for i in mine)


def test_hub_presents_the_four_stages_without_resume_at_first():
    step = ENGINE.start("coordinateur")
    assert step.record.node == "parcours"
    assert any("4 étapes" in t for t in all_texts(step))
    ids = choice_ids(step)
    assert {"etape-1", "etape-2", "etape-3", "etape-4", "objectifs", "outils"} <= set(ids)
    assert not [i for i in ids if i.startswith("reprendre")]


def test_objectives_of_the_four_stages():
    step = play(ENGINE.start("coordinateur"), "objectifs")
    joined = " ".join(all_texts(step))
    assert "identifier le besoin" in joined and "gouvernance et les outils" in joined
    step = play(step, "suite")
    joined = " ".join(all_texts(step))
    assert "participation et l’engagement" in joined and "mesurer l’impact" in joined
    step = play(step, "etape-1")
    assert (step.record.flow, step.record.node) == ("initier", "debut")
    assert step.record.vars["etape"] == 1


def test_jumping_to_a_stage_records_it_and_the_hub_offers_to_resume_it():
    step = play(ENGINE.start("coordinateur"), "etape-2")
    assert (step.record.flow, step.record.node) == ("modeliser", "debut")
    assert step.record.vars["etape"] == 2
    step = play(step, "etapes")  # « Revenir aux étapes » from inside the stage
    assert (step.record.flow, step.record.node) == ("coordinateur", "parcours")
    assert "Vous en étiez à l’étape 2 sur 4." in " ".join(all_texts(step))
    resume = [i for i in choice_ids(step) if i.startswith("reprendre")]
    assert resume == ["reprendre-2"]
    label = next(c["label"] for c in step.choices if c["id"] == "reprendre-2")
    assert "Reprendre à l’étape 2" in label
    step = play(step, "reprendre-2")
    assert (step.record.flow, step.record.node) == ("modeliser", "debut")


def test_typed_resume_goes_to_the_stage_in_progress():
    step = play(ENGINE.start("coordinateur"), "etape-1")
    step = play(step, "etapes")
    step = ENGINE.play(step.record, TextInput("je reprends"))
    assert (step.record.flow, step.record.node) == ("initier", "debut")


# The shortest way through stage 1 with buttons (skipping both exercises).
STAGE_1 = ("continuer", "diagnostic", "deja", "retours", "continuer", "passer", "passer",
           "conseils", "autre", "a-definir", "continuer", "suite", "continuer", "suite",
           "continuer", "suite", "charte", "continuer", "continuer")


def test_finishing_stage_one_moves_the_resume_point_to_stage_two():
    step = play(ENGINE.start("coordinateur"), "etape-1", *STAGE_1)
    assert (step.record.flow, step.record.node) == ("initier", "fin")
    assert step.end
    assert any("Étape 1 terminée" in t for t in all_texts(step))
    step = play(step, "etape-2")
    assert (step.record.flow, step.record.node) == ("modeliser", "debut")
    assert step.record.vars["etape"] == 2
    step = play(step, "etapes")
    assert [i for i in choice_ids(step) if i.startswith("reprendre")] == ["reprendre-2"]


def test_typed_stage_names_route_from_the_hub():
    step = ENGINE.start("coordinateur")
    step = ENGINE.play(step.record, TextInput("modeliser"))
    assert (step.record.flow, step.record.node) == ("modeliser", "debut")
    step = ENGINE.start("coordinateur")
    step = ENGINE.play(step.record, TextInput("boite a outils"))
    assert (step.record.flow, step.record.node) == ("outils", "banque")


def test_every_choice_of_the_track_that_opens_a_stage_sets_etape():
    for flow_id in ("coordinateur", "initier", "modeliser"):
        for node in CONTENT.flows[flow_id].nodes.values():
            for choice in node.choices:
                flow, _, target = choice.target.partition(":")
                if target == "debut" and flow in STAGES:
                    assert choice.set.get("etape") == STAGES[flow], (flow_id, node.id, choice.id)


def test_hub_in_falc():
    step = ENGINE.start("coordinateur", falc=True)
    # (after the first visit's introduction of Alexandra)
    first = next(t for t in all_texts(step) if "Je vous guide en 4 étapes" in t)
    # the four stages are named, by their easy-to-read names (tests/content/test_stage_names.py)
    for stage in ("Commencer", "Organiser", "Animer", "Faire durer"):
        assert stage in first, stage
    step = play(step, "etape-3")
    assert step.record.flow == "animer"
