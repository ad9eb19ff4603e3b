"""How well typed text matches phrases: same text, same content words, close spelling.

Scores are in [0, 1] before context priors:
  1.0            the text is the phrase (in the shared spelling);
  0.80 – 0.99    the text is the phrase with a typo or two (whole-string similarity ≥ 90 %);
  0.45 – 0.97    every content word of one or more phrases is in the text; the more of the
                 text those words cover (weighted by rarity), the higher, mostly by the best
                 single phrase, partly by all of them together; +0.05 in order;
  0.35 – 0.70    a phrase is half there (weak: enough to ask, never to go).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from coach.engine.nlu.lexicon import NEGATION, UNKNOWN_WEIGHT, Lexicon, Phrase, Query

EXACT = 1.0
FUZZY_CUTOFF = 90.0
FUZZY_MAX_LENGTH = 48
COVER_BASE, COVER_SPAN, IN_ORDER = 0.45, 0.45, 0.05
PARTIAL_BASE, PARTIAL_SPAN = 0.35, 0.35
FUNCTION_WORDS_ONLY, FUNCTION_WORDS_ALONE = 0.55, 0.9
COVER_MAX = 0.97
# How much the words covered by several phrases together count, against the best phrase.
UNION = 0.35
# A long message says several things (who one is, a name, the context, the question): a
# place is judged on how much of it it explains, up to this weight (about four rare words),
# not on the share of the whole message.
LONG_WEIGHT = 12.0


def fuzzy_score(ratio: float) -> float:
    return EXACT - (100.0 - ratio) * 0.02


@dataclass
class _Tally:
    best: float = 0.0
    covered: frozenset[str] = frozenset()
    single: float = 0.0
    in_order: bool = False

    def cover(self, phrase: Phrase, query: Query, lexicon: Lexicon) -> None:
        self.covered = self.covered | phrase.stems
        self.single = max(self.single, lexicon.phrase_weight(phrase))
        self.in_order = self.in_order or phrase.norm in query.grams

    def finish(self, query: Query, lexicon: Lexicon) -> float:
        if self.covered and query.weight:
            union = lexicon.weight(self.covered)
            share = min(1.0, (UNION * union + (1 - UNION) * self.single)
                        / min(query.weight, LONG_WEIGHT))
            self.best = max(self.best, min(COVER_MAX, COVER_BASE + COVER_SPAN * share
                                           + (IN_ORDER if self.in_order else 0.0)))
        return self.best


def _partial(found: float, whole: float, query: Query) -> float:
    """A phrase half there or more: `found` of its `whole` weight is in the text."""
    if found * 2 < whole or not query.weight:
        return 0.0
    return PARTIAL_BASE + PARTIAL_SPAN * (found / whole) * min(
        1.0, found / min(query.weight, LONG_WEIGHT))


def score_phrases(query: Query, phrases: Iterable[Phrase], lexicon: Lexicon) -> float:
    """One option against its few phrases (the current choices, the commands)."""
    tally = _Tally()
    for phrase in phrases:
        if phrase.norm == query.norm:
            return EXACT
        if phrase.stems:
            hits = phrase.stems & query.stems
            if hits == phrase.stems:
                tally.cover(phrase, query, lexicon)
            elif hits and len(phrase.stems) > 1:
                tally.best = max(tally.best, _partial(
                    lexicon.weight(hits), lexicon.phrase_weight(phrase), query))
        elif len(phrase.norm) > 2 and phrase.norm in query.grams:
            # « je sais pas » in « je sais pas trop » is the answer; in a longer sentence, a hint.
            alone = not query.stems - NEGATION
            tally.best = max(tally.best, FUNCTION_WORDS_ALONE if alone else FUNCTION_WORDS_ONLY)
        if len(query.norm) <= FUZZY_MAX_LENGTH and len(phrase.norm) >= 4:
            ratio = fuzz.ratio(query.norm, phrase.norm, score_cutoff=FUZZY_CUTOFF)
            if ratio:
                tally.best = max(tally.best, fuzzy_score(ratio))
    return tally.finish(query, lexicon)


class PhraseSet:
    """Many phrases, each leading to a key (a place), indexed once by stem and by text."""

    def __init__(self, lexicon: Lexicon, entries: Sequence[tuple[str, Phrase]]) -> None:
        self.lexicon = lexicon
        unique = list(dict.fromkeys(entries))
        self.keys = [key for key, _phrase in unique]
        self.phrases = [phrase for _key, phrase in unique]
        self.norms = [phrase.norm for phrase in self.phrases]
        self.weights = [lexicon.phrase_weight(phrase) for phrase in self.phrases]
        self.exact: dict[str, list[int]] = {}
        self.postings: dict[str, list[int]] = {}
        for index, phrase in enumerate(self.phrases):
            self.exact.setdefault(phrase.norm, []).append(index)
            for item in phrase.stems:
                self.postings.setdefault(item, []).append(index)

    def scores(self, query: Query) -> dict[str, float]:
        lexicon = self.lexicon
        results: dict[str, float] = {}
        for index in self.exact.get(query.norm, ()):
            results[self.keys[index]] = EXACT
        count: dict[int, int] = {}
        found: dict[int, float] = {}
        for item in query.stems:
            weight = lexicon.idf.get(item, UNKNOWN_WEIGHT)
            for index in self.postings.get(item, ()):
                count[index] = count.get(index, 0) + 1
                found[index] = found.get(index, 0.0) + weight
        tallies: dict[str, _Tally] = {}
        for index, hits in count.items():
            key = self.keys[index]
            if key in results:
                continue
            phrase = self.phrases[index]
            if hits == len(phrase.stems):
                tallies.setdefault(key, _Tally()).cover(phrase, query, lexicon)
            elif hits > 1 or len(phrase.stems) == 2:
                score = _partial(found[index], self.weights[index], query)
                if score:
                    tally = tallies.setdefault(key, _Tally())
                    tally.best = max(tally.best, score)
        if len(query.norm) <= FUZZY_MAX_LENGTH:
            for _norm, ratio, index in process.extract(
                    query.norm, self.norms, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF,
                    limit=8):
                key = self.keys[index]
                if key not in results and len(self.norms[index]) >= 4:
                    tally = tallies.setdefault(key, _Tally())
                    tally.best = max(tally.best, fuzzy_score(ratio))
        for key, tally in tallies.items():
            score = tally.finish(query, lexicon)
            if score > 0:
                results[key] = score
        return results
