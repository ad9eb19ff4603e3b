"""Words: FALC-LEX-001…009 and terminology FALC-TERM-001/002.

Rare and unknown words come from wordfreq (tier 3), formal words, idioms and anglicisms
from the config's curated lists, and terminology from the project's preferred terms.
Proper nouns, acronyms, glossary words and words explained in the message are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from falc import lexicon
from falc.analysis import Analysis, Token
from falc.context import explained_terms
from falc.findings import Finding
from falc.phrases import PhraseMatch, PhraseMatcher, stream
from falc.syllables import count_syllables

_ENTITY_TYPES = frozenset({"PER", "LOC", "ORG", "MISC"})
_DETERMINERS = frozenset(
    {"le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "au", "aux", "ce", "cet",
     "cette", "ces", "son", "sa", "ses", "votre", "vos", "notre", "nos", "leur", "leurs",
     "mon", "ma", "mes"}
)
_DIGIT_RE = re.compile(r"\d")
_LETTER_RE = re.compile(r"[^\W\d_]")
_EXPLAINS_RE = re.compile(r"c['’]est|ce\s+sont|veut\s+dire|signifie", re.I)
_EXPLAINED_RE = re.compile(
    r"([^\W\d_]+)\s*,?\s*(?:c['’]est|ce\s+sont|veut\s+dire|signifie)\b", re.I
)
_FRENCH_LETTERS_RE = re.compile(r"[àâäéèêëîïôöùûüÿçœæ]")


@lru_cache(maxsize=32)
def _matcher(items: tuple[tuple[str, str], ...], loose: bool) -> PhraseMatcher[str]:
    return PhraseMatcher(dict(items), loose=loose)


def _find(a: Analysis, matcher: PhraseMatcher[str]) -> Iterator[PhraseMatch[str]]:
    """Matches of *matcher* in every unit (the normalised streams are cached)."""
    if "streams" not in a.cache:
        a.cache["streams"] = [stream(tokens) for tokens in a.tokens]
    for items in a.cache["streams"]:
        yield from matcher.find_items(items)


def _explained_words(a: Analysis) -> set[str]:
    """Words the message explains: « Le répit, c'est … », « répit veut dire … »."""
    found = set(explained_terms(a))
    if _EXPLAINS_RE.search(a.clean):  # cheap test first
        found.update(m.group(1).lower() for m in _EXPLAINED_RE.finditer(a.clean))
    return found


@lru_cache(maxsize=16)
def _terms_regex(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    multi = sorted((t for t in terms if " " in t or "-" in t), key=len, reverse=True)
    if not multi:
        return None
    alternatives = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in multi)
    return re.compile(rf"(?<![\w-])(?:{alternatives})s?(?![\w-])", re.I)


def _glossary_spans(a: Analysis) -> list[tuple[int, int]]:
    """Spans of the multi-word glossary terms and preferred terms (never rare words)."""
    regex = _terms_regex((*a.config.glossary, *a.config.terms))
    return [m.span() for m in regex.finditer(a.text)] if regex else []


def _is_proper_noun(t: Token, tokens: list[Token], a: Analysis) -> bool:
    if t.ent in _ENTITY_TYPES or t.pos == "PROPN":
        return True
    if not t.text[:1].isupper():
        return False
    first = t.index == 0 or a.clean[: t.start].rstrip().endswith((":", "«", "\"", "-", "—"))
    if not first:
        return True
    if a.tier2 and t.pos in ("NOUN", "VERB", "ADJ", "ADV", "ADP", "DET", "PRON", "AUX"):
        return False
    return lexicon.zipf(t.lower) < a.config.thresholds.zipf_rare


def _candidates(a: Analysis) -> list[Token]:
    """Tokens that are ordinary words the lexical rules should judge (cached)."""
    if "lexical_candidates" not in a.cache:
        a.cache["lexical_candidates"] = list(_find_candidates(a))
    return a.cache["lexical_candidates"]


def _find_candidates(a: Analysis) -> Iterator[Token]:
    skip = _glossary_spans(a)
    explained = _explained_words(a)
    for tokens in a.tokens:
        for t in tokens:
            if not t.is_word or t.is_upper or len(t.text) < 3 or "'" in t.lower[-1:]:
                continue
            if _DIGIT_RE.search(t.text) or a.config.is_allowed(t.text):
                continue
            if t.lemma and a.config.is_allowed(t.lemma):
                continue
            if t.lower in explained or any(s <= t.start < e for s, e in skip):
                continue
            if _is_proper_noun(t, tokens, a):
                continue
            yield t


def lex_frequency(a: Analysis) -> Iterator[Finding]:
    """FALC-LEX-001 (rare), FALC-LEX-002 (uncommon), FALC-LEX-004 (unknown), and the
    English-looking part of FALC-LEX-005."""
    if not a.tier3:
        return
    th = a.config.thresholds
    anglicisms = {k.lower() for k in a.config.anglicisms}
    for t in _candidates(a):
        low = t.lower
        if low in anglicisms:
            continue
        z = lexicon.word_zipf(low, t.lemma)
        english = len(low) >= 4 and z < 4.0 and not _FRENCH_LETTERS_RE.search(low)
        if english:
            en = lexicon.zipf_en(low)  # the English data loads only when needed
            english = en >= 3.5 and en > z + 1
        if english:
            yield a.finding(
                "FALC-LEX-005",
                t.start,
                t.end,
                f"« {t.text} » ressemble à un mot anglais.",
                "Utilisez un mot français de tous les jours.",
            )
        elif z == 0:
            yield a.finding(
                "FALC-LEX-004",
                t.start,
                t.end,
                f"Mot inconnu : « {t.text} ». Faute de frappe, jargon ou mot étranger ?",
                "Vérifiez l'orthographe ; si le mot est juste, expliquez-le dans la phrase "
                "suivante ou ajoutez-le au glossaire (falc.toml).",
            )
        elif z < th.zipf_rare:
            yield a.finding(
                "FALC-LEX-001",
                t.start,
                t.end,
                f"Mot rare : « {t.text} » (fréquence {z:.1f} sur l'échelle de Zipf, "
                f"le minimum conseillé est {th.zipf_rare:g}).",
                "Utilisez un mot plus courant, ou expliquez le mot dans la phrase suivante : "
                f"« {t.text[0].upper() + t.text[1:]}, c'est … ».",
            )
        elif z < th.zipf_uncommon:
            yield a.finding(
                "FALC-LEX-002",
                t.start,
                t.end,
                f"Mot peu courant : « {t.text} » (fréquence {z:.1f} sur l'échelle de Zipf).",
                "Si un mot plus courant dit la même chose, utilisez-le.",
            )


