"""Insults and hostility: recognised so that they are answered calmly, never echoed.

Only asked when it can change the answer (a text that goes somewhere is answered as such).
"""

from __future__ import annotations

from coach.engine.nlu.french import word_set
from coach.engine.nlu.lexicon import Query

# Words, in the folded spelling; the lexicon keeps them as typed (never repaired).
HOSTILE = word_set("""
con conne connard connards connasse debile debiles idiot idiote stupide abruti abrutie
cretin cretine merde merdique putain pute salope enfoire encule fdp ntm nique niquer
bouffon bouffonne naze batard tg degage nul nuls
""")
HOSTILE_GRAMS = frozenset({"ta gueule", "ferme la", "va te faire", "casse toi", "sers a rien",
                           "servez a rien", "sert a rien", "servent a rien",
                           "de merde", "t es nul", "tu es nul", "c est nul", "trop nul",
                           "vous etes nuls", "t es con", "nul a chier"})
_HOSTILE_PADDED = tuple(f" {gram} " for gram in HOSTILE_GRAMS if 0 < gram.count(" ") < 4)


# « je suis nulle avec les ordis », « chui trop nul en info »: said of oneself, no insult.
SELF_BELITTLING = word_set("nul nuls nulle nulles")
SELF_WORDS = word_set("suis sui chui jsuis jsui sens")
SELF_REACH = 3


def _of_oneself(typed: tuple[str, ...], index: int) -> bool:
    return not SELF_WORDS.isdisjoint(typed[max(0, index - SELF_REACH):index])


def is_hostile(query: Query) -> bool:
    typed = tuple(word for index, word in enumerate(query.typed)
                  if not (word in SELF_BELITTLING and _of_oneself(query.typed, index)))
    if HOSTILE.intersection(typed):
        return True
    text = f" {' '.join(typed)} "  # runs of two to four typed words, looked up in place
    return any(gram in text for gram in _HOSTILE_PADDED)
