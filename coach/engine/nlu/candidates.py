"""What a decision is made of: the context, the candidates gathered on a board, the decision.

Plain data with no reading of text, so that every reader (persons, terms, clauses) and the
decision in `coach.engine.understand` share them without importing one another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from coach.content.schema import Choice
from coach.engine.nlu.places import CHOICE

# The « none of these » answer of « Vous voulez parler de… ? ».
OTHER = "autre"
# A search result that confirms a candidate found otherwise adds this much to it, when both
# are at least AGREEMENT_FLOOR.
AGREEMENT = 0.04
AGREEMENT_FLOOR = 0.44
# The source of an answer said by its rank on screen (« la 2e », « la dernière »).
POSITION = "position"
# Of equal scores, the source earlier in the order people expect comes first.
STAGES = {"position": 0, "choix": 1, "reponse": 1, "commande": 2, "intention": 3, "glossaire": 4,
          "recherche": 5}


@dataclass(frozen=True, slots=True, init=False)
class Candidate:
    """A place the text may lead to. `key` says what to do, `place` where it leads."""

    key: str
    place: str
    score: float
    via: str

    def __init__(self, key: str, place: str, score: float, via: str) -> None:
        # A decision makes dozens: the slots set directly, as a frozen dataclass's own
        # __init__ does through object.__setattr__ at about three times the cost.
        _SET_KEY(self, key)
        _SET_PLACE(self, place)
        _SET_SCORE(self, score)
        _SET_VIA(self, via)

    def rescored(self, score: float) -> Candidate:
        """The same candidate with another score: what `dataclasses.replace(candidate,
        score=…)` gives, at a tenth of its cost (the heuristics move many scores a text)."""
        return Candidate(self.key, self.place, score, self.via)


_SET_KEY, _SET_PLACE, _SET_SCORE, _SET_VIA = (
    vars(Candidate)[name].__set__ for name in ("key", "place", "score", "via"))


@dataclass(frozen=True)
class Decision:
    kind: Literal["go", "ask", "miss"]
    candidates: tuple[Candidate, ...] = ()
    hostile: bool = False
    # Another request of the same message (another clause understood for sure: « c'est
    # gratuit ? et ça prend combien de temps »), answered too.
    also: tuple[Candidate, ...] = ()
    # A miss understood as a request the content does not handle (« vous recrutez ? »,
    # « quel temps demain »): said plainly, never « écrivez-le autrement »
    # (coach.engine.nlu.second_opinion decides it). Always a miss without candidates.
    off_topic: bool = False
    # The rules read the whole message this way (« merci mille fois à toute l'équipe » is
    # thanks said to someone, every other word an addressee): the examples never doubt it.
    whole: bool = False

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


@dataclass(frozen=True)
class Context:
    """Where the person types: the node, its available choices, and what the coach offers."""

    flow: str
    node: str
    choices: tuple[Choice, ...] = ()
    pending: tuple[str, ...] = ()
    persona: str | None = None
    # The message says the writer funds (« on finance une cop »): the funder's side, whose
    # money is what it gives, never what it lacks (coach.engine.nlu.persons.funds).
    funder: bool = False
    # The stems a contrast says are not chosen (« pas d'exercice », « pas mon fils »:
    # coach.engine.nlu.answers.contrasted).
    contrast: frozenset[str] = frozenset()
    # The place the person is at counts as any other (it is left out otherwise: the text
    # leads elsewhere). Only to know whether a text is about this very step: « say it
    # again » (`Understanding._about_here`) and a question asked again at the directory
    # (`DirectoryTurns.asks_here_again`).
    here_too: bool = False


@dataclass
class Board:
    """Candidates gathered from every source, one per key."""

    redirect: dict[str, str] = field(default_factory=dict)
    found: dict[str, Candidate] = field(default_factory=dict)

    def add(self, key: str, place: str, score: float, via: str) -> None:
        key = self.redirect.get(place, key) if key == place else key
        current = self.found.get(key)
        if current is None:
            self.found[key] = Candidate(key, current_place(key, place), score, via)
        elif score > current.score:
            self.found[key] = Candidate(key, current.place, score, current.via)

    def agree(self, key: str, place: str, score: float) -> None:
        """A search result: it confirms a candidate, or stands as a weak one of its own."""
        key = self.redirect.get(place, key)
        current = self.found.get(key)
        if current is None:
            self.found[key] = Candidate(key, place, score, "recherche")
            return
        bonus = AGREEMENT if min(score, current.score) >= AGREEMENT_FLOOR else 0.0
        self.found[key] = Candidate(key, current.place, max(score, current.score) + bonus,
                                    current.via)

    def ranked(self) -> list[Candidate]:
        return sorted(self.found.values(), key=lambda c: (-c.score, STAGES[c.via], c.key))


def current_place(key: str, place: str) -> str:
    return place if key.startswith(CHOICE) else key if key != OTHER else OTHER


def distinct(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per place (the best), in order."""
    seen: set[str] = set()
    kept = []
    for candidate in candidates:
        if candidate.place not in seen:
            seen.add(candidate.place)
            kept.append(candidate)
    return kept