def lex_003(a: Analysis) -> Iterator[Finding]:
    matcher = _matcher(tuple(a.config.formal_words.items()), True)
    for m in _find(a, matcher):
        found = a.text[m.start : m.end]
        plain = not m.payload.startswith(("expliquez", "(", "les règles", "la règle"))
        yield a.finding(
            "FALC-LEX-003",
            m.start,
            m.end,
            f"« {found} » est un mot soutenu ou administratif.",
            f"Écrivez plutôt : « {m.payload} »." if plain else f"Écrivez plutôt : {m.payload}.",
        )


def lex_005(a: Analysis) -> Iterator[Finding]:
    matcher = _matcher(tuple(a.config.anglicisms.items()), False)
    for m in _find(a, matcher):
        found = a.text[m.start : m.end]
        if a.config.is_allowed(found):
            continue  # explained in the project glossary
        yield a.finding(
            "FALC-LEX-005",
            m.start,
            m.end,
            f"« {found} » est un mot anglais.",
            f"Écrivez un mot français : « {m.payload} ».",
        )


def lex_006(a: Analysis) -> Iterator[Finding]:
    th = a.config.thresholds
    for t in _candidates(a):
        letters = len(_LETTER_RE.findall(t.text))
        syllables = count_syllables(t.text)
        if syllables > th.long_word_syllables or letters > th.long_word_letters:
            yield a.finding(
                "FALC-LEX-006",
                t.start,
                t.end,
                f"Mot long : « {t.text} » ({syllables} syllabes, {letters} lettres).",
                "Utilisez un mot plus court si possible, ou expliquez celui-ci.",
            )


def lex_008(a: Analysis) -> Iterator[Finding]:
    matcher = _matcher(tuple(a.config.idioms.items()), True)
    for m in _find(a, matcher):
        found = a.text[m.start : m.end]
        yield a.finding(
            "FALC-LEX-008",
            m.start,
            m.end,
            f"Expression imagée : « {found} ». Le lecteur peut la comprendre mot à mot.",
            f"Dites-le simplement : « {m.payload} ».",
        )


_BRACKET_DEF_RE = re.compile(r"([^\W\d_][\w'’-]{3,})\s*\(([^()\n]{3,})\)")
_APPOSITION_RE = re.compile(
    r"([^\W\d_][\w'’-]{3,})\s*,\s*(c['’]est-à-dire|autrement\s+dit|à\s+savoir)\b", re.I
)


def lex_009(a: Analysis) -> Iterator[Finding]:
    for m in _BRACKET_DEF_RE.finditer(a.clean):
        inside = m.group(2).strip()
        if len(inside.split()) < 2:
            continue
        word = m.group(1)
        yield a.finding(
            "FALC-LEX-009",
            m.start(),
            m.end(),
            f"« {word} » est expliqué entre parenthèses.",
            f"Écrivez l'explication dans la phrase suivante : « {word[0].upper() + word[1:]}, "
            f"c'est {inside}. »",
        )
    for m in _APPOSITION_RE.finditer(a.clean):
        word = m.group(1)
        yield a.finding(
            "FALC-LEX-009",
            m.start(),
            m.end(),
            f"« {word} » est expliqué dans une incise (« {m.group(2)} »).",
            f"Finissez la phrase, puis expliquez dans la phrase suivante : "
            f"« {word[0].upper() + word[1:]}, c'est … ».",
        )


def term_001_002(a: Analysis) -> Iterator[Finding]:
    if not a.config.terms:
        return
    entries: list[tuple[str, str]] = []
    for preferred, variants in a.config.terms.items():
        entries.append((preferred, preferred))
        entries.extend((v, preferred) for v in variants)
    matcher = _matcher(tuple(entries), False)
    used: dict[str, list[tuple[str, int, int]]] = {}
    for m in _find(a, matcher):
        used.setdefault(m.payload, []).append((m.phrase, m.start, m.end))
    for preferred, occurrences in used.items():
        forms_seen: list[str] = []
        for phrase, start, end in occurrences:
            found = a.text[start:end]
            if phrase not in forms_seen:
                forms_seen.append(phrase)
            if len(forms_seen) > 1 and phrase != forms_seen[0]:
                first = next(a.text[s:e] for p, s, e in occurrences if p == forms_seen[0])
                yield a.finding(
                    "FALC-TERM-002",
                    start,
                    end,
                    f"La même chose est nommée de 2 façons : « {first} » et « {found} ».",
                    f"Utilisez toujours « {preferred} ».",
                )
            elif phrase != preferred:
                yield a.finding(
                    "FALC-TERM-001",
                    start,
                    end,
                    f"« {found} » : le projet dit « {preferred} ».",
                    f"Écrivez « {preferred} ».",
                )


RULES = [lex_frequency, lex_003, lex_005, lex_006, lex_008, lex_009, term_001_002]
