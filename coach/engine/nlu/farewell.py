"""« merci au revoir », « ok merci bye », « merci et bonne journée »: thanks and goodbye said
together, and nothing else.

Each part alone is understood: « merci » gets the thanks' answer, « au revoir » the `stop`
command. Together they matched both (and the coordinator's « Terminer le parcours »), so the
coach asked « Vous voulez parler de… ? » with « Dire merci », « Terminer », « Autre chose »,
to a person who was only leaving. The whole message is read here: thanks and
acknowledgements (« merci », « ok merci », « super »), leave-takings (the phrases of the
`stop` command, « au revoir », « bye », and `LEAVE_TAKINGS`, « bonne journée »), and a few
words around them; at least one leave-taking. Such a message ends the conversation as
« au revoir » alone does.
"""

from __future__ import annotations

from collections.abc import Iterable

# Leave-takings that only end a message of thanks (« merci et bonne journée »): as phrases
# of the `stop` command they would also stop « je cherche une bonne journée de randonnée ».
# In the shared spelling (folded).
LEAVE_TAKINGS = ("bonne journee", "bonne soiree", "bonne fin de journee", "bonne nuit",
                 "bonne continuation", "bon week end", "a bientot", "a la prochaine",
                 "a plus", "a plus tard")
# Words around thanks and goodbyes that change nothing (« merci beaucoup et au revoir »,
# « merci à vous, bonne journée à tous »), in the shared spelling (folded).
_AROUND = frozenset({"et", "a", "vous", "toi", "tous", "toutes", "beaucoup", "bien",
                     "encore", "aussi", "coach", "madame", "monsieur", "alors", "donc",
                     "voila", "toute", "l", "equipe", "monde", "infiniment", "mille", "fois"})


class Farewell:
    """Reads whether a whole message is thanks and goodbye (phrases in the shared spelling,
    as `Lexicon.phrase(...).norm` gives them)."""

    def __init__(self, thanks: Iterable[str], leaving: Iterable[str]) -> None:
        self._leaving = frozenset(tuple(p.split()) for p in (*leaving, *LEAVE_TAKINGS) if p)
        phrases = {tuple(p.split()) for p in thanks if p} | self._leaving
        # Every phrase by its first word, the longest first.
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for words in sorted(phrases, key=lambda w: -len(w)):
            self._by_first.setdefault(words[0], []).append(words)

    def says(self, tokens: tuple[str, ...]) -> bool:
        """Whether these words are only thanks, acknowledgements and goodbyes, with at
        least one goodbye."""
        rest, leaving = tokens, False
        while rest:
            for words in self._by_first.get(rest[0], ()):
                if rest[:len(words)] == words:
                    leaving = leaving or words in self._leaving
                    rest = rest[len(words):]
                    break
            else:
                if rest[0] not in _AROUND:
                    return False
                rest = rest[1:]
        return leaving
