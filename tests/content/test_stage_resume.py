"""« Reprendre l’étape N » from the coordinator hub goes back to the place the person had
reached in that stage, with their answers, not to the stage's start; a stage never begun
opens at its start. Tools opened from a stage (detours) do not move that place, and a
conversation stored before places were kept resumes at the furthest part it had seen."""

from __future__ import annotations

from coach.engine.record import Record
from tests.content.playing import ENGINE, all_texts, choice_ids, play
from tests.places import record_at


def here(step) -> tuple[str, str]:
    return step.record.flow, step.record.node


def test_resuming_stage_one_goes_back_to_the_node_reached():
    step = play(ENGINE.start("coordinateur"), "etape-1", "continuer", "diagnostic", "deja")
    reached = here(step)
    assert reached == ("initier", "rencontre")
    variables = dict(step.record.vars)
    step = play(step, "etapes")
    assert here(step) == ("coordinateur", "parcours")
    step = play(step, "reprendre-1")
    assert here(step) == reached
    assert step.record.vars == variables  # the answers are kept
    assert any("première" in text for text in all_texts(step))  # the node is said again


def test_resuming_another_stage_and_typing_it():
    step = play(ENGINE.start("coordinateur"), "etape-3", "essentiel", "continuer")
    reached = here(step)
    assert reached[0] == "animer" and reached[1] not in ("debut", "savoirs-tacites")
    step = play(step, "?menu", "?je reprends")  # « menu »: the journey's menu, the hub
    assert here(step) == reached


def test_a_stage_never_begun_opens_at_its_start():
    hub = record_at(ENGINE, "coordinateur:parcours", etape=4)
    step = ENGINE.step(hub, 0)
    assert "reprendre-4" in choice_ids(step)
    assert here(play(step, "reprendre-4")) == ("perenniser", "debut")


def test_a_tool_opened_from_the_stage_does_not_move_the_place():
    step = play(ENGINE.start("coordinateur"), "etape-1", "continuer", "diagnostic",
                "formulaire")
    assert here(step) == ("initier", "formulaire")
    step = play(step, "outils", "charte")  # a detour into the toolbox, one tool opened
    assert step.record.calls and step.record.flow == "outils"
    step = play(step, "?menu", "reprendre-1")  # from the detour too
    assert here(step) == ("initier", "formulaire")


def test_the_answers_menu_called_from_another_stage_is_not_a_place_of_stage_one():
    step = play(ENGINE.start("coordinateur"), "etape-1", "continuer", "diagnostic")
    record = step.record.copy()
    record.flow, record.node = "animer", "fin"
    record.vars["etape"] = 3
    step = ENGINE.step(record, len(record.transcript))
    modify = next(c for c in ENGINE.available_choices(record)
                  if c.call and c.target == "initier:modifier-reponses")
    step = play(step, modify.id)
    assert here(step) == ("initier", "modifier-reponses")
    assert step.record.places["initier"] == "diagnostic"


def test_a_conversation_stored_before_places_resumes_at_the_furthest_part_seen():
    parts = ENGINE.content.flows["initier"].header.parts
    hub = record_at(ENGINE, "coordinateur:parcours", etape=1)
    hub.seen = {"initier": 0b111}  # the first three parts seen, no place kept
    stored = hub.to_bytes()
    assert b"places" not in stored
    loaded = Record.from_bytes(stored)
    assert loaded.places == {}
    step = play(ENGINE.step(loaded, 0), "reprendre-1")
    assert here(step) == ("initier", parts[2].first)
