"""Stage 2 « Modéliser »: Patricia's place, the roles, the indicator question, the
self-check « pouvoir, vouloir, savoir participer » and its matched advice, the end of stage.

The content is read with `read_content` so that these tests check this stage even while
other flows are still being written (the hub test file checks our files have no error).
"""

from __future__ import annotations

import pytest

from coach.engine.engine import TextInput
from tests.content.playing import CONTENT, ENGINE, choice_ids, journey_texts, play, texts

TO_PATRICIA = ("modeles", "niveaux", "silos", "suite", "continuer")  # debut → participation
TO_ROLES = (*TO_PATRICIA, "oui", "roles", "suite")  # → roles-suite
TO_INDICATORS = (*TO_ROLES, "continuer", "feuille-de-route", "calendrier", "continuer")
TO_SELF_CHECK = (*TO_INDICATORS, "impact", "continuer", "prismes", "autodiagnostic")

ADVICE = {
    "vouloir": "Pour le vouloir",
    "savoir": "Pour le savoir",
    "pouvoir": "Pour le pouvoir",
}




def test_start_announces_stage_two_in_jacques_voice():
    step = ENGINE.start("modeliser")
    said = journey_texts(step)
    assert "Étape 2 sur 4 : Modéliser" in said[0]
    assert [m.speaker["id"] for m in step.messages][2:] == ["jacques", "jacques", "coach"]
    assert any("pièce du puzzle" in t for t in said)
    falc = journey_texts(ENGINE.start("modeliser", falc=True))
    assert falc[0].startswith("Étape 2 sur 4 : Organiser.")


def test_universe_models_are_authored_and_the_choice_is_kept():
    step = play(ENGINE.start("modeliser"), "modeles")
    assert CONTENT.flows["modeliser"].nodes["univers-modeles"].authored
    assert len([t for t in texts(step) if t.startswith("Exemple")]) == 2
    assert any("écrits pour le coach" in t for t in texts(step))  # not passed off as the module's
    step = play(step, "iles")
    assert step.record.vars["univers"] == "iles"
    assert any("multi-niveaux" in t for t in texts(step))


def test_silos_discussion_then_co_creation_then_validation():
    step = play(ENGINE.start("modeliser"), "modeles", "autre", "silos", "suite")
    joined = " ".join(texts(step))
    assert "co-création" in joined and "validées collectivement" in joined


def test_patricia_has_her_place_and_the_four_roles():
    step = play(ENGINE.start("modeliser"), *TO_PATRICIA)
    assert any(m.speaker["id"] == "patricia" for m in step.messages)
    step = ENGINE.play(step.record, TextInput("bien sur"))
    assert step.record.node == "place-familles"
    assert any(t.startswith("Bien sûr que vous avez votre place") for t in texts(step))
    step = play(step, "roles")
    assert any("animation principale" in t for t in texts(step))
    step = play(step, "suite")
    joined = " ".join(texts(step))
    assert "contributeurs" in joined and "évaluateurs" in joined
    step = play(step, "mon-role", "facilitateur")
    assert step.record.vars["roles"] == "facilitateur"
    assert [t for t in texts(step) if t.startswith("Noté")] == [
        "Noté : vous prendrez le rôle de facilitation thématique. Votre mission : animer un"
        " groupe de travail sur un sujet précis."]


def test_objectives_remind_the_goal_chosen_in_stage_one():
    step = play(ENGINE.start("modeliser"), *TO_ROLES, "continuer")
    assert step.record.node == "objectifs"
    assert not any("À l’étape 1" in t for t in texts(step))
    step = play(ENGINE.start("modeliser"), *TO_ROLES)
    step.record.vars["objectif"] = "coordination"  # as if chosen on card 3 of stage 1
    step = play(step, "continuer")
    assert any("À l’étape 1" in t for t in texts(step))


def test_roadmap_calendar_and_tool_link():
    step = play(ENGINE.start("modeliser"), *TO_ROLES, "continuer", "feuille-de-route")
    assert any("inclusion scolaire" in t for t in texts(step))
    step = play(step, "calendrier")
    joined = " ".join(texts(step))
    assert "Année 1" in joined and "Année 2" in joined and "Année 3" in joined
    step = play(step, "outil-feuille-de-route")
    assert (step.record.flow, step.record.node) == ("outils", "feuille-de-route")


