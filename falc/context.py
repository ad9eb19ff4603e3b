"""What a text explains to its reader, for every rule to use (document context).

A trained reviewer reads a paragraph as a whole: a word or an acronym explained one line
earlier is explained. This module finds, once per text, the terms the text explains:

* « X, c'est … », « X, ce sont … », « X veut dire … », « X signifie … », « X : … »;
* « X est un / une / le / la … » (« Le SESSAD est un service qui … »);
* « … s'appelle X », « on appelle cela X » (the thing is described, then named);
* the sentence before « Ça veut dire que … » / « Cela veut dire … » / « C'est-à-dire … »:
  every word of it is explained by the next sentence.

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
    units = a.units
    for previous, unit in zip(units, units[1:], strict=False):  # noqa: RUF007
        if explains_meaning(unit.text):
            found.update(_words(a.clean[previous.start : previous.end]))
    result = frozenset(found)
    a.cache["explained_terms"] = result
    return result
