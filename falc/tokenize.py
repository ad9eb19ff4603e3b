"""Own tokenisation: sentence units, words and lexical tokens, with character offsets.

Why our own: every length threshold of the FALC rules (docs/falc.md) depends on the
counting convention, and
generic tools get French wrong (textstat drops « Bonjour. », naive splitters cut
« p. ex. »). The convention, frozen and tested:

* a *unit* (sentence) ends at `.`, `!`, `?`, `…` followed by a space and a capital, a digit
  or an opening quote — unless the dot belongs to a known abbreviation or an initial. A
  line break ends a unit unless the layout says the sentence goes on: FALC layouts cut a
  long sentence at its natural pauses, so a line without final punctuation (`.!?…:`)
  followed by a line that starts in lower case, or a line ending with `,` or `;`, goes on
  on the next line. A blank line ends a paragraph, a title (a line without final
  punctuation followed by a capital) is a unit of its own, and each list item is a unit;
* a *word* is what a word processor counts, with French conventions: `l'école`,
  `aujourd'hui`, `rendez-vous`, `14h30` are one word each, and so is a number written in
  digit groups (`12 000`), a phone number, a URL or an e-mail address; punctuation and
  symbols (`%`, `€`, `-`) are not words;
* a template placeholder (``{contact_nom}``) is one word, filled in before display;
* a *lexical token* splits the elided article or pronoun off a word (`l'` + `école`) so
  that the word lists and the frequency lexicon see the real word.

Markdown markup (bold/italic markers, list bullets, headings, link targets, simple HTML
tags) is blanked out first, character for character, so every offset stays valid in the
original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

__all__ = [
    "ELISIONS",
    "Unit",
    "Word",
    "count_words",
    "lexical_split",
    "split_sentences",
    "split_units",
    "strip_markup",
    "words",
]

URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>()\"«»\[\]]*[^\s<>()\"«»\[\].,;:!?'’]")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: Template placeholders of the dialogue files (« {contact_nom} »), filled in before display:
#: one word each, never a special character nor a word to judge.
PLACEHOLDER_RE = re.compile(r"\{[a-z_][a-z0-9_]*\}")
PHONE_RE = re.compile(r"(?<![\d+])(?:\+33[\s.\u00a0]?|0)[1-9](?:[\s.\u00a0-]?\d{2}){4}(?!\d)")

_BULLET_RE = re.compile(r"^([ \t]*)([-*+•–]|\d{1,3}[.)])([ \t]+)", re.M)
_HEADING_RE = re.compile(r"^([ \t]*)(#{1,6})([ \t]+)", re.M)
_QUOTE_RE = re.compile(r"^([ \t]*)(>)([ \t]*)", re.M)
_LINK_RE = re.compile(r"(\[)([^\]\n]+)(\]\([^)\s]+\))")
_HTML_TAG_RE = re.compile(r"</?(?:u|i|em|b|strong|br|span|p)\b[^>\n]*>", re.I)
BOLD_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC_STAR_RE = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*\w])")
_ITALIC_UNDERSCORE_RE = re.compile(r"(?<![_\w])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![_\w])")

_TOKEN_RE = re.compile(
    r"(?P<placeholder>" + PLACEHOLDER_RE.pattern + r")"
    r"|(?P<url>" + URL_RE.pattern + r")"
    r"|(?P<email>" + EMAIL_RE.pattern + r")"
    r"|(?P<phone>" + PHONE_RE.pattern + r")"
    r"|(?P<group>(?<![\d,.])\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?:,\d+)?(?![\d]))"
    r"|(?P<word>[^\W_]+(?:[.,](?=\d)\d+)*(?:['’\-‐][^\W_]+(?:[.,](?=\d)\d+)*)*['’]?)"
)

#: Elided forms that are split off a word to find the lexical word behind them.
ELISIONS = (
    "jusqu'",
    "lorsqu'",
    "puisqu'",
    "quoiqu'",
    "presqu'",
    "qu'",
    "l'",
    "d'",
    "j'",
    "m'",
    "t'",
    "s'",
    "n'",
    "c'",
)
#: Words whose apostrophe is part of the word itself.
APOSTROPHE_WORDS = frozenset(
    {"aujourd'hui", "quelqu'un", "quelqu'une", "presqu'île", "prud'homme", "prud'hommes"}
)

#: Abbreviations after which a dot does not end a sentence (they are still errors,
#: FALC-ABBR-001, but the splitter must not cut there).
NON_FINAL_ABBREVIATIONS = frozenset(
    {
        "p", "ex", "cf", "env", "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me",
        "st", "ste", "tél", "tel", "av", "bd", "boul", "n°", "no", "c.-à-d", "càd", "vol",
        "chap", "art", "fig", "éd", "coll", "hab", "max", "min", "réf", "ref", "sq", "sqq",
        "resp", "dép", "qqn", "qqch", "apr", "av. j.-c", "j.-c", "vs", "nb", "p.-s",
    }
)
#: Month abbreviations: only abbreviations next to a day number or a year
#: (« Ils sont sept. » ends a sentence; « le 3 sept. 2024 » does not).
MONTH_ABBREVIATIONS = frozenset(
    {"janv", "févr", "fév", "avr", "juil", "juill", "sept", "oct", "nov", "déc", "dec"}
)

_ALNUM_RE = re.compile(r"[^\W_]")
_LETTER_RE = re.compile(r"[^\W\d_]")
_END_RE = re.compile(r"(?:[.!?]+|…)(?:[ \u00a0]*[»”\"')\]])*")
_PREV_TOKEN_RE = re.compile(r"([^\s(«\"']+)$")


@dataclass(frozen=True, slots=True)
class Word:
    """A word (or lexical token) with its character span in the checked text."""

    text: str
    start: int
    end: int
    kind: str = "word"  # word | number | url | email | phone | placeholder


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence unit: a sentence, or a line/list item without final punctuation."""

    text: str
    start: int
    end: int
    line: int  # 0-based line number of the unit start
    index: int  # position of the unit in the text
    list_item: bool = False
    paragraph: int = 0  # 0-based paragraph (blocks separated by blank lines)
    last_line: int = -1  # line of the unit end (-1: same as *line*)

    @property
    def end_line(self) -> int:
        return self.line if self.last_line < 0 else self.last_line


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def strip_markup(text: str) -> str:
    """Return *text* with Markdown/HTML markup replaced by spaces (same length).

    Bold and italic markers, list bullets, headings, block quotes, link targets and simple
    tags go; URLs and e-mail addresses are left intact (they are one word each).
    """
    chars = list(text)
    protected = [m.span() for m in URL_RE.finditer(text)] + [
        m.span() for m in EMAIL_RE.finditer(text)
    ]

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in protected)

    for regex in (_BULLET_RE, _HEADING_RE, _QUOTE_RE):
        for m in regex.finditer(text):
            _blank(chars, m.start(2), m.end(2))
    for m in _LINK_RE.finditer(text):
        _blank(chars, m.start(1), m.end(1))
        _blank(chars, m.start(3), m.end(3))
    for m in _HTML_TAG_RE.finditer(text):
        _blank(chars, *m.span())
    for m in BOLD_RE.finditer(text):
        if free(*m.span()):
            _blank(chars, m.start(), m.start() + 2)
            _blank(chars, m.end() - 2, m.end())
    current = "".join(chars)
    for regex in (_ITALIC_STAR_RE, _ITALIC_UNDERSCORE_RE):
        for m in regex.finditer(current):
            if free(*m.span()):
                _blank(chars, m.start(), m.start() + 1)
                _blank(chars, m.end() - 1, m.end())
    return "".join(chars)


