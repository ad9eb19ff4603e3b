"""Stage 4 « Pérenniser »: the walk through the three keys, the evaluation and the action
plan, the defensive-routine quiz, the « where is your group? » question, the end of the
track and what people type.

The content is read with `read_content` so that these tests check this stage even while
other flows are still being written.
"""

from __future__ import annotations

import pytest

from coach.engine.engine import TextInput
from tests.content.playing import ENGINE, choice_ids, journey_texts, play, texts

# debut → fin with the first "go on" choice everywhere (no detour)
MAIN_PATH = [
    ("debut", "commencer"), ("gouvernance", "continuer"), ("gouvernance-roles", "continuer"),
    ("gouvernance-lecon", "continuer"), ("ancrage", "continuer"),
    ("ancrage-grand-est", "continuer"), ("ancrage-reseau", "continuer"),
    ("capitaliser", "continuer"), ("evaluation", "questionnaire"),
    ("questionnaire", "resultats"), ("resultats", "freins"), ("resultats-freins", "continuer"),
    ("plan", "continuer"), ("plan-1", "continuer"), ("plan-2", "continuer"),
    ("plan-3", "continuer"), ("evaluer", "continuer"), ("routines", "definition"),
    ("routines-definition", "continuer"), ("routines-briser", "continuer"),
    ("freins", "continuer"), ("freins-webinaires", "continuer"), ("groupes", "terminer"),
]




def to_theme(theme: str, falc: bool = False):
    return play(ENGINE.start("perenniser", falc=falc), "themes", theme)


def test_start_announces_stage_four_in_both_texts():
    step = ENGINE.start("perenniser")
    assert "Étape 4 sur 4 : Pérenniser" in journey_texts(step)[0]
    assert choice_ids(step) == ["essentiel", "commencer", "themes", "etapes"]
    falc = ENGINE.start("perenniser", falc=True)
    assert journey_texts(falc)[0].startswith("Étape 4 sur 4")
    assert all(t.strip() for t in texts(falc))


@pytest.mark.parametrize("falc", [False, True])
def test_main_path_walks_every_section_to_the_end(falc):
    step = ENGINE.start("perenniser", falc=falc)
    for node, choice in MAIN_PATH:
        assert step.record.node == node
        assert texts(step) and all(t.strip() for t in texts(step))
        step = play(step, choice)
    assert step.record.node == "fin" and step.end


def test_key_facts_are_said():
    said = []
    step = ENGINE.start("perenniser")
    for _node, choice in MAIN_PATH:
        said += texts(step)
        step = play(step, choice)
    said += texts(step)
    joined = "\n".join(said)
    for fact in ("comité éditorial", "Grand Est", "MDPH", "kit de formation",
                 # « temps », not « étapes »: the journey's 4 stages are its « étapes »
                 "plan d’action en 3 temps pour 2025", "tous les 2 mois",
                 "observer, contribuer de temps en temps, participer activement",
                 "Snyder et Wenger (2000)",
                 "Delphine Serre, 2008", "Kim, 1993", "Argyris, 1995", "l’adolescence"):
        assert fact in joined, fact


def test_track_end_offers_what_to_do_next():
    step = to_theme("t-fin")
    assert step.end
    # Reached by a theme, stages 1 to 3 unseen: no « Félicitations » for the 4 stages
    # (test_fin_du_parcours.py), what is left instead.
    assert not any(t.startswith("Félicitations") for t in texts(step))
    assert any(t.startswith("Vous êtes au bout de l’étape 4") for t in texts(step))
    assert any("transformation" in t for t in texts(step))
    # « Où en suis-je ? » is a button there too: the parts left (never « écrivez… »).
    assert choice_ids(step) == ["banque", "etapes", "menu-principal", "modifier",
                                "parties-restantes"]
    assert (play(step, "banque").record.flow, play(step, "banque").record.node) == (
        "outils", "banque")
    hub = play(step, "etapes")
    assert (hub.record.flow, hub.record.node) == ("coordinateur", "parcours")
    menu = play(step, "menu-principal")
    assert (menu.record.flow, menu.record.node) == ("accueil", "menu")


def test_evaluation_shows_the_questionnaire_then_the_mixed_results():
    step = to_theme("t-evaluation")
    assert texts(step)[0].startswith("Quelques mois après le lancement")
    bot = [m for m in step.messages if m.role == "bot"]
    assert bot[0].speaker["id"] == "alexandra"
    step = play(step, "questionnaire")
    assert any("Quel format vous convient le mieux" in t for t in texts(step))
    step = play(step, "resultats")
    assert "Les retours sont mitigés." in texts(step)
    step = play(step, "freins")
    assert any("asynchrones" in t for t in texts(step))
    assert any("engagement inégal" in t.lower() for t in texts(step))


@pytest.mark.parametrize(("answer", "node"), [
    ("q-oui", "routines-quiz-oui"), ("q-non", "routines-quiz-non"),
])
def test_defensive_routine_quiz(answer, node):
    step = play(to_theme("t-routines"), "definition", "exercice")
    assert step.record.node == "routines-quiz"
    step = play(step, answer)
    assert step.record.node == node
    assert any("le vrai problème reste entier" in t for t in texts(step))
    assert play(step, "continuer").record.node == "routines-briser"


@pytest.mark.parametrize(("answer", "age", "advice"), [
    ("g-enfance", "enfance", "dans l’enfance"),
    ("g-adolescence", "adolescence", "dans l’adolescence"),
    ("g-maturite", "maturite", "mature"),
    ("g-jsp", "inconnu", "Observez votre CoP"),
])
def test_where_is_your_group_gives_matched_advice(answer, age, advice):
    step = play(to_theme("t-groupes"), "quiz")
    assert step.record.node == "groupes-quiz"
    step = play(step, answer)
    assert step.record.vars["age_groupe"] == age
    assert any(advice in t for t in texts(step))
    assert play(step, "terminer").record.node == "fin"
    again = play(step, "autre")
    assert again.record.node == "groupes-quiz"


def test_changing_the_answer_changes_the_advice():
    step = play(to_theme("t-groupes"), "quiz", "g-enfance", "autre", "g-maturite")
    assert step.record.vars["age_groupe"] == "maturite"
    assert any("tout changement dans la composition" in t for t in texts(step))


@pytest.mark.parametrize(("path", "typed", "node"), [
    ((), "c'est parti", "gouvernance"),
    ((), "je reviens plus tard", "parcours"),
    (("themes",), "mdph", "ancrage"),
    (("themes",), "guide de participation", "plan"),
    (("themes",), "ou en est mon groupe", "groupes"),
    (("themes", "t-groupes", "quiz"), "ça se dispute", "groupes-adolescence"),
    (("themes", "t-groupes", "quiz"), "jsp", "groupes-jsp"),
    (("themes", "t-groupes", "quiz"), "on se decouvre", "groupes-enfance"),
    (("themes", "t-evaluation"), "sondage", "questionnaire"),
    (("themes", "t-routines"), "c koi", "routines-definition"),
    (("themes", "t-fin"), "boite a outils", "banque"),
])
def test_typed_synonyms_route(path, typed, node):
    step = play(ENGINE.start("perenniser"), *path)
    step = ENGINE.play(step.record, TextInput(typed))
    assert step.record.node == node


def test_typed_answer_sets_the_group_age():
    step = play(to_theme("t-groupes"), "quiz")
    step = ENGINE.play(step.record, TextInput("ils s'organisent seuls"))
    assert step.record.node == "groupes-maturite"
    assert step.record.vars["age_groupe"] == "maturite"
