"""Document context: what a text explains is explained for every rule (falc.context)."""

from __future__ import annotations

from falc import Checker, Config
from falc.analysis import prepare
from falc.context import explained_terms


def _explained(text: str) -> frozenset[str]:
    return explained_terms(prepare(text, Config.default()))


def test_definitions_name_the_words_they_explain() -> None:
    assert "répit" in _explained("Le répit, c’est un moment de repos.")
    assert "sessad" in _explained("Le SESSAD est un service qui vient chez vous.")
    assert {"projet", "vie"} <= _explained("Le projet de vie, c’est ce que vous voulez faire.")
    assert "prestation" in _explained("Cette aide s’appelle la prestation de compensation.")


def test_the_sentence_before_ca_veut_dire_que_is_explained() -> None:
    found = _explained("L’épilepsie est pharmacorésistante.\nÇa veut dire que les "
                       "médicaments ne suffisent pas.")
    assert "pharmacorésistante" in found


def test_an_acronym_explained_one_line_earlier_is_explained(nlp_checker: Checker) -> None:
    text = "Le SESSAD est un service qui vient chez vous.\nLe SESSAD aide votre enfant."
    assert "FALC-ABBR-002" not in nlp_checker.check(text).rules()
    assert "FALC-ABBR-002" in nlp_checker.check("Le SESSAD aide votre enfant.").rules()
