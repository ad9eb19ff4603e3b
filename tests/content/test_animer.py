"""Stage 3 « Animer »: the branching scenario (score, consequences, debrief), the small
quizzes, the CAPSE detour, the end of the stage and what people type.

The content is read with `read_content` so that these tests check this stage even while
other flows are still being written.
"""

from __future__ import annotations

import pytest

from coach.engine.engine import ChoiceInput, TextInput
from tests.content.playing import ENGINE, choice_ids, journey_texts, play, texts

TO_SCENARIO = ("themes", "t-scenario")  # debut → sommaire → scenario
BEST = ("e1-rythme", "suivant", "e2-forum", "suivant", "e3-fiche")
POOR = ("e1-seul", "suivant", "e2-reunions", "suivant", "e3-attendre")
PARTIAL = ("e1-urgence", "suivant", "e2-plateforme", "suivant", "e3-merci")




def start_scenario(falc: bool = False):
    step = play(ENGINE.start("animer", falc=falc), *TO_SCENARIO)
    assert step.record.node == "scenario"
    step = play(step, "commencer")
    assert step.record.vars["score_scenario"] == 0
    assert step.record.node == "sc-etape1"
    return step


def test_start_announces_stage_three_in_both_texts():
    step = ENGINE.start("animer")
    assert "Étape 3 sur 4 : Animer" in journey_texts(step)[0]
    assert choice_ids(step) == ["essentiel", "commencer", "themes", "etapes"]
    falc = ENGINE.start("animer", falc=True)
    assert journey_texts(falc)[0].startswith("Étape 3 sur 4")
    assert all(t.strip() for t in texts(falc))


def test_scenario_has_three_steps_with_three_options_each():
    step = start_scenario()
    assert "Étape 1 sur 3" in journey_texts(step)[0]
    assert sorted(choice_ids(step)) == ["e1-rythme", "e1-seul", "e1-urgence"]
    step = play(step, "e1-urgence", "suivant")
    assert "Étape 2 sur 3" in journey_texts(step)[0]
    assert sorted(choice_ids(step)) == ["e2-forum", "e2-plateforme", "e2-reunions"]
    step = play(step, "e2-forum", "suivant")
    assert "Étape 3 sur 3" in journey_texts(step)[0]
    assert sorted(choice_ids(step)) == ["e3-attendre", "e3-fiche", "e3-merci"]


def test_best_path_scores_six_and_congratulates():
    step = start_scenario()
    step = play(step, "e1-rythme")
    assert any("le rendez-vous régulier crée une habitude" in t for t in texts(step))
    assert step.record.vars["score_scenario"] == 2
    step = play(step, "suivant", "e2-forum")
    assert any("vous accompagnez sa prise en main" in t for t in texts(step))
    step = play(step, "suivant", "e3-fiche")
    assert any("la maman voit que son expérience compte" in t for t in texts(step))
    step = play(step, "bilan")
    assert step.record.vars["score_scenario"] == 6
    assert "Félicitations, vous avez complété votre mission ! Votre score : 6 sur 6." in texts(step)
    assert any("sans-faute" in t for t in texts(step))
    assert not any("pièges fréquents" in t for t in texts(step))


def test_poor_path_shows_each_consequence_and_reaches_the_debrief():
    step = start_scenario()
    step = play(step, "e1-seul")
    assert any("les membres n’ont pas leur mot à dire" in t for t in texts(step))
    assert any("Ce n’est pas le bon choix" in t for t in texts(step))
    step = play(step, "suivant", "e2-reunions")
    assert any("entre 2 réunions, il ne se passe rien" in t for t in texts(step))
    step = play(step, "suivant", "e3-attendre")
    assert any("la contribution reste invisible" in t for t in texts(step))
    step = play(step, "bilan")
    assert step.record.vars["score_scenario"] == 0
    assert any("Votre score : 0 sur 6." in t for t in texts(step))
    assert any("pièges fréquents" in t for t in texts(step))
    # the debrief, in three parts, then the planning tools
    step = play(step, "bilan")
    assert step.record.node == "sc-bilan-rencontres"
    assert any("équilibre entre un cadre qui structure" in t for t in texts(step))
    assert any("événements réguliers" in t for t in texts(step))
    step = play(step, "continuer")
    assert any("barrières technologiques" in t for t in texts(step))
    step = play(step, "continuer")
    assert any("freins à la capitalisation" in t for t in texts(step))
    assert choice_ids(step) == ["continuer", "rejouer", "etapes"]
    step = play(step, "continuer")
    assert step.record.node == "planning"
    assert choice_ids(step) == ["retroplanning", "matrice", "continuer", "etapes"]


