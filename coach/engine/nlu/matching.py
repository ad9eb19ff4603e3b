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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from coach.engine.nlu.french import singular
from coach.engine.nlu.lexicon import MAX_GRAM, NEGATION, UNKNOWN_WEIGHT, Lexicon, Phrase, Query

EXACT = 1.0
FUZZY_CUTOFF = 90.0
FUZZY_MAX_LENGTH = 48
# The closest spellings kept per group of phrases.
FUZZY_LIMIT = 8
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
            self.best = max(self.best, _cover(lexicon.weight(self.covered), self.single,
                                              self.in_order, query))
        return self.best


def _cover(union: float, single: float, in_order: bool, query: Query) -> float:
    """Phrases all there: `union` of the text's weight by all, `single` by the best one."""
    share = min(1.0, (UNION * union + (1 - UNION) * single) / min(query.weight, LONG_WEIGHT))
    return min(COVER_MAX, COVER_BASE + COVER_SPAN * share + (IN_ORDER if in_order else 0.0))


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
    """Many phrases in groups (a group: phrases each leading to a key, a place), indexed once
    by stem, by text and by length, and scored in one pass for every group at once.

    Each group is scored as if it were alone (its own exact texts, covers, partial phrases
    and its own eight closest spellings). Each typed stem is a bit, a phrase's hits are the
    bits of its stems, and a phrase is covered when its hits are all its stems.

    Per typed text, a phrase is visited only when it can score: most phrases that share a
    stem with a text share only that one, and then only a phrase of one stem (covered) or
    a phrase of two stems whose typed one weighs half of it (partial) scores; these are
    listed per stem once, by key (`_whole`, `_halves`). A phrase that holds two typed stems
    or more is found through the pairs of its stems (`_pairs`), then scored by its bits.
    """

    def __init__(self, lexicon: Lexicon,
                 groups: Sequence[Sequence[tuple[str, Phrase]]]) -> None:
        self.lexicon = lexicon
        self.groups = len(groups)
        self.keys: list[str] = []
        self.group_of: list[int] = []
        self.phrases: list[Phrase] = []
        for group, entries in enumerate(groups):
            for key, phrase in dict.fromkeys(entries):
                self.keys.append(key)
                self.group_of.append(group)
                self.phrases.append(phrase)
        self.norms = [phrase.norm for phrase in self.phrases]
        # « phrase in the text, in order »: the padded phrase, or None when it cannot be.
        self.padded = [f" {norm} " if norm and norm.count(" ") < MAX_GRAM else None
                       for norm in self.norms]
        # The phrases by length, then group, for the fuzzy pass (only close lengths can be
        # similar; within a group, the order of a group alone).
        self._by_length = sorted(range(len(self.norms)),
                                 key=lambda i: (len(self.norms[i]), self.group_of[i], i))
        self._lengths = [len(self.norms[i]) for i in self._by_length]
        self._sorted_norms = [self.norms[i] for i in self._by_length]
        self.weights = [lexicon.phrase_weight(phrase) for phrase in self.phrases]
        self.sizes = [len(phrase.stems) for phrase in self.phrases]
        self.exact: dict[str, list[int]] = {}
        for index, phrase in enumerate(self.phrases):
            self.exact.setdefault(phrase.norm, []).append(index)
        # The same phrases read in the singular (`singular`): « c'est quand les réunions » is
        # the phrase « c'est quand la réunion » typed, not a phrase that only shares a word.
        self.exact_singular: dict[str, list[int]] = {}
        for index, phrase in enumerate(self.phrases):
            self.exact_singular.setdefault(singular(phrase.norm), []).append(index)
        self._whole = self._by_stem_whole()
        self._halves = self._by_stem_halves()
        self._pairs = self._by_pair()
        self._paired = frozenset(item for phrase in self.phrases if len(phrase.stems) > 1
                                 for item in phrase.stems)
        # What the scoring loop reads of a phrase, in one tuple.
        self._infos = list(zip(self.group_of, self.keys, self.sizes, self.weights, self.padded,
                               strict=True))
        self._spellings = _Spellings(self._sorted_norms)

    def _by_stem_whole(self) -> dict[str, list[tuple[int, str, float, tuple[str, ...]]]]:
        """Per stem, the keys with phrases of that one stem (covered when it is typed): the
        group, the key, their best weight, and their padded texts (in order or not)."""
        found: dict[str, dict[tuple[int, str], tuple[float, tuple[str, ...]]]] = {}
        for index, phrase in enumerate(self.phrases):
            if self.sizes[index] != 1:
                continue
            (item,) = phrase.stems
            by_key = found.setdefault(item, {})
            place = (self.group_of[index], self.keys[index])
            weight, grams = by_key.get(place, (0.0, ()))
            gram = self.padded[index]
            by_key[place] = (max(weight, self.weights[index]),
                             (*grams, gram) if gram is not None else grams)
        return {item: [(group, key, weight, grams)
                       for (group, key), (weight, grams) in by_key.items()]
                for item, by_key in found.items()}

    def _by_stem_halves(self) -> dict[str, list[tuple[int, str, float, float, str]]]:
        """Per stem, the phrases of two stems that this one alone makes half there (a
        partial score): the group, the key, the stem's weight, the span of the partial score
        (PARTIAL_SPAN times the share of the phrase's weight), and the phrase's other stem
        (both typed: the phrase is read through its pair instead)."""
        idf = self.lexicon.idf
        found: dict[str, list[tuple[int, str, float, float, str]]] = {}
        for index, phrase in enumerate(self.phrases):
            if self.sizes[index] != 2:
                continue
            weight = self.weights[index]
            first, second = phrase.stems
            for item, other in ((first, second), (second, first)):
                alone = idf.get(item, UNKNOWN_WEIGHT)
                if alone * 2 >= weight:  # else less than half there: never a score
                    found.setdefault(item, []).append(
                        (self.group_of[index], self.keys[index], alone,
                         PARTIAL_SPAN * (alone / weight), other))
        return found

    def _by_pair(self) -> dict[str, dict[str, list[int]]]:
        """The phrases of two stems or more, by each pair of their stems (the first stem of
        a pair sorts before the second)."""
        pairs: dict[str, dict[str, list[int]]] = {}
        for index, phrase in enumerate(self.phrases):
            ordered = sorted(phrase.stems)
            for position, first in enumerate(ordered):
                for second in ordered[position + 1:]:
                    pairs.setdefault(first, {}).setdefault(second, []).append(index)
        return pairs

    def scores(self, query: Query) -> list[dict[str, float]]:
        """Per group, the score of each key the text may lead to."""
        results: list[dict[str, float]] = [{} for _group in range(self.groups)]
        keys, group_of = self.keys, self.group_of
        exact = self._typed(query.norm)
        if exact:
            for index in exact:
                results[group_of[index]][keys[index]] = EXACT
        bits, stem_weights = _bits(query, self.lexicon.idf)
        # covered stems (bits), best single phrase weight, in order, best other score
        tallies: list[dict[str, list[Any]]] = [{} for _group in range(self.groups)]
        text = f" {query.norm} "
        cap = min(query.weight, LONG_WEIGHT)
        whole, halves = self._whole, self._halves
        for item, bit in bits.items():
            for group, key, weight, grams in whole.get(item, ()):
                if exact and key in results[group]:
                    continue
                tally = tallies[group].get(key)
                if tally is None:
                    tallies[group][key] = [bit, weight, _any_in(grams, text), 0.0]
                else:
                    tally[0] |= bit
                    if weight > tally[1]:
                        tally[1] = weight
                    if not tally[2]:
                        tally[2] = _any_in(grams, text)
            if not query.weight:
                continue
            for group, key, found, span, other in halves.get(item, ()):
                if other in bits or (exact and key in results[group]):
                    continue  # both stems typed: read through the pair, below
                ratio = found / cap
                score = PARTIAL_BASE + span * (1.0 if ratio >= 1.0 else ratio)
                tally = tallies[group].get(key)
                if tally is None:
                    tallies[group][key] = [0, 0.0, False, score]
                elif score > tally[3]:
                    tally[3] = score
        infos, phrases = self._infos, self.phrases
        for index in self._sharing_two(bits):
            group, key, size, weight, gram = infos[index]
            if exact and key in results[group]:
                continue
            mask = 0
            for item in phrases[index].stems:
                mask |= bits.get(item, 0)
            if mask.bit_count() == size:
                tally = tallies[group].get(key)
                if tally is None:
                    tallies[group][key] = [mask, weight, gram is not None and gram in text, 0.0]
                else:
                    tally[0] |= mask
                    if weight > tally[1]:
                        tally[1] = weight
                    if not tally[2]:
                        tally[2] = gram is not None and gram in text
            else:
                found = _mask_weight(mask, stem_weights)
                # less than half there (the common case): no score
                if found * 2 >= weight and query.weight:
                    ratio = found / cap
                    score = PARTIAL_BASE + PARTIAL_SPAN * (found / weight) * (
                        1.0 if ratio >= 1.0 else ratio)
                    tally = tallies[group].get(key)
                    if tally is None:
                        tallies[group][key] = [0, 0.0, False, score]
                    elif score > tally[3]:
                        tally[3] = score
        if len(query.norm) <= FUZZY_MAX_LENGTH:
            close = self._spellings.close(query.norm)
            # Each spelling compared once; its phrases in the order rapidfuzz gives a list
            # with repeats (by similarity, then by position).
            where = self._spellings.where
            matches = sorted((-ratio, position) for ratio, number in close
                             for position in where[number]) if close else ()
            taken = [0] * self.groups  # each group keeps its own eight closest, as alone
            for negative, position in matches:
                ratio = -negative
                index = self._by_length[position]
                group = group_of[index]
                if taken[group] >= FUZZY_LIMIT:
                    continue
                taken[group] += 1
                key = keys[index]
                if key not in results[group] and len(self.norms[index]) >= 4:
                    tally = tallies[group].get(key)
                    if tally is None:
                        tally = tallies[group][key] = [0, 0.0, False, 0.0]
                    tally[3] = max(tally[3], fuzzy_score(ratio))
        for group, by_key in enumerate(tallies):
            for key, (covered, single, in_order, best) in by_key.items():
                if covered and query.weight:
                    best = max(best, _cover(_mask_weight(covered, stem_weights), single,
                                            in_order, query))
                if best > 0:
                    results[group][key] = best
        return results

    def _typed(self, norm: str) -> list[int]:
        """The phrases a text is, in each group: those typed exactly, else (in a group
        without one) those it is in the singular (« les réunions », « la réunion »)."""
        found = self.exact.get(norm, [])
        groups = {self.group_of[index] for index in found}
        if len(groups) == self.groups:
            return found
        return [*found, *(index for index in self.exact_singular.get(singular(norm), ())
                          if self.group_of[index] not in groups)]

    def _sharing_two(self, bits: dict[str, int]) -> set[int]:
        """The phrases that hold two typed stems or more (through each typed pair)."""
        found: set[int] = set()
        pairs = self._pairs
        typed = sorted(item for item in bits if item in self._paired)
        for position, first in enumerate(typed):
            after = pairs.get(first)
            if after is None:
                continue  # the last stem, in order, of every phrase that has it
            for second in typed[position + 1:]:
                both = after.get(second)
                if both is not None:
                    found.update(both)
        return found


