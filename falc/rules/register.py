"""FALC-LEX-010: the vocabulary of written, learned French, counted per paragraph.

What ordinary French has and FALC has not, beyond sentence length: verbs, adjectives,
adverbs and abstract nouns that readers meet in letters, laws and newspapers but seldom
in speech (« sollicité », « échéance », « déplore », « conventionnels », « dématérialisée »).
A trained reviewer sends back a paragraph that has several of them, however short its
sentences are. No hand-made list: the word's frequency (wordfreq, tier 3, Zipf below
``zipf_learned``, the larger of form and lemma) and its part of speech (spaCy, tier 2).
Concrete nouns are not counted (« dentiste », « taxi » are rare but easy); neither are
words explained in the text, glossary and allowed words, proper nouns, nor the few
domain words every reader of the product knows (:data:`DOMAIN_WORDS`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from falc import lexicon
from falc.analysis import Analysis, Token
from falc.context import explained_terms
from falc.findings import Finding
from falc.rules.lexical import _candidates
from falc.rules.meaning import EVERYDAY_NOUNS, _formal_spans, _jargon_hits

#: Words of the product's domain its readers use every day, whatever their frequency.
DOMAIN_WORDS = frozenset(
    {"handicap", "handicaps", "handicapé", "handicapée", "handicapés", "handicapées",
     "polyhandicap", "aidant", "aidante", "aidants", "aidantes", "médecin", "médecins",
     "accompagner", "sourd", "sourde", "sourds", "sourdes", "aveugle", "aveugles",
     "autiste", "autistes"}
)
_ABSTRACT_RE = re.compile(r"(?:tion|sion|xion|ment|ité|ance|ence|isme|itude)s?$")
#: Adjectives built with the suffixes of learned French (« administratif »,
#: « temporaire », « réglementaire », « légal », « susceptible »); an everyday adjective
#: (« gênant », « fragile ») counts only when it is rarer (Zipf below ``_ZIPF_ADJECTIVE``).
_LEARNED_ADJECTIVE_RE = re.compile(
    r"(?:if|ive|al|ale|aux|aire|ique|el|elle|oire|able|ible|iste|ieux|ieuse)s?$"
)
_ZIPF_ADJECTIVE = 3.8
#: Without spaCy: only words rarer than this count (no part of speech to tell concrete
#: nouns apart).
_ZIPF_WITHOUT_POS = 3.5


def _is_learned(t: Token, a: Analysis, limit: float) -> bool:
    low = t.lower
    if low in DOMAIN_WORDS or (t.lemma or "") in DOMAIN_WORDS:
        return False
    if low in a.config.adjectival_participles or (t.lemma or "") in a.config.adjectival_participles:
        return False  # everyday states: « fatigué », « inscrit »
    z = lexicon.word_zipf(low, t.lemma)
    if z <= 0:
        return False  # unknown words are FALC-LEX-004's
    if not a.tier2:
        return z < _ZIPF_WITHOUT_POS
    if z >= limit:
        return False
    if t.pos == "VERB" and not (t.morph.get("VerbForm") == "Part"
                                and t.morph.get("Tense") != "Pres"):
        # A conjugated verb, an infinitive or a present participle (« gênant »): its form
        # is rarer than the verb is (the frequency is spread over many forms), so only a
        # really rare one counts. Past participles (« sollicité », « délivrée ») are the
        # passives and the participle clauses of written French.
        return z < _ZIPF_WITHOUT_POS
    if t.pos == "ADJ":
        return z < _ZIPF_ADJECTIVE or _LEARNED_ADJECTIVE_RE.search(low) is not None
    if t.pos in ("VERB", "ADV"):
        return True
    if low in EVERYDAY_NOUNS or (t.lemma or "") in EVERYDAY_NOUNS:
        return False  # « ambulance », « résidence »: everyday nouns with an abstract ending
    return t.pos == "NOUN" and _ABSTRACT_RE.search(low) is not None


def learned_words(a: Analysis) -> list[Token]:
    """The learned words of the text (tier 3), in order (cached)."""
    if "learned_words" in a.cache:
        found: list[Token] = a.cache["learned_words"]
        return found
    found = []
    if a.tier3:
        explained = explained_terms(a)
        limit = a.config.thresholds.zipf_learned
        found = [t for t in _candidates(a)
                 if t.lower not in explained and _is_learned(t, a, limit)]
    a.cache["learned_words"] = found
    return found


@dataclass(frozen=True, slots=True)
class _Written:
    """A word of written French: a learned token, or a formal word of the list."""

    key: str
    text: str
    start: int
    end: int
    paragraph: int
    learned: bool


def _written_words(a: Analysis) -> list[_Written]:
    """Learned words (frequency), formal words (the ``[formal_words]`` list, FALC-LEX-003)
    and unexplained jargon (the ``[jargon]`` list, FALC-JARG-001): all are the vocabulary of
    written French; a word inside a formal or jargon phrase counts once."""
    paragraph_of = {u.index: u.paragraph for u in a.units}
    units = [(u.start, u.end, u.paragraph) for u in a.units]
    formal = [(s, e) for s, e in _formal_spans(a) if not _noun_use(a, s)]
    out = [
        _Written(a.text[s:e].lower().replace("’", "'"), a.text[s:e], s, e,
                 next(p for us, ue, p in units if us <= s < ue), False)
        for s, e in formal
    ]
    taken = list(formal)
    for s, e, found, _ in _jargon_hits(a):
        if any(ts <= s < te for ts, te in taken):
            continue
        taken.append((s, e))
        out.append(_Written(found.lower().replace("’", "'"), found, s, e,
                            next(p for us, ue, p in units if us <= s < ue), False))
    for t in learned_words(a):
        if any(s <= t.start < e for s, e in taken):
            continue
        out.append(_Written(t.lemma or t.lower, t.text, t.start, t.end,
                            paragraph_of[t.unit], True))
    return sorted(out, key=lambda w: w.start)


_DETERMINER_BEFORE_RE = re.compile(
    r"\b(?:la|le|les|une|un|sa|son|ses|ma|ta|votre|notre|leur|cette|ce)\s*$", re.I
)


def _noun_use(a: Analysis, start: int) -> bool:
    """« C'est la faute de la direction »: after a determiner, « faute de » (or « défaut
    de ») is a noun phrase of everyday French, not the formal link « faute de moyens »."""
    if not a.clean[start : start + 6].lower().startswith(("faute", "défaut")):
        return False
    return _DETERMINER_BEFORE_RE.search(a.clean[max(0, start - 12) : start]) is not None


def lex_010(a: Analysis) -> Iterator[Finding]:
    """An error per paragraph with ``learned_words_error`` words of written French or more
    (each different word once): learned words (frequency) and formal words of the list; an
    information on a single learned word (frequency alone already has FALC-LEX-001/002, a
    formal word alone FALC-LEX-003)."""
    by_paragraph: dict[int, list[_Written]] = {}
    for w in _written_words(a):
        by_paragraph.setdefault(w.paragraph, []).append(w)
    limit = a.config.thresholds.learned_words_error
    for tokens in by_paragraph.values():
        distinct = list(dict.fromkeys(t.key for t in tokens))
        if len(distinct) >= limit:
            listed = ", ".join(f"« {t.text} »" for t in {t.key: t for t in tokens}.values())
            yield a.finding(
                "FALC-LEX-010", tokens[0].start, tokens[-1].end,
                f"Vocabulaire de l'écrit : {len(distinct)} mots qu'on lit dans les lettres "
                f"officielles ou les journaux, mais qu'on dit peu ({listed}).",
                "Dites la même chose avec des mots de tous les jours (des verbes simples, "
                "des noms de choses), ou expliquez le mot dans la phrase suivante.",
            )
        elif tokens[0].learned:
            t = tokens[0]
            yield a.finding(
                "FALC-LEX-010", t.start, t.end,
                f"« {t.text} » est un mot de l'écrit, peu utilisé à l'oral.",
                "Un mot de tous les jours, ou l'expliquer dans la phrase suivante.",
                severity="info",
            )



# ------------------------------------------------------- rare vocabulary, paragraph

#: Parts of speech of the content words whose frequency FALC-LEX-012 measures.
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
#: Without spaCy: words of 4 letters or more stand for the content words.
_MIN_LETTERS = 4


def rare_share(a: Analysis, paragraph: int) -> tuple[int, list[Token]]:
    """(number of content words, the rare ones) of one paragraph (tier 3): content words
    are the lexical candidates (no proper noun, acronym, glossary or explained word) that
    are nouns, verbs, adjectives or adverbs (spaCy) — words of 4 letters or more without
    it; rare ones have a Zipf frequency below ``zipf_paragraph``."""
    explained = explained_terms(a)
    limit = a.config.thresholds.zipf_paragraph
    paragraph_of = {u.index: u.paragraph for u in a.units}
    content, rare = 0, []
    for t in _candidates(a):
        if paragraph_of[t.unit] != paragraph:
            continue
        if a.tier2 and t.pos is not None:
            if t.pos not in _CONTENT_POS:
                continue
        elif len(t.text) < _MIN_LETTERS:
            continue
        low = t.lower
        if low in DOMAIN_WORDS or (t.lemma or "") in DOMAIN_WORDS or low in explained:
            continue
        z = lexicon.word_zipf(low, t.lemma)
        if z <= 0:
            continue  # unknown words are FALC-LEX-004's
        content += 1
        if z < limit:
            rare.append(t)
    return content, rare


def lex_012(a: Analysis) -> Iterator[Finding]:
    """An error per paragraph of at least ``rare_share_min_words`` content words of which
    more than a share of ``rare_share`` are rare (tier 3)."""
    if not a.tier3:
        return
    th = a.config.thresholds
    for paragraph in dict.fromkeys(u.paragraph for u in a.units):
        content, rare = rare_share(a, paragraph)
        if content < th.rare_share_min_words or len(rare) <= th.rare_share * content:
            continue
        listed = ", ".join(f"« {w} »" for w in dict.fromkeys(t.text for t in rare))
        yield a.finding(
            "FALC-LEX-012", rare[0].start, rare[-1].end,
            f"Vocabulaire rare dans tout le paragraphe : {len(rare)} mots sur {content} sont "
            f"peu courants ({listed}).",
            "Gardez les mots de tous les jours ; s'il faut un mot rare, expliquez-le dans la "
            "phrase suivante (« Ça veut dire que … »).",
        )


RULES = [lex_010, lex_012]
