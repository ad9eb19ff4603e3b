"""Where « je ne comprends pas » ends and what one does not understand begins."""

from __future__ import annotations

import pytest

from coach.engine.nlu.difficulty import after_difficulty


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
                                  "j ai pas compris le message"])
def test_only_what_the_coach_said_is_nothing_asked(text: str) -> None:
    assert after_difficulty(tokens(text)) == ()


@pytest.mark.parametrize("text", ["c est complique avec les educs",
                                  "je comprends ce que vous dites",
                                  "ma fille ne comprend pas l ecole",
                                  "je suis perdue",
                                  "comprendre la charte"])
def test_other_sentences_do_not_start_so(text: str) -> None:
    assert after_difficulty(tokens(text)) is None