def _bits(query: Query, idf: dict[str, float]) -> tuple[dict[str, int], list[float]]:
    """Each typed stem a bit, in the order of the text's stems, and the weights by bit."""
    bits: dict[str, int] = {}
    bit = 1
    for item in query.stems:
        bits[item] = bit
        bit <<= 1
    return bits, [idf.get(item, UNKNOWN_WEIGHT) for item in query.stems]


def _any_in(grams: tuple[str, ...], text: str) -> bool:
    """One of these padded phrases is in the padded text (in order)."""
    return any(gram in text for gram in grams)

def _hits(query: Query, postings: dict[str, list[int]],
          idf: dict[str, float]) -> tuple[list[float], dict[int, int]]:
    """Each typed stem a bit (and its weight); each phrase that shares a stem with the text,
    the bits of the stems it shares."""
    stem_weights: list[float] = []
    hits: dict[int, int] = {}
    bit = 1
    for item in query.stems:
        stem_weights.append(idf.get(item, UNKNOWN_WEIGHT))
        found = postings.get(item)
        if found:
            if hits:
                get = hits.get
                for index in found:
                    hits[index] = get(index, 0) | bit
            else:
                hits = dict.fromkeys(found, bit)
        bit <<= 1
    return stem_weights, hits


class _Spellings:
    """The distinct spellings of many phrases, for the fuzzy pass: those that can be
    FUZZY_CUTOFF similar to a text, found without comparing the text with every spelling of
    a close length (a thousand for a text of 20 letters, at about 40 ns a comparison).

    A spelling at most `d` insertions and deletions away from a text holds, unchanged, one
    of any d + 1 runs of the text's letters that do not overlap: each edit spoils one run at
    most. The lengths bound `d` (`_runs`); so the text is compared only with the spellings
    that hold one of its first d + 1 runs of a few letters, found in an index of runs built
    once: the same comparisons that reach the cutoff as over all the close lengths, with
    about a seventh of the comparisons."""

    def __init__(self, norms: list[str]) -> None:
        """`norms`: the phrases' spellings sorted by length (with repeats)."""
        where: dict[str, list[int]] = {}
        for position, norm in enumerate(norms):
            where.setdefault(norm, []).append(position)
        self.texts = list(where)  # by length, as `norms`
        self.where = list(where.values())  # the positions of each spelling in `norms`
        lengths = [len(text) for text in self.texts]
        self._windows = [(bisect_left(lengths, shortest), bisect_right(lengths, longest))
                         for shortest, longest in map(fuzzy_lengths,
                                                      range(FUZZY_MAX_LENGTH + 1))]
        self._plans = [_runs(length) for length in range(FUZZY_MAX_LENGTH + 1)]
        # Per run size, each run of letters → the numbers of the spellings holding it, in order.
        self._holding: dict[int, dict[str, list[int]]] = {}
        for size in {plan[0] for plan in self._plans if plan is not None}:
            holding = self._holding[size] = {}
            for number, text in enumerate(self.texts):
                for run in {text[start:start + size] for start in range(len(text) - size + 1)}:
                    holding.setdefault(run, []).append(number)

    def close(self, text: str) -> list[tuple[float, int]]:
        """(similarity, number) of the spellings at least FUZZY_CUTOFF similar to `text`
        (at most FUZZY_MAX_LENGTH letters long), in no particular order."""
        low, high = self._windows[len(text)]
        plan = self._plans[len(text)]
        if plan is None:  # a text too short to be cut into runs: every close length
            numbers: Sequence[int] = range(low, high)
            choices = self.texts[low:high]
        else:
            size, count = plan
            holding = self._holding[size]
            found: set[int] = set()
            for start in range(0, size * count, size):
                holders = holding.get(text[start:start + size])
                if holders:
                    found.update(holders[bisect_left(holders, low):bisect_left(holders, high)])
            if not found:
                return []
            numbers = list(found)  # in any order: the caller orders what is found
            choices = list(map(self.texts.__getitem__, numbers))
        return [(ratio, numbers[at]) for _text, ratio, at in process.extract(
            text, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None)]


