"""Numbers and dates: FALC-NUM-001…006.

FALC writes numbers in digits, avoids percentages, big numbers and Roman numerals, and
writes dates in full with the day of the week (« mardi 14 mai 2024 »).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache

from falc.analysis import Analysis, Token
from falc.findings import Finding, Severity
from falc.numbers import (
    NUMBER_WORDS,
    format_number,
    parse_number_words,
    percent_in_words,
    roman_to_int,
)

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
)
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

_NEUF_NEXT = frozenset({"heures", "h", "ans", "mois", "jours", "semaines", "cents", "mille"})


def _full_date(day: int, month: int, year: int | None) -> str | None:
    """« mardi 14 mai 2024 », or « 14 mai » (no weekday without a year); None if invalid."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    day_s = "1er" if day == 1 else str(day)
    if year is None:
        return f"{day_s} {MONTHS[month - 1]}"
    if year < 100:
        year += 2000
    try:
        weekday = WEEKDAYS[dt.date(year, month, day).weekday()]
    except ValueError:
        return None
    return f"{weekday} {day_s} {MONTHS[month - 1]} {year}"


# ------------------------------------------------------------------- spelled numbers


def _is_number_token(t: Token) -> bool:
    low = t.lower
    if "-" not in low and "‐" not in low:  # most tokens: no split needed
        return low in NUMBER_WORDS
    parts = [p for p in re.split(r"[-‐]", low) if p]
    return bool(parts) and all(p in NUMBER_WORDS or p == "et" for p in parts) and any(
        p != "et" for p in parts
    )


@lru_cache(maxsize=16)
def _idiom_regex(idioms: tuple[str, ...]) -> re.Pattern[str] | None:
    if not idioms:
        return None
    alternatives = "|".join(
        re.escape(i).replace(r"\ ", r"\s+") for i in sorted(idioms, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w-])", re.I)


def _idiom_spans(a: Analysis) -> list[tuple[int, int]]:
    regex = _idiom_regex(tuple(a.config.number_idioms))
    return [m.span() for m in regex.finditer(a.text)] if regex else []


def _spelled_numbers(tokens: list[Token]) -> Iterator[list[Token]]:
    i = 0
    while i < len(tokens):
        if not _is_number_token(tokens[i]) or tokens[i].lower == "et":
            i += 1
            continue
        seq = [tokens[i]]
        j = i + 1
        while j < len(tokens):
            if _is_number_token(tokens[j]) and tokens[j].lower != "et":
                seq.append(tokens[j])
                j += 1
            elif (
                tokens[j].lower == "et"
                and j + 1 < len(tokens)
                and _is_number_token(tokens[j + 1])
            ):
                seq.extend(tokens[j : j + 2])
                j += 2
            else:
                break
        yield seq
        i = j


#: Number words that are also other words (« neuf » new, « sept. » September, « un »
#: article): only the model's tag, or a plural noun after them, says they are numbers.
_AMBIGUOUS_NUMBER_WORDS = frozenset({"neuf", "neufs", "sept", "un", "une", "cent", "cents"})


def num_001(a: Analysis) -> Iterator[Finding]:
    idioms = _idiom_spans(a)
    for tokens in a.tokens:
        for seq in _spelled_numbers(tokens):
            first, last = seq[0], seq[-1]
            words_ = [p for t in seq for p in re.split(r"[-‐]", t.lower) if p]
            if all(w in ("un", "une", "et") for w in words_):
                continue  # « un », « une »: articles as much as numbers
            if any(s < last.end and first.start < e for s, e in idioms):
                continue
            nxt = tokens[last.index + 1] if last.index + 1 < len(tokens) else None
            prev = tokens[first.index - 1] if first.index else None
            if prev is not None and prev.lower == "pour" and words_ in (["cent"], ["cents"]):
                continue  # « pour cent » is FALC-NUM-003
            if words_ in (["neuf"], ["neufs"]):
                if first.pos == "ADJ":
                    continue
                if first.pos != "NUM" and not (
                    nxt is not None and (nxt.lower in _NEUF_NEXT or re.search(r"[sx]$", nxt.lower))
                ):
                    continue  # « un vélo neuf »
            if words_ == ["sept"] and a.text[last.end : last.end + 1] == ".":
                before = a.text[max(0, first.start - 6) : first.start]
                after = a.text[last.end + 1 : last.end + 4]
                if re.search(r"\d(?:er)?\s*$", before) or re.match(r"\s*\d", after):
                    continue  # « 3 sept. 2024 » is an abbreviation (FALC-ABBR-001)
            value = parse_number_words(words_)
            if value is None:
                continue
            confirmed = a.tier2 and (
                any(t.pos == "NUM" for t in seq)
                # a word that can only be a number (« douze », « trente ») needs no model
                or not any(w in _AMBIGUOUS_NUMBER_WORDS for w in words_)
                # the model misreads « neuf » before a noun: a plural noun confirms it
                or (nxt is not None and nxt.pos == "NOUN" and nxt.morph.get("Number") == "Plur")
            )
            severity: Severity = "error" if confirmed else "warning"
            spelled = a.text[first.start : last.end]
            digits = format_number(value)
            yield a.finding(
                "FALC-NUM-001",
                first.start,
                last.end,
                f"Nombre écrit en lettres : « {spelled} ».",
                f"Écrivez le nombre en chiffres : « {digits} ».",
                severity,
            )


