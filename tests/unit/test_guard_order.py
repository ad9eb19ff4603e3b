"""A choice's guard is read before its own `set`/`add`; lint warns when they could clash."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coach.content.guards import compile_guard, could_falsify
from coach.content.loader import load_content, read_content
from coach.engine.engine import ChoiceInput, Engine
from tests.conftest import CONTACT, FIXTURE_DIALOGUES

GUARD_ORDER = Path(__file__).parents[1] / "fixtures" / "guard_order"


@pytest.fixture(scope="module")
def dialogues(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("dialogues")
    for source in (FIXTURE_DIALOGUES, GUARD_ORDER):
        for path in source.glob("*.yaml"):
            shutil.copy(path, directory / path.name)
    return directory


def test_the_guard_sees_the_variables_before_the_choice_changes_them(dialogues):
    engine = Engine(load_content(dialogues), CONTACT)
    step = engine.play(engine.start("compteur").record, ChoiceInput("commencer"))
    assert [c["id"] for c in step.choices] == ["un-point", "non-merci"]
    step = engine.play(step.record, ChoiceInput("un-point"))
    # Before the fix the add ran first, `score < 1` then failed: no move, no reply.
    assert step.record.node == "merci"
    assert step.record.vars == {"score": 1}
    assert [m.text for m in step.messages] == ["Oui, un point", "Vous avez 1 point."]
    step = engine.play(step.record, ChoiceInput("encore"))
    assert [c["id"] for c in step.choices] == ["non-merci"]  # score is 1 now: hidden


def test_back_after_such_a_choice_restores_the_variables(dialogues):
    engine = Engine(load_content(dialogues), CONTACT)
    step = engine.play(engine.start("compteur").record, ChoiceInput("commencer"))
    step = engine.play(step.record, ChoiceInput("un-point"))
    step = engine.play(step.record, ChoiceInput("retour"))
    assert step.record.node == "question" and step.record.vars == {"score": 0}


def test_lint_warns_when_a_choice_changes_its_own_guard(dialogues):
    _content, issues = read_content(dialogues)
    found = [i for i in issues if i.rule == "condition/changee-par-le-choix"]
    assert [(i.severity, i.node) for i in found] == [("warning", "question")]
    assert "score" in found[0].message and "un-point" in found[0].message


def test_the_fixture_demo_content_has_no_such_choice():
    _content, issues = read_content(FIXTURE_DIALOGUES)
    assert not [i for i in issues if i.rule == "condition/changee-par-le-choix"]


@pytest.mark.parametrize(("when", "set_values", "add", "expected"), [
    ("score < 1", {}, {"score": 1}, True),
    ("score >= 1", {}, {"score": 1}, False),   # adding keeps it true
    ("not vu", {"vu": True}, {}, True),
    ("vu", {"vu": True}, {}, False),
    ("temps == 'peu'", {"temps": "beaucoup"}, {}, True),
    ("temps == 'peu'", {"autre": 1}, {}, False),  # does not touch what the guard reads
    ("temps in ['peu', 'assez']", {"temps": "assez"}, {}, False),
])
def test_could_falsify(when, set_values, add, expected):
    assert could_falsify(compile_guard(when), set_values, add) is expected
