"""Failures met in the middle of a journey (the real content, through the engine): a new
question made of small words is no « toujours pas »."""

from __future__ import annotations

import pytest

from coach.content.loader import load_content
from coach.engine.engine import Engine, Step, TextInput
from tests.conftest import CONTACT
from tests.places import record_at

ENGINE = Engine(load_content(), CONTACT)


def typed(engine: Engine, place: str, *texts: str, falc: bool = False,
          **variables: object) -> list[Step]:
    """Each text typed in turn from `place`: the steps."""
    record = record_at(engine, place, falc=falc, **variables)
    steps = []
    for text in texts:
        steps.append(engine.play(record, TextInput(text)))
        record = steps[-1].record
    return steps


def bot(step: Step) -> list[str]:
    return [m.ref for m in step.messages if m.role == "bot"]


# -- a second miss: a new question, or the same one again --------------------------------

@pytest.mark.parametrize("falc", [False, True])
@pytest.mark.parametrize("first, then", [
    ("vous recrutez ?", "c pour moi ?"),   # the new one has no word of substance
    ("c pour moi ?", "vous recrutez ?"),   # the first one had none
    ("zxqw vbnm", "et pour moi ?"),
])
def test_a_new_question_of_small_words_is_no_still_not_found(first, then, falc):
    steps = typed(ENGINE, "accueil:menu", first, then, falc=falc)
    assert [s.record.misses for s in steps] == [1, 2], [bot(s) for s in steps]
    assert bot(steps[1]) == ["coach/pas-compris-autre"]
    said = steps[1].messages[-1].text
    assert "toujours" not in said
    assert said == ENGINE.notice("pas-compris-autre", falc)


@pytest.mark.parametrize("falc", [False, True])
@pytest.mark.parametrize("first, then", [
    ("c pour moi ?", "c pour moi"),
    ("pour moi ?", "c'est pour moi ?"),    # the same words, small words aside
    ("bla bla", "bla bla bla"),
])
def test_the_same_words_again_are_still_not_found(first, then, falc):
    steps = typed(ENGINE, "accueil:menu", first, then, falc=falc)
    assert [s.record.misses for s in steps] == [1, 2], [bot(s) for s in steps]
    assert bot(steps[1]) == ["coach/pas-compris-choix"]
