"""The other request of a message that asks two things (« c'est quoi une cop et je peux venir
avec mon fils ? »): never silently left out.

The understanding finds it (`Decision.also`); this module says what becomes of each request
of the message. Answers said where the person is (a short answer, a term) are all said; of
the places to go, the coach goes to the first one, and the next one is named after it
(« Vous avez aussi demandé : … ») with a button to go there (`ALSO_CHOICE`), since two
places cannot be shown at once.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from coach.content.model import Content
from coach.content.placeholders import fill
from coach.engine.nlu.candidates import Candidate, Decision
from coach.engine.nlu.clauses import CLAUSE_SURE, SOCIAL, split_clauses
from coach.engine.nlu.places import CHOICE, GLOSSARY, REPLY

# The button that goes to the other request, the coach message that names it ({a}), and the
# button's label around the place's name ({a}: « Aussi : Comment participer ? »).
ALSO_CHOICE = "aussi"
ALSO_MESSAGE = "aussi-demande"
ALSO_LABEL = "aussi-bouton"


@dataclass(frozen=True)
class Requests:
    """What a message's requests become: answers said in place first, then the one place to
    go (None when there is none), then the place named after it with a button (or None)."""

    said: tuple[str, ...]
    going: str | None
    offered: str | None


def said_in_place(key: str) -> bool:
    """A short answer or a term: said where the person is, with no move."""
    return key.startswith((REPLY, GLOSSARY))


def requests(asked: Sequence[Candidate], here: str) -> Requests:
    """The message's requests, the first understood first, typed at the place `here`. A
    place offered is the place a choice leads to (the choice itself belongs to the step the
    person leaves); a choice that stays at `here` (an answer to its question) is not."""
    said = tuple(c.key for c in asked if said_in_place(c.key))
    places = [c for c in asked if not said_in_place(c.key)]
    if not places:
        return Requests(said, None, None)
    going = places[0]
    other = next((c for c in places[1:] if c.place != going.place
                  and not (c.key.startswith(CHOICE) and c.place == here)), None)
    offered = None
    if other is not None:
        offered = other.place if other.key.startswith(CHOICE) else other.key
    return Requests(said, going.key, offered)


def doubtful_other(text: str, decision: Decision, read: Callable[[str], Decision],
                   profiles: Collection[str], here: str) -> str | None:
    """The place of another clause of the message that the understanding left out of
    `also` because it was not sure where it leads (« … et comment on participe » at the
    menu, before one says who one is: the families' page or the professionals'?), so that
    it is offered rather than silently lost (tester, session 12). Its most likely place,
    read alone by `read`, is offered only (never gone to): a clause not understood, a
    greeting, who one is, or the place already answered, is none."""
    best = decision.best
    if decision.kind != "go" or decision.also or best is None:
        return None
    clauses = split_clauses(text)
    if len(clauses) < 2:
        return None
    for clause in clauses:
        read_alone = read(clause)
        other = read_alone.best
        if (read_alone.kind not in ("go", "ask") or other is None or other.score < CLAUSE_SURE
                or said_in_place(other.key) or other.place in SOCIAL
                or other.place in profiles or other.place == best.place):
            continue
        if other.key.startswith(CHOICE):
            if other.place == here:  # an answer to this step's question: not another one
                continue
            return other.place
        return other.key
    return None


def also_choice(content: Content, label: str, falc: bool) -> dict[str, str]:
    """The button to the other request, put first among the choices by the engine: right
    under the message that names it (it came 4th of 7, after the directory's regions, one
    scroll away), its label saying it is the other question (tester, session 11); the
    place's name alone where the content has no label for it."""
    template = content.system.get(ALSO_LABEL)
    if template is not None:
        label = fill(template.falc if falc else template.text, {"a": label})
    return {"id": ALSO_CHOICE, "label": label}
