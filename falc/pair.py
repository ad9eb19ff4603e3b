"""FALC-PAIR-002: the FALC text keeps the facts of the standard text.

A FALC text is simpler, never different: the numbers, dates, times, phone numbers, URLs,
e-mail addresses and proper nouns of the standard text must be in the FALC text too.
Facts are normalised before comparing (« quatorze » = « 14 », « 14/05/2024 » =
« mardi 14 mai 2024 », « 02 99 12 34 56 » = « 02.99.12.34.56 »). Findings point into the
*standard* text, where the lost fact is written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from falc import lexicon
from falc.analysis import Analysis, Token, attach_docs, prepare
from falc.config import Config
from falc.findings import Finding
from falc.numbers import NUMBER_WORDS, format_number, parse_number_words
from falc.tokenize import EMAIL_RE, PHONE_RE, URL_RE

__all__ = ["Fact", "extract_facts", "missing_facts"]

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
)
_KIND_FR = {
    "url": "adresse internet",
    "email": "adresse e-mail",
    "phone": "numéro de téléphone",
    "date": "date",
    "time": "heure",
    "number": "nombre",
    "name": "nom propre",
}


@dataclass(frozen=True, slots=True)
class Fact:
    """A fact of a text: its kind, a normalised key, and where it is written."""

    kind: str
    key: str
    start: int
    end: int
    text: str


def _unaccent(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
    ).lower()


_NUM_DATE_RE = re.compile(r"(?<![\d/.,-])(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d/-])")
_WORD_DATE_RE = re.compile(
    r"(?<![\w'’-])(1er|premier|\d{1,2}|[a-zé]+(?:-[a-zé]+)*)\s+(" + "|".join(MONTHS)
    + r")(?:\s+(\d{4}))?(?![\w])",
    re.I,
)
_TIME_RE = re.compile(
    r"(?<![\w'’:])(\d{1,2}|[a-zéè]+(?:-[a-zéè]+)*)(?:\s?(?:h|heures?)(?:\s?(\d{2}))?|:(\d{2}))"
    r"(?![\w])",
    re.I,
)
_DIGITS_RE = re.compile(
    r"(?<![\d,.])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?!\d)|(?<![\d,.])\d+(?:,\d+)?(?!\d)"
)
_PERCENT_AFTER_RE = re.compile(r"^\s*(?:%|pour\s*cent)", re.I)


def _spelled(word: str) -> int | None:
    parts = [p for p in re.split(r"[-‐]", word.lower()) if p]
    if not parts or not all(p in NUMBER_WORDS or p == "et" for p in parts):
        return None
    return parse_number_words(parts)


def _dates(text: str) -> Iterator[Fact]:
    for m in _NUM_DATE_RE.finditer(text):
        day, sep, month, year = int(m.group(1)), m.group(2), int(m.group(3)), m.group(4)
        if (sep != "/" and year is None) or not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        y = (int(year) + 2000 if len(year) == 2 else int(year)) if year else None
        yield Fact("date", f"{day}/{month}" + (f"/{y}" if y else ""), m.start(), m.end(), m.group())
    for m in _WORD_DATE_RE.finditer(text):
        raw = m.group(1).lower()
        day = 1 if raw in ("1er", "premier") else (int(raw) if raw.isdigit() else _spelled(raw))
        if day is None or not 1 <= day <= 31:
            continue
        month = MONTHS.index(m.group(2).lower()) + 1
        y = int(m.group(3)) if m.group(3) else None
        yield Fact("date", f"{day}/{month}" + (f"/{y}" if y else ""), m.start(), m.end(), m.group())


def _times(text: str) -> Iterator[Fact]:
    for m in _TIME_RE.finditer(text):
        raw = m.group(1)
        hours = int(raw) if raw.isdigit() else _spelled(raw)
        if hours is None or hours > 24:
            continue
        minutes = int(m.group(2) or m.group(3) or 0)
        yield Fact("time", f"{hours}:{minutes:02d}", m.start(), m.end(), m.group())


def _numbers(text: str, tokens: list[Token], taken: list[tuple[int, int]]) -> Iterator[Fact]:
    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _DIGITS_RE.finditer(text):
        if not free(*m.span()) or _PERCENT_AFTER_RE.match(text[m.end() :]):
            continue
        raw = m.group()
        value = re.sub(r"[\s\u00a0\u202f]", "", raw).replace(",", ".")
        yield Fact("number", value.rstrip("0").rstrip(".") if "." in value else value,
                   m.start(), m.end(), raw)
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and (
            _spelled(tokens[j].text) is not None
            or (tokens[j].lower == "et" and j > i and j + 1 < len(tokens)
                and _spelled(tokens[j + 1].text) is not None)
        ):
            j += 1
        if j == i:
            i += 1
            continue
        seq = tokens[i:j]
        words = [p for t in seq for p in re.split(r"[-‐]", t.lower) if p]
        start, end = seq[0].start, seq[-1].end
        i = j
        if all(w in ("un", "une", "et") for w in words) or not free(start, end):
            continue
        if _PERCENT_AFTER_RE.match(text[end:]):
            continue
        value = parse_number_words(words)
        if value is not None:
            yield Fact("number", str(value), start, end, text[start:end])


_IMPERATIVE_RE = re.compile(r"^[^\W\d_]{2,}(?:ez|ons)(?:-[^\W\d_]+)*$")
_OPENERS_RE = re.compile(r"[:;«»\"“”(\[—–•.!?]|(?:^|\s)-\s")
_NAME_JOINERS = frozenset({"de", "du", "des", "la", "le", "l'", "d'"})


def _names(a: Analysis) -> Iterator[Fact]:
    """Proper nouns: capitalised words inside a sentence, or at its start when spaCy says
    ``PROPN`` or the project allow-list has them; acronyms; joined by « de la », « du »…"""
    allow = a.config.allow

    def gap(x: Token, y: Token) -> str:
        return a.clean[x.end : y.start]

    def is_name(tokens: list[Token], i: int) -> bool:
        t = tokens[i]
        if not (t.is_word and t.text[:1].isupper()):
            return False
        if t.lower in allow or t.is_upper:
            return True
        starts = i == 0 or _OPENERS_RE.search(gap(tokens[i - 1], t)) is not None
        if starts:
            # Any word is capitalised here: only a rare word that spaCy calls PROPN counts
            # (« Identifiez », « Étape » are not names).
            return (
                t.pos == "PROPN"
                and not _IMPERATIVE_RE.match(t.lower)
                and lexicon.word_zipf(t.lower) < 4.0
            )
        return t.pos == "PROPN" if a.tier2 else True

    for tokens in a.tokens:
        i = 0
        while i < len(tokens):
            if not is_name(tokens, i):
                i += 1
                continue
            j = i + 1
            while j < len(tokens) and not gap(tokens[j - 1], tokens[j]).strip():
                if tokens[j].text[:1].isupper() and tokens[j].is_word:
                    j += 1
                elif (
                    tokens[j].lower in _NAME_JOINERS
                    and j + 1 < len(tokens)
                    and tokens[j + 1].text[:1].isupper()
                    and not gap(tokens[j], tokens[j + 1]).strip()
                ):
                    j += 2
                else:
                    break
            s, e = tokens[i].start, tokens[j - 1].end
            i = j
            yield Fact("name", _unaccent(a.text[s:e]), s, e, a.text[s:e])


def extract_facts(text: str, config: Config, docs: list[Any] | None = None) -> list[Fact]:
    """Facts of *text*; *docs* (one spaCy doc per unit) adds named entities."""
    a = prepare(text, config)
    if docs is not None:
        attach_docs(a, docs)
    facts: list[Fact] = []
    for regex, kind, norm in (
        (URL_RE, "url", lambda s: re.sub(r"^(?:https?://)?(?:www\.)?", "", s.lower()).rstrip("/")),
        (EMAIL_RE, "email", str.lower),
        (PHONE_RE, "phone", lambda s: re.sub(r"^\+33", "0", re.sub(r"[^\d+]", "", s))),
    ):
        normalise: Callable[[str], str] = norm
        facts.extend(
            Fact(kind, normalise(m.group()), m.start(), m.end(), m.group())
            for m in regex.finditer(text)
        )
    taken = [(f.start, f.end) for f in facts]
    for fact in [*_dates(text), *_times(text)]:
        if all(fact.end <= s or fact.start >= e for s, e in taken):
            facts.append(fact)
            taken.append((fact.start, fact.end))
    tokens = [t for unit in a.tokens for t in unit]
    facts.extend(_numbers(text, tokens, taken))
    taken = [(f.start, f.end) for f in facts]
    for fact in _names(a):
        if all(fact.end <= s or fact.start >= e for s, e in taken):
            facts.append(fact)
    return sorted(facts, key=lambda f: f.start)


def _present(fact: Fact, falc_facts: list[Fact], falc_text: str) -> bool:
    same_kind = [f.key for f in falc_facts if f.kind == fact.kind]
    if fact.kind == "date":
        day_month = "/".join(fact.key.split("/")[:2])
        year = fact.key.split("/")[2] if fact.key.count("/") == 2 else None
        if not any(k.split("/")[:2] == day_month.split("/") for k in same_kind):
            return False
        return year is None or year in falc_text
    if fact.kind == "name":
        haystack = _unaccent(falc_text)
        return re.search(rf"(?<!\w){re.escape(fact.key)}(?!\w)", haystack) is not None
    if fact.kind == "number":
        numbers = {f.key for f in falc_facts if f.kind in ("number",)}
        numbers |= {p for f in falc_facts if f.kind == "date" for p in f.key.split("/")}
        numbers |= {f.key.split(":")[0] for f in falc_facts if f.kind == "time"}
        return fact.key in numbers
    return fact.key in same_kind


def missing_facts(
    standard: str, falc: str, config: Config, docs: tuple[Any, Any] | None = None
) -> list[Finding]:
    """FALC-PAIR-002 findings for the facts of *standard* missing from *falc*."""
    std_docs, falc_docs = docs if docs is not None else (None, None)
    std = extract_facts(standard, config, std_docs)
    easy = extract_facts(falc, config, falc_docs)
    findings = []
    reported: set[tuple[str, str]] = set()
    for fact in std:
        if (fact.kind, fact.key) in reported or _present(fact, easy, falc):
            continue
        reported.add((fact.kind, fact.key))
        shown = fact.text
        if fact.kind == "number" and fact.key.isdigit():
            shown = format_number(int(fact.key))
        findings.append(
            Finding(
                "FALC-PAIR-002",
                "warning",
                f"Le texte FALC ne reprend pas « {fact.text} » ({_KIND_FR[fact.kind]}) du "
                "texte standard.",
                f"Gardez cette information dans le texte FALC, écrite simplement : « {shown} ».",
                fact.start,
                fact.end,
            )
        )
    return findings
