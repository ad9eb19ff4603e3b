"""What a text explains to its reader, for every rule to use (document context).

A trained reviewer reads a paragraph as a whole: a word or an acronym explained one line
earlier is explained. This module finds, once per text, the terms the text explains:

* « X, c'est … », « X, ce sont … », « X veut dire … », « X signifie … », « X : … »;
* « X est un / une / le / la … » (« Le SESSAD est un service qui … »);
* « … s'appelle X », « on appelle cela X » (the thing is described, then named);
* the sentence before « Ça veut dire que … » / « Cela veut dire … » / « C'est-à-dire … »:
  every word of it is explained by the next sentence;
* an acronym that is the subject of a sentence saying what it does, with at least 4 words
  after the verb (« Le SAMU envoie un médecin chez vous. », « L'ARS s'occupe de la santé
  dans votre région. »): what the thing does for the reader is the explanation FALC asks
  for.

Terms are kept in lower case, as single words (the last word before the marker and up to
two before it, so that « le projet de vie, c'est … » explains « projet de vie » and « vie »).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from falc.analysis import Analysis

__all__ = ["explained_terms", "explains_meaning"]

_WORD = r"[^\W\d_][\w'’-]*"
#: A definition marker after the defined words (the words are read backwards from it:
#: searching for « words + marker » at every word was a third of tier 1's time).
_DEFINES_AFTER = re.compile(
    r"(?<=[\w'’])\s*,?\s*"
    r"(?:c['’]est|ce\s+sont|veut\s+dire|veulent\s+dire|signifie|signifient|:"
    r"|(?:est|sont)\s+(?:un|une|des|le|la|les|l['’]|ce\s+qui|ce\s+que|quand))(?=[\s\w])",
    re.I,
)
_LAST_WORDS = re.compile(rf"((?:{_WORD}[ \u00a0]+){{0,3}}{_WORD})$")
_NAMED_BEFORE = re.compile(
    rf"(?:s['’]appellen?t?|on\s+appelle\s+(?:cela|ça|ce\s+\w+)|se\s+nomment?)\s+"
    rf"((?:{_WORD}[ \u00a0]+){{0,3}}{_WORD})",
    re.I,
)
_MEANING_START = re.compile(
    r"^\W*(?:ça|cela|ce\s+qui|c['’]est-à-dire|autrement\s+dit)\s+(?:veut\s+dire|signifie|"
    r"qu|que|:)?",
    re.I,
)
_MEANS = re.compile(r"^\W*(?:ça|cela)\s+(?:veut\s+dire|signifie)|^\W*c['’]est-à-dire", re.I)
_SMALL = frozenset({"le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "à",
                    "au", "aux", "en", "votre", "vos", "son", "sa", "ses", "notre", "nos"})


def _words(phrase: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_][\w-]*", phrase.lower().replace("’", "'"))
            if w not in _SMALL]


def explains_meaning(sentence: str) -> bool:
    """The sentence explains the previous one (« Ça veut dire que … »)."""
    return _MEANS.search(sentence) is not None


_ARTICLES = frozenset({"le", "la", "les", "l'"})
_CLITICS = frozenset({"vous", "se", "s'", "leur", "lui", "les", "nous", "y", "en", "ne", "n'"})
_ACRONYM_RE = re.compile(r"^[A-Z]{2,6}$")
#: Without spaCy: words after an acronym that are not its verb (« La MDPH de … »).
_NOT_VERBS = frozenset(
    {"de", "du", "des", "d'", "à", "au", "aux", "et", "ou", "en", "pour", "par", "sur",
     "dans", "avec", "qui", "que", "qu'", "est", "sont", "a", "ont", "peut", "peuvent",
     "doit", "doivent"}
)


def _acting_acronyms(a: Analysis) -> set[str]:
    """Acronyms that open a sentence as its subject, followed by a verb of action
    (not « est », « a », « peut », which say nothing of what the thing does) and at
    least 4 words that say what it does."""
    out = set()
    for tokens in a.tokens:
        if len(tokens) < 4 or tokens[0].norm not in _ARTICLES:
            continue
        acronym = tokens[1]
        if not _ACRONYM_RE.match(acronym.text):
            continue
        i = 2
        while i < len(tokens) - 1 and tokens[i].lower in _CLITICS:
            i += 1
        verb = tokens[i]
        if verb.lower in _NOT_VERBS or verb.lower.startswith(("est", "sont")):
            continue
        if a.tier2:
            if verb.pos != "VERB" or verb.morph.get("VerbForm") != "Fin":
                continue
        elif not re.search(r"(?:e|es|ent|t|it|ont|nd)$", verb.lower):
            continue
        if sum(1 for t in tokens[i + 1 :] if t.is_word) < 4:
            continue  # « Le SESSAD aide votre enfant. » says too little of what it does
        out.add(acronym.text.lower())
    return out


def explained_terms(a: Analysis) -> frozenset[str]:
    """Lower-case words and acronyms the text explains (cached on the analysis)."""
    cached = a.cache.get("explained_terms")
    if cached is not None:
        return cached
    found: set[str] = set()
    for m in _DEFINES_AFTER.finditer(a.clean):
        line_start = a.clean.rfind("\n", 0, m.start()) + 1
        before = _LAST_WORDS.search(a.clean[max(line_start, m.start() - 80) : m.start()])
        if before is None:
            continue
        head = before.group(1)
        found.update(_words(head)[-3:])
        found.add(head.split()[-1].lower().replace("’", "'"))
    for m in _NAMED_BEFORE.finditer(a.clean):
        found.update(_words(m.group(1)))
    found.update(_acting_acronyms(a))
    units = a.units
    for previous, unit in zip(units, units[1:], strict=False):  # noqa: RUF007
        if explains_meaning(unit.text):
            found.update(_words(a.clean[previous.start : previous.end]))
    result = frozenset(found)
    a.cache["explained_terms"] = result
    return result
