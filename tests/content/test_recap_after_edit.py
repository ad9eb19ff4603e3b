"""A coordinator's keyboard try-out: from the draft's summary,
« Écrire ou modifier mes réponses », « Étape 3 : Animer », « Les espaces d’échange », new
words typed and kept, then « Revenir où j’en étais »: the coach said « Vous revenez où vous
en étiez : « Étape 1 : Initier ». Le début est plus haut… » and only the summary's last
line; « plus haut » was the summary with the old words. Back from the answers' menu at a
summary of the draft's answers (`draft_answers`), the coach says it again whole: the new words are
on screen (back from a tool, it is still named: tests/unit/test_detours.py)."""

from __future__ import annotations

import pytest

from coach.engine.engine import ChoiceInput, TextInput
from tests.content.playing import ENGINE, texts

NEW = "la salle de la mairie le premier mardi du mois, et un forum régional"


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_back_at_the_summary_after_an_edit_shows_the_new_words(falc: bool) -> None:
    step = ENGINE.start("initier", falc=falc)
    record = step.record
    # Stage 1 answered by buttons (the first value each choice of the stage gives): the
    # summary is long, as for a person who went through the stage.
    for node in ENGINE.content.flows["initier"].nodes.values():
        for choice in node.choices:
            for name, value in choice.set.items():
                record.vars.setdefault(name, value)
    record.flow, record.node = "initier", "brouillon"
    step = ENGINE.play(ENGINE.step(record, len(record.transcript)).record,
                       ChoiceInput("modifier"))
    assert step.record.node == "modifier-reponses"
    for given in ("m-etape-animer", "m-espaces"):
        step = ENGINE.play(step.record, ChoiceInput(given))
    step = ENGINE.play(step.record, TextInput(NEW))
    step = ENGINE.play(step.record, ChoiceInput("saisie-garder"))
    assert step.record.answers["espaces"] == NEW
    step = ENGINE.play(step.record, ChoiceInput("revenir"))
    assert (step.record.flow, step.record.node) == ("initier", "brouillon")
    said = " ".join(texts(step))
    assert NEW in said, said
    assert "plus haut" not in said