def _is_boundary(content: str, m: re.Match[str]) -> bool:
    """Decide whether the end punctuation *m* inside one line ends a sentence."""
    after = content[m.end() :]
    if not after.strip():
        return True
    if not after[0].isspace():
        return False  # "exemple.fr", "3.5", "p.ex."
    nxt = after.lstrip()[0]
    if nxt.islower():
        return False  # « Voir p. ex. le livret. »
    punct = m.group()
    if not punct.startswith("."):
        return True
    prev = _PREV_TOKEN_RE.search(content[: m.start()])
    if not prev:
        return True
    token = prev.group(1).lower()
    if token == "etc":
        return True
    if token in NON_FINAL_ABBREVIATIONS:
        return False
    if len(prev.group(1)) == 1 and prev.group(1).isupper():
        return False  # an initial: « J. Dupont »
    if token in MONTH_ABBREVIATIONS:
        before = content[: prev.start()].rstrip()
        return not (re.search(r"\d(?:er)?$", before) or re.match(r"\s*\d", after))
    return True


_FINAL_CHARS = ".!?…:"
_GOES_ON_CHARS = ",;"


def _goes_on(text: str, unit: Unit, next_unit: Unit, lines: list[str]) -> bool:
    """Does the sentence of *unit* (the last of its line) go on in *next_unit* (the first
    of the next line)? Only a layout cut: consecutive lines, no list item after, and either
    a comma at the end or no final punctuation and a lower-case start."""
    if next_unit.line != unit.end_line + 1 or next_unit.list_item:
        return False
    if not lines[unit.end_line].strip() or not lines[next_unit.line].strip():
        return False
    tail = unit.text.rstrip(" »”\"')*_")
    if not tail:
        return False
    head = next_unit.text.lstrip("*_ «\"")
    lower_start = bool(head) and head[0].islower()
    if tail[-1] in _GOES_ON_CHARS:
        return lower_start or not unit.list_item  # a list item ends with its line
    if tail[-1] in _FINAL_CHARS:
        return False
    return lower_start


