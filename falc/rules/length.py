"""Length and structure: FALC-LEN-*, FALC-IDEA-*, FALC-READ-001/002.

Short sentences with one idea each are the core of FALC. Clause counting uses spaCy's
parse (tier 2) or, without it, a count of subjects and imperatives (tier 1, never more
than a warning because it is a guess).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from falc.analysis import Analysis, Token
from falc.context import explains_meaning
from falc.findings import Finding, Severity
from falc.tokenize import Unit

_CUT_RE = re.compile(
    r",\s+|\s(?=(?:et|mais|qui|que|parce que|car|pour|quand|si|donc|alors|avec|lorsque|"
    r"où|dont)\s)",
    re.I,
)
_DETS = frozenset(
    {"le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "au", "aux", "ce", "ces",
     "cette", "son", "sa", "ses", "votre", "vos", "notre", "nos", "leur", "leurs", "mon",
     "ma", "mes"}
)
CLAUSE_DEPS = frozenset({"conj", "advcl", "ccomp", "csubj", "acl:relcl", "parataxis"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "expl:subj", "csubj"})
_NOT_VERBS_EZ = frozenset({"chez", "assez", "nez", "rez", "lez"})
_IMPERATIVE_RE = re.compile(r"^[^\W\d_]{3,}(?:ez|ons)(?:-[^\W\d_]+)*$")
_SUBJECTS = frozenset({"je", "j'", "tu", "il", "ils", "elle", "elles", "on", "nous", "vous"})
_CLITICS = frozenset(
    {"ne", "n'", "me", "m'", "te", "t'", "se", "s'", "le", "la", "les", "l'", "lui", "leur",
     "y", "en", "nous", "vous"}
)
_COMPLEX_LINKS: dict[str, str] = {
    "dont": "Faites 2 phrases : une pour chaque idée.",
    "lequel": "Faites 2 phrases, et répétez le nom au lieu de « lequel ».",
    "laquelle": "Faites 2 phrases, et répétez le nom au lieu de « laquelle ».",
    "lesquels": "Faites 2 phrases, et répétez le nom au lieu de « lesquels ».",
    "lesquelles": "Faites 2 phrases, et répétez le nom au lieu de « lesquelles ».",
    "auquel": "Faites 2 phrases, et répétez le nom au lieu de « auquel ».",
    "auxquels": "Faites 2 phrases, et répétez le nom au lieu de « auxquels ».",
    "auxquelles": "Faites 2 phrases, et répétez le nom au lieu de « auxquelles ».",
    "duquel": "Faites 2 phrases, et répétez le nom au lieu de « duquel ».",
    "desquels": "Faites 2 phrases, et répétez le nom au lieu de « desquels ».",
    "desquelles": "Faites 2 phrases, et répétez le nom au lieu de « desquelles ».",
    "bien que": "Faites 2 phrases, avec « mais » au début de la 2e.",
    "quoique": "Faites 2 phrases, avec « mais » au début de la 2e.",
    "encore que": "Faites 2 phrases, avec « mais » au début de la 2e.",
    "afin que": "Écrivez « pour que », ou faites 2 phrases.",
    "lorsque": "Écrivez « quand ».",
    "tandis que": "Faites 2 phrases, avec « mais » ou « et » au début de la 2e.",
    "alors que": "Faites 2 phrases, avec « mais » au début de la 2e.",
    "puisque": "Écrivez « parce que », ou faites 2 phrases.",
    "pourvu que": "Écrivez « si ».",
    "à moins que": "Écrivez « sauf si ».",
    "de sorte que": "Écrivez « pour que », ou faites 2 phrases.",
    "si bien que": "Faites 2 phrases, avec « alors » au début de la 2e.",
    "étant donné que": "Écrivez « parce que ».",
    "vu que": "Écrivez « parce que ».",
    "sans que": "Faites 2 phrases.",
    "d'autant que": "Écrivez « en plus », dans une 2e phrase.",
    "malgré que": "Faites 2 phrases, avec « mais » au début de la 2e.",
}
_LINK_RE = re.compile(
    r"(?<![\w'’-])("
    + "|".join(
        re.escape(k).replace("\\ ", r"\s+").replace("'", "['’]").replace("que", "qu(?:e|['’])")
        for k in sorted(_COMPLEX_LINKS, key=len, reverse=True)
    )
    + r")(?:(?<=['’])|(?![\w-]))",
    re.I,
)


def _whole(a: Analysis) -> tuple[int, int]:
    stripped = a.text.rstrip()
    start = len(a.text) - len(a.text.lstrip())
    return start, len(stripped)


def _cut_hint(unit: Unit, n_words: int) -> str:
    """Where to cut a long sentence: the cut point nearest to its middle."""
    text = unit.text
    best: tuple[int, int] | None = None
    middle = len(text) / 2
    for m in _CUT_RE.finditer(text):
        before = len(re.findall(r"\w+", text[: m.start()]))
        if before < 3 or n_words - before < 3:
            continue
        dist = abs(m.end() - middle)
        if best is None or dist < best[0]:
            best = (int(dist), m.end())
    if best is None:
        return "Faites 2 phrases courtes : une idée par phrase."
    following = " ".join(text[best[1] :].split()[:2]).rstrip(",.;:!?")
    return f"Faites 2 phrases courtes, par exemple en coupant avant « {following} »."


def len_001(a: Analysis) -> Iterator[Finding]:
    th = a.config.thresholds
    for unit, ws in zip(a.units, a.unit_words, strict=True):
        n = len(ws)
        if n <= th.sentence_words_warning:
            continue
        severity: Severity = "error" if n > th.sentence_words_error else "warning"
        yield a.finding(
            "FALC-LEN-001",
            unit.start,
            unit.end,
            f"Phrase trop longue : {n} mots (conseillé : {th.sentence_words_warning} "
            f"au plus, erreur au-delà de {th.sentence_words_error}).",
            _cut_hint(unit, n),
            severity,
        )


def len_002(a: Analysis) -> Iterator[Finding]:
    th = a.config.thresholds
    n_words, n_units = a.word_count(), len(a.units)
    if n_words > th.message_words or n_units > th.message_sentences:
        start, end = _whole(a)
        yield a.finding(
            "FALC-LEN-002",
            start,
            end,
            f"Message trop long : {n_words} mots et {n_units} phrases (au plus "
            f"{th.message_words} mots et {th.message_sentences} phrases).",
            "Coupez le message en 2 bulles, ou gardez seulement les informations utiles "
            "maintenant.",
        )


def len_003(a: Analysis) -> Iterator[Finding]:
    by_line: dict[int, list[Unit]] = {}
    for u in a.units:
        by_line.setdefault(u.line, []).append(u)
    for units in by_line.values():
        if len(units) < 2:
            continue
        first = units[0].text
        tail = " ".join(first.split()[-2:])
        yield a.finding(
            "FALC-LEN-003",
            units[1].start,
            units[-1].end,
            f"{len(units)} phrases sur la même ligne.",
            f"Allez à la ligne après « {tail} » : une phrase par ligne.",
        )


def _is_finite_clause(t: Any) -> bool:
    """A spaCy token heads a clause of its own: finite verb, or has its own subject."""
    if any(c.dep_ in _SUBJECT_DEPS for c in t.children):
        return True
    low = t.text.lower()
    if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm"):
        return True
    return low.endswith("ez") and low not in _NOT_VERBS_EZ and t.pos_ != "NOUN"


def spacy_clauses(doc: Any) -> int:
    """Clause heads: ROOT + verbal conj/advcl/ccomp/csubj/acl:relcl/parataxis."""
    count = 0
    for t in doc:
        # A verbless ROOT (« TRÈS IMPORTANT : … », « Voir p. ex. … ») is not a clause of
        # its own; the parser sometimes finds several roots in one of our sentences.
        if (t.dep_ == "ROOT" or t.dep_ in CLAUSE_DEPS) and _is_finite_clause(t):
            count += 1
    return max(count, 1)


def regex_clauses(tokens: list[Token], text: str) -> int:
    """Tier-1 guess: subject pronouns, relative « qui », imperatives, semicolons."""
    count = 0
    prev = ""
    for i, t in enumerate(tokens):
        low = t.lower
        if low in _SUBJECTS and prev not in _SUBJECTS and prev not in _CLITICS:
            nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
            if nxt and nxt not in (",",):
                count += 1
        elif (low == "c'" and i + 1 < len(tokens)) or (low == "qui" and i > 0):
            count += 1  # « c'est », relative « qui »
        elif (
            _IMPERATIVE_RE.match(low)
            and low not in _NOT_VERBS_EZ
            and prev not in _SUBJECTS
            and prev not in _CLITICS
        ):
            count += 1  # imperative: « Lisez la charte et signez-la. »
        prev = low
    count += text.count(";")
    return max(count, 1)


def idea_001(a: Analysis) -> Iterator[Finding]:
    th = a.config.thresholds
    for i, unit in enumerate(a.units):
        if a.docs is not None:
            n = spacy_clauses(a.docs[i])
            how = ""
        else:
            n = regex_clauses(a.tokens[i], unit.text)
            how = " (estimation sans analyse grammaticale)"
        if n > 1 and explains_meaning(unit.text):
            n -= 1  # « Ça veut dire que … » frames the explanation: not an idea of its own
        if n < th.clauses_warning:
            continue
        severity: Severity = "error" if n >= th.clauses_error and a.docs is not None else "warning"
        yield a.finding(
            "FALC-IDEA-001",
            unit.start,
            unit.end,
            f"{n} propositions dans la phrase{how} : une phrase doit dire une seule idée.",
            "Faites une phrase par idée, avec un seul verbe conjugué. " + _cut_hint(
                unit, len(a.unit_words[i])
            ),
            severity,
        )


def idea_002(a: Analysis) -> Iterator[Finding]:
    limit = a.config.thresholds.commas
    for unit in a.units:
        n = len(re.findall(r",(?!\d)", unit.text))
        if n > limit:
            yield a.finding(
                "FALC-IDEA-002",
                unit.start,
                unit.end,
                f"{n} virgules dans la phrase (au plus {limit}).",
                "Faites plusieurs phrases courtes, ou une liste avec un élément par ligne.",
            )


def idea_003(a: Analysis) -> Iterator[Finding]:
    for unit in a.units:
        for m in _LINK_RE.finditer(a.clean, unit.start, unit.end):
            word = re.sub(r"\s+", " ", m.group(1).lower()).replace("’", "'")
            key = re.sub(r"qu'$", "que", word)
            interrogative = key.startswith(("lesquel", "lequel")) or key == "laquelle"
            if interrogative and m.start() == unit.start:  # « Lequel préférez-vous ? »
                continue
            yield a.finding(
                "FALC-IDEA-003",
                m.start(1),
                m.end(1),
                f"« {m.group(1)} » rend la phrase compliquée.",
                _COMPLEX_LINKS.get(key, "Faites 2 phrases."),
            )


def _kind(word: str) -> str:
    """Coarse class of an item's first word, to tell parallel items apart."""
    if word.lower() in _DETS:
        return "det"
    if word[:1].isdigit():
        return "digit"
    return "capital" if word[:1].isupper() else "word"