# ---------------------------------------------------------------------- big numbers

_NUMBER_RE = re.compile(
    r"(?<![\d,.])\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?![\d])|(?<![\d,.])\d{4,}(?![\d])"
)


def _round(value: int) -> int:
    digits = len(str(value))
    factor = 10 ** max(0, digits - 2)
    return (value // factor) * factor


def num_002(a: Analysis) -> Iterator[Finding]:
    limit = a.config.thresholds.big_number
    protected = [
        (t.start, t.end) for t in a.all_tokens() if t.kind in ("phone", "url", "email")
    ]
    for m in _NUMBER_RE.finditer(a.clean):
        if any(s <= m.start() < e for s, e in protected):
            continue
        raw = m.group()
        value = int(re.sub(r"\D", "", raw))
        if value < limit:
            continue
        if raw.isdigit() and len(raw) == 4 and 1900 <= value <= 2100:
            continue  # a year
        after = a.clean[m.end() : m.end() + 30]
        if raw.isdigit() and len(raw) == 5 and re.match(r"\s+[A-ZÀ-Ý]", after):
            continue  # a postcode: « 35000 Rennes »
        if raw.isdigit() and len(raw) > 6:
            continue  # an identifier, not a quantity
        rounded = _round(value)
        if rounded != value:
            hint = (
                f"Arrondissez : « environ {format_number(rounded)} », ou comparez avec "
                "une chose connue."
            )
        else:
            hint = (
                "Si le nombre exact n'est pas utile, écrivez « beaucoup », ou comparez "
                "avec une chose connue."
            )
        yield a.finding(
            "FALC-NUM-002",
            m.start(),
            m.end(),
            f"Grand nombre : « {raw} ». Les grands nombres sont difficiles à imaginer.",
            hint,
        )


# ---------------------------------------------------------------------- percentages

_PERCENT_RE = re.compile(r"(?:(\d+(?:[.,]\d+)?)\s*)?%")
_POUR_CENT_RE = re.compile(r"(?<![\w'’])(pour\s*cent|pourcentages?)(?![\w])", re.I)


def num_003(a: Analysis) -> Iterator[Finding]:
    for m in _PERCENT_RE.finditer(a.clean):
        digits = m.group(1)
        if digits is not None:
            proportion = percent_in_words(float(digits.replace(",", ".")))
            hint = f"Écrivez une proportion simple : « {proportion} »."
        else:
            hint = "Écrivez une proportion simple, par exemple « 1 personne sur 3 »."
        yield a.finding(
            "FALC-NUM-003",
            m.start(),
            m.end(),
            f"Pourcentage : « {m.group()} ». Les pourcentages sont difficiles à comprendre.",
            hint,
        )
    for m in _POUR_CENT_RE.finditer(a.clean):
        start = m.start()
        value: int | None = None
        if m.group(1).lower().startswith("pour") and not m.group(1).lower().startswith(
            "pourcentage"
        ):
            before = a.clean[: m.start()]
            nm = re.search(r"((?:[^\W\d_]+[\s-]+){0,4}?[^\W\d_]+)\s+$", before)
            dm = re.search(r"(\d+(?:[.,]\d+)?)\s+$", before)
            if dm:
                value, start = int(float(dm.group(1).replace(",", "."))), dm.start(1)
            elif nm:
                words_ = re.split(r"[\s-]+", nm.group(1))
                for k in range(len(words_)):
                    parsed = parse_number_words([w.lower() for w in words_[k:]])
                    if parsed is not None:
                        value = parsed
                        start = nm.start(1) + len(" ".join(words_[:k])) + (1 if k else 0)
                        break
        hint = (
            f"Écrivez une proportion simple : « {percent_in_words(value)} »."
            if value is not None
            else "Écrivez une proportion simple, par exemple « 1 personne sur 3 »."
        )
        yield a.finding(
            "FALC-NUM-003",
            start,
            m.end(),
            f"Pourcentage : « {a.text[start : m.end()]} ». Les pourcentages sont difficiles "
            "à comprendre.",
            hint,
        )


# -------------------------------------------------------------------- Roman numerals

_ROMAN_ORDINAL_RE = re.compile(
    r"(?<![\w'’-])([IVXLCDM]+)(e|er|ère|re|ème|eme|es|èmes)(?![\w'’-])"
)
_ROMAN_CONTEXT_RE = re.compile(
    r"(?<![\w'’-])((?:siècles?|chapitres?|tomes?|volumes?|actes?|titre|livre|partie|annexe|"
    r"article|saison|épisode|Louis|Henri|Charles|François|Napoléon|Philippe|Jean|Pie|Léon|"
    r"Benoît|Jean-Paul|Élisabeth|Elizabeth|Richard|Édouard|Guillaume|Frédéric|Pierre)\s+)"
    r"([IVXLCDM]+)(?![\w'’-])"
)


def num_004(a: Analysis) -> Iterator[Finding]:
    for m in _ROMAN_ORDINAL_RE.finditer(a.clean):
        numeral = m.group(1)
        if not re.search(r"[IVX]", numeral):
            continue  # « Le », « Ce », « De », « Me »
        value = roman_to_int(numeral)
        if value is None:
            continue
        suffix = "er" if value == 1 and m.group(2) in ("er", "re", "ère") else "e"
        if m.group(2) in ("re", "ère"):
            suffix = "re"
        yield a.finding(
            "FALC-NUM-004",
            m.start(),
            m.end(),
            f"Chiffres romains : « {m.group()} ».",
            f"Écrivez en chiffres : « {value}{suffix} ».",
        )
    for m in _ROMAN_CONTEXT_RE.finditer(a.clean):
        numeral = m.group(2)
        if len(numeral) == 1 and numeral not in "IVX":
            continue
        value = roman_to_int(numeral)
        if value is None:
            continue
        context = m.group(1).strip()
        start = m.start(2) if context[0].islower() else m.start()
        yield a.finding(
            "FALC-NUM-004",
            start,
            m.end(),
            f"Chiffres romains : « {a.text[start : m.end()]} ».",
            f"Écrivez en chiffres : « {context} {value} ».",
        )


# ----------------------------------------------------------------------------- dates

_NUMERIC_DATE_RE = re.compile(
    r"(?<![\d/.,-])(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d/-]|[.,]\d)"
)


def num_005(a: Analysis) -> Iterator[Finding]:
    for m in _NUMERIC_DATE_RE.finditer(a.clean):
        day, sep, month, year = int(m.group(1)), m.group(2), int(m.group(3)), m.group(4)
        if sep != "/" and year is None:
            continue  # « 10-12 ans », « 2.5 »
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        full = _full_date(day, month, int(year) if year else None)
        if full is None:
            continue
        hint = f"Écrivez la date en toutes lettres : « {full} »."
        if year is None:
            hint = f"Écrivez la date en toutes lettres, avec le jour : « lundi {full} »."
        yield a.finding(
            "FALC-NUM-005",
            m.start(),
            m.end(),
            f"Date écrite en chiffres : « {m.group()} ».",
            hint,
        )


_WORD_DATE_RE = re.compile(
    r"(?<![\w'’-])(1er|premier|\d{1,2})\s+(" + "|".join(MONTHS) + r")(?:\s+(\d{4}))?(?![\w])",
    re.I,
)
_WEEKDAY_BEFORE_RE = re.compile(r"(?:" + "|".join(WEEKDAYS) + r")\s*$", re.I)
_TIME_RE = re.compile(r"(?<![\w'’])(\d{1,2})\s?h(?:\s?(\d{2}))?(?![\w])")
_EURO_RE = re.compile(r"(\d[\d \u00a0\u202f]*(?:,\d+)?)\s*€|€\s*(\d+(?:,\d+)?)|€")


def num_006(a: Analysis) -> Iterator[Finding]:
    for m in _WORD_DATE_RE.finditer(a.clean):
        if _WEEKDAY_BEFORE_RE.search(a.clean[: m.start()]):
            continue
        day = 1 if m.group(1).lower() in ("1er", "premier") else int(m.group(1))
        month = MONTHS.index(m.group(2).lower()) + 1
        full = _full_date(day, month, int(m.group(3)) if m.group(3) else None)
        if full is None:
            continue
        if m.group(3):
            hint = f"Ajoutez le jour de la semaine : « {full} »."
        else:
            hint = f"Ajoutez le jour de la semaine, par exemple : « mardi {full} »."
        yield a.finding(
            "FALC-NUM-006",
            m.start(),
            m.end(),
            f"Date sans le jour de la semaine : « {m.group()} ».",
            hint,
        )
    for m in _TIME_RE.finditer(a.clean):
        hours, minutes = int(m.group(1)), m.group(2)
        if hours > 24:
            continue
        spoken = f"{hours} heure{'s' if hours > 1 else ''}" + (f" {minutes}" if minutes else "")
        yield a.finding(
            "FALC-NUM-006",
            m.start(),
            m.end(),
            f"Heure abrégée : « {m.group()} ».",
            f"Écrivez « {spoken} ».",
        )
    for m in _EURO_RE.finditer(a.clean):
        amount = (m.group(1) or m.group(2) or "").strip()
        hint = f"Écrivez « {amount} euros »." if amount else "Écrivez « euros » en toutes lettres."
        yield a.finding(
            "FALC-NUM-006",
            m.start(),
            m.end(),
            f"Symbole de l'euro : « {m.group().strip()} ».",
            hint,
        )


RULES = [num_001, num_002, num_003, num_004, num_005, num_006]
