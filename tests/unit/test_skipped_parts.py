"""A coordinator chose « Passer les cartes » for the 6 key questions; « Où en suis-je ? » then
listed « Les 6 questions clés » under « Déjà vu dans cette étape », and stage 1 was later
« vue en entier » (4 December tryout). A part left by a choice that skips it (`skip: true`)
is skipped, not seen: « Où en suis-je ? » says so, the stage's end says so, the stage is not
seen in full (nor the journey, at stage 4's end), until the person comes back to the part.
On the real dialogues, in standard French and in easy-to-read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coach.content.loader import DEFAULT_DIRECTORY, read_content
from coach.engine.engine import ChoiceInput, Engine, Step, TextInput
from coach.engine.record import Record
from tests.content.playing import CONTENT, ENGINE, play, texts
from tests.content.test_initier import AFTER_QUIZ_TO_END, RIGHT, TO_CARDS

CARDS = {False: "Les 6 questions clés", True: "Les 6 questions"}
STAGE_1 = {False: "« Étape 1 : Initier »", True: "« Étape 1 : Commencer »"}


def where(step: Step) -> str:
    """What « Où en suis-je ? » answers here."""
    said = texts(ENGINE.play(step.record, TextInput("où en suis-je")))
    assert len(said) == 1, said
    return said[0]


def line(report: str, start: str) -> str:
    """The line of the report that starts so ("" when there is none)."""
    return next((x for x in report.split("\n") if x.startswith(start)), "")


SEEN = {False: "Déjà vu dans cette étape :", True: "Vous avez déjà vu :"}
PASSED = {False: "Passé sans le voir dans cette étape :", True: "Vous avez passé :"}
LEFT = {False: "Reste à voir dans cette étape :", True: "Il reste :"}


def cards_passed(falc: bool) -> Step:
    """Stage 1, full path, the 6 key questions passed: at the profiles exercise."""
    step = play(ENGINE.start("coordinateur", falc=falc), "etape-1", *TO_CARDS)
    assert step.record.node == "ambassadeurs"
    step = play(step, "passer")
    assert step.record.node == "qui-intro"
    return step


def to_the_end_of_stage_1(step: Step) -> Step:
    """From the profiles exercise: done, then on to the end of stage 1."""
    step = play(step, "commencer", RIGHT[0])
    for answer in RIGHT[1:]:
        step = play(step, "suivant", answer)
    step = play(step, "score", *AFTER_QUIZ_TO_END)
    assert step.record.node == "fin"
    return step


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_where_am_i_says_the_cards_were_passed_not_seen(falc):
    report = where(cards_passed(falc))
    assert CARDS[falc] not in line(report, SEEN[falc]), report
    assert line(report, PASSED[falc]) == f"{PASSED[falc]} {CARDS[falc]}.", report
    assert CARDS[falc] not in line(report, LEFT[falc])  # said once, as passed
    assert "Les besoins" in line(report, SEEN[falc])  # what was seen stays seen


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_the_end_of_the_stage_says_the_cards_were_passed(falc):
    end = to_the_end_of_stage_1(cards_passed(falc))
    said = texts(end)
    assert said[0].startswith("Étape 1 terminée" if not falc else "Bravo, vous avez fini")
    expected = (f"Dans cette étape, vous avez passé : {CARDS[falc]}.\n"
                "Vous pouvez y revenir plus tard." if falc else
                f"Dans cette étape, vous avez passé sans le voir : {CARDS[falc]}. Ce n’est pas"
                " compté comme vu ; vous pouvez y revenir quand vous voulez.")
    assert said[1] == expected
    # the draft's links still follow the stage's last message
    assert end.draft_here and said[-1].startswith("Votre brouillon")


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_stage_1_with_the_cards_passed_is_not_seen_in_full(falc):
    end = to_the_end_of_stage_1(cards_passed(falc))
    stage_2 = play(end, "etape-2")
    assert stage_2.record.flow == "modeliser"
    report = where(stage_2)
    lines = report.split("\n")
    at = lines.index(line(report, STAGE_1[falc]))
    stage_1 = "\n".join(lines[at:at + 2] if falc else lines[at:at + 1])
    assert "en entier" not in stage_1 and "finie" not in stage_1, report
    assert stage_1 == (
        f"{STAGE_1[falc]} : 7 parties faites sur 8.\nVous avez passé : {CARDS[falc]}." if falc
        else f"{STAGE_1[falc]} : 7 parties vues sur 8, passé sans le voir : {CARDS[falc]}.")
    # the engine's count for the content: stage 1 is one of the stages not seen in full
    assert ENGINE.progress.stages_left(stage_2.record) == 4


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_coming_back_to_the_cards_makes_them_seen(falc):
    step = ENGINE.play(cards_passed(falc).record, ChoiceInput("retour"))  # the cards' door
    assert step.record.node == "ambassadeurs"
    step = play(step, "commencer")
    report = where(step)
    assert not line(report, PASSED[falc]), report
    assert CARDS[falc] in report.split("\n")[0 if not falc else 2]  # the part one is in
    assert step.record.skipped == {}


def test_a_part_seen_then_passed_again_is_passed():
    step = play(ENGINE.play(cards_passed(False).record, ChoiceInput("retour")), "passer")
    assert step.record.skipped == {"initier": 1 << 3}
    assert not step.record.seen["initier"] & (1 << 3)


def test_the_short_path_passing_the_cards_and_the_asked_exercise():
    """On the short path the cards are passed (`passer-court`); an exercise asked for, then
    passed, stays counted (the count never goes down) and is said passed."""
    step = play(ENGINE.start("coordinateur"), "etape-1", "essentiel", *TO_CARDS[1:])
    before = step.progress
    step = play(step, "passer-court")
    assert step.record.node == "enjeux-secteur"
    assert step.progress["parts"] == before["parts"] == 7  # the short path: no exercise
    report = where(step)
    assert line(report, PASSED[False]) == f"{PASSED[False]} {CARDS[False]}."


def test_the_journey_with_a_part_passed_is_not_congratulated():
    """Every stage seen but the cards of stage 1, passed: the end of stage 4 does not say the
    4 stages are done."""
    step = ENGINE.start("coordinateur")
    record = step.record
    for stage in ENGINE.progress.stages:
        record.seen[stage.flow] = (1 << len(stage.parts)) - 1
    record.seen["initier"] &= ~(1 << 3)
    record.skipped["initier"] = 1 << 3
    record.flow, record.node = "perenniser", "groupes"
    end = ENGINE.play(ENGINE.step(record, len(record.transcript)).record,
                      ChoiceInput("terminer"))
    said = " ".join(texts(end))
    assert end.record.node == "fin"
    assert "Félicitations" not in said and "Des parties du parcours restent à voir" in said
    # without the part passed, the same end congratulates
    record.seen["initier"] |= 1 << 3
    record.skipped.clear()
    end = ENGINE.play(ENGINE.step(record, len(record.transcript)).record,
                      ChoiceInput("terminer"))
    assert "Félicitations" in " ".join(texts(end))


def test_the_skipped_parts_are_stored_and_old_records_load():
    step = cards_passed(False)
    stored = step.record.to_bytes()
    assert b'"skipped":{"initier":8}' in stored
    again = Record.from_bytes(stored)
    assert again.skipped == {"initier": 8} and again.seen == step.record.seen
    # stored before parts could be skipped: no field, and « Où en suis-je ? » entries
    # of five items, which still render
    old = Record.from_bytes(stored.replace(b',"skipped":{"initier":8}', b""))
    assert old.skipped == {}
    entry = ["progress", "initier", "qui-intro", {"initier": 0b11111}, False]
    report = ENGINE.where.render(entry, False)
    assert line(report, SEEN[False]).endswith("Les 6 questions clés.")  # as it was then
    assert not line(report, PASSED[False])


def test_the_api_progress_is_the_place_not_a_count_of_parts_seen():
    """The web client's progress bar shows `progress` (« Étape 1 sur 4 · partie 5 sur 8 »):
    where the person is, which passing the cards does not change."""
    step = cards_passed(False)
    assert step.progress is not None
    assert step.progress["label"] == "Étape 1 sur 4 · partie 5 sur 8"


def dialogues_copy(tmp_path: Path) -> Path:
    directory = tmp_path / "dialogues"
    shutil.copytree(DEFAULT_DIRECTORY, directory)
    return directory


def test_lint_refuses_a_skip_that_stays_in_its_part(tmp_path):
    directory = dialogues_copy(tmp_path)
    initier = directory / "initier.yaml"
    text = initier.read_text(encoding="utf-8")
    stays = "        target: duree-reponse\n"  # the first card's « Voir la réponse »
    assert stays in text
    initier.write_text(text.replace(stays, stays + "        skip: true\n", 1),
                       encoding="utf-8")
    _content, issues = read_content(directory)
    found = [i for i in issues if i.rule == "etape/passer-hors-partie"]
    assert found and found[0].severity == "error"


def test_every_skip_of_the_content_leaves_its_part_from_its_first_node():
    """The content's « Passer … » choices that skip a part: the cards, the profiles
    exercise, the scenario; each from the part's first node (nothing of it seen yet)."""
    skips = {(flow.id, node.id, choice.id) for flow, node in CONTENT.iter_nodes()
             for choice in node.choices if choice.skip}
    assert skips == {("initier", "ambassadeurs", "passer"),
                     ("initier", "ambassadeurs", "passer-court"),
                     ("initier", "qui-intro", "passer"), ("animer", "scenario", "passer")}
    for flow, node, _choice in skips:
        assert any(part.first == node for part in CONTENT.flows[flow].header.parts)


def test_a_detour_never_marks_a_part_skipped():
    """A stage's node reached in a detour sees no part; passing from it skips none."""
    step = cards_passed(False)
    engine = Engine(CONTENT)
    record = step.record
    record.calls = [["modeliser", "debut", "initier"]]
    record.flow, record.node = "initier", "ambassadeurs"
    record.skipped.clear()
    after = engine.play(engine.step(record, len(record.transcript)).record,
                        ChoiceInput("passer"))
    assert after.record.node == "qui-intro" and after.record.skipped == {}