def _split_lines(text: str, clean: str) -> list[Unit]:
    """Units cut at final punctuation and at every line break."""
    units: list[Unit] = []
    offset = 0
    paragraph = 0
    previous_blank = False
    for line_no, line in enumerate(clean.split("\n")):
        if not line.strip():
            if units and not previous_blank:
                paragraph += 1
            previous_blank = True
            offset += len(line) + 1
            continue
        previous_blank = False
        raw_line = text[offset : offset + len(line)]
        list_item = bool(_BULLET_RE.match(raw_line))
        cuts = [0]
        for m in _END_RE.finditer(line):
            if _is_boundary(line, m):
                cuts.append(m.end())
        cuts.append(len(line))
        for a, b in pairwise(cuts):
            segment = line[a:b]
            if not _ALNUM_RE.search(segment):
                continue
            lead = len(segment) - len(segment.lstrip())
            trail = len(segment) - len(segment.rstrip())
            start, end = offset + a + lead, offset + b - trail
            units.append(
                Unit(text[start:end], start, end, line_no, len(units), list_item, paragraph)
            )
        offset += len(line) + 1
    return units


def split_units(text: str, clean: str | None = None) -> list[Unit]:
    """Split *text* into sentence units with offsets (see the module docstring): a
    sentence laid out over several lines is one unit (its text keeps the line breaks).

    *clean*: ``strip_markup(text)`` if the caller already has it.
    """
    if clean is None:
        clean = strip_markup(text)
    pieces = _split_lines(text, clean)
    lines = text.split("\n")
    units: list[Unit] = []
    for piece in pieces:
        if units and _goes_on(text, units[-1], piece, lines):
            last = units[-1]
            units[-1] = Unit(text[last.start : piece.end], last.start, piece.end, last.line,
                             last.index, last.list_item, last.paragraph, piece.line)
            continue
        units.append(Unit(piece.text, piece.start, piece.end, piece.line, len(units),
                          piece.list_item, piece.paragraph))
    return units


def split_sentences(text: str) -> list[str]:
    """Sentences of *text* as strings (one per unit, markup included)."""
    return [u.text for u in split_units(text)]


def words(
    text: str, start: int = 0, end: int | None = None, clean: str | None = None
) -> list[Word]:
    """Word tokens of ``text[start:end]`` following the word-processor convention.

    *clean*: ``strip_markup(text)`` if the caller already has it.
    """
    if clean is None:
        clean = strip_markup(text)
    stop = len(text) if end is None else end
    out: list[Word] = []
    for m in _TOKEN_RE.finditer(clean, start, stop):
        kind = m.lastgroup or "word"
        token = m.group()
        if kind == "group" or (
            kind == "word" and token[0].isdigit() and not _LETTER_RE.search(token)
        ):
            kind = "number"
        out.append(Word(text[m.start() : m.end()], m.start(), m.end(), kind))
    return out


def count_words(text: str) -> int:
    """Number of words of *text* (``l'école``, ``12 000`` and ``rendez-vous`` count 1)."""
    return len(words(text))


def lexical_split(word: Word) -> list[Word]:
    """Split elisions off a word: ``l'école`` → ``l'`` + ``école``.

    Hyphenated words stay whole (``rendez-vous``); ``aujourd'hui`` stays whole.
    """
    if word.kind != "word" or ("'" not in word.text and "’" not in word.text):
        return [word]
    parts: list[Word] = []
    text, start = word.text, word.start
    while True:
        lower = text.lower().replace("’", "'")
        if lower in APOSTROPHE_WORDS or "'" not in lower:
            break
        for prefix in ELISIONS:
            if lower.startswith(prefix) and len(lower) > len(prefix):
                n = len(prefix)
                parts.append(Word(text[:n], start, start + n))
                text, start = text[n:], start + n
                break
        else:
            break
    if text:
        parts.append(Word(text, start, start + len(text)))
    return parts
