"""Abbreviations and acronyms: FALC-ABBR-001…003.

No abbreviation at all; every acronym explained in the message (« La MDPH, c'est la
Maison départementale des personnes handicapées. ») or listed in the project glossary,
in which case it should still be explained at its first use in a message (info).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from falc.analysis import Analysis
from falc.context import explained_terms
from falc.findings import Finding
from falc.lexicon import is_capitals_word

_NAME_AFTER = r"(?=\s+[A-ZÀ-Ý])"
_CONTEXT: dict[str, str] = {
    "M.": _NAME_AFTER,
    "MM.": _NAME_AFTER,
    "Dr": r"\.?" + _NAME_AFTER,
    "Pr": r"\.?" + _NAME_AFTER,
    "Me": _NAME_AFTER,
    "PS": r"(?=\s*[:.])",
    "NB": r"(?=\s*[:.])",
    "bd": r"\.?(?=\s+\w)",
}
_AFTER_DIGIT = frozenset({"min", "km", "kg", "cm", "hab."})
_MONTHS = frozenset(
    {"janv.", "févr.", "fév.", "avr.", "juil.", "juill.", "sept.", "oct.", "nov.", "déc."}
)
_STOP = frozenset(
    {"de", "des", "du", "la", "le", "les", "l", "d", "et", "en", "à", "a", "au", "aux", "pour",
     "sur", "par", "dans", "un", "une"}
)
_ACRONYM_RE = re.compile(r"(?<![\w'’-])([A-ZÀ-Ý]{2,})(s?)(?![\w'’-])")
_EXPLAINED_AFTER_RE = (
    r"\s*,?\s*(?:c['’]est|ce\s+sont|veut\s+dire|signifie|est\s+l['’]|est\s+la|est\s+le|:|\()"
)


@lru_cache(maxsize=256)
def _abbreviation_regex(keys: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for key in sorted(keys, key=len, reverse=True):
        body = re.escape(key).replace(r"\ ", r"\s*")
        if key[0].islower() and key[0] != "n":
            body = f"[{key[0]}{key[0].upper()}]" + re.escape(key[1:]).replace(r"\ ", r"\s*")
        end = "" if key.endswith(".") else r"(?![\w'’-])"
        if key in _AFTER_DIGIT:  # « 5 km », « 10 min »
            parts.append(rf"(?:(?<=\d)|(?<=\d[ \u00a0])){body}{end}")
            continue
        parts.append(f"(?<![\\w'’.-]){body}{end}{_CONTEXT.get(key, '')}")
    return re.compile("|".join(f"(?:{p})" for p in parts))


def _strip_accents(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
    )


def initials_match(letters: str, words: list[str]) -> bool:
    """Some run of *words* spells *letters* with its initials; small words (de, la, et…)
    may give a letter or be skipped (« Facile À Lire et À Comprendre »)."""
    initials = [(_strip_accents(w[0]).lower(), w.lower() in _STOP) for w in words if w]
    for start in range(len(initials)):
        k = 0
        for initial, small in initials[start:]:
            if k < len(letters) and initial == letters[k]:
                k += 1
            elif not small:
                break
            if k == len(letters):
                return True
    return False


def explained(a: Analysis, acronym: str) -> bool:
    """The acronym is explained somewhere in the message: « SIGLE, c'est … »,
    « … (SIGLE) », or the initials of the words next to one of its uses spell it."""
    bare = acronym[:-1] if acronym.endswith("s") and len(acronym) > 2 else acronym
    if bare.lower() in explained_terms(a) or acronym.lower() in explained_terms(a):
        return True  # explained somewhere in the text (falc.context)
    letters = _strip_accents(bare).lower()
    pattern = rf"(?<![\w'’-]){re.escape(bare)}s?(?![\w'’-])"
    for m in re.finditer(pattern, a.text):
        start, end = m.span()
        if re.match(_EXPLAINED_AFTER_RE, a.text[end : end + 20]):
            return True
        if re.search(r"\(\s*$", a.text[max(0, start - 3) : start]):
            return True
        after = re.findall(r"[^\W\d_]+", a.text[end : end + 200])[:14]
        before = re.findall(r"[^\W\d_]+", a.text[max(0, start - 200) : start])[-14:]
        if initials_match(letters, after) or initials_match(letters, before):
            return True
    return False


_RUN_RE = re.compile(r"[^\W_]+")


@lru_cache(maxsize=256)
def _abbreviation_index(keys: tuple[str, ...]) -> tuple[frozenset[str] | None, dict[str, str]]:
    """For a set of abbreviations: the first letters-and-digits run of each (lower case),
    which a match must have as a whole word (digits before it allowed: « 5km »), so the
    big regular expression runs only on texts that have one (None: a key does not start
    with a letter or digit, always run it); and the key of each written form."""
    heads: frozenset[str] | None = frozenset(
        m.group() for k in keys if (m := _RUN_RE.match(k.lower()))
    )
    if any(not _RUN_RE.match(k) for k in keys):
        heads = None
    by_form: dict[str, str] = {}
    for k in keys:
        by_form.setdefault(re.sub(r"\s", "", k).lower(), k)
    return heads, by_form


def abbr_001(a: Analysis) -> Iterator[Finding]:
    keys = tuple(a.config.abbreviations)
    if not keys:
        return
    heads, by_form = _abbreviation_index(keys)
    if heads is not None:
        runs = {run.lstrip("0123456789") for run in _RUN_RE.findall(a.clean.lower())}
        if heads.isdisjoint(runs):
            return
    regex = _abbreviation_regex(keys)
    for m in regex.finditer(a.clean):
        found = m.group().strip()
        key = by_form.get(re.sub(r"\s", "", found).lower(), found)
        if key in _MONTHS:
            before = a.clean[max(0, m.start() - 6) : m.start()]
            after = a.clean[m.end() : m.end() + 4]
            if not (re.search(r"\d(?:er)?\s*$", before) or re.match(r"\s*\d", after)):
                continue
        replacement = a.config.abbreviations.get(key, "écrivez le mot en entier")
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        yield a.finding(
            "FALC-ABBR-001",
            start,
            m.end(),
            f"Abréviation : « {found} ». Le lecteur ne sait pas toujours ce qu'elle veut dire.",
            f"Écrivez le mot en entier : « {replacement} »."
            if not replacement.startswith(("donnez", "écrivez", "à savoir"))
            else replacement[0].upper() + replacement[1:] + ".",
        )


def abbr_002(a: Analysis) -> Iterator[Finding]:
    seen: set[str] = set()
    for m in _ACRONYM_RE.finditer(a.clean):
        token = m.group(1)
        full = m.group()
        if token in seen or a.config.is_known_acronym(full) or a.config.is_known_acronym(token):
            continue
        if token.lower() in a.config.allow or is_capitals_word(token, a.tier3):
            continue
        seen.add(token)
        if explained(a, full):
            continue
        yield a.finding(
            "FALC-ABBR-002",
            m.start(),
            m.end(),
            f"Sigle pas expliqué : « {full} ».",
            f"Expliquez le sigle la première fois : « La {token}, c'est … » (avec les mots "
            "de chaque lettre), ou ajoutez-le au glossaire du projet (falc.toml).",
        )


@lru_cache(maxsize=32)
def _acronyms_of(terms: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(k for k in terms if sum(c.isupper() for c in k) >= 2 and " " not in k)


def _glossary_acronyms(a: Analysis) -> tuple[str, ...]:
    return _acronyms_of(tuple(a.config.glossary))


def abbr_003(a: Analysis) -> Iterator[Finding]:
    low_text = a.text.lower()
    for acronym in _glossary_acronyms(a):
        if acronym not in a.clean:
            continue  # (cheap test first: the search below needs the acronym as it is)
        m = re.search(rf"(?<![\w'’-]){re.escape(acronym)}s?(?![\w'’-])", a.clean)
        if m is None:
            continue
        explanation = a.config.glossary[acronym]
        bare = re.sub(r"^(?:le|la|les|un|une|des|l['’])\s*", "", explanation.strip(), flags=re.I)
        head = " ".join(bare.split()[:3]).lower()
        if (head and head in low_text) or explained(a, m.group()):
            continue
        yield a.finding(
            "FALC-ABBR-003",
            m.start(),
            m.end(),
            f"« {m.group()} » n'est pas expliqué dans ce message.",
            f"Expliquez-le la première fois : « {acronym}, c'est {explanation} ».",
        )


_LETTERS_ONLY_RE = re.compile(
    r"(?<![\w-])(?P<acr>[A-ZÀ-Ý]{2,})s?\s*,?\s*(?:c['’]est|ce\s+sont|veut\s+dire|signifie)"
    r"\s+(?P<exp>[^.!?\n:;]+?)\s*(?P<end>[.!?]|$)",
    re.M,
)
_PRONOUN_START_RE = re.compile(
    r"^\W*(?:elle|il|elles|ils|cette|ce|ces|cet|son|sa|ses|leur|leurs)\b", re.I
)


def abbr_004(a: Analysis) -> Iterator[Finding]:
    """« L'ARS, c'est l'agence régionale de santé. » tells what the letters stand for,
    not what the thing does for the reader. Fine when another sentence of the text uses
    the acronym (« L'ARS donne … ») or goes on about it (« Elle … », « Cette agence … »)."""
    for m in _LETTERS_ONLY_RE.finditer(a.clean):
        acronym = m.group("acr")
        words = re.findall(r"[^\W\d_]+", m.group("exp"))
        letters = _strip_accents(acronym).lower()
        if not words or not initials_match(letters, words):
            continue
        content = [w for w in words if w.lower() not in _STOP]
        if len(content) > len(letters) + 1:
            continue  # the explanation says more than the letters
        unit = next((u for u in a.units if u.start <= m.start() < u.end), None)
        if unit is None:
            continue
        others = [u for u in a.units if u.index != unit.index]
        if any(re.search(rf"(?<![\w-]){re.escape(acronym)}", u.text) for u in others):
            continue
        following = a.units[unit.index + 1] if unit.index + 1 < len(a.units) else None
        if following is not None and _PRONOUN_START_RE.match(following.text):
            continue
        yield a.finding(
            "FALC-ABBR-004", m.start("acr"), m.end(),
            f"« {acronym} » est expliqué par ses lettres seulement : le lecteur ne sait pas "
            "ce que c'est ni ce que ça fait pour lui.",
            f"Dites ce que fait la {acronym} pour le lecteur, avec un exemple : « La {acronym} "
            "vous aide à … ».",
        )


RULES = [abbr_001, abbr_002, abbr_003, abbr_004]
