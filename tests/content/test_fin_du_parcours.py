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
    assert ("Où j’en suis ?" if falc else "Où en suis-je ?") in last  # the button's label
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
    # Every stage seen is no draft complete: the short paths skip questions.
    assert "Vous avez suivi les 4 étapes" in last and "complet" not in last
    assert "Où en suis-je ?" not in last


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_changing_answers_at_the_end_keeps_stage_4_in_the_progress(falc: bool) -> None:
    """The same try-out: « Changer mes réponses » at the end of stage 4 showed « Étape 1 sur
    4 · partie 7 sur 7 » (the answers' menu is written at the end of initier.yaml, so it was
    taken for stage 1's last part) and counted that part as seen. The menu and its generated
    nodes belong to no stage: the progress stays the one of the place they were opened from."""
    said: list[str] = []
    end = _to_the_end(ENGINE.start(flow="perenniser", falc=falc), said)
    assert end.progress is not None and end.progress["stage"] == 4
    menu = play(end, "modifier")
    assert (menu.record.flow, menu.record.node) == ("initier", "modifier-reponses")
    assert menu.progress is not None
    assert (menu.progress["stage"], menu.progress["part"]) == (4, end.progress["part"])
    assert "initier" not in menu.record.seen
    stage = play(menu, next(i for i in choice_ids(menu) if "perenniser" in i))
    assert stage.progress is not None and stage.progress["stage"] == 4
    assert "initier" not in stage.record.seen
    back = play(stage, next(i for i in choice_ids(stage) if i.startswith("m-") and
                            i != "m-autre-etape"))
    assert back.progress is not None and back.progress["stage"] == 4
