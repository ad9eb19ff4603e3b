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

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

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


# fuzz.ratio is 200·common/(len(a)+len(b)): it reaches FUZZY_CUTOFF only between lengths
# within these bounds, so longer or shorter phrases need not be compared at all.
_SHORTEST = FUZZY_CUTOFF / (200.0 - FUZZY_CUTOFF)
_LONGEST = (200.0 - FUZZY_CUTOFF) / FUZZY_CUTOFF


def fuzzy_lengths(length: int) -> tuple[int, int]:
    """The lengths a phrase may have to be ≥ FUZZY_CUTOFF similar to a text this long."""
    return math.ceil(length * _SHORTEST - 1e-9), math.floor(length * _LONGEST + 1e-9)


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
    shortest, longest = fuzzy_lengths(len(query.norm))
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
        if (len(query.norm) <= FUZZY_MAX_LENGTH and len(phrase.norm) >= 4
                and shortest <= len(phrase.norm) <= longest):
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
        # The phrases by length, for the fuzzy pass (only close lengths can be similar).
        self._by_length = sorted(range(len(self.norms)), key=lambda i: (len(self.norms[i]), i))
        self._lengths = [len(self.norms[i]) for i in self._by_length]
        self._sorted_norms = [self.norms[i] for i in self._by_length]
        self.weights = [lexicon.phrase_weight(phrase) for phrase in self.phrases]
        self.sizes = [len(phrase.stems) for phrase in self.phrases]
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
        postings = self.postings
        count = Counter(chain.from_iterable(postings[item] for item in query.stems
                                            if item in postings))
        sizes = self.sizes
        tallies: dict[str, _Tally] = {}
        for index, hits in count.items():
            key = self.keys[index]
            if key in results:
                continue
            size = sizes[index]
            if hits == size:
                tallies.setdefault(key, _Tally()).cover(self.phrases[index], query, lexicon)
            elif hits > 1 or size == 2:
                found = lexicon.weight(self.phrases[index].stems & query.stems)
                score = _partial(found, self.weights[index], query)
                if score:
                    tally = tallies.setdefault(key, _Tally())
                    tally.best = max(tally.best, score)
        if len(query.norm) <= FUZZY_MAX_LENGTH:
            shortest, longest = fuzzy_lengths(len(query.norm))
            low = bisect_left(self._lengths, shortest)
            high = bisect_right(self._lengths, longest)
            for _norm, ratio, position in process.extract(
                    query.norm, self._sorted_norms[low:high], scorer=fuzz.ratio,
                    score_cutoff=FUZZY_CUTOFF, limit=8):
                index = self._by_length[low + position]
                key = self.keys[index]
                if key not in results and len(self.norms[index]) >= 4:
                    tally = tallies.setdefault(key, _Tally())
                    tally.best = max(tally.best, fuzzy_score(ratio))
        for key, tally in tallies.items():
            score = tally.finish(query, lexicon)
            if score > 0:
                results[key] = score
        return results


class OptionIndex:
    """Several options (a key and its few phrases), each scored exactly as `score_phrases`
    would score it, in one pass over an index built once (the commands; a node's choices)."""

    def __init__(self, lexicon: Lexicon, options: Sequence[tuple[str, Sequence[Phrase]]]) -> None:
        self.lexicon = lexicon
        self.keys: list[str] = []
        self.phrases: list[Phrase] = []
        for key, phrases in options:
            for phrase in phrases:
                self.keys.append(key)
                self.phrases.append(phrase)
        self.exact: dict[str, list[str]] = {}
        self.postings: dict[str, list[int]] = {}
        self.bare: list[int] = []  # phrases of function words only (« je sais pas »)
        for index, phrase in enumerate(self.phrases):
            self.exact.setdefault(phrase.norm, []).append(self.keys[index])
            if phrase.stems:
                for item in phrase.stems:
                    self.postings.setdefault(item, []).append(index)
            elif len(phrase.norm) > 2:
                self.bare.append(index)
        fuzzy = [i for i, p in enumerate(self.phrases) if len(p.norm) >= 4]
        self._by_length = sorted(fuzzy, key=lambda i: (len(self.phrases[i].norm), i))
        self._lengths = [len(self.phrases[i].norm) for i in self._by_length]

    def scores(self, query: Query) -> dict[str, float]:
        lexicon = self.lexicon
        results = dict.fromkeys(self.exact.get(query.norm, ()), EXACT)
        tallies: dict[str, _Tally] = {}
        count: dict[int, int] = {}
        found: dict[int, float] = {}
        for item in query.stems:
            weight = lexicon.idf.get(item, UNKNOWN_WEIGHT)
            for index in self.postings.get(item, ()):
                count[index] = count.get(index, 0) + 1
                found[index] = found.get(index, 0.0) + weight
        for index, hits in count.items():
            key = self.keys[index]
            if key in results:
                continue
            phrase = self.phrases[index]
            tally = tallies.setdefault(key, _Tally())
            if hits == len(phrase.stems):
                tally.cover(phrase, query, lexicon)
            elif len(phrase.stems) > 1:
                tally.best = max(tally.best, _partial(found[index],
                                                      lexicon.phrase_weight(phrase), query))
        if self.bare:
            alone = not query.stems - NEGATION
            for index in self.bare:
                key = self.keys[index]
                if key not in results and self.phrases[index].norm in query.grams:
                    tally = tallies.setdefault(key, _Tally())
                    tally.best = max(tally.best, FUNCTION_WORDS_ALONE if alone
                                     else FUNCTION_WORDS_ONLY)
        if len(query.norm) <= FUZZY_MAX_LENGTH:
            shortest, longest = fuzzy_lengths(len(query.norm))
            for index in self._by_length[bisect_left(self._lengths, shortest):
                                         bisect_right(self._lengths, longest)]:
                key = self.keys[index]
                if key in results:
                    continue
                ratio = fuzz.ratio(query.norm, self.phrases[index].norm,
                                   score_cutoff=FUZZY_CUTOFF)
                if ratio:
                    tally = tallies.setdefault(key, _Tally())
                    tally.best = max(tally.best, fuzzy_score(ratio))
        for key, tally in tallies.items():
            score = tally.finish(query, lexicon)
            if score > 0:
                results[key] = score
        return results
