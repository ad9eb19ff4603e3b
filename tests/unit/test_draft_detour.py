"""« mon brouillon » typed in the middle of a stage: the draft's summary opens as a detour
(`draft_summary` of commun.yaml, the typed command `mon-brouillon`), the stage, its part and
the progress stay those of the step left, and « Revenir où j’en étais » comes back to that
very step; in a journey that builds no draft, the coach says where the draft is made.

On the real dialogues, played button by button and typed as people type."""

from __future__ import annotations

import pytest

from coach.engine.engine import ChoiceInput, Engine, Step, TextInput
from coach.engine.record import Record
from tests.conftest import CONTACT
from tests.content.playing import CONTENT

ENGINE = Engine(CONTENT, CONTACT)
SUMMARY = ("initier", "brouillon")
# Typed as people type: SMS, no accents, typos, capitals, « svp », inside a longer sentence.
ASKED = [
    "mon brouillon",
    "revoir mon brouillon",
    "je veux voir ce que j'ai écrit",
    "modifier mes réponses",
    "ou est ma feuille de route",
    "jveux corriger ma reponse de tout a l'heure",
    "mon brouillon svp",
    "il est ou mon brouillon",
    "je voudrais revoir mes reponses svp",
    "je veux relire ce que jai ecrit",
    "MON BROUILLON",
    "jveux voir mon brouillon stp",
    "corriger une reponse",
    "je veux voir ce que j'ai répondu",
    "bonjour, je voudrais revoir mon brouillon svp",
    "attends je veux modifier mes reponses avant de continuer",
    "brouillon",
    "je peux revoir mon brouillon ?",
    "voir mes reponses",
]


def press(step: Step, *choices: str) -> Step:
    for choice in choices:
        assert choice in [c["id"] for c in step.choices], (choice, step.choices)
        step = ENGINE.play(step.record, ChoiceInput(choice))
    return step


def typed(step: Step, text: str) -> Step:
    return ENGINE.play(step.record, TextInput(text))


def said(step: Step) -> list[str]:
    return [m.text for m in step.messages if m.role == "bot"]


def here(step: Step) -> tuple[str, str]:
    return step.record.flow, step.record.node


def mid_stage_3(falc: bool = False) -> Step:
    """A new coordinator in stage 3, at its second part, having answered nothing yet."""
    step = ENGINE.start("coordinateur", falc=falc)
    step = press(step, "etape-3", "essentiel", "continuer", "continuer")
    assert here(step) == ("animer", "cycle")
    assert step.progress is not None and step.progress["stage"] == 3
    return step


@pytest.mark.parametrize("text", ASKED)
def test_typed_draft_requests_open_the_summary_as_a_detour_and_come_back(text):
    before = mid_stage_3()
    seen = dict(before.record.seen)
    step = typed(before, text)
    assert here(step) == SUMMARY, (text, here(step), said(step))
    assert step.record.calls == [["animer", "cycle", "initier"]]
    assert step.progress == before.progress  # « Étape 3 sur 4 · partie 2 sur … »
    assert "revenir" in [c["id"] for c in step.choices]
    back = press(step, "revenir")
    assert here(back) == ("animer", "cycle") and back.record.calls == []
    assert back.progress == before.progress
    assert back.record.seen == seen  # the summary, in stage 1's file, marks no part seen
    assert said(back)[0] == "Vous revenez où vous en étiez."
    assert [c["id"] for c in back.choices] == [c["id"] for c in before.choices]


def test_in_easy_to_read_the_same_detour_in_easy_to_read():
    before = mid_stage_3(falc=True)
    step = typed(before, "jveux corrigé mes reponse")
    assert here(step) == SUMMARY and step.progress == before.progress
    assert "Votre brouillon est encore vide." in said(step)[0]
    labels = {c["id"]: c["label"] for c in step.choices}
    assert labels["revenir"] == "Revenir où j’étais"
    back = press(step, "revenir")
    assert here(back) == ("animer", "cycle") and back.progress == before.progress
    assert said(back)[0] == "Vous revenez là où vous étiez."
    node = CONTENT.node(("animer", "cycle"))
    assert said(back)[1:] == [m.falc for m in node.messages]


