"""Negation: FALC-NEG-001.

One negation is a warning, two or more in a sentence an error, a negation in **bold** only
information. « ne … pas » counts once; oral « pas » without « ne » counts (« c'est pas
grave »); « personne », « plus » and « point » count only after « ne » (« une personne »,
« plus facile », « Point 1 » are not negations); « sans », « aucun », « non », « ni » count,
but not an answer « non » (a label « Non », « oui ou non », « répondez par non »).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from falc.analysis import Analysis, Token
from falc.findings import Finding, Severity

_NE = frozenset({"ne", "n'"})
_PAS_LIKE = frozenset({"pas", "jamais"})
_AFTER_NE_ONLY = frozenset({"plus", "rien", "personne", "que", "nulle", "part", "guère", "point"})
_NEG_DET = frozenset({"aucun", "aucune", "nul", "nulle"})
_NOUN_PAS_BEFORE = frozenset(
    {
        "un",
        "le",
        "ce",
        "mon",
        "ton",
        "son",
        "votre",
        "notre",
        "leur",
        "premier",
        "petit",
        "petits",
        "premiers",
        "les",
        "des",
        "ces",
        "vos",
        "nos",
        "à",
        "au",
        "grand",
        "faux",
    }
)
_CHAIN = frozenset({"pas", "plus", "jamais", "rien", "personne", "aucun", "aucune", "guère"})
#: « non » after these words is an answer (« oui ou non », « répondez par non », « plutôt
#: non »), not a negation of the sentence.
_ANSWER_NON_BEFORE = frozenset(
    {"ou", "oui", "et", "par", "plutôt", "dites", "dire", "répondez", "répondre", "répond"}
)
#: Before « point », these make it the noun (« le point 1 »), never « ne … point ».
_NOUN_POINT_BEFORE = _NOUN_PAS_BEFORE | {"du", "de", "d'", "au", "aux", "chaque", "ce", "cet"}


def _noun_point(t: Token, prev: str, nxt: str) -> bool:
    """« Point 1 », « le point de vue », « un point important » name a point: only a bare
    « point » right after the verb of « ne » is the (old-fashioned) negation."""
    return (
        t.text[:1].isupper()
        or t.pos in ("NOUN", "PROPN")
        or prev in _NOUN_POINT_BEFORE
        or nxt[:1].isdigit()
        or nxt in ("de", "d'", "du", "des")
    )


@dataclass
class _Neg:
    tokens: list[Token] = field(default_factory=list)
    oral: bool = False

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


def find_negations(tokens: list[Token]) -> list[_Neg]:
    """Negations of one sentence, each with the tokens that form it (« ne … pas »)."""
    negs: list[_Neg] = []
    open_ne: _Neg | None = None
    last_partner: tuple[_Neg, int] | None = None  # for « ne … plus jamais »
    subject_neg: tuple[_Neg, int] | None = None  # « Personne ne… », « Aucun aidant n'est… »
    n = len(tokens)
    for i, t in enumerate(tokens):
        low = t.lower
        prev = tokens[i - 1].lower if i else ""
        nxt = tokens[i + 1].lower if i + 1 < n else ""
        if low in _NE:
            if subject_neg is not None and i - subject_neg[1] <= 4:
                subject_neg[0].tokens.append(t)
                open_ne = subject_neg[0]
                subject_neg = None
            else:
                open_ne = _Neg([t])
                negs.append(open_ne)
            continue
        chained = last_partner is not None and last_partner[1] == i - 1 and low in _CHAIN
        if chained and last_partner is not None:
            last_partner[0].tokens.append(t)
            last_partner = (last_partner[0], i)
            continue
        if low in _PAS_LIKE:
            after_next = tokens[i + 2].lower if i + 2 < n else ""
            pas_a_pas = (nxt == "à" and after_next == "pas") or (
                prev == "à" and i > 1 and tokens[i - 2].lower == "pas"
            )
            if low == "pas" and (prev in _NOUN_PAS_BEFORE or t.pos == "NOUN" or pas_a_pas):
                continue  # « un pas », « pas à pas »
            if low == "jamais" and prev in ("si", "à"):
                continue  # « si jamais », « à jamais »
            if open_ne is not None:
                open_ne.tokens.append(t)
                last_partner = (open_ne, i)
                open_ne = None
            else:
                neg = _Neg([t], oral=True)
                negs.append(neg)
                last_partner = (neg, i)
        elif low in _AFTER_NE_ONLY:
            if low == "point" and _noun_point(t, prev, nxt):
                continue
            if open_ne is not None:
                open_ne.tokens.append(t)
                last_partner = (open_ne, i)
                open_ne = None
            elif low in ("personne", "rien") and nxt in _NE:
                neg = _Neg([t])
                negs.append(neg)
                subject_neg = (neg, i)
        elif low in _NEG_DET:
            if open_ne is not None:
                open_ne.tokens.append(t)
                last_partner = (open_ne, i)
                open_ne = None
            else:
                neg = _Neg([t])
                negs.append(neg)
                subject_neg = (neg, i)
        elif low == "sans":
            negs.append(_Neg([t]))
        elif low == "non":
            if i == 0 or prev in _ANSWER_NON_BEFORE or nxt in ("", "?"):
                continue  # « Non, merci. », « oui ou non » are answers, not negations
            negs.append(_Neg([t]))
        elif low == "ni":
            host = next((g for g in reversed(negs) if g.tokens[0].lower in _NE | {"ni"}), None)
            if host is not None:
                host.tokens.append(t)
            else:
                negs.append(_Neg([t]))
    return negs


_NEG_HINTS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"n['’]\s*hésite[zs]? pas", re.I),
        "Écrivez « Vous pouvez … » : par exemple « Vous pouvez nous appeler. »",
    ),
    (
        re.compile(r"n['’]\s*oublie[zs]? pas", re.I),
        "Écrivez « Pensez à … » : par exemple « Pensez à prendre votre carte. »",
    ),
    (re.compile(r"pas obligée?s?", re.I), "Écrivez « Vous pouvez choisir. »"),
    (
        re.compile(r"\bne\b.*\bque\b|\bn['’].*\bque\b", re.I),
        "Écrivez « seulement » : « Vous pouvez venir seulement le lundi. »",
    ),
    (
        re.compile(r"\bne\b.*\bplus\b|\bn['’].*\bplus\b", re.I),
        "Dites ce qui change, à la forme positive : « Vous arrêtez de … ».",
    ),
    (
        re.compile(r"\bne\b.*\bjamais\b|\bn['’].*\bjamais\b", re.I),
        "Dites ce qu'il faut faire, par exemple avec « toujours ».",
    ),
    (
        re.compile(r"\bsans\b", re.I),
        "Dites ce qu'il faut faire : par exemple « Prévenez avant de partir. » au lieu de "
        "« sans prévenir ».",
    ),
    (re.compile(r"\baucune?\b", re.I), "Dites ce qui existe, ou écrivez « 0 »."),
]


def _neg_hint(text: str, oral: bool) -> str:
    for regex, hint in _NEG_HINTS:
        if regex.search(text):
            return hint
    if oral:
        return (
            "Écrivez la phrase à la forme positive : par exemple « C'est normal. » "
            "au lieu de « C'est pas grave. »"
        )
    return (
        "Dites la même chose à la forme positive, avec ce que la personne peut faire : "
        "par exemple « Restez avec d'autres personnes. » au lieu de « Ne restez pas seul. »"
    )


def neg_001(a: Analysis) -> Iterator[Finding]:
    limit = a.config.thresholds.negations_error
    for unit, tokens in zip(a.units, a.tokens, strict=True):
        negs = find_negations(tokens)
        if not negs:
            continue
        start, end = negs[0].start, negs[-1].end
        words_ = [" … ".join(t.text for t in g.tokens) for g in negs]
        severity: Severity = "error" if len(negs) >= limit else "warning"
        if all(any(t.bold for t in g.tokens) for g in negs):
            severity = "info"
        if len(negs) == 1:
            message = f"Négation : « {words_[0]} ». Les phrases négatives sont difficiles."
        else:
            listed = ", ".join(f"« {w} »" for w in words_)
            message = f"{len(negs)} négations dans la même phrase : {listed}."
        hint = _neg_hint(a.text[unit.start : unit.end], any(g.oral for g in negs))
        if len(negs) >= 2:
            hint = "Gardez une négation au plus. " + hint
        if severity == "info":
            message += " La négation est en gras : c'est bien."
        yield a.finding("FALC-NEG-001", start, end, message, hint, severity)


RULES = [neg_001]
