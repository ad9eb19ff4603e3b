"""Stage 1 « Initier »: the key-question cards, the seven-profile quiz, the draft, typed text.

The content is read with `read_content` so that these tests check this stage even while
other flows are still being written (the hub test file checks our files have no error).
"""

from __future__ import annotations

import pytest

from coach.engine.engine import ChoiceInput, TextInput
from tests.content.playing import CONTENT, ENGINE, choice_ids, journey_texts, play, texts

TO_CARDS = ("continuer", "diagnostic", "deja", "retours", "continuer")  # debut → ambassadeurs
TO_QUIZ = (*TO_CARDS, "passer", "commencer")  # → profil-1, score initialised
RIGHT = ("oui", "non", "oui", "non", "oui", "non", "oui")  # 4 in, 3 out, in this order




def test_start_announces_stage_one():
    step = ENGINE.start("initier")
    assert "Étape 1 sur 4 : Initier" in journey_texts(step)[0]
    falc = ENGINE.start("initier", falc=True)
    assert journey_texts(falc)[0].startswith("Étape 1 sur 4 : Commencer.")
    assert "etapes" in choice_ids(step)  # back to the hub at any natural point


def test_leo_feedback_depends_on_the_first_step_chosen():
    step = play(ENGINE.start("initier"), "continuer", "diagnostic")
    assert any("Bonne intuition" in t for t in texts(step))
    step = play(ENGINE.start("initier"), "continuer", "reunion")
    assert not any("Bonne intuition" in t for t in texts(step))
    assert any("objectiver les besoins" in t for t in texts(step))


def test_needs_form_is_authored_and_offered():
    step = play(ENGINE.start("initier"), "continuer", "sais-pas", "formulaire")
    assert step.record.node == "formulaire"
    assert CONTENT.flows["initier"].nodes["formulaire"].authored
    assert any("Quelles situations" in t for t in texts(step))


def test_key_question_cards_show_question_then_answer_then_store_the_choice():
    step = play(ENGINE.start("initier"), *TO_CARDS, "commencer")
    assert step.record.node == "carte-duree"
    assert any("Carte 1 sur 6" in t for t in texts(step))
    assert choice_ids(step) == ["voir-reponse"]  # the question first, the answer on demand
    step = play(step, "voir-reponse")
    assert any("temporaire" in t and "pérenne" in t for t in texts(step))
    step = play(step, "durable")
    assert step.record.vars["duree"] == "durable"
    step = play(step, "voir-reponse")
    assert any("partage de pratiques" in t for t in texts(step))
    step = play(step, "problemes", "voir-reponse")
    assert any("résultats concrets" in t for t in texts(step))
    step = play(step, "coordination")
    assert any("Carte 4 sur 6" in t for t in texts(step))
    step = play(step, "voir-reponse", "forte", "voir-reponse")
    assert any("combien de membres" in t for t in texts(step))
    step = play(step, "petit-mixte", "voir-reponse")
    assert any("ouverte à tout le monde, ou restreinte" in t for t in texts(step))
    step = play(step, "restreinte")
    assert step.record.node == "bilan-cartes"
    assert {k: step.record.vars[k] for k in
            ("duree", "nature", "objectif", "participation", "composition", "adhesion")} == {
        "duree": "durable", "nature": "problemes", "objectif": "coordination",
        "participation": "forte", "composition": "petit-mixte", "adhesion": "restreinte"}


def test_typed_answers_on_a_card():
    step = play(ENGINE.start("initier"), *TO_CARDS, "commencer")
    step = ENGINE.play(step.record, TextInput("tourner la carte"))
    assert step.record.node == "duree-reponse"
    step = ENGINE.play(step.record, TextInput("pour longtemps"))
    assert step.record.vars["duree"] == "durable"
    step = ENGINE.play(step.record, ChoiceInput("voir-reponse"))
    step = ENGINE.play(step.record, TextInput("jsp"))
    assert step.record.vars["nature"] == "a-definir"


def test_typed_doubt_routes():
    step = play(ENGINE.start("initier"), "continuer")
    step = ENGINE.play(step.record, TextInput("jsp"))
    assert step.record.node == "diagnostic"
    assert step.record.vars["premier_pas"] == "inconnu"


def test_profiles_quiz_perfect_score():
    step = play(ENGINE.start("initier"), *TO_QUIZ)
    assert step.record.vars["score_profils"] == 0
    assert any("Profil 1 sur 7" in t for t in texts(step))
    for number, answer in enumerate(RIGHT, start=1):
        step = play(step, answer)
        assert step.record.node == f"profil-{number}-retour"
        assert any(t.startswith("Bonne réponse") for t in texts(step))
        assert step.record.vars["score_profils"] == number
        step = play(step, "score" if number == 7 else "suivant")
    assert step.record.node == "qui-score"
    assert "Votre score : 7 sur 7." in texts(step)
    assert any("sans-faute" in t for t in texts(step))
    assert not any(t.startswith("À retenir") for t in texts(step))


