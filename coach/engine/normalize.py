"""French text normalisation for matching what people type against labels and synonyms."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ELISION = re.compile(r"\b([cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)
_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("œ", "oe")


@lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """Lower case, accents folded, elisions split (« l'école » → « l ecole »), no punctuation."""
    text = _ELISION.sub(lambda m: m.group(1) + " ", text.lower())
    text = fold_accents(text).replace("œ", "oe").replace("æ", "ae")
    return _NON_WORD.sub(" ", text).strip()
