"""What people typed and where it led: a model learned from examples, built at start-up.

The rules (phrases, search, persons, clauses) find what an author foresaw. Sentences other
people write go beyond them; a model counted from many written examples (`dialogues/exemples/`
and the content's own phrases) generalises further. It is a multinomial naive Bayes over
TF-IDF weights of two kinds of features, as a text classifier built for little data:
  - the words: the query's content stems and the stems of each pair of following words;
  - the letters: runs of 3 to 5 letters inside each word (with its edges), so that a
    spelling or a word form never seen still shares most of its runs with a known one.
Counting is all its training (no optimisation, no randomness): the same examples always
give the same model, in a fraction of a second. `second_opinion` weighs what it says against
the rules' decision (`docs/dialogues.md`, « Les exemples »).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, pairwise

import numpy as np

from coach.engine.nlu.lexicon import Lexicon, Query

# Smoothing of the counts: small, as the examples of a place are few and say a lot. Chosen
# by cross-validation over the example files (0.01 → 0.003: the model alone 85.1 → 86.2 %
# on six files; the whole understanding, with two smaller changes made with it, 85.6 →
# 86.2 % on 54, its « go » right 91.1 → 92.0 %; `docs/benchmarks.md`), never on a blind set.
SMOOTHING = 0.003
# The letters' features weigh half the words' (each kind normalised on its own).
LETTERS_WEIGHT = 0.5
LETTER_RUNS = (3, 4, 5)
# A run of letters kept only when at least this many examples have it.
LETTERS_MIN_EXAMPLES = 2
WORD_PAIR = "_"


def _runs(token: str) -> list[str]:
    padded = f" {token} "
    size = len(padded)
    runs: list[str] = []
    for length in LETTER_RUNS:
        if size <= length:
            runs.append(padded)
        else:
            runs += [padded[start:start + length] for start in range(size - length + 1)]
    return runs


def letter_runs(tokens: Iterable[str],
                cut: Callable[[str], list[str]] = _runs) -> Counter[str]:
    """Runs of 3 to 5 letters inside each word, the word's edges marked by a space; a word
    shorter than a run gives itself whole, once (`cut`: each word's runs, found before)."""
    return Counter(run for token in tokens for run in cut(token))


def word_features(query: Query, lexicon: Lexicon) -> Counter[str]:
    """The text's stems and pairs of neighbouring stems. The stems in a fixed order (a set's
    order follows the process's string hashing): the float32 sum of a prediction then
    comes out the same, to the last bit, in every process of the server."""
    stems = [lexicon.stem_of(token) for token in query.tokens]
    found: Counter[str] = Counter(sorted(query.stems))
    found.update(f"{a}{WORD_PAIR}{b}" for a, b in pairwise(stems))
    return found


@dataclass(frozen=True, slots=True)
class _Kind:
    """One kind of feature: each feature's column and inverse document frequency."""

    columns: dict[str, tuple[int, float]]

    @classmethod
    def fit(cls, documents: Sequence[Counter[str]], offset: int, min_documents: int = 1) -> _Kind:
        seen: Counter[str] = Counter()
        for document in documents:
            seen.update(document.keys())
        kept = sorted(f for f, n in seen.items() if n >= min_documents)
        total = len(documents)
        return cls({f: (offset + i, math.log((1 + total) / (1 + seen[f])) + 1)
                    for i, f in enumerate(kept)})

    def __len__(self) -> int:
        return len(self.columns)

    def weights(self, document: Counter[str], scale: float) -> tuple[list[int], list[float]]:
        """The document's columns and TF-IDF weights (log of the count, unit length)."""
        known = self.columns.get
        return _unit([(column_idf, count) for feature, count in document.items()
                      if (column_idf := known(feature)) is not None], scale)


def _unit(found: list[tuple[tuple[int, float], int]],
          scale: float) -> tuple[list[int], list[float]]:
    """Columns and TF-IDF weights of ((column, idf), count) pairs, of length `scale`."""
    values = [idf if count == 1 else (1 + math.log(count)) * idf
              for (_column, idf), count in found]
    norm = math.sqrt(math.fsum(v * v for v in values)) / scale
    return [column for (column, _idf), _count in found], [v / norm for v in values]


def _counted(counts: Counter[int], idf: list[float],
             scale: float) -> tuple[list[int], list[float]]:
    """`_unit` for columns counted (a column's idf in `idf`): the same weights, in the same
    order, without building a (column, idf) pair for each run of a typed text."""
    values = [idf[column] if count == 1 else (1 + math.log(count)) * idf[column]
              for column, count in counts.items()]
    norm = math.sqrt(math.fsum(v * v for v in values)) / scale
    return list(counts), [v / norm for v in values]


class ExampleModel:
    """Where a typed text leads, learned from (text, place) examples."""

    def __init__(self, lexicon: Lexicon, examples: Iterable[tuple[str, str]]) -> None:
        self.lexicon = lexicon
        pairs = [(lexicon.query(text), place) for text, place in examples]
        pairs = [(query, place) for query, place in pairs if query.tokens]
        words = [word_features(query, lexicon) for query, _place in pairs]
        # Each word is cut into runs once, however many examples say it.
        tokens = dict.fromkeys(token for query, _place in pairs for token in query.tokens)
        runs_of = {token: _runs(token) for token in tokens}
        letters = [letter_runs(query.tokens, runs_of.__getitem__) for query, _place in pairs]
        self._words = _Kind.fit(words, 0)
        self._letters = _Kind.fit(letters, len(self._words), LETTERS_MIN_EXAMPLES)
        self.places: tuple[str, ...] = tuple(sorted({place for _query, place in pairs}))
        row = {place: i for i, place in enumerate(self.places)}
        width = len(self._words) + len(self._letters)
        cells: list[int] = []
        places: list[int] = []
        weights: list[float] = []
        for (_query, place), said, spelt in zip(pairs, words, letters, strict=True):
            columns, values = self._weights(said, spelt)
            cells += columns
            places += [row[place]] * len(columns)
            weights += values
        counts = np.zeros((width, len(self.places)))
        np.add.at(counts, (np.array(cells, dtype=np.intp), np.array(places, dtype=np.intp)),
                  np.array(weights))
        per_place = counts.sum(axis=0)
        # log P(feature | place), one row per feature; and log P(place) from the examples.
        self._log_given = np.log(counts + SMOOTHING) - np.log(per_place + SMOOTHING * width)
        self._log_given = self._log_given.astype(np.float32)
        number = Counter(place for _query, place in pairs)
        self._log_prior = np.log(np.array([number[p] for p in self.places]) / len(pairs))
        self._commonest_first(width)
        # The inverse document frequency of each column of the letters' features, and the
        # columns of each run of a word (`_known_runs`), read by a typed word's runs.
        self._letter_idf = [0.0] * width
        self._run_column: dict[str, int] = {}
        for run, (column, idf) in self._letters.columns.items():
            self._letter_idf[column] = idf
            self._run_column[run] = column
        # The letters' features of each word of the examples, found once: a typed word that
        # is one of them is not cut into runs again (other typed words are, and not kept).
        self._spelt = {token: self._known_runs(token) for token in runs_of}

    def _commonest_first(self, width: int) -> None:
        """The rows renumbered, those of the features most examples have first (the lowest
        inverse document frequency; of equal ones, in their order): the rows that most
        texts gather sit together, a few pages of memory instead of some of each of the
        table (about 40 MB). Only rows move: every value, and the order of a text's features,
        stay as they were, so that a prediction is the same to the last bit."""
        idf = np.empty(width)
        for kind in (self._words, self._letters):
            for column, weight in kind.columns.values():
                idf[column] = weight
        order = np.argsort(idf, kind="stable")
        self._log_given = np.ascontiguousarray(self._log_given[order])
        moved = np.empty(width, dtype=np.intp)
        moved[order] = np.arange(width)
        renumbered = moved.tolist()
        self._words, self._letters = (
            _Kind({feature: (renumbered[column], weight)
                   for feature, (column, weight) in kind.columns.items()})
            for kind in (self._words, self._letters))

    def _known_runs(self, token: str) -> tuple[int, ...]:
        """The columns of the word's runs of letters that the model kept, in order."""
        known = self._run_column.get
        return tuple(column for run in _runs(token) if (column := known(run)) is not None)

    def _weights(self, said: Counter[str], spelt: Counter[str]) -> tuple[list[int], list[float]]:
        columns, values = self._words.weights(said, 1.0)
        more, weights = self._letters.weights(spelt, LETTERS_WEIGHT)
        return columns + more, values + weights

    def predict(self, query: Query, count: int = 3) -> list[tuple[str, float]]:
        """The `count` likeliest places with their probabilities (none for an empty text or
        one that shares no feature with any example)."""
        if not self.places or not query.tokens:
            return []
        # The same text read again in the same call (a clause, for another persona) is the
        # same query: predicted once (`Query.scored`, which ends with the call).
        found: list[tuple[str, float]] | None = query.scored.get((self, count))
        if found is None:
            found = query.scored[self, count] = self._predict(query, count)
        return list(found)

    def _predict(self, query: Query, count: int) -> list[tuple[str, float]]:
        columns, values = self._words.weights(word_features(query, self.lexicon), 1.0)
        spelt, cut = self._spelt.get, self._known_runs
        runs = Counter(chain.from_iterable(spelt(token) or cut(token)
                                           for token in query.tokens))
        more, weights = _counted(runs, self._letter_idf, LETTERS_WEIGHT)
        columns += more
        values += weights
        if not columns:
            return []
        rows = self._log_given.take(np.fromiter(columns, np.intp, len(columns)), axis=0)
        joint = np.asarray(values, dtype=np.float32) @ rows + self._log_prior
        joint -= joint.max()
        odds = np.exp(joint)
        probability = odds / odds.sum()
        best = np.argsort(-probability)[:count]
        return [(self.places[i], float(probability[i])) for i in best]