def test_with_no_answer_yet_the_summary_says_so_and_offers_to_go_back():
    step = typed(mid_stage_3(), "mon brouillon")
    text = said(step)
    assert text[0].startswith("Votre brouillon est encore vide")
    assert text[1] == "Pour continuer l’étape, revenez où vous en étiez."
    assert not any(line.startswith("Voici votre brouillon") for line in text)
    assert len(text) == 2  # nothing else: no « recopier ce brouillon » of an empty one
    assert [c["id"] for c in step.choices] == ["revenir", "modifier", "etapes", "outils"]


def test_with_answers_the_summary_shows_them_and_hides_the_next_stage():
    step = ENGINE.start("coordinateur")
    step = press(step, "etape-2")
    step.record.vars.update(duree="durable", participation="forte")
    step = typed(step, "revoir mes reponses svp")
    assert here(step) == SUMMARY
    text = said(step)
    assert text[0].startswith("Voici votre brouillon")
    # the draft's own sentences, at once, with no « Voir la suite » to press first
    assert text[1:3] == ["La CoP est une structure pérenne, pensée pour durer.",
                         "Participation : active et fréquente."]
    ids = [c["id"] for c in step.choices]
    assert ids[0] == "revenir" and "etape-2" not in ids  # in a detour, the way on is back
    assert step.draft_here  # the draft's links (HTML, Word, OpenDocument) under it
    back = press(step, "revenir")
    assert here(back) == ("modeliser", "debut")


def test_an_answer_edited_from_the_summary_then_back_to_the_step():
    before = mid_stage_3()
    step = typed(before, "je veux modifier mes reponses")
    step = press(step, "modifier", "m-etape-animer", "m-techniques")
    assert here(step) == ("initier", "modifier-techniques")
    assert step.progress == before.progress
    step = typed(step, "un photolangage et des jeux de rôle")
    step = press(step, "saisie-garder")
    assert step.record.answers["techniques"] == "un photolangage et des jeux de rôle"
    assert here(step) == ("initier", "modifier-etape-animer")
    step = press(step, "revenir")  # back to the summary, said again whole with the new words
    assert here(step) == SUMMARY
    assert any("un photolangage et des jeux de rôle" in line for line in said(step))
    step = press(step, "revenir")
    assert here(step) == ("animer", "cycle") and step.record.calls == []
    assert step.progress == before.progress


def test_where_a_button_opens_the_summary_the_typed_request_is_that_button():
    step = ENGINE.start("initier")
    record = step.record
    record.node, record.vars["duree"] = "fin", "durable"
    step = ENGINE.play(record, TextInput("mon brouillon svp"))
    assert here(step) == SUMMARY and step.record.calls == []  # « Revoir mon brouillon »


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
@pytest.mark.parametrize("start, persona", [
    ("familles", "famille"), ("familles:personne-concernee", "personne"),
    ("professionnels", "professionnel")])
def test_a_journey_without_a_draft_says_where_the_draft_is_made(start, persona, falc):
    flow, _sep, node = start.partition(":")
    record = Record(id="t", flow=flow, node=node or CONTENT.flows[flow].header.start,
                    origin=flow, content_version=CONTENT.version, falc=falc,
                    vars={"persona": persona})
    before = ENGINE.step(record, 0)
    for text in ("mon brouillon", "jveux modifier mes reponses", "ou est ma feuille de route"):
        step = ENGINE.play(record, TextInput(text))
        message = CONTENT.system["brouillon-ailleurs"]
        assert said(step) == [message.falc if falc else message.text], text
        assert here(step) == here(before) and step.record.calls == []
        assert step.choices == before.choices and not step.draft_offered
    assert "coordonnent une CoP" in message.text and "lancent une communauté" in message.falc


def test_a_coordinator_at_the_hub_with_no_answer_gets_the_empty_summary():
    step = typed(ENGINE.start("coordinateur"), "mon brouillon")
    assert here(step) == SUMMARY and step.record.calls == [["coordinateur", "parcours",
                                                           "initier"]]
    assert said(step)[0].startswith("Votre brouillon est encore vide")


def test_asked_about_among_other_places_the_draft_is_offered_first_and_opens_the_detour():
    before = mid_stage_3()
    step = typed(before, "montre moi mon brouillon")
    if here(step) != SUMMARY:  # « Vous voulez parler de… ? »: the draft first
        assert step.choices[0]["label"] == "Voir mon brouillon"
        step = press(step, step.choices[0]["id"])
    assert here(step) == SUMMARY and step.progress == before.progress
    assert here(press(step, "revenir")) == ("animer", "cycle")