def test_partial_path_scores_three():
    step = play(start_scenario(), *PARTIAL)
    assert any("C’est un choix en partie bon" in t for t in texts(step))
    step = play(step, "bilan")
    assert step.record.vars["score_scenario"] == 3
    assert any("Votre score : 3 sur 6." in t for t in texts(step))
    assert any("De bons réflexes" in t for t in texts(step))


def test_replaying_the_scenario_resets_the_score():
    step = play(start_scenario(), *BEST, "bilan", "bilan", "continuer", "continuer")
    assert step.record.vars["score_scenario"] == 6
    step = play(step, "rejouer", "commencer")
    assert step.record.vars["score_scenario"] == 0
    step = play(step, *POOR, "bilan")
    assert step.record.vars["score_scenario"] == 0


def test_going_back_undoes_a_scenario_answer():
    step = play(start_scenario(), "e1-rythme")
    assert step.record.vars["score_scenario"] == 2
    step = ENGINE.play(step.record, ChoiceInput("retour"))
    assert step.record.node == "sc-etape1"
    assert step.record.vars["score_scenario"] == 0


def test_scenario_in_falc_shows_the_score():
    step = play(start_scenario(falc=True), *BEST, "bilan")
    assert any("Votre score : 6 sur 6." in t for t in texts(step))
    assert any("meilleurs choix aux 3 étapes" in t for t in texts(step))


@pytest.mark.parametrize(("answer", "node", "expected"), [
    ("q-exterioriser", "cycle-quiz-ok", "Bonne réponse"),
    ("q-internaliser", "cycle-quiz-non", "Pas tout à fait"),
])
def test_cycle_quiz(answer, node, expected):
    step = play(ENGINE.start("animer"), "commencer", "continuer", "continuer", "continuer")
    assert step.record.node == "internalisation"
    step = play(step, "exercice", answer)
    assert step.record.node == node
    assert any(expected in t and "extériorisation" in t for t in texts(step))
    step = play(step, "continuer")
    assert step.record.node == "role"


@pytest.mark.parametrize(("answer", "node", "expected"), [
    ("q-coulisses", "posture-ok", "Exactement, c’est en coulisses"),
    ("q-scene", "posture-non", "C’est plutôt en coulisses"),
])
def test_posture_quiz(answer, node, expected):
    step = play(ENGINE.start("animer"), "themes", "t-emerger", "pieges", "continuer")
    assert step.record.node == "posture"
    step = play(step, "exercice", answer)
    assert step.record.node == node
    assert any(expected in t for t in texts(step))
    assert play(step, "continuer").record.node == "outils"


def test_the_four_traps_are_cards_with_a_way_on():
    step = play(ENGINE.start("animer"), "themes", "t-emerger", "pieges")
    seen = []
    for card in ("p-situationnel", "p-proactivite", "p-routines", "p-ennemi"):
        step = play(step, card)
        seen += texts(step)
        assert choice_ids(step) == ["autre", "continuer"]
        step = play(step, "autre")
    assert any("Kim, 1993" in t for t in seen)
    assert any("Senge, 1995" in t for t in seen)


def test_the_nine_techniques_deck_leads_to_the_scenario():
    step = play(ENGINE.start("animer"), "themes", "t-outils", "continuer", "voir")
    titles = []
    while "suivante" in choice_ids(step):
        titles.append(texts(step)[0].split(",")[0])
        step = play(step, "suivante")
    titles.append(texts(step)[0].split(",")[0])
    assert titles == [f"Technique {n}" for n in range(1, 10)]
    assert play(step, "scenario").record.node == "scenario"


