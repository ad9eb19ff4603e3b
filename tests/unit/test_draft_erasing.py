"""« effacer mon brouillon » typed in stage 2 answered « Vous revenez où vous en étiez » or
opened the draft (4 December tryout): nothing said how to erase it. The draft is the
conversation's answers: the coach says so, and that it goes with the whole conversation,
through « Supprimer ma conversation » (in « Plus d’options »), which asks the person to
confirm; the person stays where they were, with the step's buttons, and nothing is erased.
On the real dialogues, typed as people type, in standard French and in easy-to-read."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.api.interface import load_interface
from coach.engine.engine import ChoiceInput, Step, TextInput
from coach.engine.record import Record
from tests.content.playing import CONTENT, ENGINE, play, texts

ROOT = Path(__file__).resolve().parents[2]
ASKED = [
    "effacer mon brouillon",
    "supprimer mon brouillon",
    "je veux effacer mes reponses",
    "Effacer mon brouillon svp",
    "comment je supprime mon brouillon ?",
    "je voudrais supprimer tout ce que j'ai écrit",
    "on peut vider le brouillon ?",
    "suprimer mon brouillon",
    "effacer mes réponses",
]
ERASING = CONTENT.system["brouillon-effacer"]
ELSEWHERE = CONTENT.system["brouillon-effacer-ailleurs"]


def in_stage_2(falc: bool) -> Step:
    """A coordinator in stage 2 with answers of stage 1, one of them typed."""
    step = play(ENGINE.start("coordinateur", falc=falc), "etape-2", "modeles")
    step.record.vars.update(premier_pas="diagnostic", theme="inclusion-scolaire",
                            objectif="libre")
    step.record.answers["objectif"] = "Rompre l’isolement des familles"
    return step


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
@pytest.mark.parametrize("text", ASKED)
def test_erasing_the_draft_is_explained_and_nothing_is_erased(text, falc):
    before = in_stage_2(falc)
    step = ENGINE.play(before.record, TextInput(text))
    said = texts(step)
    assert said[0] == (ERASING.falc if falc else ERASING.text), (text, said)
    assert len(said) == 2  # then: go on with the step's buttons
    assert (step.record.flow, step.record.node) == (before.record.flow, before.record.node)
    assert step.record.calls == [] and step.progress == before.progress
    assert step.choices == before.choices
    assert step.record.vars == before.record.vars  # nothing erased
    assert step.record.answers == before.record.answers


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_the_answer_names_the_real_button_and_the_confirmation(falc):
    said = (ERASING.falc if falc else ERASING.text)
    assert "« Supprimer ma conversation »" in said and "« Plus d’options »" in said
    assert "accord" in said  # nothing without the person's agreement
    assert "« modifier mes réponses »" in said  # one answer: changed, not the whole draft
    # the labels of the web client (and widget) and of the pages without JavaScript
    page = (ROOT / "web" / "index.html").read_text(encoding="utf-8")
    assert ">Supprimer ma conversation</button>" in page and ">Plus d’options</button>" in page
    # The pages without JavaScript name it from the interface's texts, in both languages.
    nojs = (ROOT / "coach" / "api" / "pages" / "conversation.py").read_text(encoding="utf-8")
    assert "say('supprimer', record.falc)" in nojs
    button = load_interface().texts["supprimer"]
    assert button.text == button.falc == "Supprimer ma conversation"


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_from_the_summary_too_and_mon_brouillon_still_opens_it(falc):
    before = in_stage_2(falc)
    step = ENGINE.play(before.record, TextInput("mon brouillon"))
    assert (step.record.flow, step.record.node) == ("initier", "brouillon")
    again = ENGINE.play(step.record, TextInput("effacer mon brouillon"))
    assert texts(again)[0] == (ERASING.falc if falc else ERASING.text)
    assert (again.record.flow, again.record.node) == ("initier", "brouillon")
    assert again.record.calls == step.record.calls  # « Revenir où j’en étais » still there
    back = ENGINE.play(again.record, ChoiceInput("revenir"))
    assert (back.record.flow, back.record.node) == (before.record.flow, before.record.node)


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_a_journey_without_a_draft_says_there_is_none_and_how_to_erase(falc):
    record = Record(id="t", flow="familles", node=CONTENT.flows["familles"].header.start,
                    origin="familles", content_version=CONTENT.version, falc=falc,
                    vars={"persona": "famille"})
    before = ENGINE.step(record, 0)
    step = ENGINE.play(record, TextInput("effacer mon brouillon"))
    assert texts(step)[0] == (ELSEWHERE.falc if falc else ELSEWHERE.text)
    assert (step.record.flow, step.record.node) == (record.flow, record.node)
    assert step.choices == before.choices and not step.draft_offered
    assert "« Supprimer ma conversation »" in texts(step)[0]