def test_profiles_quiz_with_mistakes_gives_feedback_and_score():
    step = play(ENGINE.start("initier"), *TO_QUIZ)
    step = play(step, "oui")  # associations: right
    assert any(t.startswith("Bonne réponse") for t in texts(step))
    step = play(step, "suivant", "oui")  # curious people: wrong
    said = texts(step)
    assert "Pas tout à fait : ce profil n’a pas sa place dans la CoP." in said
    assert any("curiosité" in t for t in said)  # the reason is given for wrong answers too
    assert step.record.vars["score_profils"] == 1
    step = play(step, "suivant", "non")  # support professionals: wrong
    assert "Pas tout à fait : ce profil a sa place dans la CoP." in texts(step)
    assert any("éducateurs" in t or "terrain" in t for t in texts(step))
    for answer in ("non", "oui", "non", "oui"):  # the last 4 right
        step = play(step, "suivant", answer)
    step = play(step, "score")
    said = texts(step)
    assert "Votre score : 5 sur 7." in said
    assert any(t.startswith("À retenir : 4 profils ont leur place") for t in said)
    assert any(t.startswith("3 profils n’ont pas leur place") for t in said)
    step = play(step, "refaire")
    assert step.record.node == "profil-1" and step.record.vars["score_profils"] == 0


def test_profiles_quiz_in_falc_and_typed():
    step = play(ENGINE.start("initier", falc=True), *TO_QUIZ)
    step = ENGINE.play(step.record, TextInput("il a sa place"))
    assert step.record.vars["score_profils"] == 1
    step = play(step, "suivant")
    step = ENGINE.play(step.record, TextInput("nan"))
    assert step.record.vars["score_profils"] == 2
    for answer in RIGHT[2:]:
        step = play(step, "suivant", answer)
    step = play(step, "score")
    assert "Votre score : 7 sur 7." in texts(step)


def test_back_undoes_a_quiz_answer():
    step = play(ENGINE.start("initier"), *TO_QUIZ, "oui")
    assert step.record.vars["score_profils"] == 1
    step = ENGINE.play(step.record, ChoiceInput("retour"))
    assert step.record.node == "profil-1" and step.record.vars["score_profils"] == 0


@pytest.mark.parametrize(("theme", "gouvernance"), [
    ("inclusion-scolaire", "co-animation"), ("soins-specialises", "partagee")])
def test_leo_advice_records_theme_and_governance(theme, gouvernance):
    step = play(ENGINE.start("initier"), *TO_CARDS, "passer", "passer", "conseils")
    assert any("inclusion scolaire" in t for t in texts(step))
    step = play(step, theme, gouvernance)
    assert step.record.vars["theme"] == theme
    assert step.record.vars["gouvernance"] == gouvernance
    assert step.record.node == "conseil-espaces"


def test_end_of_stage_and_draft():
    step = play(ENGINE.start("initier"), *TO_CARDS, "commencer",
                "voir-reponse", "temporaire", "voir-reponse", "pratiques",
                "voir-reponse", "savoirs-familles", "voir-reponse", "faible",
                "voir-reponse", "large-mixte", "voir-reponse", "ouverte",
                "continuer", "passer", "conseils", "inclusion-scolaire", "animateur-principal",
                "continuer", "suite", "continuer", "suite", "continuer", "suite", "charte")
    assert "outil-charte" in choice_ids(step)
    assert next(c.target for c in CONTENT.flows["initier"].nodes["charte"].choices
                if c.id == "outil-charte") == "outils:charte"
    step = play(step, "continuer", "continuer")
    assert step.end and step.record.node == "fin"
    assert "Vous avez aussi répondu aux 6 questions clés pour votre projet." in texts(step)
    assert not any("profils" in t for t in texts(step))  # the exercise was passed
    assert {"etape-2", "etapes", "outils", "brouillon"} <= set(choice_ids(step))
    assert texts(step)[1] == ("Dans cette étape, vous avez passé sans le voir : Qui fait partie"
                              " d’une CoP ? Ce n’est pas compté comme vu ; vous pouvez y revenir"
                              " quand vous voulez.")  # the exercise was passed
    step = play(step, "brouillon")
    said = texts(step)  # every answer at once, in the draft's own words and order
    assert said[1:-1] == [
        "Premier pas choisi : un diagnostic des besoins.",
        "La CoP est une initiative temporaire, pour répondre à un besoin ponctuel.",
        "La CoP est centrée sur le partage de pratiques professionnelles.",
        "Objectif : reconnaître et structurer les savoirs expérientiels des familles et des"
        " aidants.",
        "Première thématique : l’inclusion scolaire.",
        "Gouvernance : une seule personne anime et coordonne la CoP.",
        "Participation : légère, selon les disponibilités de chacun.",
        "Composition : un large réseau aux profils variés.",
        "Adhésion : ouverte à tous."]
    step = play(step, "etape-2")
    assert (step.record.flow, step.record.node) == ("modeliser", "debut")
    assert step.record.vars["etape"] == 2


