"""Where « je ne comprends pas » ends and what one does not understand begins."""

from __future__ import annotations

import pytest

from coach.engine.nlu.difficulty import (
    after_difficulty,
    after_reading_difficulty,
    asks_what_it_means,
    asks_what_was_said,
    only_question_marks,
    without_simply,
)


def tokens(text: str) -> tuple[str, ...]:
    return tuple(text.split())


@pytest.mark.parametrize(("text", "rest"), [
    ("je comprends pas ce que c est une cop", "ce que c est une cop"),
    ("je ne comprends rien a la charte", "a la charte"),
    ("moi j comprends pas du tout le cycle", "le cycle"),
    ("bon j ai rien compris a la gouvernance", "a la gouvernance"),
    ("j ai pas bien compris comment on rejoint", "comment on rejoint"),
    ("je capte rien aux indicateurs", "aux indicateurs"),
])
def test_what_follows_is_what_one_does_not_understand(text: str, rest: str) -> None:
    assert after_difficulty(tokens(text)) == tokens(rest)


@pytest.mark.parametrize("text", ["je comprends pas", "je comprends rien du tout",
                                  "je comprends pas la question",
                                  "je comprends rien a ce que vous dites",
                                  "j ai pas compris le message",
                                  # « toujours » before the negation: « pas » was read as
                                  # what one did not understand, and a parent got a list
                                  "je comprends toujours pas", "j ai toujours pas compris",
                                  "je comprend toujours rien"])
def test_only_what_the_coach_said_is_nothing_asked(text: str) -> None:
    assert after_difficulty(tokens(text)) == ()


@pytest.mark.parametrize("text", ["c est complique avec les educs",
                                  "je comprends ce que vous dites",
                                  "ma fille ne comprend pas l ecole",
                                  "je suis perdue",
                                  "comprendre la charte"])
def test_other_sentences_do_not_start_so(text: str) -> None:
    assert after_difficulty(tokens(text)) is None


@pytest.mark.parametrize(("text", "rest"), [
    ("c est quoi une cop en simple", "c est quoi une cop"),
    ("expliquez moi simplement la charte", "la charte"),
    ("c est quoi le falc avec des mots simples", "c est quoi le falc"),
    ("en simple svp", ""),
    ("plus simplement svp", ""),
])
def test_a_question_asked_simply_is_the_question(text: str, rest: str) -> None:
    assert without_simply(tokens(text)) == tokens(rest)


@pytest.mark.parametrize("text", ["simplement pour savoir si c est gratuit",
                                  "tout simplement je veux rejoindre un groupe",
                                  "comment faire simplement un questionnaire"])
def test_simply_meaning_just_is_not_asking_for_easy_words(text: str) -> None:
    assert without_simply(tokens(text)) is None


@pytest.mark.parametrize(("text", "rest"), [
    ("je lis mal", ""),
    ("j ai du mal a lire c est accessible", "c est accessible"),
    ("je sais pas lire bien", ""),
])
def test_reading_said_to_be_hard(text: str, rest: str) -> None:
    assert after_reading_difficulty(tokens(text)) == tokens(rest)


@pytest.mark.parametrize("text", ["les documents sont difficiles a lire pour les familles",
                                  "je lis les messages le soir"])
def test_reading_not_said_to_be_hard(text: str) -> None:
    assert after_reading_difficulty(tokens(text)) is None


@pytest.mark.parametrize("text", ["ca veut dire quoi", "ca veux dire quoi", "euh ca veut dire quoi",
                                  "c est a dire", "qu est ce que ca veut dire svp",
                                  "ca signifie quoi"])
def test_what_does_that_mean_alone_is_not_understanding(text: str) -> None:
    assert asks_what_it_means(tokens(text))


@pytest.mark.parametrize("text", ["ca veut dire quoi mdph", "falc ca veut dire quoi",
                                  "qu est ce que ca veut dire handicap rare",
                                  "ca veut dire quoi pair aidant svp"])
def test_what_a_word_means_is_a_question_about_the_word(text: str) -> None:
    assert not asks_what_it_means(tokens(text))


@pytest.mark.parametrize("text", ["quoi", "hein", "c est quoi", "pardon", "euh", "euh quoi",
                                  "quoi svp", "comment ca", "de quoi"])
def test_huh_alone_is_not_understanding_what_was_said(text: str) -> None:
    assert asks_what_was_said(tokens(text))


@pytest.mark.parametrize("text", ["quoi de neuf", "c est quoi une cop", "pardon pour le retard",
                                  "c est quoi le falc", "euh je cherche un groupe", "ok"])
def test_a_question_about_something_is_not_huh(text: str) -> None:
    assert not asks_what_was_said(tokens(text))


@pytest.mark.parametrize(("text", "alone"), [("?", True), (" ?? ", True), ("¿?", True),
                                             ("!!", False), ("", False), ("quoi ?", False)])
def test_question_marks_alone(text: str, alone: bool) -> None:
    assert only_question_marks(text) is alone
