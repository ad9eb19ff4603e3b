"""Corpus-level check FALC-DUP-001: boilerplate repeated across many texts.

A sentence copied word for word into many texts (« Une CoP, c'est une communauté de
pratique. » in 15 messages) is boilerplate: the reader reads it again and again, even
where it does not fit. Only a whole corpus shows it, so this check runs on a list of texts
(``coach lint`` runs it over every FALC message; ``bench/falc_eval.py`` over each set).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from falc.config import Config
from falc.findings import Finding
from falc.rules import RULES
from falc.tokenize import count_words, split_units

__all__ = ["boilerplate"]


def _key(sentence: str) -> str:
    return re.sub(r"\s+", " ", sentence.lower().replace("’", "'")).strip(" .!?…")


def boilerplate(texts: Sequence[str], config: Config) -> list[tuple[int, Finding]]:
    """``(text index, finding)`` for every repeat of a sentence found in more than
    ``thresholds.boilerplate_texts`` texts (the first occurrence is not reported)."""
    th = config.thresholds
    where: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for index, text in enumerate(texts):
        seen: set[str] = set()
        for unit in split_units(text):
            if count_words(unit.text) < th.boilerplate_words:
                continue
            key = _key(unit.text)
            if key in seen:
                continue
            seen.add(key)
            where[key].append((index, unit.start, unit.end))
    severity = config.severity_override("FALC-DUP-001") or RULES["FALC-DUP-001"][0]
    out: list[tuple[int, Finding]] = []
    if severity == "off":
        return out
    for places in where.values():
        if len(places) <= th.boilerplate_texts:
            continue
        for index, start, end in places[1:]:
            sentence = texts[index][start:end]
            out.append((index, Finding(
                "FALC-DUP-001", severity,  # type: ignore[arg-type]
                f"« {sentence} » est répété mot pour mot dans {len(places)} textes.",
                "Gardez cette phrase là où le lecteur en a besoin (la première fois) ; "
                "ailleurs, enlevez-la ou dites la chose autrement, avec ce qui compte ici.",
                start, end,
            )))
    return out
