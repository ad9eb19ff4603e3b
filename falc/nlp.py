"""Tier 2: spaCy with ``fr_core_news_sm``, loaded lazily, once per process.

Why lazy and cached: loading the model costs about a second even with
:mod:`falc.model_loader` (``spacy.load`` took 4 s, most of it compiling the French
tokenizer exceptions), so it happens on first use only and is shared by every
:class:`falc.Checker`. When spaCy or the model is missing, one warning says so and the
rules use their regular-expression fallbacks (tier 1).

Parsed sentences are cached by text (texts repeat: « Bonne réponse ! », and the pair check
meets the FALC sentences again), and :func:`tag` runs only the tagger for callers that need
parts of speech alone (proper nouns of FALC-PAIR-002).
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Sequence
from typing import Any

__all__ = [
    "MODEL",
    "FalcTierWarning",
    "clear_cache",
    "get_nlp",
    "is_available",
    "parse",
    "reset",
    "tag",
    "warn_once",
]

MODEL = "fr_core_news_sm"
#: Pipes the rules use: tagging and morphology (mood, tense, number words, ``PROPN`` for
#: proper nouns), the parser (passive, clauses) and lemmas (word lists, frequency). The
#: NER pipe is left out: it doubled parsing time, and ``PROPN``, capitals and the project
#: allow-list find the proper nouns the rules need.
KEEP_PIPES = ("tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer")
#: What :func:`tag` runs: parts of speech and morphology, no parse, no lemmas.
TAG_PIPES = ("tok2vec", "morphologizer")
#: Parsed sentences kept by text (a short sentence's doc weighs a few kilobytes).
CACHE_SIZE = 20_000
BATCH_SIZE = 256

_lock = threading.Lock()
_nlp: Any = None
_tried = False
_parsed: dict[str, Any] = {}  # unit text -> doc with every pipe of KEEP_PIPES
_tagged: dict[str, Any] = {}  # unit text -> doc with TAG_PIPES only


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
            from falc.model_loader import load_pipeline

            nlp = load_pipeline(MODEL, exclude=("ner", "senter"))
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


def _run(nlp: Any, texts: list[str], pipes: Sequence[str]) -> list[Any]:
    """Docs of *texts* through *pipes* (in pipeline order), batched, on one BLAS thread."""
    from falc.blas import one_thread

    # spaCy's French tokenizer splits elisions on ' only: « qu’ils » would stay one token
    # and its verb go unseen. Same length, so character offsets stay those of *texts*.
    docs: Any = (nlp.make_doc(t.replace("’", "'")) for t in texts)
    for name, proc in nlp.pipeline:
        if name in pipes:
            docs = proc.pipe(docs, batch_size=BATCH_SIZE)
    with one_thread():
        return list(docs)


def _remember(cache: dict[str, Any], texts: list[str], docs: list[Any]) -> None:
    if len(cache) + len(texts) > CACHE_SIZE:
        cache.clear()
    cache.update(zip(texts, docs, strict=True))


def _cached(
    texts: Sequence[str], cache: dict[str, Any], pipes: Sequence[str], reuse: dict[str, Any]
) -> list[Any]:
    """Docs of *texts*: from *cache* or *reuse*, else run *pipes* once per distinct text."""
    nlp = get_nlp()
    if nlp is None:
        return []
    found: dict[str, Any] = {}
    for text in dict.fromkeys(texts):
        doc = cache.get(text)
        if doc is None:
            doc = reuse.get(text)
        if doc is not None:
            found[text] = doc
    todo = [t for t in dict.fromkeys(texts) if t not in found]
    if todo:
        docs = _run(nlp, todo, pipes)
        found.update(zip(todo, docs, strict=True))
        _remember(cache, todo, docs)
    return [found[t] for t in texts]


def parse(texts: Sequence[str]) -> list[Any]:
    """spaCy docs for *texts* (one batched run over the texts not seen yet), or an empty
    list without tier 2. Repeated texts are parsed once and share their doc."""
    return _cached(texts, _parsed, KEEP_PIPES, {})


def tag(texts: Sequence[str]) -> list[Any]:
    """Like :func:`parse` but with parts of speech and morphology only (no dependencies,
    no lemmas): about half the cost. A text already parsed reuses its full parse."""
    return _cached(texts, _tagged, TAG_PIPES, _parsed)


def clear_cache() -> None:
    """Forget the parsed sentences."""
    _parsed.clear()
    _tagged.clear()


def reset(model: str | None = None) -> None:
    """Forget the loaded pipeline (tests use it to simulate a missing model)."""
    global _nlp, _tried, MODEL
    with _lock:
        _nlp = None
        _tried = False
        _warned_keys.discard("nlp")
        clear_cache()
        if model is not None:
            MODEL = model
