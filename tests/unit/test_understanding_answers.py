"""Answers typed at a real step, in the person's own words (coach.engine.nlu.answers): hedges
(« je pense », « plutôt », « pour moi c'est »), ordinals said with a hedge, a contrast (« pas
X, Y », « non pas X », « Y, pas X »), a bare yes or no with filler, a choice named by its own
word rather than a place elsewhere in the content; typos, SMS, no accents; in standard French
and in easy-to-read (the FALC labels differ: « Pendant les réunions » is « En scène »)."""

from __future__ import annotations

import pytest

from coach.content.loader import load_content
from coach.engine.engine import Engine, Step, TextInput
from coach.engine.nlu.answers import contrasted
from tests.places import record_at

ENGINE = Engine(load_content())
COORDINATOR = {"persona": "coordinateur"}
FALC = pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])


def typed(place: str, text: str, falc: bool = False, **variables: object) -> Step:
    record = record_at(ENGINE, place, falc, **(variables or COORDINATOR))
    return ENGINE.play(record, TextInput(text))


def where(step: Step) -> str:
    return f"{step.record.flow}:{step.record.node}"


@FALC
@pytest.mark.parametrize(("text", "place"), [
    ("en scène je pense", "animer:posture-non"),
    ("en scene je pense", "animer:posture-non"),
    ("pendant les reunions je crois", "animer:posture-non"),  # its easy-to-read label
    ("plutôt en coulisses", "animer:posture-ok"),
    ("je dirais hors des réunions", "animer:posture-ok"),
    ("pour moi c'est en coulisse", "animer:posture-ok"),
])
def test_a_hedged_answer_is_the_choice_not_the_page_about_the_posture(
        text: str, place: str, falc: bool) -> None:
    # « scène » is also a word of the page on the posture (« animer:posture »): at the quiz,
    # the answer that says it is the choice.
    assert where(typed("animer:posture-quiz", text, falc)) == place


@pytest.mark.parametrize(("text", "place"), [
    ("je dirais internaliser", "animer:cycle-quiz-non"),
    ("c'est l'exteriorisation non?", "animer:cycle-quiz-ok"),
    ("pour moi c'est mettre en mots", "animer:cycle-quiz-ok"),
    ("apprendre en faisant je pense", "animer:cycle-quiz-non"),
])
def test_a_quiz_answer_with_a_hedge_or_a_tag_is_the_answer(text: str, place: str) -> None:
    assert where(typed("animer:cycle-quiz", text)) == place


def test_a_question_at_a_quiz_is_not_an_answer() -> None:
    step = typed("animer:cycle-quiz", "c'est quoi l'internalisation ?")
    assert where(step) != "animer:cycle-quiz-non"


@pytest.mark.parametrize(("place", "text", "expected"), [
    ("animer:pieges", "la 3e je pense", "animer:piege-routines"),
    ("animer:pieges", "la deuxieme je crois", "animer:piege-proactivite"),
    ("animer:posture-quiz", "la 1ere je pense", "animer:posture-non"),
    ("animer:cycle-quiz", "plutot la 2eme je dirais", "animer:cycle-quiz-non"),
    # A position and the words of a choice: the words name it (« la dernière » étape, not
    # the last button).
    ("coordinateur:parcours", "la derniere, pour que ça dure dans le temps",
     "perenniser:debut"),
])
def test_an_ordinal_said_with_a_hedge(place: str, text: str, expected: str) -> None:
    assert where(typed(place, text)) == expected


@FALC
@pytest.mark.parametrize(("place", "text", "expected"), [
    ("animer:internalisation", "pas d'exercice, on continue", "animer:role"),
    ("animer:internalisation", "pas d'exo", "animer:role"),
    ("animer:posture-quiz", "dans l'ombre, pas devant le groupe", "animer:posture-ok"),
    ("animer:posture-quiz", "non pas en scène", "animer:posture-ok"),
    ("animer:posture-quiz", "pas pendant les réunions, en dehors", "animer:posture-ok"),
    ("initier:qui-intro", "pas envie de l'exercice on saute", "initier:enjeux-secteur"),
    ("initier:retours", "pas continuer, revenir aux étapes", "coordinateur:parcours"),
])
def test_a_contrast_refuses_the_choice_it_names(place: str, text: str, expected: str,
                                                 falc: bool) -> None:
    assert where(typed(place, text, falc)) == expected


