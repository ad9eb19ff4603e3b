"""Tier 3: word frequencies from ``wordfreq``'s French data (Zipf scale).

Why frequency: a word most people meet every day is a word most readers know. Zipf 3.0
is about the 30,000th word, 3.8 about the 10,000th. Frequent is not easy, though
(« notamment » is 5.38): the curated formal-word list of the config covers that.
Inflected forms are rarer than their lemma, so the larger of the two counts.
The data is CC BY-SA 4.0 (wordfreq); it ships inside the package, nothing is downloaded.
"""

from __future__ import annotations

import re
from functools import lru_cache

from falc.nlp import warn_once

__all__ = ["available", "word_zipf", "zipf", "zipf_en"]


@lru_cache(maxsize=1)
def available() -> bool:
    """True when wordfreq is installed (warns once otherwise)."""
    try:
        import wordfreq  # noqa: F401
    except ImportError:
        warn_once(
            "wordfreq",
            "falc : wordfreq n'est pas installé ; le niveau 3 (mots rares) est désactivé.",
        )
        return False
    return True


@lru_cache(maxsize=131072)
def zipf(word: str) -> float:
    """Zipf frequency of *word* in French (0 when unknown or without wordfreq)."""
    if not word or not available():
        return 0.0
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word.lower(), "fr"))


@lru_cache(maxsize=65536)
def zipf_en(word: str) -> float:
    """Zipf frequency of *word* in English (for anglicisms)."""
    if not word or not available():
        return 0.0
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word.lower(), "en"))


_CLITIC_SUFFIX_RE = re.compile(
    r"-(?:t-)?(?:vous|nous|moi|toi|le|la|les|lui|leur|en|y|on|il|elle)$"
)
_DEINFLECT = (
    ("s", ""), ("x", ""), ("es", ""), ("e", ""), ("ées", "er"), ("ée", "er"), ("és", "er"),
    ("é", "er"), ("ez", "er"), ("ent", "er"), ("ons", "er"), ("ait", "er"), ("aient", "er"),
    ("ais", "er"), ("ions", "er"), ("iez", "er"), ("issez", "ir"), ("issons", "ir"),
    ("issent", "ir"), ("issait", "ir"), ("issaient", "ir"), ("it", "ir"), ("is", "ir"),
    ("it", "ire"), ("isez", "ire"), ("isons", "ire"), ("isent", "ire"), ("ivez", "ire"),
    ("ivons", "ire"), ("ivent", "ire"), ("ent", "re"), ("ez", "re"), ("ons", "re"),
)


def _fallback_lemmas(form: str) -> list[str]:
    """Cheap de-inflection (the small spaCy model's lemmas are sometimes wrong, and tier 2
    may be absent): plural, feminine, regular verb endings, imperative clitics."""
    low = _CLITIC_SUFFIX_RE.sub("", form.lower())
    out = [low] if low != form.lower() else []
    for suffix, repl in _DEINFLECT:
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            out.append(low[: -len(suffix)] + repl)
    return out


@lru_cache(maxsize=65536)
def word_zipf(form: str, lemma: str | None = None) -> float:
    """``max(zipf(form), zipf(lemma))``, also trying simple de-inflections of the form
    (the small spaCy model sometimes returns a wrong lemma)."""
    best = zipf(form)
    candidates = [lemma, *_fallback_lemmas(form)]
    for cand in candidates:
        if cand:
            best = max(best, zipf(cand))
    return best


def is_capitals_word(token: str, use_lexicon: bool = True) -> bool:
    """True when an all-caps token is an ordinary word in capitals (« TRÈS », « URGENT »)
    rather than an acronym (« MDPH », « CDI »): its lower-case form is a common French
    word with a vowel (short tokens must be very common, since « cv » or « cdi » are
    frequent too), or it carries an accent."""
    low = token.lower()
    if not any(c in "aeiouyàâäéèêëîïôöùûüÿœæ" for c in low):
        return False
    if any(c in "ÀÂÄÉÈÊËÎÏÔÖÙÛÜŸÇŒÆ" for c in token):
        return True
    if not use_lexicon or not available():
        return len(low) >= 5 and sum(c in "aeiouy" for c in low) >= 2
    threshold = 4.5 if len(low) <= 4 else 3.5
    return (zipf(low) if len(low) <= 4 else word_zipf(low)) >= threshold
