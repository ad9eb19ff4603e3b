"""FALC-PAIR-002: the FALC text keeps the facts of the standard text.

A FALC text is simpler, never different: the numbers, dates, times, phone numbers, URLs,
e-mail addresses and proper nouns of the standard text must be in the FALC text too.
Facts are normalised before comparing (« quatorze » = « 14 », « 14/05/2024 » =
« mardi 14 mai 2024 », « 02 99 12 34 56 » = « 02.99.12.34.56 », « & » = « et »). An
acronym of the standard text spelled out in the FALC text (« le facile à lire et à
comprendre » for « FALC ») is kept. Findings point into the *standard* text, where the
lost fact is written.

Only proper nouns need spaCy, and only for a capitalised word that neither the allow-list
nor the word itself decides: :func:`pos_units` says which sentences of the standard text
need parts of speech, so a batch check tags those alone (the FALC side needs none).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from falc import lexicon
from falc.analysis import Analysis, Token, attach_docs, prepare
from falc.config import Config
from falc.findings import Finding
from falc.numbers import NUMBER_WORDS, format_number, parse_number_words
from falc.rules.abbr import initials_match
from falc.tokenize import EMAIL_RE, PHONE_RE, URL_RE

__all__ = ["Fact", "extract_facts", "facts_of", "missing_facts", "pos_units"]

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
    """Lower case without accents, « & » read « et », one space between words."""
    bare = "".join(
        c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
    ).lower()
    bare = re.sub(r"\s*&\s*", " et ", bare.replace("’", "'"))
    return re.sub(r"\s+", " ", bare).strip()


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
#: What every match of _WORD_DATE_RE / _TIME_RE contains: cheap tests before the regexes
#: that try a word at every position.
_MONTH_RE = re.compile("|".join(MONTHS), re.I)
_TIME_TAIL_RE = re.compile(r"(?:\s?(?:h|heures?)(?:\s?\d{2})?|:\d{2})(?!\w)", re.I)
_DIGITS_RE = re.compile(
    r"(?<![\d,.])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?!\d)|(?<![\d,.])\d+(?:,\d+)?(?!\d)"
)
_PERCENT_AFTER_RE = re.compile(r"^\s*(?:%|pour\s*cent)", re.I)


def _spelled(word: str) -> int | None:
    low = word.lower()
    if "-" not in low and "‐" not in low:  # most words: no split needed
        return parse_number_words([low]) if low in NUMBER_WORDS else None
    parts = [p for p in re.split(r"[-‐]", low) if p]
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
    if not _MONTH_RE.search(text):
        return
    for m in _WORD_DATE_RE.finditer(text):
        raw = m.group(1).lower()
        said = 1 if raw in ("1er", "premier") else (int(raw) if raw.isdigit() else _spelled(raw))
        if said is None or not 1 <= said <= 31:
            continue
        month = MONTHS.index(m.group(2).lower()) + 1
        y = int(m.group(3)) if m.group(3) else None
        yield Fact("date", f"{said}/{month}" + (f"/{y}" if y else ""), m.start(), m.end(),
                   m.group())


def _times(text: str) -> Iterator[Fact]:
    if not _TIME_TAIL_RE.search(text):
        return
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
        number = parse_number_words(words)
        if number is not None:
            yield Fact("number", str(number), start, end, text[start:end])


_IMPERATIVE_RE = re.compile(r"^[^\W\d_]{2,}(?:ez|ons)(?:-[^\W\d_]+)*$")
_OPENERS_RE = re.compile(r"[:;«»\"“”(\[—–•.!?…→]|(?:^|\s)-\s")
_NAME_JOINERS = frozenset({"de", "du", "des", "la", "le", "l'", "d'"})


def _gap(a: Analysis, x: Token, y: Token) -> str:
    return a.clean[x.end : y.start]


def _starts(a: Analysis, tokens: list[Token], i: int) -> bool:
    """The token begins a sentence, a quotation or an item: any word is capitalised there."""
    return i == 0 or _OPENERS_RE.search(_gap(a, tokens[i - 1], tokens[i])) is not None


def _name_verdict(a: Analysis, tokens: list[Token], i: int) -> bool | None:
    """Whether the token starts a proper noun, or None when spaCy's part of speech
    decides (a capitalised word that neither the allow-list nor the word decides)."""
    t = tokens[i]
    if not (t.text[:1].isupper() and t.is_word):
        return False
    if t.lower in a.config.allow or t.is_upper:
        return True
    if _starts(a, tokens, i) and (
        # Any word is capitalised here: only a rare word that spaCy calls PROPN counts
        # (« Identifiez », « Étape » are not names).
        _IMPERATIVE_RE.match(t.lower) or lexicon.word_zipf(t.lower) >= 4.0
    ):
        return False
    return None


def pos_units(a: Analysis) -> list[int]:
    """Indexes of the units whose proper nouns depend on spaCy's parts of speech."""
    return [
        u
        for u, tokens in enumerate(a.tokens)
        if any(_name_verdict(a, tokens, i) is None for i in range(len(tokens)))
    ]


def _is_name(a: Analysis, tokens: list[Token], i: int) -> bool:
    verdict = _name_verdict(a, tokens, i)
    if verdict is not None:
        return verdict
    if a.docs is not None and a.docs[tokens[i].unit] is not None:
        return tokens[i].pos == "PROPN"
    # Without spaCy: a capitalised word inside a sentence is a name, at its start it is not.
    return not _starts(a, tokens, i)