def idea_004(a: Analysis) -> Iterator[Finding]:
    needed = a.config.thresholds.enumeration_items
    for unit in a.units:
        text = a.clean[unit.start : unit.end].rstrip(" .!?…")
        segments = [s.strip() for s in re.split(r",(?!\d)", text)]
        if len(segments) < 2:
            continue
        last = segments[-1]
        m = re.search(r"\b(?:et|ou)\s+", last)
        items = segments[:-1] + ([last[: m.start()].strip(), last[m.end() :]] if m else [last])
        if any(not item for item in items) or len(items) < needed:
            continue
        if not m and len(items) < needed + 1:
            continue
        # Parallel items (« des familles, des aidants et des chercheurs »), not an opening
        # phrase followed by a clause (« En 2000, Snyder et Wenger donnent … »).
        if not all(1 <= len(item.split()) <= 4 for item in items[1:]):
            continue
        # The first item is the tail of the first segment, as long as the second item.
        first = " ".join(items[0].split()[-len(items[1].split()) :])
        kinds = {_kind(item.split()[0]) for item in [first, *items[1:]]}
        if len(kinds) == 1:
            yield a.finding(
                "FALC-IDEA-004",
                unit.start,
                unit.end,
                f"Énumération de {len(items)} éléments dans la phrase.",
                "Faites une liste : annoncez-la, puis un élément par ligne, avec un tiret.",
            )


def read_001_002(a: Analysis) -> Iterator[Finding]:
    th = a.config.thresholds
    stats = a.stats
    if stats is None or stats.words < th.readability_min_words:
        return
    start, end = _whole(a)
    km, lix = stats.kandel_moles, stats.lix
    if km < th.km_message:
        yield a.finding(
            "FALC-READ-001",
            start,
            end,
            f"Texte difficile à lire : score Kandel–Moles {km:.0f} (au moins {th.km_message:g}).",
            "Raccourcissez les phrases et remplacez les mots longs par des mots courts.",
        )
    if lix > th.lix_message:
        yield a.finding(
            "FALC-READ-002",
            start,
            end,
            f"Texte difficile à lire : score LIX {lix:.0f} (au plus {th.lix_message:g}).",
            "Utilisez des phrases plus courtes et moins de mots de plus de 6 lettres.",
        )


RULES = [len_001, len_002, len_003, idea_001, idea_002, idea_003, idea_004, read_001_002]
