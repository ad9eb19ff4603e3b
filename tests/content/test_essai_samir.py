"""What a try-out as Samir found, on the real dialogues: Samir, 34, has an intellectual
disability, works in an ESAT, reads with difficulty (easy-to-read on) and types short,
misspelled messages; a second tester only tapped, in easy-to-read.

- the persons' journey hid « Trouver une communauté près de chez moi » behind « Par où
  commencer ? » or « J’ai fini »: five taps to a next step, where a parent needs three;
- the advice of whom to ask spoke to a parent whoever read it (« Ou au service d’aide de
  votre proche » to Samir, « l’établissement qui vous accompagne, vous ou votre proche »
  to a professional).
"""

from __future__ import annotations

import pytest

from coach.engine.engine import ChoiceInput
from tests.content.playing import ENGINE, play, texts

NEAR_ME = "Trouver une communauté près de chez moi"


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_a_person_with_a_disability_reaches_the_directory_in_three_taps(falc: bool) -> None:
    """The issue's rule, « a concrete next step in at most 3 turns »: the home menu, « J’ai
    un handicap », « Trouver une communauté près de chez moi », as for a parent."""
    step = ENGINE.start(falc=falc)  # the first tap turned easy-to-read on
    step = play(step, "personne-concernee")
    labels = {c["id"]: c["label"] for c in step.choices}
    assert labels.get("trouver-groupe") == NEAR_ME, labels
    parent = play(ENGINE.start(falc=falc), "famille")
    assert {c["id"]: c["label"] for c in parent.choices}["trouver-groupe"] == NEAR_ME
    step = play(step, "trouver-groupe")
    assert step.record.flow == "trouver", step.record.flow
    said = "\n".join(texts(step))
    assert "MDPH" in said and "association" in said, said
    assert step.record.vars.get("profil") == "personne", step.record.vars
    # The way back leads to the person's step, not the parent's.
    back = ENGINE.play(step.record, ChoiceInput("revenir"))
    assert back.record.node == "personne-concernee", back.record.node
