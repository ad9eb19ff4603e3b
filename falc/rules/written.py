"""Two habits of written French that short sentences do not hide.

FALC-LEX-011: the set phrases of letters, notices and articles (« nous accusons
réception », « pour rappel », « sauf avis contraire », « il convient de », « à ce
stade »), from the ``[written_formulas]`` table of the configuration. They are a closed
class, like the connectors of FALC-CONN-001: they do not depend on the topic.

FALC-STY-003: the pronouns that send the reader back up the text to find what they stand
for (« celui-ci », « ce dernier », « ledit », « lequel » as a subject). Spoken French and
FALC repeat the noun (« La commission envoie l'avis. La commission … »). A pronoun before a
colon (« des buts précis, comme ceux-ci : ») points to what follows and is left alone.

Measured on the visible evaluation sets (tuned, dev, dev2) and the FALC texts of the
dialogues: no FALC paragraph has either; both are errors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from falc.analysis import Analysis, Token
from falc.findings import Finding
from falc.rules.lexical import _find, _matcher

# ------------------------------------------------------------------ set phrases


def lex_011(a: Analysis) -> Iterator[Finding]:
    """A set phrase of written French: an error each."""
    if not a.config.written_formulas:
        return
    matcher = _matcher(tuple(a.config.written_formulas.items()), True)
    for m in _find(a, matcher):
        found = a.text[m.start : m.end]
        plain = m.payload
        hint = (f"Dites-le avec des mots de tous les jours : {plain}." if plain.startswith("(")
                else f"Dites-le avec des mots de tous les jours : « {plain} ».")
        yield a.finding(
            "FALC-LEX-011", m.start, m.end,
            f"« {found} » est une formule de l'écrit (lettre, avis, article) : le lecteur ne "
            "sait pas ce qu'elle veut dire.",
            hint,
        )


# ------------------------------------------------------------- reference pronouns

#: Always pronouns: demonstratives with « -ci », legal « ledit », « susmentionné ».
_ALWAYS_RE = re.compile(
    r"(?<![\w-])(celui-ci|celle-ci|ceux-ci|celles-ci|ledit|ladite|lesdits|lesdites|"
    r"dudit|desdits|desdites|susmentionnée?s?|susdite?s?|précitée?s?)(?![\w-])",
    re.I,
)
#: « ce dernier » … : a pronoun unless a noun follows (« cette dernière réunion »).
_DERNIER_RE = re.compile(
    r"(?<![\w-])(ce\s+dernier|cette\s+dernière|ces\s+derniers|ces\s+dernières)(?![\w-])", re.I
)
#: « lequel » … as the subject of a relative clause (« …, lequel dispose de deux mois »),
#: not after a preposition (« pour lequel »: FALC-IDEA-003) nor as a question.
_LEQUEL_RE = re.compile(
    r"(?<=[\w,])\s+(lequel|laquelle|lesquels|lesquelles)\s+(?!\?)", re.I
)
_PREPOSITIONS = frozenset(
    {"à", "de", "par", "pour", "sur", "dans", "avec", "sans", "selon", "sous", "vers", "chez",
     "contre", "entre", "parmi", "après", "avant", "pendant", "durant", "malgré", "auprès"}
)
#: Words that start a verb group after a pronoun subject (without spaCy).
_VERB_START = frozenset(
    {"ne", "n'", "se", "s'", "y", "en", "le", "la", "les", "l'", "lui", "leur", "me", "m'",
     "vous", "nous", "a", "ont", "est", "sont", "peut", "peuvent", "doit", "doivent", "va",
     "vont", "fait", "font", "reste", "restent", "dispose", "disposent"}
)


def _token_at(a: Analysis, offset: int) -> Token | None:
    for t in a.all_tokens():
        if t.start >= offset and t.is_word:
            return t
    return None


def _pronoun_dernier(a: Analysis, end: int) -> bool:
    """« ce dernier » is a pronoun when no noun or adjective follows it."""
    rest = a.clean[end:]
    if re.match(r"\s*(?:[,.;:!?)]|$)", rest):
        return True
    nxt = _token_at(a, end)
    if nxt is None:
        return True
    if a.tier2 and nxt.pos is not None:
        return nxt.pos in ("VERB", "AUX", "PRON", "ADV", "SCONJ", "CCONJ")
    return nxt.lower in _VERB_START


def sty_003(a: Analysis) -> Iterator[Finding]:
    found: list[tuple[int, int]] = [(m.start(1), m.end(1)) for m in _ALWAYS_RE.finditer(a.clean)]
    found += [(m.start(1), m.end(1)) for m in _DERNIER_RE.finditer(a.clean)
              if _pronoun_dernier(a, m.end(1))]
    for m in _LEQUEL_RE.finditer(a.clean):
        before = re.findall(r"[^\W\d_]+", a.clean[max(0, m.start(1) - 20) : m.start(1)])
        if before and before[-1].lower() in _PREPOSITIONS:
            continue
        found.append((m.start(1), m.end(1)))
    for start, end in sorted(found):
        if re.match(r"\s*:", a.clean[end:]):
            continue  # « comme ceux-ci : » announces the list that follows: no looking back
        word = re.sub(r"\s+", " ", a.clean[start:end])
        yield a.finding(
            "FALC-STY-003", start, end,
            f"« {word} » oblige à chercher plus haut de qui ou de quoi on parle.",
            "Répétez le nom (« La commission … »), et faites une phrase par idée.",
        )


RULES = [lex_011, sty_003]
