"""Content tests of the `decouvrir` flow: what a CoP is, the small question with its
feedback (`idee_cop`), the 4 stages, and where to go next."""

from __future__ import annotations

import pytest

from coach.engine.engine import ChoiceInput, TextInput
from tests.content.playing import CONTENT, ENGINE, all_texts

FLOW = CONTENT.flows["decouvrir"]




def reached(step, flow, node):
    record = step.record
    if (record.flow, record.node) == (flow, node):
        return True
    return any(e[0] == "content" and (e[1], e[2]) == (flow, node) for e in record.transcript)


def at_question(falc=False):
    step = ENGINE.start("decouvrir", falc=falc)
    assert step.record.node == "debut"
    return ENGINE.play(step.record, ChoiceInput("continuer"))


def at_etapes():
    step = ENGINE.play(at_question().record, ChoiceInput("laboratoire"))
    while step.record.node != "etapes":
        step = ENGINE.play(step.record, ChoiceInput("continuer"))
    return step


def test_start_says_what_a_cop_is():
    step = ENGINE.start("decouvrir")
    said = " ".join(all_texts(step))
    assert "professionnels" in said and "familles" in said and "partenaires" in said
    assert "répertoire partagé" in said
    assert step.messages[-1].speaker["id"] == "alexandra"


def test_the_flow_stays_short():
    assert 6 <= len(FLOW.nodes) <= 10


@pytest.mark.parametrize(("answer", "first_words"), [
    ("laboratoire", "Exactement !"),
    ("information", "C’est une partie de la réponse."),
    ("sais-pas", "C’est une partie de la réponse."),
])
def test_question_feedback_depends_on_the_answer(answer, first_words):
    step = ENGINE.play(at_question().record, ChoiceInput(answer))
    said = all_texts(step)
    assert step.record.node == "laboratoire"
    assert step.record.vars["idee_cop"] == answer
    bot = [m.text for m in step.messages if m.role == "bot"]
    assert bot[0].startswith(first_words)
    assert len(bot) == 3  # one feedback, then the two shared messages
    assert any("laboratoire" in t for t in said)


def test_question_feedback_in_falc():
    step = ENGINE.play(at_question(falc=True).record, ChoiceInput("laboratoire"))
    bot = [m.text for m in step.messages if m.role == "bot"]
    assert bot[0].splitlines()[0] == "Oui, bravo."
    step = ENGINE.play(at_question(falc=True).record, TextInput("jsp"))
    assert step.record.vars["idee_cop"] == "sais-pas"
    bot = [m.text for m in step.messages if m.role == "bot"]
    assert bot[0].splitlines()[0] == "Voici la réponse."


def test_back_undoes_the_answer():
    step = ENGINE.play(at_question().record, ChoiceInput("information"))
    step = ENGINE.play(step.record, TextInput("retour"))
    assert step.record.node == "question"
    assert "idee_cop" not in step.record.vars


def test_path_covers_why_and_rare_disability_then_the_4_stages():
    step = at_etapes()
    said = " ".join(m.text for m in ENGINE.conversation(step.record).messages)
    for fact in ("briser l’isolement", "cloisonnements", "Épilepsies et Handicap",
                 "double construction", "4 étapes", "Pérenniser"):
        assert fact in said
    assert [c["id"] for c in step.choices] == ["initier", "modeliser", "animer", "perenniser",
                                               "suite"]


@pytest.mark.parametrize(("choice", "flow"), [
    ("initier", "initier"), ("modeliser", "modeliser"), ("animer", "animer"),
    ("perenniser", "perenniser"),
])
def test_each_stage_opens_its_track(choice, flow):
    step = ENGINE.play(at_etapes().record, ChoiceInput(choice))
    assert reached(step, flow, "debut")


def test_typed_stage_number_routes():
    step = ENGINE.play(at_etapes().record, TextInput("étape 2"))
    assert reached(step, "modeliser", "debut")


@pytest.mark.parametrize(("choice", "flow", "node", "persona"), [
    ("famille", "familles", "debut", "famille"),
    ("personne-concernee", "familles", "personne-concernee", "personne"),
    ("coordinateur", "coordinateur", "parcours", "coordinateur"),
    ("professionnel", "professionnels", "debut", "professionnel"),
    ("outils", "outils", "banque", None),
    ("terminer", "accueil", "conclusion", None),
    ("revenir-menu", "accueil", "menu", None),
])
def test_end_node_offers_every_track(choice, flow, node, persona):
    step = ENGINE.play(at_etapes().record, ChoiceInput("suite"))
    assert step.record.node == "fin" and step.end
    step = ENGINE.play(step.record, ChoiceInput(choice))
    assert reached(step, flow, node)
    assert step.record.vars.get("persona") == persona


def test_typed_words_at_the_end_node():
    step = ENGINE.play(at_etapes().record, ChoiceInput("suite"))
    step = ENGINE.play(step.record, TextInput("je suis maman"))
    assert reached(step, "familles", "debut")
