"""French spoken-syllable counter (vowel groups with French fixes; not hyphenation).

docs/falc.md, « Conventions de comptage », frozen: readability thresholds are
calibrated with this counter, so any change must keep ``tests/falc/test_syllables.py``
green. Hyphenation dictionaries (Pyphen, textstat) undercount French syllables: they never
isolate one letter nor split a hiatus (« idée » → 1).

Algorithm, per part of the word (split on apostrophes and hyphens):

1. drop the ``u`` of ``qu`` + vowel (and of a final elided ``qu'``), and of ``gu`` +
   e/é/è/ê/i/î/y;
2. a ``y`` between two vowels is a consonant glide (« voyage » vo-ya-ge, « crayon »);
3. count maximal runs of vowels ``aeiouyàâäéèêëîïôöùûüÿœæ``, then split a run:
   at ``é/è/ê/ë/ï/ü`` preceded by a vowel (« aé-ro-port », « po-è-me », « na-ïf »), at
   ``é`` followed by a/o/u/i (« ré-u-nion »), at ``é`` + ``e`` unless that ``e`` ends the
   word (« ré-el » but « idée » = 2), and at ``i`` + vowel after a consonant + r/l
   (« cli-ent », « ou-bli-er »);
4. a final ``e``/``es`` after a consonant is mute: subtract 1 if the count is above 1
   (« école » 2, « table » 1); the verbal ``-ent`` (« ils parlent ») is mute only when the
   caller says the word is a 3rd-person plural verb (« moment », « souvent » are not);
5. a part without a vowel (the ``l`` of ``l'``) counts 0; a word counts at least 1.

Known residual errors: internal mute e (« abonnement » → 4, spoken 3) and « pays » → 1.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["VOWELS", "count_syllables"]

VOWELS = "aeiouyàâäéèêëîïôöùûüÿœæ"
_V = f"[{VOWELS}]"
_SPLIT_AFTER_VOWEL = set("éèêëïü")
_AFTER_E_ACUTE = set("aàâoôuùûiîï")
_PART_RE = re.compile(r"['’\-‐]")
_RUN_RE = re.compile(f"{_V}+")
_LIQUID_CLUSTER_RE = re.compile(r"[bcdfgkptv][rl]$")


def _prepare(part: str) -> str:
    part = re.sub(f"qu(?={_V})", "q", part)
    part = re.sub(r"qu$", "q", part)
    part = re.sub(r"gu(?=[eéèêiîy])", "g", part)
    # y between two vowels: a glide that separates them (voyage, crayon, payer).
    return re.sub(f"(?<={_V})y(?={_V})", "j", part)


def _count_run(part: str, run: re.Match[str]) -> int:
    text = run.group()
    n = 1
    for i in range(1, len(text)):
        c, prev = text[i], text[i - 1]
        if c in _SPLIT_AFTER_VOWEL or (prev == "é" and c in _AFTER_E_ACUTE):
            n += 1
        elif prev == "é" and c == "e":
            rest = part[run.start() + i + 1 :]
            if rest not in ("", "s", "nt"):
                n += 1
        elif prev == "i" and i == 1 and _LIQUID_CLUSTER_RE.search(part[: run.start()]):
            n += 1
    return n


def _count_part(part: str, verb_3pl: bool) -> int:
    p = _prepare(part)
    count = sum(_count_run(p, run) for run in _RUN_RE.finditer(p))
    mute_e = re.search(f"[^{VOWELS}]es?$", p) is not None
    mute_ent = verb_3pl and re.search(f"[^{VOWELS}]ent$", p) is not None
    if count > 1 and (mute_e or mute_ent):
        count -= 1
    return count


@lru_cache(maxsize=32768)
def count_syllables(word: str, verb_3pl: bool = False) -> int:
    """Spoken syllables of a French *word* (at least 1).

    *verb_3pl*: the word is a verb in the 3rd person plural, so a final ``-ent`` after a
    consonant is mute (« ils parlent » = 1). Tokens without letters (digits) count 1.
    """
    lower = unicodedata.normalize("NFC", word.lower())
    parts = [part for part in _PART_RE.split(lower) if part]
    total = sum(_count_part(part, verb_3pl) for part in parts)
    return max(1, total)
