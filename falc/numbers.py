"""French numbers: spelled numbers ↔ digits, Roman numerals, percentages in plain words.

A small parser of our own (no dependency): FALC-NUM-001 needs the digits to suggest,
FALC-NUM-003 turns « 30 % » into « presque 1 personne sur 3 », and FALC-PAIR-002 compares
the numbers of two texts whatever way they are written.
"""

from __future__ import annotations

import re
from fractions import Fraction

__all__ = [
    "NUMBER_WORDS",
    "format_number",
    "parse_number_words",
    "percent_in_words",
    "roman_to_int",
]

UNITS = {
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16,
}
TENS = {
    "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    "soixante": 60, "septante": 70, "huitante": 80, "octante": 80, "nonante": 90,
}
SCALES = {
    "cent": 100, "cents": 100, "mille": 1000, "million": 10**6, "millions": 10**6,
    "milliard": 10**9, "milliards": 10**9,
}
#: Every word that can be part of a spelled number (``et`` joins « vingt et un »).
NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES)


def parse_number_words(words: list[str]) -> int | None:
    """Value of a spelled French number given as words (hyphen parts split), or None.

    >>> parse_number_words(["quatre", "vingt", "dix", "sept"])
    97
    >>> parse_number_words(["deux", "mille", "vingt", "quatre"])
    2024
    """
    total, current = 0, 0
    seen = False
    prev = ""
    for raw in words:
        w = raw.lower()
        if w == "et":
            continue
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            if w.startswith("vingt") and prev == "quatre":
                current += 80 - 4  # quatre-vingt(s)
            else:
                current += TENS[w]
        elif w in ("cent", "cents"):
            hundreds, rest = divmod(current, 100)
            current = hundreds * 100 + (rest or 1) * 100
        elif w == "mille":
            total += (current or 1) * 1000
            current = 0
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0
        else:
            return None
        seen = True
        prev = w
    return total + current if seen else None


def format_number(value: int) -> str:
    """Digits with a space between groups of 3, as French typography writes them."""
    if value >= 10**6 and value % 10**6 == 0:
        n = value // 10**6
        return f"{n} million" + ("s" if n > 1 else "")
    return f"{value:,}".replace(",", " ")


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_ROMAN_RE = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


def roman_to_int(numeral: str) -> int | None:
    """Value of a well-formed Roman numeral (upper case), or None."""
    if not numeral or not _ROMAN_RE.match(numeral):
        return None
    total = 0
    for i, ch in enumerate(numeral):
        value = _ROMAN[ch]
        if i + 1 < len(numeral) and _ROMAN[numeral[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


def percent_in_words(percent: float, noun: str = "personne") -> str:
    """Say a percentage as a simple proportion: 30 → « presque 1 personne sur 3 ».

    Chooses among fractions with denominators 2, 3, 4, 5 and 10, preferring small numbers
    over exactness (a reader with a learning disability handles « 1 sur 3 » more easily
    than « 3 sur 10 »), then says « presque » or « un peu plus de » when it is not exact.
    """
    if percent >= 100:
        return "tout le monde" if noun == "personne" else f"tous les {noun}s"
    if percent <= 0:
        return f"aucune {noun}" if noun == "personne" else f"aucun {noun}"
    if percent >= 95:
        return "presque tout le monde" if noun == "personne" else f"presque tous les {noun}s"
    if percent <= 3:
        return f"très peu de {noun}s"
    best: tuple[float, Fraction] | None = None
    for d in (2, 3, 4, 5, 10):
        for n in range(1, d):
            frac = Fraction(n, d)
            if frac.denominator != d:
                continue
            cost = abs(percent - float(frac) * 100) + (n - 1) + 0.3 * d
            if best is None or cost < best[0]:
                best = (cost, frac)
    assert best is not None
    frac = best[1]
    value = float(frac) * 100
    noun_form = noun if frac.numerator == 1 else noun + "s"
    phrase = f"{frac.numerator} {noun_form} sur {frac.denominator}"
    if percent < value - 0.5:
        return "presque " + phrase
    if percent > value + 0.5:
        return "un peu plus de " + phrase
    return phrase
