"""Addressing the reader and style: FALC-ADDR-001…003, FALC-STY-001/002.

FALC speaks to the reader directly (« vous » in this project), consistently, and says who
does what: no « il faut », no « on », no pronoun whose referent the reader must guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from falc.analysis import Analysis, Token
from falc.findings import Finding

_VOUS_RE = re.compile(
    r"(?<![\w'’])(?:vous|votre|vos|vôtres?)(?![\w'’])|[^\W\d_]{2,}ez(?:-vous|-nous|-moi|-le|-la|"
    r"-les|-lui|-leur|-en|-y)?(?![\w'’])",
    re.I,
)
_NOT_VERBS_EZ = frozenset({"chez", "assez", "nez", "rez", "lez"})
_TU_WORDS = {
    "tu": "vous", "te": "vous", "t'": "vous", "toi": "vous", "ton": "votre", "ta": "votre",
    "tes": "vos", "tien": "vôtre", "tienne": "vôtre", "tiens": "vôtres", "tiennes": "vôtres",
}
_TON_NOUN_BEFORE = frozenset({"le", "un", "du", "ce", "même", "bon", "mauvais", "sur", "de"})
_TU_HYPHEN_RE = re.compile(r"-(toi|tu|te)$", re.I)

_IMPERSONAL: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?<![\w'’])il\s+(?:faut|faudra|faudrait|fallait)(?![\w'’])", re.I),
     "Dites qui doit agir : « Vous devez … »."),
    (re.compile(r"(?<![\w'’])il\s+convient\s+d(?:e|['’])", re.I),
     "Dites qui doit agir : « Vous devez … »."),
    (re.compile(
        r"(?<![\w'’])il\s+est\s+(?:important|essentiel|primordial|recommandé|conseillé)"
        r"\s+d(?:e|['’])", re.I),
     "Écrivez « Pensez à … » ou « Vous devez … »."),
    (re.compile(
        r"(?<![\w'’])il\s+est\s+(?:nécessaire|obligatoire|indispensable|impératif)"
        r"\s+d(?:e|['’])", re.I),
     "Dites qui doit agir : « Vous devez … »."),
    (re.compile(
        r"(?<![\w'’])il\s+est\s+(?:possible|permis|préférable|utile|souhaitable|conseillé)"
        r"\s+d(?:e|['’])", re.I),
     "Dites qui peut agir : « Vous pouvez … »."),
    (re.compile(r"(?<![\w'’])il\s+est\s+interdit\s+d(?:e|['’])", re.I),
     "Dites qui est concerné : « Vous n'avez pas le droit de … »."),
]

_REPORTED_RE = re.compile(
    r"(?<![\w'’])((?:(?:a|ont|avait|avaient)\s+(?:dit|expliqué|raconté|affirmé|déclaré|précisé|"
    r"indiqué|ajouté|répondu|annoncé|écrit|confié)|dit|disent|explique|expliquent|raconte|"
    r"racontent|affirme|affirment|déclare|déclarent|précise|précisent|ajoute|ajoutent|répond|"
    r"répondent|annonce|annoncent|pense|pensent|estime|estiment|confie|confient)"
    r"\s+(?:que|qu['’]))\s*",
    re.I,
)
_FIRST_PERSON_BEFORE_RE = re.compile(r"(?:\bje|\bj['’]|\bnous|\bvous|\bon)\s*$", re.I)

_UNCLEAR_START_RE = re.compile(
    r"^(?:il|elle|ils|elles|cela|ça|ca|ceci|celui-ci|celle-ci|ceux-ci|celles-ci|celui-là|"
    r"celle-là|ce\s+dernier|cette\s+dernière|lui|eux)(?![\w'’-])",
    re.I,
)
_IMPERSONAL_START_RE = re.compile(
    r"^(?:il\s+(?:faut|faudra|faudrait|fallait|y\s+a|y\s+avait|y\s+aura|existe|fait|reste|"
    r"suffit|vaut\s+mieux|s['’]agit|se\s+peut|était\s+une\s+fois|est\s+(?:\w+\s+)?(?:de|d['’]|"
    r"que|qu['’]|temps|l['’]heure))|ça\s+va|cela\s+dit)(?![\w'’-])",
    re.I,
)


def _whole(a: Analysis) -> tuple[int, int]:
    return len(a.text) - len(a.text.lstrip()), len(a.text.rstrip())


def _second_person(a: Analysis) -> bool:
    for m in _VOUS_RE.finditer(a.clean):
        word = m.group().lower().split("-")[0]
        if word not in _NOT_VERBS_EZ:
            return True
    return False


def _tu_tokens(a: Analysis) -> list[tuple[Token, str]]:
    out: list[tuple[Token, str]] = []
    for unit_tokens in a.tokens:
        for i, t in enumerate(unit_tokens):
            low = t.lower
            if low in _TU_WORDS:
                prev = unit_tokens[i - 1].lower if i else ""
                if low == "ton" and (prev in _TON_NOUN_BEFORE or t.pos == "NOUN"):
                    continue  # « sur un ton calme »
                if low == "te" and t.pos in ("NOUN", "PROPN"):
                    continue
                out.append((t, _TU_WORDS[low]))
            elif _TU_HYPHEN_RE.search(low):
                out.append((t, re.sub(r"-(toi|tu|te)$", "-vous", t.text, flags=re.I)))
    return out


def addr_001(a: Analysis) -> Iterator[Finding]:
    if len(a.units) < 2 or a.config.address != "vous":
        return
    if not _second_person(a):
        start, end = _whole(a)
        yield a.finding(
            "FALC-ADDR-001",
            start,
            end,
            "Le message ne parle pas directement au lecteur.",
            "Parlez au lecteur avec « vous » : par exemple « Vous pouvez … », "
            "« Choisissez … ».",
        )


def addr_002(a: Analysis) -> Iterator[Finding]:
    tu = _tu_tokens(a)
    if a.config.address == "vous":
        for t, replacement in tu:
            yield a.finding(
                "FALC-ADDR-002",
                t.start,
                t.end,
                f"Tutoiement : « {t.text} ». Les textes du projet disent « vous ».",
                f"Écrivez « {replacement} » et accordez le verbe avec « vous ».",
            )
    elif tu and _second_person(a):
        for m in _VOUS_RE.finditer(a.clean):
            if m.group().lower().split("-")[0] in _NOT_VERBS_EZ:
                continue
            yield a.finding(
                "FALC-ADDR-002",
                m.start(),
                m.end(),
                f"« {m.group()} » : le message mélange « tu » et « vous ».",
                "Gardez « tu » partout, comme le reste du projet.",
            )


_NAMING_ON_RE = re.compile(r"on\s+(?:appelle|nomme)\s+(?:cela|ça|ce\s+\w+)\b", re.I)


def addr_003(a: Analysis) -> Iterator[Finding]:
    for regex, hint in _IMPERSONAL:
        for m in regex.finditer(a.clean):
            yield a.finding(
                "FALC-ADDR-003",
                m.start(),
                m.end(),
                f"Tournure impersonnelle : « {' '.join(m.group().split())} ». "
                "Le lecteur ne sait pas qui doit agir.",
                hint,
            )
    for t in a.all_tokens():
        low = t.lower
        if low == "on" or re.search(r"-(?:t-)?on$", low):
            if _NAMING_ON_RE.match(a.clean, t.start):
                continue  # « On appelle cela … »: FALC's way to name what was described
            yield a.finding(
                "FALC-ADDR-003",
                t.start,
                t.end,
                f"« {t.text} » : le lecteur ne sait pas de qui vous parlez.",
                "Dites qui : « vous », « nous » (l'équipe), ou le nom des personnes.",
            )


def sty_001(a: Analysis) -> Iterator[Finding]:
    for unit in a.units:
        for m in _REPORTED_RE.finditer(a.clean, unit.start, unit.end):
            before = a.clean[unit.start : m.start()]
            if _FIRST_PERSON_BEFORE_RE.search(before):
                continue
            speaker = " ".join(before.split()[-2:]) or "La personne"
            content = a.text[m.end() : unit.end].strip().rstrip(".")
            hint = "Faites parler la personne directement, avec 2 points et des guillemets"
            if content:
                hint += f" : « {speaker} dit : “{content[0].upper() + content[1:]}.” »"
            yield a.finding(
                "FALC-STY-001",
                m.start(1),
                m.end(1),
                f"Discours rapporté : « {' '.join(m.group(1).split())} ».",
                hint + ".",
            )


def sty_002(a: Analysis) -> Iterator[Finding]:
    if not a.units:
        return
    first = a.units[0]
    text = a.clean[first.start : first.end]
    m = _UNCLEAR_START_RE.match(text)
    if m and not _IMPERSONAL_START_RE.match(text):
        yield a.finding(
            "FALC-STY-002",
            first.start,
            first.start + m.end(),
            f"Le message commence par « {m.group()} » : le lecteur ne sait pas de qui ou de "
            "quoi vous parlez.",
            "Commencez par le nom : par exemple « Léo … », « La réunion … ».",
        )


RULES = [addr_001, addr_002, addr_003, sty_001, sty_002]
