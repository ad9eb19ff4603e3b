"""One message understood reads each of its texts once (`coach.engine.nlu.lexicon.reading`):
the same decisions as reading them again, and nothing typed kept after the call."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest

from coach.content.loader import load_content
from coach.engine.engine import Engine
from coach.engine.nlu import lexicon as lexicon_module
from coach.engine.nlu.lexicon import reading
from tests.conftest import CONTACT
from tests.places import record_at

ENGINE = Engine(load_content(), CONTACT)
LEXICON = ENGINE.understanding.lexicon

# Messages read clause by clause, for another persona, or again where the person is.
MESSAGES = [
    ("bonjour, c'est quoi un IME", "accueil:menu", {}),
    ("je suis orthophoniste, comment on rejoint une cop ?", "accueil:menu", {}),
    ("c'est gratuit ? et comment je m'inscris", "accueil:menu", {}),
    ("éduc spé en MAS, je m'inscris comment ?", "accueil:menu", {}),
    ("ok et je fais quoi maintenant", "accueil:menu", {}),
    ("on n'a pas d'argent, c'est payant ?", "accueil:menu", {"persona": "famille"}),
    ("je suis la tata de Noé, je peux venir moi aussi ?", "accueil:menu", {}),
    ("LSF", "familles:debut", {"persona": "famille"}),
    ("c gratuit et c ou", "trouver:debut", {}),
    ("je travaille à l'ARS, on veut financer une cop", "accueil:menu", {}),
]


def test_a_text_is_read_once_while_a_message_is_understood() -> None:
    with reading():
        first = LEXICON.query("c'est quoi une cop")
        assert LEXICON.query("c'est quoi une cop") is first
        with reading():  # a decision inside the decision (the place one is at) shares it
            assert LEXICON.query("c'est quoi une cop") is first
        assert LEXICON.query("c'est quoi un IME") is not first
    assert LEXICON.query("c'est quoi une cop") is not first
    assert LEXICON.query("c'est quoi une cop") is not LEXICON.query("c'est quoi une cop")


def test_a_text_read_once_is_read_as_when_read_again() -> None:
    with reading():
        kept = [LEXICON.query(text) for text, _at, _vars in MESSAGES]
    for query, (text, _at, _vars) in zip(kept, MESSAGES, strict=True):
        again = LEXICON.query(text)
        assert (query.norm, query.tokens, query.stems, query.weight, query.typed) == (
            again.norm, again.tokens, again.stems, again.weight, again.typed)


def test_nothing_read_outlives_the_message() -> None:
    record = record_at(ENGINE, "accueil:menu")
    ENGINE.understand(record, "bonjour, c'est quoi un IME")
    assert lexicon_module._READ.get() is None
    with pytest.raises(RuntimeError), reading():
        LEXICON.query("mon fils a 8 ans")
        raise RuntimeError
    assert lexicon_module._READ.get() is None


@contextlib.contextmanager
def each_time() -> Iterator[None]:
    yield


@pytest.mark.parametrize(("text", "at", "given"), MESSAGES)
def test_reading_once_decides_as_reading_every_time(
        text: str, at: str, given: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    record = record_at(ENGINE, at, **given)
    once = ENGINE.understand(record, text)
    monkeypatch.setattr("coach.engine.understand.reading", each_time)
    assert ENGINE.understand(record, text) == once
