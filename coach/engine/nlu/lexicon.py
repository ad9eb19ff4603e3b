"""The content's vocabulary, built once: word stems, word weights and typo repair.

Typed words the content never uses are repaired to the content word that sounds the same
(« konfidentiel », « compliker » → « confidentiel », « complique »: people write as they
speak), else to the closest content word when they are long enough and close enough
(« confidencialité » → « confidentialite »); short words are left alone, since one letter
changes their meaning too often.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from wordfreq import get_frequency_dict

from coach.communities import DEPARTMENT_NAMES, DEPARTMENT_SOUGHT
from coach.engine.nlu.french import (
    ATTEND,
    DEPARTMENT,
    IMPAIRED,
    PLACE_WORDS,
    REGION_NAMES,
    REGIONS,
    STOPWORDS,
    SUBJECT_WORDS,
    fold,
    is_content,
    listed,
    sound,
    stem,
    words,
)

MAX_GRAM = 8
# The weight of a typed word the content never uses: it dilutes a match, a little.
UNKNOWN_WEIGHT = 3.0
SUBJECT_WEIGHT = 0.3
NEGATION = frozenset({"pas"})
MIN_REPAIR_LENGTH = 5
VERB_ENDINGS = ("aient", "ient", "ent", "ons", "ez", "ait", "ais", "nent")
# A word this long or longer may be repaired by its sound (« tro » stays « tro »).
MIN_SOUND_LENGTH = 4


@dataclass(frozen=True, slots=True)
class Phrase:
    """A phrase of the content in the shared spelling, with the stems of its content words."""

    norm: str
    stems: frozenset[str]


class Grams:
    """The runs of up to MAX_GRAM words of a text, asked one at a time (« is this phrase in
    the text, in order? »): a look-up in the padded text, without building every run."""

    __slots__ = ("_padded",)

    def __init__(self, norm: str) -> None:
        self._padded = f" {norm} "

    def __contains__(self, phrase: object) -> bool:
        return (isinstance(phrase, str) and bool(phrase) and phrase.count(" ") < MAX_GRAM
                and f" {phrase} " in self._padded)

    def any_of(self, phrases: Iterable[str]) -> bool:
        return any(phrase in self for phrase in phrases)

    @staticmethod
    def pad(phrases: Iterable[str]) -> tuple[str, ...]:
        """Content phrases made ready, once, for `any_padded` (those a text can hold)."""
        return tuple(f" {p} " for p in phrases if p and p.count(" ") < MAX_GRAM)

    def any_padded(self, padded: tuple[str, ...]) -> bool:
        """`any_of` for phrases padded once by `pad`."""
        text = self._padded
        return any(phrase in text for phrase in padded)

    def find(self, phrase: str) -> int:
        """Where the phrase starts in « f" {norm} " » (-1: not there)."""
        return self._padded.find(f" {phrase} ") if phrase in self else -1


# The texts read during one call of `reading` (one message understood), and their queries:
# the same clause or rest is read again for another persona, for the place the person is
# at, or by another heuristic. Per thread and per task, emptied when the call ends: no
# typed text outlives the message it belongs to.
_READ: ContextVar[dict[tuple[Lexicon, str], Query] | None] = ContextVar("_READ", default=None)


@contextmanager
def reading() -> Iterator[None]:
    """While one message is understood: each text read once (`Lexicon.query`), its query
    kept until the outermost `reading` ends (nested ones share it)."""
    if _READ.get() is not None:
        yield
        return
    token = _READ.set({})
    try:
        yield
    finally:
        _READ.reset(token)


@dataclass(frozen=True, slots=True)
class Query:
    """What a person typed, read once per turn: never stored, never cached."""

    norm: str
    tokens: tuple[str, ...]
    stems: frozenset[str]
    grams: Grams
    weight: float
    typed: tuple[str, ...] = ()  # the words before typo repair
    # What the decision computes of this text wherever it is typed (the phrases' and the
    # commands' scores), kept with the query while one message is read: a clause is read
    # again for the persona another clause says, a rest again after « je travaille à… ».
    # It goes with the query, at the end of the call. The examples' model keeps its
    # prediction there too (keyed by the model itself).
    scored: dict[object, Any] = field(default_factory=dict, compare=False, repr=False)


# A typed word this frequent in French is a word, not a typo (« commander », « capitale »).
REAL_WORD_ZIPF = 3.0


@cache
def real_words() -> frozenset[str]:
    """French words at least REAL_WORD_ZIPF frequent, folded (« apres », « plombier »).

    Built once from wordfreq's list, so that no typed word is ever looked up there: its
    look-up function keeps what it is asked in a cache, and typed text is personal data.
    """
    least = 10 ** (REAL_WORD_ZIPF - 9)
    return frozenset(fold(word) for word, frequency in get_frequency_dict("fr").items()
                     if frequency >= least)


# A region or a department sought is named by whole words (folded, each name preceded by a
# space in its pattern): a text without the first word of any name, which most texts are,
# is not scanned for them. A department by its number has a digit.
_REGION_FIRST_WORDS = frozenset(name.split(" ", 1)[0] for name in REGIONS)
_DEPARTMENT_FIRST_WORDS = frozenset(name.split(" ", 1)[0] for name in DEPARTMENT_NAMES)


# A capitalised word after the first one (« la maman de Léa ») is a name: it says nothing of
# what the person asks, and must not dilute what the rest of the sentence says.
_NAME = re.compile(r"(?<=[\s,(])[A-ZÀ-Ý][a-zà-ÿ]+")


def _names(text: str) -> frozenset[str]:
    found = _NAME.findall(text)  # one C pass first: most texts have no name at all
    if not found or not any(c.isupper() for c in text[1:]):
        return frozenset()
    return frozenset(w for match in found for w in words(match))


# « je m'appelle Léo », « c'est moi Léo », « moi c'est Léo »: the word after is a name, even
# typed without a capital or a word of the content; « m'appelle » is not calling.
_INTRODUCING = frozenset({"appelle", "moi"})


def _introduced(tokens: tuple[str, ...], real: frozenset[str]) -> frozenset[str]:
    """The names one gives oneself in the tokens (see _INTRODUCING); after « c'est moi »,
    only a word that is not a French word (« moi c'est impossible » says no name)."""
    found: set[str] = set()
    for index, token in enumerate(tokens):
        if token == "appelle" and index and tokens[index - 1] == "m" and index + 1 < len(tokens):
            found.update((token, tokens[index + 1]))  # « je m'appelle » is not « appeler »
        elif index + 3 < len(tokens) and tokens[index:index + 3] in (
                ("c", "est", "moi"), ("moi", "c", "est")) and tokens[index + 3] not in real:
            found.add(tokens[index + 3])
    return frozenset(found)


# The sizes of the runs of letters the repair looks content words up by (`Lexicon._near`):
# a word of MIN_REPAIR_LENGTH letters cut into two runs has runs of two.
_REPAIR_RUNS = (2, 3)


def _edits_allowed(length: int) -> int:
    """One typo in a word of 5 to 9 letters, two in a longer word."""
    return 1 if length <= 9 else 2


class Lexicon:
    def __init__(self, texts: Iterable[str], keep: Iterable[str] = ()) -> None:
        vocabulary: set[str] = set()
        for text in texts:
            vocabulary.update(words(text))
        self.stems: dict[str, str] = {w: stem(w) for w in vocabulary if is_content(w)}
        self._stem_set = frozenset(self.stems.values())
        # A verb form Snowball leaves whole in the content (« restent ») meets the content's
        # own stem of the same verb, as a typed one does (`stem_of`); not onto a stem this
        # short (« genent » is not « gens », « devient » not « devant »).
        for word, found in self.stems.items():
            if len(found) >= MIN_REPAIR_LENGTH and found == word:
                for ending in VERB_ENDINGS:
                    if (found.endswith(ending) and len(found) - len(ending) >= MIN_SOUND_LENGTH
                            and found[:-len(ending)] in self._stem_set):
                        self.stems[word] = found[:-len(ending)]
                        break
        self._stem_set = frozenset(self.stems.values())
        # The stems of function words, once: a heuristic stems every token of a text, and
        # they are most of its tokens (typed words that are not listed are never kept).
        self._function_stems: dict[str, str] = {}
        self._function_stems = {word: self.stem_of(word) for word in STOPWORDS}
        self.vocabulary = frozenset(vocabulary)
        # Words never repaired into content words (insults must not become « mère »).
        self.keep = frozenset(keep)
        # The content words by length, then by each run of 2 and of 3 letters they hold: the
        # words a typed word may be repaired into (`_near`).
        self._holding: dict[int, dict[str, list[str]]] = {}
        for word in self.stems:
            holding = self._holding.setdefault(len(word), {})
            for size in _REPAIR_RUNS:
                for run in {word[start:start + size]
                            for start in range(len(word) - size + 1)}:
                    holding.setdefault(run, []).append(word)
        # The content words by sound; of several with one sound, the shortest then first.
        self._sounds: dict[str, str] = {}
        for word in sorted(self.stems, key=lambda w: (len(w), w)):
            if len(word) >= MIN_SOUND_LENGTH - 1 and word.isalpha():
                self._sounds.setdefault(sound(word), word)
        self.idf: dict[str, float] = {}
        self._phrase_weights: dict[frozenset[str], float] = {}
        self.real = real_words()  # built now, not during the first turn
        # Typed words kept as they are by `_repair`, in one set (all are content or words).
        self._as_is = self.vocabulary | self.keep | self.real

    def weigh(self, documents: Iterable[frozenset[str]]) -> None:
        """Stem weights from how many places use them: rare stems tell places apart."""
        frequency: dict[str, int] = {}
        total = 0
        for stems in documents:
            total += 1
            for item in stems:
                frequency[item] = frequency.get(item, 0) + 1
        subject = {stem(w) for w in SUBJECT_WORDS}
        self.idf = {s: math.log(1 + total / n) * (SUBJECT_WEIGHT if s in subject else 1.0)
                    for s, n in frequency.items()}
        self._phrase_weights.clear()

    def phrase(self, text: str) -> Phrase:
        tokens = words(text)
        stems = frozenset(self.stem_of(w) for w in tokens if is_content(w))
        # « je sais pas » says nothing of a topic: only its exact words match it.
        return Phrase(" ".join(tokens), frozenset() if stems <= NEGATION else stems)

    def weight(self, stems: Iterable[str]) -> float:
        return sum(self.idf.get(s, UNKNOWN_WEIGHT) for s in stems)

    def phrase_weight(self, phrase: Phrase) -> float:
        """The weight of a content phrase, computed once (typed text never comes here)."""
        found = self._phrase_weights.get(phrase.stems)
        if found is None:
            found = self._phrase_weights[phrase.stems] = self.weight(phrase.stems)
        return found

    def query(self, text: str) -> Query:
        """The text read (its words repaired, its stems); inside `reading`, a text already
        read in the same call gives the same query (with what was computed of it)."""
        read = _READ.get()
        if read is None:
            return self._query(text)
        found = read.get((self, text))
        if found is None:
            found = read[self, text] = self._query(text)
        return found

    def _query(self, text: str) -> Query:
        typed = tuple(words(text))
        as_is = self._as_is
        tokens = tuple(w if w in as_is or len(w) < MIN_SOUND_LENGTH else self._repair(w)
                       for w in typed)
        names = _names(text)
        given = (_introduced(tokens, self.real) if not _INTRODUCING.isdisjoint(tokens)
                 else frozenset())
        found = set()
        known = self.stems  # the content's own words: content words, stems known
        for w in tokens:
            if given and w in given:
                continue
            item = known.get(w)
            if item is not None:
                found.add(item)
            elif is_content(w) and not (
                    w in names and w not in self.vocabulary and w not in PLACE_WORDS):
                found.add(self.stem_of(w))
        norm = " ".join(tokens)
        if (not norm.replace(" ", "").isalpha() and DEPARTMENT.search(norm)) or (
                not _DEPARTMENT_FIRST_WORDS.isdisjoint(tokens)
                and DEPARTMENT_SOUGHT.search(norm)):
            found.add(self.stem_of("departement"))
        if not _REGION_FIRST_WORDS.isdisjoint(tokens) and REGION_NAMES.search(norm):
            found.add(self.stem_of("region"))
        if not IMPAIRED.isdisjoint(tokens) and not ATTEND.isdisjoint(tokens):
            found.add(self.stem_of("accessible"))
        stems = frozenset(found)
        return Query(norm, tokens, stems, Grams(norm), self.weight(stems), typed)

    def stem_of(self, word: str) -> str:
        known = self.stems.get(word)
        if known is None:
            known = self._function_stems.get(word)
        if known is not None:
            return known
        found = stem(word)
        if found in self._stem_set or len(found) < MIN_REPAIR_LENGTH:
            return found
        # Snowball leaves some verb forms whole (« ecoutent », « reviennent »): the
        # content's own stem of the same verb, when an ending comes off onto it.
        for ending in VERB_ENDINGS:
            if found.endswith(ending) and found[:-len(ending)] in self._stem_set:
                return found[:-len(ending)]
        return found

    def _repair(self, word: str) -> str:
        if (word in self.vocabulary or word in self.keep or len(word) < MIN_SOUND_LENGTH
                or word in self.real or not word.isalpha() or listed(word)):
            return word
        same = self._sounds.get(sound(word))
        if same is not None:
            return same
        near = self._near(word) if len(word) >= MIN_REPAIR_LENGTH else None
        if not near:
            return word
        found = process.extractOne(word, near, scorer=Levenshtein.distance,
                                   score_cutoff=_edits_allowed(len(word)))
        return found[0] if found else word

    def _near(self, word: str) -> list[str]:
        """The content words that can be within `_edits_allowed` edits of a word (of at least
        MIN_REPAIR_LENGTH letters), in alphabetical order: of two as close, the first is
        taken. Such a word has a length within two of this one, and holds, unchanged, one of
        edits + 1 runs of this word's letters that do not overlap (a substitution, an
        insertion or a deletion spoils one run at most): only those are compared, not the
        1,400 to 1,900 words of a close length."""
        edits = _edits_allowed(len(word))
        size = min(len(word) // (edits + 1), max(_REPAIR_RUNS))
        runs = [word[start:start + size] for start in range(0, size * (edits + 1), size)]
        found: set[str] = set()
        for length in range(len(word) - 2, len(word) + 3):
            holding = self._holding.get(length)
            if holding:
                for run in runs:
                    words = holding.get(run)
                    if words:
                        found.update(words)
        return sorted(found)
