"""One checked text, analysed once and shared by every rule.

Holds the sentence units, the lexical tokens (with spaCy's lemma, POS, morphology and
entity when tier 2 runs) and the per-unit spaCy docs. spaCy parses each of *our* units
separately, so clause counts and our sentence boundaries always agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from falc.config import Config
from falc.findings import Finding, Severity
from falc.tokenize import (
    BOLD_RE,
    Unit,
    Word,
    lexical_split,
    split_units,
    strip_markup,
    words,
)

__all__ = ["Analysis", "Token", "build_analysis"]

_ELISION_NORM = {
    "l'": "le", "d'": "de", "j'": "je", "m'": "me", "t'": "te", "s'": "se", "n'": "ne",
    "c'": "ce", "qu'": "que", "jusqu'": "jusque", "lorsqu'": "lorsque", "puisqu'": "puisque",
    "quoiqu'": "quoique", "presqu'": "presque",
}


_LETTER_RE = re.compile(r"[^\W\d_]")
_NON_WORD_RE = re.compile(r"[^\w]")


@dataclass(slots=True)
class Token:
    """A lexical token (elisions split off) with its tier-2 annotations when available."""

    text: str
    start: int
    end: int
    unit: int
    index: int  # position in the unit's token list
    kind: str = "word"
    lemma: str | None = None
    pos: str | None = None
    dep: str | None = None
    morph: dict[str, str] = field(default_factory=dict)
    ent: str = ""
    bold: bool = False
    sp: Any = None  # the aligned spaCy token, if any
    lower: str = field(init=False, default="")  # lower case, typographic apostrophe as '

    def __post_init__(self) -> None:
        self.lower = self.text.lower().replace("’", "'")

    @property
    def norm(self) -> str:
        """Lower-case form with elisions restored (``l'`` → ``le``)."""
        return _ELISION_NORM.get(self.lower, self.lower)

    @property
    def is_word(self) -> bool:
        return self.kind == "word" and _LETTER_RE.search(self.text) is not None

    @property
    def is_upper(self) -> bool:
        letters = _NON_WORD_RE.sub("", self.text)
        return len(letters) >= 2 and letters.isupper()


@dataclass(slots=True)
class Analysis:
    """The text, its units and tokens, the config, and which tiers ran."""

    text: str
    config: Config
    clean: str
    units: list[Unit]
    unit_words: list[list[Word]]
    tokens: list[list[Token]]
    docs: list[Any] | None = None
    tier3: bool = True
    bold_spans: list[tuple[int, int]] = field(default_factory=list)
    stats: Any = None  # falc.readability.Stats, set by the checker before the rules run
    cache: dict[str, Any] = field(default_factory=dict)  # values shared between rules

    @property
    def tier2(self) -> bool:
        return self.docs is not None

    def all_tokens(self) -> list[Token]:
        return [t for unit in self.tokens for t in unit]

    def finding(
        self,
        rule: str,
        start: int,
        end: int,
        message: str,
        suggestion: str,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding with the rule's default severity unless *severity* is given."""
        from falc.rules import RULES

        return Finding(rule, severity or RULES[rule][0], message, suggestion, start, end)

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def word_count(self) -> int:
        return sum(len(w) for w in self.unit_words)

    def verb_3pl(self) -> set[int] | None:
        """Start offsets of 3rd-person plural verbs per spaCy (None without tier 2)."""
        if not self.tier2:
            return None
        return {
            t.start
            for t in self.all_tokens()
            if t.pos in ("VERB", "AUX")
            and t.morph.get("Person") == "3"
            and t.morph.get("Number") == "Plur"
        }


def _align(tokens: list[Token], doc: Any, offset: int) -> None:
    by_start = {t.idx + offset: t for t in doc}
    for tok in tokens:
        sp = by_start.get(tok.start)
        if sp is None:
            for cand in doc:
                if cand.idx + offset <= tok.start < cand.idx + offset + len(cand.text):
                    sp = cand
                    break
        if sp is None:
            continue
        tok.sp = sp
        tok.lemma = sp.lemma_.lower() if sp.lemma_ else None
        tok.pos = sp.pos_
        tok.dep = sp.dep_
        tok.morph = sp.morph.to_dict()
        tok.ent = sp.ent_type_


def prepare(text: str, config: Config) -> Analysis:
    """Tier-1 analysis (no spaCy): units, words, lexical tokens, bold spans."""
    clean = strip_markup(text)
    units = split_units(text, clean)
    bold_spans = [m.span() for m in BOLD_RE.finditer(text)]
    unit_words: list[list[Word]] = []
    tokens: list[list[Token]] = []
    for u in units:
        ws = words(text, u.start, u.end, clean)
        unit_words.append(ws)
        toks: list[Token] = []
        for w in ws:
            for part in lexical_split(w):
                bold = any(a <= part.start and part.end <= b for a, b in bold_spans)
                toks.append(
                    Token(part.text, part.start, part.end, u.index, len(toks), w.kind, bold=bold)
                )
        tokens.append(toks)
    return Analysis(text, config, clean, units, unit_words, tokens, None, True, bold_spans)


def unit_texts(analysis: Analysis) -> list[str]:
    """What spaCy parses: each unit of the markup-free text (offsets preserved; the line
    breaks of a sentence laid out over several lines become spaces)."""
    return [analysis.clean[u.start : u.end].replace("\n", " ") for u in analysis.units]


def attach_docs(analysis: Analysis, docs: list[Any]) -> None:
    """Attach spaCy docs (one per unit, in order) and align tokens with them. The pair
    check may leave a unit without a doc (None): its tokens keep no annotation."""
    analysis.docs = docs
    for u, doc, toks in zip(analysis.units, docs, analysis.tokens, strict=True):
        if doc is not None:
            _align(toks, doc, u.start)


def build_analysis(text: str, config: Config, docs: list[Any] | None = None) -> Analysis:
    """Analyse *text*; with *docs* (one spaCy doc per unit) tier 2 is on."""
    analysis = prepare(text, config)
    if docs is not None:
        attach_docs(analysis, docs)
    return analysis
