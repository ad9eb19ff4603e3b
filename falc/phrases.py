"""Match multi-word phrases (formal words, idioms, terms) on lexical tokens.

Why not plain regular expressions: « baisser les bras » must match « vous baissez les
bras », « afin de » must match « afin d' », « lors de » must match « lors du ». Phrases
are matched on normalised tokens: elisions restored, contractions expanded
(du → de le, au → à le), articles and possessives interchangeable, reflexive « se » for
any reflexive pronoun, and, in *loose* mode, verbs in any regular inflection (or by
spaCy's lemma when tier 2 runs) and nouns/adjectives in plural or feminine form.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from falc.analysis import Token
from falc.tokenize import Word, lexical_split, words

__all__ = ["PhraseMatch", "PhraseMatcher", "stream"]

T = TypeVar("T")

ARTICLES = frozenset({"le", "la", "les", "un", "une", "des"})
POSSESSIVES = frozenset(
    {"son", "sa", "ses", "mon", "ma", "mes", "ton", "ta", "tes", "votre", "vos", "notre",
     "nos", "leur", "leurs"}
)
REFLEXIVES = frozenset({"se", "me", "te", "nous", "vous"})
_CONTRACTIONS = {"du": ("de", "le"), "au": ("à", "le"), "aux": ("à", "les")}
_ELISION_NORM = {
    "l'": "le", "d'": "de", "j'": "je", "m'": "me", "t'": "te", "s'": "se", "n'": "ne",
    "c'": "ce", "qu'": "que",
}
_ER_ENDINGS = (
    "e|es|ent|ons|ez|er|é|ée|és|ées|ant|ais|ait|aient|ions|iez|a|as|èrent|"
    "erai|eras|era|erons|erez|eront|erais|erait|eraient|erions|eriez"
)
_IR_ENDINGS = (
    "is|it|issons|issez|issent|ir|i|ie|ies|issant|issait|issaient|irai|iras|ira|irons|"
    "irez|iront|irais|irait|iraient"
)
_RE_ENDINGS = "s|t|ons|ez|ent|re|u|ue|us|ues|is|it|ant|ait|aient|rai|ra|rez|ront|rait"


def _verb_regex(word: str) -> re.Pattern[str] | None:
    """Regular inflections of a French verb (None for words that are not verbs)."""
    if len(word) < 5 or " " in word:
        return None
    if word.endswith("er"):
        stem, endings = word[:-2], _ER_ENDINGS
        stems = {stem, re.sub(r"é([^é]*)$", r"è\1", stem)}
        if stem.endswith("c"):
            stems.add(stem[:-1] + "ç")
        if stem.endswith("g"):
            stems.add(stem + "e")
    elif word.endswith("ir"):
        stems, endings = {word[:-2]}, _IR_ENDINGS
    elif word.endswith("re"):
        stems, endings = {word[:-2]}, _RE_ENDINGS
    else:
        return None
    alt = "|".join(re.escape(s) for s in sorted(stems))
    return re.compile(f"(?:{alt})(?:{endings})")


@dataclass(frozen=True, slots=True)
class _PatternWord:
    text: str
    cls: str | None  # ART | POSS | SE | None
    forms: frozenset[str]
    verb: re.Pattern[str] | None

    def key(self) -> str:
        return self.cls or self.text[:4]

    def matches(self, norm: str, lemma: str | None) -> bool:
        if self.cls == "ART":
            return norm in ARTICLES
        if self.cls == "POSS":
            return norm in POSSESSIVES
        if self.cls == "SE":
            return norm in REFLEXIVES
        if norm in self.forms or (lemma is not None and lemma == self.text):
            return True
        if self.text == "de" and norm == "des":
            return True
        return self.verb is not None and self.verb.fullmatch(norm) is not None


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[T]):
    """A phrase found in the text: its span, the configured phrase and its payload."""

    start: int
    end: int
    phrase: str
    payload: T


@dataclass(frozen=True, slots=True)
class _Item:
    norm: str
    lemma: str | None
    start: int
    end: int
    keys: frozenset[str]


def _item(norm: str, lemma: str | None, start: int, end: int) -> _Item:
    keys = {norm[:4]}
    if lemma:
        keys.add(lemma[:4])
    if norm in ARTICLES:
        keys.add("ART")
    if norm in POSSESSIVES:
        keys.add("POSS")
    if norm in REFLEXIVES:
        keys.add("SE")
    if norm == "des":
        keys.add("de")
    return _Item(norm, lemma, start, end, frozenset(keys))


def stream(tokens: Sequence[Token]) -> list[_Item]:
    """Normalised items of a unit's tokens: elisions restored, contractions expanded."""
    items: list[_Item] = []
    for t in tokens:
        norm = _ELISION_NORM.get(t.lower, t.lower)
        parts = _CONTRACTIONS.get(norm)
        if parts is None:
            items.append(_item(norm, t.lemma, t.start, t.end))
        else:
            items.extend(_item(part, None, t.start, t.end) for part in parts)
    return items