def test_capse_returns_to_where_it_was_opened():
    # from the animator's levers: CAPSE, then on to « faire émerger »
    step = play(ENGINE.start("animer"), "themes", "t-savoirs", "continuer", "continuer",
                "continuer", "continuer", "continuer", "capse")
    assert any("3 sessions de 4 ateliers" in t and "Rennes, Angers et Nantes" in t
               for t in texts(step))
    step = play(step, "continuer")
    assert "continuer" in choice_ids(step) and "terminer" not in choice_ids(step)
    assert play(step, "continuer").record.node == "emerger"
    # from the field report: CAPSE, then the end of the stage
    step = play(ENGINE.start("animer"), "themes", "t-retex", "continuer", "continuer", "capse",
                "continuer")
    assert "terminer" in choice_ids(step) and "continuer" not in choice_ids(step)
    assert play(step, "terminer").record.node == "fin"


def test_field_report_keeps_the_three_questions():
    step = play(ENGINE.start("animer"), "themes", "t-retex")
    assert any("démarche d’évaluation en 5 étapes" in t for t in texts(step))
    step = play(step, "continuer", "continuer")
    assert step.record.node == "retex-questions"
    assert any("Que pouvons-nous mesurer réellement" in t for t in texts(step))


def test_end_of_stage_goes_on_to_stage_four_and_sets_etape():
    step = play(ENGINE.start("animer"), "themes", "t-fin")
    assert step.end
    assert any("Étape 3 terminée" in t for t in texts(step))
    assert choice_ids(step) == ["etape4", "etapes", "banque", "modifier"]
    on = play(step, "etape4")
    assert (on.record.flow, on.record.node) == ("perenniser", "debut")
    assert on.record.vars["etape"] == 4
    hub = play(step, "etapes")
    assert (hub.record.flow, hub.record.node) == ("coordinateur", "parcours")
    bank = play(step, "banque")
    assert (bank.record.flow, bank.record.node) == ("outils", "banque")


def test_planning_opens_the_two_tools():
    step = play(ENGINE.start("animer"), "themes", "t-scenario", "passer")
    assert step.record.node == "planning"
    assert play(step, "retroplanning").record.node == "retroplanning"
    assert play(step, "matrice").record.node == "matrice"


@pytest.mark.parametrize(("path", "typed", "node"), [
    ((), "c'est parti", "savoirs-tacites"),
    ((), "pause", "parcours"),
    (("themes",), "ecoute active", "outils"),
    (("themes",), "capse", "capse"),
    (("themes", "t-emerger", "pieges"), "senge", "piege-ennemi"),
    (("themes", "t-outils", "continuer"), "non merci", "scenario"),
    (("themes", "t-outils", "continuer", "voir"), "la suite", "tech-ecoute"),
    (("themes", "t-emerger", "pieges", "continuer", "exercice"), "en coulisse", "posture-ok"),
    (("themes", "t-scenario", "passer"), "calendrier", "retroplanning"),
])
def test_typed_synonyms_route(path, typed, node):
    step = play(ENGINE.start("animer"), *path)
    step = ENGINE.play(step.record, TextInput(typed))
    assert step.record.node == node


def test_typed_answers_in_the_scenario_score_like_buttons():
    step = ENGINE.play(start_scenario().record, TextInput("tous les mois"))
    assert step.record.node == "sc-e1-rythme"
    assert step.record.vars["score_scenario"] == 2
    step = ENGINE.play(step.record, TextInput("etape 2"))
    step = ENGINE.play(step.record, TextInput("pas d'outil"))
    assert step.record.node == "sc-e2-reunions"
    assert step.record.vars["score_scenario"] == 2
    step = ENGINE.play(step.record, TextInput("suite"))
    step = ENGINE.play(step.record, TextInput("je la remercie"))
    assert step.record.node == "sc-e3-merci"
    assert step.record.vars["score_scenario"] == 3


def test_typed_go_on_at_the_end_sets_the_stage():
    step = play(ENGINE.start("animer"), "themes", "t-fin")
    step = ENGINE.play(step.record, TextInput("etape 4"))
    assert (step.record.flow, step.record.node) == ("perenniser", "debut")
    assert step.record.vars["etape"] == 4