def _runs(length: int) -> tuple[int, int] | None:
    """How to cut a text of this length for `_Spellings.close`: (letters a run, runs), or
    None when it is too short. A text and a spelling of lengths `length` and `other` are
    FUZZY_CUTOFF similar only within (1 - FUZZY_CUTOFF/100)·(length + other) insertions and
    deletions; of the close lengths, the longest allows the most (a hair more is allowed,
    for the rounding of the similarity at the cutoff)."""
    _shortest, longest = fuzzy_lengths(length)
    edits = math.floor((100.0 - FUZZY_CUTOFF) / 100.0 * (length + longest) + 1e-6)
    for size in (5, 4, 3, 2):  # longer runs are held by fewer spellings
        if (edits + 1) * size <= length:
            return size, edits + 1
    return None


def _fuzzy_windows(lengths: list[int], norms: list[str]) -> list[tuple[int, list[str]]]:
    """For each text length the fuzzy pass reads, the phrases of a length that can reach the
    cutoff (their first position in `norms`, sorted by length, and the phrases)."""
    windows = []
    for length in range(FUZZY_MAX_LENGTH + 1):
        shortest, longest = fuzzy_lengths(length)
        low, high = bisect_left(lengths, shortest), bisect_right(lengths, longest)
        windows.append((low, norms[low:high]))
    return windows