@pytest.mark.parametrize(("answer", "right"), [("impact", True), ("volume", False)])
def test_indicator_question_feedback(answer, right):
    step = play(ENGINE.start("modeliser"), *TO_INDICATORS, answer)
    said = texts(step)
    assert any(t.startswith("Bonne réponse") for t in said) is right
    assert any(t.startswith("C’est en fait un indicateur d’impact") for t in said) is not right
    assert any("nombre de membres actifs" in t for t in said)


def self_check(vouloir, savoir, pouvoir, falc=False):
    step = play(ENGINE.start("modeliser", falc=falc), *TO_SELF_CHECK)
    assert step.record.node == "auto-vouloir"
    return play(step, vouloir, savoir, pouvoir)


def advice_given(step):
    return {lens for lens, start in ADVICE.items() if any(t.startswith(start) for t in texts(step))}


def test_self_check_all_yes_is_positive():
    step = self_check("oui", "oui", "oui")
    assert step.record.node == "auto-conseils"
    assert {k: step.record.vars[k] for k in ("vouloir", "savoir", "pouvoir")} == {
        "vouloir": "oui", "savoir": "oui", "pouvoir": "oui"}
    assert any(t.startswith("Bravo : vos membres veulent, savent et peuvent") for t in texts(step))
    assert advice_given(step) == set()


@pytest.mark.parametrize(("answers", "weak"), [
    (("non", "oui", "oui"), {"vouloir"}),
    (("oui", "non", "oui"), {"savoir"}),
    (("oui", "oui", "non"), {"pouvoir"}),
    (("non", "oui", "non"), {"vouloir", "pouvoir"}),
    (("non", "non", "non"), {"vouloir", "savoir", "pouvoir"}),
])
def test_self_check_advice_matches_the_weak_lenses(answers, weak):
    step = self_check(*answers)
    assert advice_given(step) == weak
    assert not any(t.startswith("Bravo") for t in texts(step))
    if "pouvoir" in weak:
        assert any("5 minutes" in t for t in texts(step))


def test_self_check_typed_and_in_falc():
    step = play(ENGINE.start("modeliser", falc=True), *TO_SELF_CHECK)
    step = ENGINE.play(step.record, TextInput("bof"))
    assert step.record.vars["vouloir"] == "non"
    step = ENGINE.play(step.record, TextInput("ouais"))
    step = ENGINE.play(step.record, TextInput("plutot oui"))
    assert step.record.node == "auto-conseils"
    assert any(t.startswith("Pour donner envie de participer") for t in texts(step))
    step = play(step, "refaire")
    assert step.record.node == "auto-vouloir"


def test_obstacles_lead_to_the_contributors_guide():
    step = play(ENGINE.start("modeliser"), *TO_INDICATORS, "impact", "continuer", "prismes",
                "passer")
    assert step.record.node == "freins"
    joined = " ".join(texts(step))
    assert "manque de temps" in joined and "numérique" in joined
    step = play(step, "solution")
    assert any("guide de contribution" in t for t in texts(step))
    assert next(c.target for c in CONTENT.flows["modeliser"].nodes["guide-contributeurs"].choices
                if c.id == "outil-guide") == "outils:guide-contributeurs"


def test_end_of_stage_two_goes_on_to_animer():
    step = play(ENGINE.start("modeliser"), *TO_INDICATORS, "impact", "continuer", "prismes",
                "passer", "solution", "continuer", "suite", "continuer", "continuer")
    assert step.record.node == "temoignage"
    assert [m.speaker["id"] for m in step.messages if m.role == "bot"] == ["patricia"] * 3
    assert any("acteurs de la communauté" in t for t in texts(step))
    step = play(step, "lecons", "canevas")
    assert any("Engagement" in t and "Promesse" in t for t in texts(step))
    step = play(step, "suite", "continuer")
    assert step.end and step.record.node == "fin"
    assert any(t.startswith("Étape 2 terminée") for t in texts(step))
    assert {"etape-3", "etapes", "outils"} <= set(choice_ids(step))
    step = play(step, "etape-3")
    assert (step.record.flow, step.record.node) == ("animer", "debut")
    assert step.record.vars["etape"] == 3
