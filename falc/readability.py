"""Readability formulas for French: Kandel–Moles and LIX, per text and for a corpus.

* Kandel & Moles (the French adaptation of Flesch):
  ``207 − 1.015 × words/sentences − 73.6 × syllables/words`` (higher is easier).
* LIX: ``words/sentences + 100 × long words/words``, a long word having more than
  6 letters (lower is easier).

Counts come from :mod:`falc.tokenize` and :mod:`falc.syllables`. Short messages make both
formulas unstable, so a single message is only warned about from 20 words on, and CI gates
on the *median* over all FALC texts (:func:`corpus_gate`, FALC-READ-003).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from falc.findings import Finding, Report
from falc.syllables import count_syllables
from falc.tokenize import Word, lexical_split, split_units, strip_markup, words

if TYPE_CHECKING:
    from falc.config import Config

__all__ = [
    "Stats",
    "corpus_gate",
    "kandel_moles",
    "lix",
    "scores",
    "stats_from_words",
    "text_stats",
]

_CLITICS = frozenset(
    {"ne", "n'", "se", "s'", "me", "m'", "te", "t'", "nous", "vous", "les", "leur", "lui",
     "y", "en", "le", "la", "l'"}
)
_PLURAL_SUBJECTS = frozenset({"ils", "elles", "qui"})


@dataclass(frozen=True, slots=True)
class Stats:
    """Counts behind the formulas."""

    words: int
    sentences: int
    syllables: int
    long_words: int

    @property
    def kandel_moles(self) -> float:
        if not self.words or not self.sentences:
            return 0.0
        return (
            207 - 1.015 * self.words / self.sentences - 73.6 * self.syllables / self.words
        )

    @property
    def lix(self) -> float:
        if not self.words or not self.sentences:
            return 0.0
        return self.words / self.sentences + 100 * self.long_words / self.words


_LETTER_RE = re.compile(r"[^\W\d_]")


def _letters(word: str) -> int:
    return len(_LETTER_RE.findall(word))


def guess_verb_3pl(tokens: Sequence[Word]) -> set[int]:
    """Start offsets of words ending in ``-ent`` that follow ``ils``/``elles``/``qui``.

    The pure-Python stand-in for spaCy's ``VERB`` + ``Person=3|Number=Plur``: « ils
    parlent » has a mute ending, « un moment » does not.
    """
    found: set[int] = set()
    lowered = [t.text.lower().replace("’", "'") for t in tokens]
    for i, low in enumerate(lowered):
        if not low.endswith("ent") or len(low) < 4:
            continue
        j = i - 1
        while j >= 0 and lowered[j] in _CLITICS:
            j -= 1
        if j >= 0 and lowered[j] in _PLURAL_SUBJECTS:
            found.add(tokens[i].start)
    return found


def text_stats(text: str, verb_3pl: set[int] | None = None) -> Stats:
    """Count words, sentences, syllables and long words of *text*.

    *verb_3pl*: start offsets of 3rd-person plural verbs (from spaCy); when None the
    pure-Python guess :func:`guess_verb_3pl` is used.
    """
    clean = strip_markup(text)
    unit_words = [words(text, u.start, u.end, clean) for u in split_units(text, clean)]
    return stats_from_words(unit_words, verb_3pl)


def stats_from_words(unit_words: Sequence[Sequence[Word]], verb_3pl: set[int] | None) -> Stats:
    """:func:`text_stats` from words already split into units (no re-tokenising)."""
    all_words = [w for ws in unit_words for w in ws]
    lexical = {w.start: lexical_split(w) for w in all_words}
    if verb_3pl is None:
        verb_3pl = guess_verb_3pl([p for w in all_words for p in lexical[w.start]])
    syllables = 0
    long_words = 0
    for w in all_words:
        if w.kind in ("number", "phone", "placeholder"):
            syllables += 1
            continue
        if w.kind in ("url", "email"):
            syllables += 1
            long_words += 1
            continue
        syllables += max(
            1,
            sum(
                count_syllables(p.text, p.start in verb_3pl)
                for p in lexical[w.start]
                if _letters(p.text)
            ),
        )
        if _letters(w.text) > 6:
            long_words += 1
    sentences = sum(1 for ws in unit_words if ws)
    return Stats(len(all_words), sentences, syllables, long_words)


def kandel_moles(text: str) -> float:
    """Kandel–Moles score of *text* (0 for a text without words)."""
    return round(text_stats(text).kandel_moles, 2)


def lix(text: str) -> float:
    """LIX score of *text* (0 for a text without words)."""
    return round(text_stats(text).lix, 2)


def scores(stats: Stats) -> dict[str, float]:
    """The ``scores`` mapping of a report."""
    return {
        "kandel_moles": round(stats.kandel_moles, 2),
        "lix": round(stats.lix, 2),
        "words": stats.words,
        "sentences": stats.sentences,
    }


def corpus_gate(
    reports: Iterable[Report | dict[str, float]], config: Config | None = None
) -> list[Finding]:
    """FALC-READ-003: an error when the median Kandel–Moles of the corpus is below 75
    or the median LIX above 45 (thresholds from the config).

    Accepts reports or their ``scores`` dicts; texts without words are left out. Returns
    an empty list when the corpus passes (or is empty). The finding spans ``0, 0``.
    """
    km_min = config.thresholds.km_corpus if config else 75.0
    lix_max = config.thresholds.lix_corpus if config else 45.0
    kms: list[float] = []
    lixes: list[float] = []
    for r in reports:
        s = r.scores if isinstance(r, Report) else r
        if not s.get("words"):
            continue
        kms.append(float(s["kandel_moles"]))
        lixes.append(float(s["lix"]))
    if not kms:
        return []
    km_med, lix_med = statistics.median(kms), statistics.median(lixes)
    problems = []
    if km_med < km_min:
        problems.append(f"médiane Kandel–Moles {km_med:.1f} (minimum {km_min:g})")
    if lix_med > lix_max:
        problems.append(f"médiane LIX {lix_med:.1f} (maximum {lix_max:g})")
    if not problems:
        return []
    return [
        Finding(
            "FALC-READ-003",
            "error",
            f"Les textes FALC sont trop difficiles dans leur ensemble ({len(kms)} textes) : "
            + " ; ".join(problems)
            + ".",
            "Raccourcissez les phrases (12 mots au plus) et remplacez les mots longs "
            "par des mots courts et connus, en commençant par les textes qui ont "
            "les scores les plus bas.",
            0,
            0,
        )
    ]