def _mask_weight(mask: int, stem_weights: list[float]) -> float:
    """The weight of the typed stems whose bits are set."""
    if mask and not mask & (mask - 1):  # one stem (most phrases half there)
        return stem_weights[mask.bit_length() - 1]
    total = 0.0
    position = 0
    while mask:
        if mask & 1:
            total += stem_weights[position]
        mask >>= 1
        position += 1
    return total


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
        self._sorted_norms = [self.phrases[i].norm for i in self._by_length]
        self.weights = [lexicon.phrase_weight(phrase) for phrase in self.phrases]
        self.sizes = [len(phrase.stems) for phrase in self.phrases]
        self.padded = [f" {p.norm} " if p.norm and p.norm.count(" ") < MAX_GRAM else None
                       for p in self.phrases]
        self._windows = _fuzzy_windows(self._lengths, self._sorted_norms)
        # The phrases of function words only, padded (those a text can hold).
        self._bare_grams = [(self.keys[index], gram) for index in self.bare
                            if (gram := self.padded[index]) is not None]

    def scores(self, query: Query) -> dict[str, float]:
        exact = self.exact.get(query.norm)
        results = dict.fromkeys(exact, EXACT) if exact else {}
        stem_weights, hits = _hits(query, self.postings, self.lexicon.idf)
        keys, sizes, weights, padded = self.keys, self.sizes, self.weights, self.padded
        text = f" {query.norm} "
        cap = min(query.weight, LONG_WEIGHT)
        covers: dict[str, list[Any]] = {}  # covered bits, best single weight, in order
        best: dict[str, float] = {}  # the best partial, function-word or fuzzy score
        for index, mask in hits.items():
            key = keys[index]
            if exact and key in results:
                continue
            size = sizes[index]
            if mask.bit_count() == size:
                cover = covers.get(key)
                if cover is None:
                    gram = padded[index]
                    covers[key] = [mask, weights[index], gram is not None and gram in text]
                else:
                    cover[0] |= mask
                    if weights[index] > cover[1]:
                        cover[1] = weights[index]
                    if not cover[2]:
                        gram = padded[index]
                        cover[2] = gram is not None and gram in text
            elif size > 1:
                found = _mask_weight(mask, stem_weights)
                weight = weights[index]
                if found * 2 >= weight:  # else less than half there: no score
                    score = 0.0
                    if query.weight:
                        ratio = found / cap
                        score = PARTIAL_BASE + PARTIAL_SPAN * (found / weight) * (
                            1.0 if ratio >= 1.0 else ratio)
                    best[key] = max(best.get(key, 0.0), score)
        if self._bare_grams:
            alone = not query.stems - NEGATION
            for key, gram in self._bare_grams:
                if gram in text and key not in results:
                    best[key] = max(best.get(key, 0.0), FUNCTION_WORDS_ALONE if alone
                                    else FUNCTION_WORDS_ONLY)
        low, window = self._windows[len(query.norm)] if (
            len(query.norm) <= FUZZY_MAX_LENGTH) else (0, [])
        if window:
            for _norm, ratio, position in process.extract(
                    query.norm, window, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF,
                    limit=None):
                key = keys[self._by_length[low + position]]
                if key not in results:
                    best[key] = max(best.get(key, 0.0), fuzzy_score(ratio))
        for key, (covered, single, in_order) in covers.items():
            if query.weight:
                best[key] = max(best.get(key, 0.0), _cover(_mask_weight(covered, stem_weights),
                                                           single, in_order, query))
        for key, score in best.items():
            if score > 0:
                results[key] = score
        return results
