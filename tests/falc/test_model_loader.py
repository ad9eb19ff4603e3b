"""The fast model loader gives spaCy's analyses; parses are cached by sentence."""

from __future__ import annotations

import re
import sys

import pytest

from falc import Checker
from falc import nlp as falc_nlp
from falc.model_loader import compact_token_match

# The same tokens as ``spacy.load("fr_core_news_sm")`` (checked on the 2,971 distinct
# sentences of the dialogues and of these tests: same tokens, tags, parses and lemmas).
TOKENS = [
    ("co-construire une démarche médico-sociale", ["co-construire", "une", "démarche",
                                                   "médico-sociale"]),
    ("Voulez-vous lire les e-mails ?", ["Voulez", "-vous", "lire", "les", "e-mails", "?"]),
    ("Est-elle là aujourd'hui ?", ["Est-elle", "là", "aujourd'hui", "?"]),
    ("Compte-t-elle sur l'aide ?", ["Compte-t-elle", "sur", "l'", "aide", "?"]),
    ("Faites un sans-faute au rendez-vous.", ["Faites", "un", "sans-faute", "au",
                                              "rendez-vous", "."]),
]


@pytest.mark.parametrize(("text", "tokens"), TOKENS)
def test_tokenizer_keeps_spacy_french_tokens(
    nlp_checker: Checker, text: str, tokens: list[str]
) -> None:
    assert [t.text for t in falc_nlp.get_nlp().tokenizer(text)] == tokens


def test_lemmas_and_tags_come_from_the_model(nlp_checker: Checker) -> None:
    (doc,) = falc_nlp.parse(["Les membres veulent partager leurs savoirs."])
    assert [t.lemma_ for t in doc] == ["le", "membre", "vouloir", "partager", "leur", "savoir",
                                       "."]
    assert [t.pos_ for t in doc][:4] == ["DET", "NOUN", "VERB", "VERB"]
    assert doc[2].dep_ == "ROOT"


def test_the_french_tokenizer_module_is_left_real(nlp_checker: Checker) -> None:
    """Others in the process get spaCy's real French exceptions (compiled on first use)."""
    module = sys.modules.get("spacy.lang.fr.tokenizer_exceptions")
    assert module is None or hasattr(module, "_hyphen_prefix")


def test_compact_token_match_rewrites_letter_classes() -> None:
    letters = "a-z\\u00e0-\\u00ff"
    pattern = f"(?iu)(?:^anti[-‐][{letters}][-‐{letters}'’]*$)|(?:^[{letters}]+-t-[{letters}]+$)"
    compact = compact_token_match(pattern, (letters,))
    assert letters not in compact
    match = re.compile(compact).match
    assert match("anti-âge") and match("Anti-Âge-x") and match("a-t-il")
    assert not match("anti-") and not match("antiâge") and not match("anti-1")


def test_any_letter_matches_what_alpha_lower_matches_in_french() -> None:
    from spacy.lang.char_classes import ALPHA_LOWER

    spacy_class = re.compile(f"(?iu)[{ALPHA_LOWER}]")
    ours = re.compile(r"(?iu)[^\W\d_]")
    french = "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœæ"
    for char in french + french.upper() + "0123456789 _-'’.,;:!?«»()":
        assert bool(spacy_class.match(char)) == bool(ours.match(char)), char


def test_parses_are_cached_by_sentence(nlp_checker: Checker) -> None:
    first = falc_nlp.parse(["Vous lisez le guide.", "Bonjour."])
    again = falc_nlp.parse(["Bonjour.", "Vous lisez le guide."])
    assert again[0] is first[1] and again[1] is first[0]
    # tagging reuses a full parse; a new text is tagged without parse nor lemmas
    assert falc_nlp.tag(["Bonjour."])[0] is first[1]
    (tagged,) = falc_nlp.tag(["Patricia rencontre Alexandra à Rennes."])
    assert tagged[0].pos_ == "PROPN" and not tagged.has_annotation("DEP")
    falc_nlp.clear_cache()
    assert falc_nlp.parse(["Bonjour."])[0] is not first[1]


def test_spacy_command_line_is_left_real(nlp_checker: Checker) -> None:
    import spacy
    import spacy.cli

    assert hasattr(spacy.cli, "download") and callable(spacy.info)


def test_one_blas_thread_only_inside_the_block(nlp_checker: Checker) -> None:
    from threadpoolctl import threadpool_info

    from falc.blas import one_thread

    def blas_threads() -> list[int]:
        return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]

    before = blas_threads()
    assert before, "numpy's BLAS should be visible to threadpoolctl"
    with one_thread():
        assert blas_threads() == [1] * len(before)
    assert blas_threads() == before


def test_any_failure_of_the_fast_path_falls_back_to_spacy_load(
    nlp_checker: Checker, monkeypatch: pytest.MonkeyPatch
) -> None:
    import spacy

    from falc import model_loader

    def broken(name: str, exclude: tuple[str, ...]) -> None:
        raise ValueError("a model this loader does not know")

    calls: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(model_loader, "_fast_load", broken)
    monkeypatch.setattr(spacy, "load", lambda name, exclude: calls.append((name, exclude)))
    model_loader.load_pipeline("fr_core_news_sm", ("ner",))
    assert calls == [("fr_core_news_sm", ["ner"])]