@FALC
def test_the_person_is_the_one_with_a_disability_not_the_child(falc: bool) -> None:
    family = {"persona": "famille"}
    step = typed("familles:debut", "c moi qui suis handicapée pas mon fils", falc, **family)
    assert where(step) == "familles:personne-concernee"
    step = typed("familles:debut", "en fait cest moi ki suis handicapee, pas mon fils", falc,
                 **family)
    assert where(step) == "familles:personne-concernee"


@pytest.mark.parametrize("text", ["jai pas le temps", "je n'ai pas le temps",
                                  "pas le temps"])
def test_a_verb_s_negation_or_a_choice_said_with_pas_is_no_contrast(text: str) -> None:
    assert where(typed("familles:debut", text, persona="famille")) == "familles:formats"


def test_contrasted_words() -> None:
    assert contrasted("c moi qui suis handicapée pas mon fils") == ["mon", "fils"]
    assert contrasted("pas d'exercice, on continue") == ["d", "exercice"]
    assert contrasted("non pas en scène mais en coulisses") == ["en", "scene"]
    assert contrasted("en coulisses plutôt que devant le groupe") == ["devant", "le", "groupe"]
    for verb in ("je n'ai pas le temps", "jai pas le temps", "on vient pas aux réunions",
                 "je pense pas"):
        assert contrasted(verb) == [], verb


@FALC
@pytest.mark.parametrize(("place", "text", "expected"), [
    ("initier:qui-intro", "ouais vas y", "initier:profil-1"),
    ("initier:qui-intro", "oui vas y", "initier:profil-1"),
    ("initier:qui-intro", "bof non", "initier:enjeux-secteur"),
    ("animer:internalisation", "bof non", "animer:role"),
    ("animer:internalisation", "un petit exo oui", "animer:cycle-quiz"),
    ("animer:internalisation", "oui un petit exo", "animer:cycle-quiz"),
    ("perenniser:routines-quiz", "non c'est normal de changer de sujet",
     "perenniser:routines-quiz-non"),
    ("familles:accessibilite", "ça marche, la suite", "familles:roles"),
    ("initier:bilan-cartes", "allez, l'exo sur les membres quand meme", "initier:qui-intro"),
])
def test_yes_and_no_with_filler(place: str, text: str, expected: str, falc: bool) -> None:
    variables = {"persona": "personne"} if place.startswith("familles") else {
        "persona": "coordinateur", "chemin": "court"}
    assert where(typed(place, text, falc, **variables)) == expected


@pytest.mark.parametrize(("text", "value"), [("bof non", "non"), ("ouais carrément", "oui"),
                                             ("euh non je pense pas", "non"),
                                             ("oui je pense", "oui")])
def test_a_yes_or_no_with_filler_is_recorded(text: str, value: str) -> None:
    step = typed("modeliser:auto-savoir", text)
    assert where(step) == "modeliser:auto-pouvoir"
    assert step.record.vars.get("savoir") == value


@pytest.mark.parametrize(("place", "text", "expected"), [
    ("difficultes:tensions", "et la charte ?", "initier:charte"),
    ("modeliser:mon-role", "moi ce sera l'animation principale forcement",
     "modeliser:mon-role-retour"),
    ("modeliser:calendrier", "montre moi l'outil", "outils:feuille-de-route"),
    ("familles:hesitation", "je vais commencer par observer alors", "familles:conseil"),
])
def test_a_choice_named_by_its_own_words_wins_over_a_place_elsewhere(
        place: str, text: str, expected: str) -> None:
    assert where(typed(place, text)) == expected


def test_thanks_stay_thanks_where_a_choice_says_merci_c_est_tout() -> None:
    step = typed("familles:questions", "merci", persona="famille")
    assert where(step) == "familles:questions"
