"""Tier 2: spaCy with ``fr_core_news_sm``, loaded lazily, once per process.

Why lazy and cached: loading the model costs seconds (most of it is spaCy compiling the
French tokenizer exceptions), so it happens on first use only and is shared by every
:class:`falc.Checker`. When spaCy or the model is missing, one warning says so and the
rules use their regular-expression fallbacks (tier 1).
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Sequence
from typing import Any

__all__ = ["MODEL", "FalcTierWarning", "get_nlp", "is_available", "parse", "reset", "warn_once"]

MODEL = "fr_core_news_sm"
#: Pipes the rules use: tagging and morphology (mood, tense, number words, ``PROPN`` for
#: proper nouns), the parser (passive, clauses) and lemmas (word lists, frequency). The
#: NER pipe is left out: it doubled parsing time, and ``PROPN``, capitals and the project
#: allow-list find the proper nouns the rules need.
KEEP_PIPES = ("tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer")

_lock = threading.Lock()
_nlp: Any = None
_tried = False


class FalcTierWarning(UserWarning):
    """A tier of the checker is not installed; the checker goes on without it."""


_warned_keys: set[str] = set()


def warn_once(key: str, message: str) -> None:
    """Emit *message* as a :class:`FalcTierWarning` once per process and *key*."""
    if key in _warned_keys:
        return
    _warned_keys.add(key)
    warnings.warn(message, FalcTierWarning, stacklevel=3)


def get_nlp() -> Any | None:
    """The shared spaCy pipeline, or None (with one warning) when it cannot be loaded."""
    global _nlp, _tried
    if _tried:
        return _nlp
    with _lock:
        if _tried:
            return _nlp
        try:
            import spacy

            nlp = spacy.load(MODEL, exclude=["ner", "senter"])
            for name in list(nlp.pipe_names):
                if name not in KEEP_PIPES:
                    nlp.disable_pipe(name)
            _nlp = nlp
        except (ImportError, OSError) as exc:
            _nlp = None
            warn_once(
                "nlp",
                "falc : l'analyse grammaticale (spaCy avec le modèle "
                f"{MODEL}) n'est pas disponible ({type(exc).__name__}). Le niveau 2 est "
                "désactivé : voix passive, modes, propositions et nombres en lettres sont "
                "vérifiés par des expressions régulières, moins précises. "
                "Installez-la avec : pip install 'coach-cop[nlp]'.",
            )
        _tried = True
    return _nlp


def is_available() -> bool:
    """True when tier 2 can run (loads the model if needed)."""
    return get_nlp() is not None


def parse(texts: Sequence[str]) -> list[Any]:
    """spaCy docs for *texts* (one ``nlp.pipe`` over the distinct texts), or an empty
    list without tier 2. Repeated sentences are parsed once and share their doc."""
    nlp = get_nlp()
    if nlp is None:
        return []
    unique = list(dict.fromkeys(texts))
    docs = dict(zip(unique, nlp.pipe(unique, batch_size=256), strict=True))
    return [docs[t] for t in texts]


def reset(model: str | None = None) -> None:
    """Forget the loaded pipeline (tests use it to simulate a missing model)."""
    global _nlp, _tried, MODEL
    with _lock:
        _nlp = None
        _tried = False
        _warned_keys.discard("nlp")
        if model is not None:
            MODEL = model
