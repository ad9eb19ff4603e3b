"""A coordinator with little time went straight to stage 4 on a phone (« Étape 4 :
Pérenniser », the short path) and, at its end, read « Félicitations ! Vous avez terminé les 4
étapes du parcours » and « Votre brouillon est complet pour les 4 étapes », stages 1 to 3
never opened. The end of the journey says so only when every stage has been seen
(`etapes_restantes == 0`, given by the engine); otherwise it says that stage 4 is done, that
parts are left, where to find them, and that the draft marks them « À compléter »."""

from __future__ import annotations

import pytest

from coach.engine.engine import Step
from tests.content.playing import ENGINE, choice_ids, play, texts

PREFERRED = ("court", "essentiel", "continuer-court", "continuer", "suite", "suivante",
             "fin", "finir", "terminer")
AVOIDED = ("etapes", "exercice", "rejouer", "banque", "outils", "menu")


def _to_the_end(step: Step, said: list[str]) -> Step:
    """The shortest way through stage 4: the short path, « Continuer » wherever offered."""
    for _turn in range(120):
        said += texts(step)
        if step.record.flow == "perenniser" and step.record.node == "fin":
            return step
        ids = choice_ids(step)
        pick = next((i for i in PREFERRED if i in ids), None)
        if pick is None:
            pick = next(i for i in ids if not i.startswith(AVOIDED))
        step = play(step, pick)
    raise AssertionError("the end of stage 4 was not reached")


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_stage_4_alone_does_not_say_the_4_stages_are_done(falc: bool) -> None:
    said: list[str] = []
    end = _to_the_end(ENGINE.start(flow="perenniser", falc=falc), said)
    last = " ".join(texts(end))
    assert "4 étapes du parcours" not in last, last
    assert "complet pour les 4 étapes" not in last
    assert "Où en suis-je ?" in last
    assert "À compléter" in last


def test_every_stage_seen_is_congratulated() -> None:
    said: list[str] = []
    step = ENGINE.start(flow="perenniser")
    for stage in ENGINE.progress.stages:
        if stage.flow != "perenniser":
            step.record.seen[stage.flow] = (1 << len(stage.parts)) - 1
    end = _to_the_end(step, said)
    last = " ".join(texts(end))
    assert "Félicitations ! Vous avez terminé les 4 étapes du parcours" in last
    assert "complet pour les 4 étapes" in last
    assert "Où en suis-je ?" not in last
