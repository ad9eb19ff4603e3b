"""Moods and tenses: FALC-MOOD-001 (subjunctive), 002 (conditional), 003 (passé simple,
plus-que-parfait, futur antérieur), 004 (« si » clauses).

The small French model mislabels moods (« veniez » indicative, « faudrait » imperfect,
imperatives subjunctive), so its verdicts are always crossed with word lists and
endings, which also stand in for it when tier 2 is absent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from falc.analysis import Analysis, Token
from falc.findings import Finding
from falc.rules.passive import (
    ADVERBS,
    NOT_PARTICIPLES,
    adjectival,
    etre_participle,
    looks_participle,
)
from falc.rules.wordlists import GRAMMAR as _GRAMMAR
from falc.rules.wordlists import WORDS as _WORDS

# ----------------------------------------------------------------------- subjunctive

_SUBJ_TRIGGER_RE = re.compile(
    r"(?<![\w'’])(?:il\s+(?:faut|faudra|faudrait|fallait)|(?<!aussi\s)(?<!tant\s)bien|pour|"
    r"afin|avant|sans|à\s+condition|jusqu['’]à\s+ce|en\s+attendant|de\s+peur|pourvu|à\s+moins|"
    r"il\s+vaut\s+mieux|(?:important|nécessaire|possible|normal|dommage|essentiel|utile|"
    r"indispensable|obligatoire)|(?:veux|voulez|voulons|veut|veulent|voudrais|voudrions|"
    r"voudriez|souhaite|souhaites|souhaitez|souhaitons|souhaitent|aimerais|aimerions|"
    r"aimeriez|aimerait|préfère|préférez|préférons|attends|attendez|demande|demandez|"
    r"propose|proposez|doute|doutez))\s+qu(?:e\s+|['’]\s*)",
    re.I,
)
_SUBJ_ONLY = _WORDS["subj_only"]
_IMPERATIVE_START = frozenset({"soyez", "soyons", "ayez", "ayons", "sachez", "sachons", "veuillez"})
_SUBJECT_WORDS = frozenset(
    {"je", "j'", "tu", "il", "ils", "elle", "elles", "on", "nous", "vous", "ce", "c'", "cela", "ça"}
)
_CLITICS = frozenset(
    {
        "ne",
        "n'",
        "me",
        "m'",
        "te",
        "t'",
        "se",
        "s'",
        "le",
        "la",
        "les",
        "l'",
        "lui",
        "leur",
        "y",
        "en",
        "nous",
        "vous",
    }
)


def _token_at(a: Analysis, unit_idx: int, offset: int) -> int | None:
    for i, t in enumerate(a.tokens[unit_idx]):
        if t.start >= offset:
            return i
    return None


def _clause_verb(tokens: list[Token], i: int) -> Token | None:
    """The verb after « que »: skip a subject pronoun and clitics, or a short noun group."""
    j = i
    if j < len(tokens) and tokens[j].lower in _SUBJECT_WORDS:
        j += 1
        while j < len(tokens) and tokens[j].lower in _CLITICS:
            j += 1
        return tokens[j] if j < len(tokens) else None
    for k in range(j, min(j + 5, len(tokens))):
        if tokens[k].pos in ("VERB", "AUX") or tokens[k].lower in _SUBJ_ONLY:
            return tokens[k]
    return None


def _subjunctive_hint(trigger: str, verb: Token) -> str:
    infinitive = verb.lemma if verb.lemma and verb.lemma.endswith(("er", "ir", "re")) else None
    if re.match(r"il\s+fau", trigger, re.I) and infinitive:
        return f"Écrivez « Vous devez {infinitive} » : une phrase simple, au présent."
    return (
        "Écrivez une phrase simple au présent, sans « que » : par exemple « Vous devez "
        "venir. » au lieu de « Il faut que vous veniez. »"
    )


def mood_001(a: Analysis) -> Iterator[Finding]:
    seen: set[int] = set()
    for ui, unit in enumerate(a.units):
        tokens = a.tokens[ui]
        for m in _SUBJ_TRIGGER_RE.finditer(a.clean, unit.start, unit.end):
            i = _token_at(a, ui, m.end())
            if i is None:
                continue
            verb = _clause_verb(tokens, i)
            if verb is None or verb.start in seen:
                continue
            seen.add(verb.start)
            yield a.finding(
                "FALC-MOOD-001",
                verb.start,
                verb.end,
                f"Subjonctif : « {verb.text} » (après « {' '.join(m.group().split())} »).",
                _subjunctive_hint(m.group(), verb),
            )
        for i, t in enumerate(tokens):
            if t.start in seen:
                continue
            after_que = any(
                x.lower in ("que", "qu'") and x.pos in (None, "SCONJ")
                for x in tokens[max(0, i - 4) : i]
            )
            by_form = t.lower in _SUBJ_ONLY and after_que
            # The small model over-tags imperatives as subjunctive: require « que » too.
            by_model = (
                after_que
                and t.pos in ("VERB", "AUX")
                and t.morph.get("Mood") == "Sub"
                and not (i == 0 and t.lower in _IMPERATIVE_START)
            )
            if by_form or by_model:
                seen.add(t.start)
                yield a.finding(
                    "FALC-MOOD-001",
                    t.start,
                    t.end,
                    f"Subjonctif : « {t.text} ».",
                    _subjunctive_hint("", t),
                )


# ----------------------------------------------------------------------- conditional

_COND_PRESENT: dict[str, str] = _GRAMMAR["conditional_to_present"]
_COND_RE = re.compile(r"^[^\W\d_]+(?:erais|erait|eraient|eriez|erions)$")


_COND_ENDING_RE = re.compile(r"r(?:ais|ait|ions|iez|aient)$")
#: Subject or object pronoun joined to an inverted verb: « pourriez-vous », « aimerait-il ».
_CLITIC_RE = re.compile(
    r"(-(?:t-)?(?:vous|nous|je|tu|il|elle|on|ils|elles|moi|toi|le|la|les|lui|leur|en|y))+$"
)


def _verb_form(t: Token) -> tuple[str, str]:
    """The verb of a token without its joined pronouns, and those pronouns:
    « pourriez-vous » → (« pourriez », « -vous »)."""
    m = _CLITIC_RE.search(t.lower)
    return (t.lower[: m.start()], t.lower[m.start() :]) if m else (t.lower, "")


def _is_conditional(t: Token) -> bool:
    low, clitics = _verb_form(t)
    # A joined pronoun makes it a verb whatever the model says (it tags a capitalised
    # « Pourriez-vous » as a proper noun).
    if not clitics and t.pos in ("NOUN", "PROPN", "ADJ", "DET", "ADP"):
        return False
    if low in _COND_PRESENT or _COND_RE.match(low):
        return True
    # The small model mislabels moods (« voulez-vous », « veulent » as conditional,
    # imperatives too): trust it only on a verb with a conditional ending.
    return t.morph.get("Mood") == "Cnd" and _COND_ENDING_RE.search(low) is not None


def mood_002(a: Analysis) -> Iterator[Finding]:
    for t in a.all_tokens():
        if not t.is_word or not _is_conditional(t):
            continue
        verb, clitics = _verb_form(t)
        present = _COND_PRESENT.get(verb)
        if present:
            hint = (
                f"Écrivez le verbe au présent : « {present}{clitics} » au lieu de « {t.text} »."
            )
        else:
            hint = (
                "Écrivez le verbe au présent (par exemple « vous pouvez » au lieu de "
                "« vous pourriez »)."
            )
        yield a.finding(
            "FALC-MOOD-002",
            t.start,
            t.end,
            f"Conditionnel : « {t.text} ». Le conditionnel est difficile à comprendre.",
            hint,
        )


# --------------------------------------------------------------------- hard tenses

_PASSE_SIMPLE_RE = re.compile(
    r"^(?:[^\W\d_]{2,}(?:èrent|âmes|âtes|îmes|îtes|ûmes|ûtes|inrent)|fut|furent|fus|eut|"
    r"eurent|fit|firent|vint|vinrent|dut|purent|sut|surent|prit|prirent|mirent|naquit)$"
)
_PQP_RE = re.compile(
    r"(?<![\w'’])(avais|avait|avions|aviez|avaient|étais|était|étions|étiez|étaient)\s+"
    rf"(?:(?:{ADVERBS})\s+)*([^\W\d_]+)",
    re.I,
)
_FUT_ANT_RE = re.compile(
    r"(?<![\w'’])(aurai|auras|aura|aurons|aurez|auront|serai|seras|sera|serons|serez|seront)\s+"
    rf"(?:(?:{ADVERBS})\s+)*([^\W\d_]+)",
    re.I,
)


def mood_003(a: Analysis) -> Iterator[Finding]:
    for t in a.all_tokens():
        low = t.lower
        ps = bool(_PASSE_SIMPLE_RE.match(low))
        if not ps and t.morph.get("Tense") == "Past" and t.morph.get("VerbForm") == "Fin":
            ps = bool(t.lemma and t.lemma.endswith("er") and low == t.lemma[:-2] + "a")
        if ps and t.pos not in ("NOUN", "PROPN", "ADJ"):
            yield a.finding(
                "FALC-MOOD-003",
                t.start,
                t.end,
                f"Passé simple : « {t.text} ».",
                "Écrivez au passé composé (« il a été », « elle a fait ») ou au présent.",
            )
    for unit in a.units:
        for regex, name, hint in (
            (
                _PQP_RE,
                "Plus-que-parfait",
                "Écrivez au passé composé : « vous avez fait » au lieu de « vous aviez fait ».",
            ),
            (
                _FUT_ANT_RE,
                "Futur antérieur",
                "Écrivez au présent ou au futur simple : « Quand vous finissez, … ».",
            ),
        ):
            for m in regex.finditer(a.clean, unit.start, unit.end):
                word = m.group(2)
                low = word.lower()
                if low in NOT_PARTICIPLES or not (
                    looks_participle(word) or re.search(r"(?:i|is|ie|ies|u|us|ue|ues)$", low)
                ):
                    continue
                is_etre = m.group(1).lower().startswith(("é", "s"))
                if is_etre and adjectival(word, a):
                    continue
                if is_etre and not etre_participle(word, a.config.etre_verbs):
                    continue  # « sera validé » is a passive, « était fatigué » an adjective
                tok = next((t for t in a.tokens[unit.index] if t.start == m.start(2)), None)
                if tok is not None and tok.pos in ("NOUN", "PROPN", "ADV", "DET"):
                    continue
                yield a.finding(
                    "FALC-MOOD-003",
                    m.start(1),
                    m.end(2),
                    f"{name} : « {a.text[m.start(1) : m.end(2)]} ».",
                    hint,
                )


# --------------------------------------------------------------------- « si » clauses

_SI_RE = re.compile(
    r"(?<![\w'’])(?:(si)\s+(?=(?:vous|tu|il|ils|elle|elles|on|nous|je|j['’]|c['’]|ce|cela|ça|"
    r"la|le|les|l['’]|un|une|votre|vos|des|personne|quelqu['’]un)\b)|(s['’])(?=ils?\b))",
    re.I,
)
_INDIRECT_BEFORE_RE = re.compile(
    r"(?:sais|sait|savez|savoir|demande|demandez|demander|dites|dire|voir|vérifiez|vérifier|"
    r"regardez|choisissez|comme|même|indiquez|précisez)(?:-(?:nous|moi|le|lui))?\s*$",
    re.I,
)


def mood_004(a: Analysis) -> Iterator[Finding]:
    for unit in a.units:
        for m in _SI_RE.finditer(a.clean, unit.start, unit.end):
            if _INDIRECT_BEFORE_RE.search(a.clean[unit.start : m.start()]):
                continue
            if a.tier2 and m.group(1):
                tok = next((t for t in a.tokens[unit.index] if t.start == m.start()), None)
                if tok is not None and tok.pos == "ADV":
                    continue  # « si simple »
            cond_start = m.end()
            comma = a.clean.find(",", cond_start, unit.end)
            cond_end = comma if comma != -1 else unit.end
            condition = a.text[cond_start:cond_end].strip().rstrip(".!?")
            main = a.text[comma + 1 : unit.end].strip() if comma != -1 else ""
            if condition and main:
                cond = condition[0].upper() + condition[1:]
                hint = f"Posez une question, puis donnez la réponse : « {cond} ? Alors {main} »"
            else:
                hint = (
                    "Posez une question, puis donnez la réponse : « Vous voulez venir ? "
                    "Alors appelez-nous. »"
                )
            yield a.finding(
                "FALC-MOOD-004",
                m.start(),
                cond_end,
                f"Phrase avec « si » : « {a.text[m.start() : cond_end].strip()} ».",
                hint,
            )


RULES = [mood_001, mood_002, mood_003, mood_004]