# From the start to the end of stage 1 on the short path: cards and profiles passed.
SHORT_TO_END = ("essentiel", "diagnostic", "deja", "retours", "continuer", "passer-court",
                "conseils", "inclusion-scolaire", "animateur-principal", "continuer", "suite",
                "continuer", "suite", "continuer", "suite", "charte", "continuer", "continuer")
CARD_ANSWERS = ("voir-reponse", "temporaire", "voir-reponse", "pratiques",
                "voir-reponse", "savoirs-familles", "voir-reponse", "faible",
                "voir-reponse", "large-mixte", "voir-reponse", "ouverte")
AFTER_CARDS_TO_END = ("continuer", "passer", "conseils", "inclusion-scolaire",
                      "animateur-principal", "continuer", "suite", "continuer", "suite",
                      "continuer", "suite", "charte", "continuer", "continuer")
AFTER_QUIZ_TO_END = ("continuer", "conseils", "inclusion-scolaire", "animateur-principal",
                     "continuer", "suite", "continuer", "suite", "continuer", "suite", "charte",
                     "continuer", "continuer")


# Said at the end of stage 1 when the cards were passed (`skip: true`): not seen.
CARDS_PASSED = {False: "Dans cette étape, vous avez passé sans le voir : Les 6 questions clés.",
                True: "Dans cette étape, vous avez passé : Les 6 questions."}


def without_passed(said: list[str], falc: bool) -> str:
    """What the end of the stage says, but the line naming the parts passed."""
    return " ".join(text for text in said if not text.startswith(CARDS_PASSED[falc]))


@pytest.mark.parametrize("falc", [False, True])
def test_end_of_stage_one_says_only_what_the_short_path_did(falc):
    step = play(ENGINE.start("initier", falc=falc), *SHORT_TO_END)
    assert step.record.node == "fin"
    said = without_passed(texts(step), falc)
    assert "profils" not in said and "questions" not in said and "membres" not in said
    assert "Vous connaissez la charte." in said if falc else "la charte" in said
    assert texts(step)[1].startswith(CARDS_PASSED[falc])  # the cards were passed


@pytest.mark.parametrize("falc", [False, True])
def test_end_of_stage_one_says_what_the_draft_holds_on_either_path(falc):
    """The draft's parts of the 6 cards are named only when the cards were answered; passed,
    they are « À compléter » in the draft, and the closing message says so."""
    short = " ".join(texts(play(ENGINE.start("initier", falc=falc), *SHORT_TO_END)))
    full = " ".join(texts(play(ENGINE.start("initier", falc=falc), *TO_CARDS, "commencer",
                               *CARD_ANSWERS, *AFTER_CARDS_TO_END)))
    assert "la durée, la nature" not in short and "À compléter" in short
    assert "Vous avez passé les cartes." in short if falc else (
        "l’étape 1 : les besoins, les thèmes et la gouvernance." in short)
    assert "À compléter" not in full and "passé les cartes" not in full
    if not falc:
        assert "l’étape 1 : les besoins, la durée, la nature" in full
    draft = " ".join(texts(play(ENGINE.start("initier", falc=falc), *SHORT_TO_END,
                                "brouillon")))
    assert "Durée" not in draft  # the draft's stage 1 has no line of the cards


@pytest.mark.parametrize("falc", [False, True])
def test_end_of_stage_one_names_the_profiles_once_the_exercise_is_done(falc):
    step = play(ENGINE.start("initier", falc=falc), *TO_QUIZ, *RIGHT[:1])
    for answer in RIGHT[1:]:
        step = play(step, "suivant", answer)
    step = play(step, "score", *AFTER_QUIZ_TO_END)
    assert step.record.node == "fin"
    said = without_passed(texts(step), falc)
    assert "profils" in said
    assert "questions" not in said  # the cards were passed: said only as passed
    assert any(text.startswith(CARDS_PASSED[falc]) for text in texts(step))