def _names(a: Analysis) -> Iterator[Fact]:
    """Proper nouns: capitalised words inside a sentence, or at its start when spaCy says
    ``PROPN`` or the project allow-list has them; acronyms; joined by « de la », « du »,
    « & »…"""
    for tokens in a.tokens:
        i = 0
        while i < len(tokens):
            if not _is_name(a, tokens, i):
                i += 1
                continue
            j = i + 1
            while j < len(tokens):
                # « Épilepsies & Handicap »: « & » is no token, it shows in the gap.
                gap = _gap(a, tokens[j - 1], tokens[j]).strip()
                if gap not in ("", "&"):
                    break
                if tokens[j].text[:1].isupper() and tokens[j].is_word:
                    j += 1
                elif (
                    not gap
                    and tokens[j].lower in _NAME_JOINERS
                    and j + 1 < len(tokens)
                    and tokens[j + 1].text[:1].isupper()
                    and not _gap(a, tokens[j], tokens[j + 1]).strip()
                ):
                    j += 2
                else:
                    break
            s, e = tokens[i].start, tokens[j - 1].end
            i = j
            yield Fact("name", _unaccent(a.text[s:e]), s, e, a.text[s:e])


def extract_facts(text: str, config: Config, docs: list[Any] | None = None) -> list[Fact]:
    """Facts of *text*; *docs* (one spaCy doc per unit) tells proper nouns apart."""
    a = prepare(text, config)
    if docs is not None:
        attach_docs(a, docs)
    return facts_of(a)


def facts_of(a: Analysis, names: bool = True) -> list[Fact]:
    """Facts of an analysed text (its docs, when attached, tell proper nouns apart);
    *names*: False leaves proper nouns out (the FALC side: names are searched in its text)."""
    text = a.text
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
    if not names:
        return sorted(facts, key=lambda f: f.start)
    taken = [(f.start, f.end) for f in facts]
    for fact in _names(a):
        if all(fact.end <= s or fact.start >= e for s, e in taken):
            facts.append(fact)
    return sorted(facts, key=lambda f: f.start)


def _spelled_out(acronym: str, falc_text: str, haystack: str, config: Config) -> bool:
    """The FALC text spells the acronym out: its glossary explanation, or a run of words
    whose initials give its letters (« facile à lire et à comprendre » for FALC).
    *haystack*: the FALC text through :func:`_unaccent`."""
    bare = acronym[:-1] if acronym.endswith("s") and len(acronym) > 2 else acronym
    explanation = config.glossary.get(acronym) or config.glossary.get(bare)
    if explanation:
        body = re.sub(r"^(?:le|la|les|un|une|des|l['’])\s*", "", explanation.strip(), flags=re.I)
        head = _unaccent(" ".join(body.split()[:3]))
        if head and head in haystack:
            return True
    words = re.findall(r"[^\W\d_]+", falc_text)
    return initials_match(_unaccent(bare), words)


def _present(
    fact: Fact, falc_facts: list[Fact], falc_text: str, haystack: str, config: Config
) -> bool:
    same_kind = [f.key for f in falc_facts if f.kind == fact.kind]
    if fact.kind == "date":
        day_month = "/".join(fact.key.split("/")[:2])
        year = fact.key.split("/")[2] if fact.key.count("/") == 2 else None
        if not any(k.split("/")[:2] == day_month.split("/") for k in same_kind):
            return False
        return year is None or year in falc_text
    if fact.kind == "name":
        if re.search(rf"(?<!\w){re.escape(fact.key)}(?!\w)", haystack) is not None:
            return True
        letters = re.sub(r"[^\w]", "", fact.text)
        return (
            letters.isupper()
            and len(letters) >= 2
            and _spelled_out(letters, falc_text, haystack, config)
        )
    if fact.kind == "number":
        numbers = {f.key for f in falc_facts if f.kind in ("number",)}
        numbers |= {p for f in falc_facts if f.kind == "date" for p in f.key.split("/")}
        numbers |= {f.key.split(":")[0] for f in falc_facts if f.kind == "time"}
        return fact.key in numbers
    return fact.key in same_kind


def missing_facts(
    standard: str, falc: str, config: Config, docs: tuple[Any, Any] | None = None
) -> list[Finding]:
    """FALC-PAIR-002 findings for the facts of *standard* missing from *falc*.

    *docs*: spaCy docs of the standard text's units (the FALC side needs none; the pair
    ``(standard docs, falc docs)`` of earlier versions is accepted too)."""
    std = prepare(standard, config)
    if docs is not None:
        std_docs = docs[0] if isinstance(docs, tuple) else docs
        if std_docs is not None:
            attach_docs(std, list(std_docs))
    return lost_facts(std, falc, config)


def lost_facts(standard: Analysis, falc: str, config: Config) -> list[Finding]:
    """FALC-PAIR-002 findings for an analysed standard text and its FALC text."""
    easy = facts_of(prepare(falc, config), names=False)
    haystack = _unaccent(falc)
    findings = []
    reported: set[tuple[str, str]] = set()
    for fact in facts_of(standard):
        if (fact.kind, fact.key) in reported or _present(fact, easy, falc, haystack, config):
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


def tag_for_names(analyses: Sequence[Analysis], tagger: Callable[[list[str]], list[Any]]) -> None:
    """Attach spaCy docs (from *tagger*, one call for all) to the units of *analyses*
    whose proper nouns depend on parts of speech; the other units get None."""
    wanted = [(a, u) for a in analyses for u in pos_units(a)]
    docs = tagger([a.clean[a.units[u].start : a.units[u].end] for a, u in wanted])
    per: dict[int, list[Any]] = {id(a): [None] * len(a.units) for a in analyses}
    for (a, u), doc in zip(wanted, docs, strict=True):
        per[id(a)][u] = doc
    for a in analyses:
        attach_docs(a, per[id(a)])