def _norm_word(w: Word) -> list[str]:
    low = w.text.lower().replace("’", "'")
    low = _ELISION_NORM.get(low, low)
    return list(_CONTRACTIONS.get(low, (low,)))


def _compile(phrase: str, loose: bool) -> list[_PatternWord]:
    out: list[_PatternWord] = []
    norms = [n for w in words(phrase) for p in lexical_split(w) for n in _norm_word(p)]
    for i, norm in enumerate(norms):
        cls = None
        if len(norms) > 1:
            if norm in ARTICLES:
                cls = "ART"
            elif norm in POSSESSIVES:
                cls = "POSS"
            elif norm == "se":
                cls = "SE"
        if loose:
            forms = {norm, norm + "s", norm + "x", norm + "e", norm + "es"}
            verb = _verb_regex(norm)
        else:
            forms = {norm, norm + "s", norm + "x"} if i == 0 else {norm}
            verb = None
        out.append(_PatternWord(norm, cls, frozenset(forms), verb))
    return out


class PhraseMatcher(Generic[T]):
    """Finds configured phrases in a unit's tokens, longest match first, no overlaps."""

    def __init__(self, phrases: Mapping[str, T], loose: bool = True) -> None:
        self._index: dict[str, list[tuple[str, list[_PatternWord], T]]] = {}
        for phrase, payload in phrases.items():
            pattern = _compile(phrase, loose)
            if not pattern:
                continue
            self._index.setdefault(pattern[0].key(), []).append((phrase, pattern, payload))
        for entries in self._index.values():
            entries.sort(key=lambda e: -len(e[1]))
        self._keys = frozenset(self._index)

    def find(self, tokens: Sequence[Token]) -> list[PhraseMatch[T]]:
        """Matches in one unit's tokens, in text order."""
        return self.find_items(stream(tokens))

    def find_items(self, items: Sequence[_Item]) -> list[PhraseMatch[T]]:
        """Matches in a unit's normalised items (see :func:`stream`), in text order."""
        found: list[PhraseMatch[T]] = []
        i = 0
        while i < len(items):
            match = self._match_at(items, i) if items[i].keys & self._keys else None
            if match is None:
                i += 1
                continue
            length, phrase, payload = match
            found.append(PhraseMatch(items[i].start, items[i + length - 1].end, phrase, payload))
            i += length
        return found

    def _match_at(self, items: Sequence[_Item], i: int) -> tuple[int, str, T] | None:
        best: tuple[int, str, T] | None = None
        seen: set[int] = set()
        for key in items[i].keys:
            for phrase, pattern, payload in self._index.get(key, ()):
                if id(pattern) in seen or i + len(pattern) > len(items):
                    continue
                seen.add(id(pattern))
                if all(
                    pw.matches(items[i + k].norm, items[i + k].lemma)
                    for k, pw in enumerate(pattern)
                ) and (best is None or len(pattern) > best[0]):
                    best = (len(pattern), phrase, payload)
        return best
