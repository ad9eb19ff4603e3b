"""« je comprends pas », « c trop compliké »: easy-to-read turned on, and what is said then.

Someone who says they do not understand gets easy-to-read (never switched off by it) and
what the coach said in answer to their previous message, again, now in easy-to-read: a
term's meaning, a short answer said in place, « Vous voulez parler de… ? » with its
buttons, or the step's messages when that is what was said (tried on phones: after the
meaning of « pair aidant », the step's messages came back, not the meaning just read; after
« Vous voulez parler de… ? », its buttons went away). The choices on screen stay. When that
answer said nothing worth saying again (a miss, nothing before), the step's messages are said
again. Asked again at once, the same messages a third time would help no one (they are just
above): who can help is said instead. Said with a question (« je comprends pas ce que c'est
une cop »), easy-to-read turns on and the question is answered, rather than the last
messages said again. This module decides and says; saying the step again is the engine's
(a move), and keeping the buttons on screen the typed turns'.
"""

from __future__ import annotations

import copy
from itertools import islice
from typing import Any

from coach.engine.record import Record
from coach.engine.saying import Saying
from coach.engine.second_request import ALSO_MESSAGE

# Easy-to-read asked for: the messages said again (`simplifier-oui` as it turns on,
# `simplifier-deja`, `simplifier-encore` when it was on), then, asked again at once, only
# where they are (`simplifier-plus`).
SAID_AGAIN_EASY = ("simplifier-oui", "simplifier-deja", "simplifier-encore")
SAID_AGAIN_ALREADY = "simplifier-plus"
# The lines saying the messages again that also say « choisissez « Parler à une personne » »
# (their `-sans-contact` variants name no one to choose): its button comes with them.
POINTS_TO_HELP = frozenset({"simplifier-deja", "simplifier-encore"})
# What the person writes or chooses: the entries that bound the coach's answers.
PERSON_ENTRIES = frozenset({"text", "choice", "command", "place", "region"})
# Coach messages never said again: easy-to-read's own lines, the misses, the lines that say
# one is back from a detour or that the content changed (they were true once).
NOT_SAID_AGAIN = ("simplifier-", "facile-oui", "facile-non", "facile-garde", "pas-compris",
                  "retour-appel", "contenu-change")
# « Vous voulez parler de… ? » and its kin: said again only with their buttons (the places
# still offered, `record.pending`); « Vous avez aussi demandé » only with its own.
CLARIFYING = frozenset({"sens-question", "sens-autre", "sens-lequel", "sens-un",
                        "vous-voulez-dire"})


def easy_to_read_to_answer(saying: Saying, record: Record) -> None:
    """« je comprends pas ce que c'est une cop »: easy-to-read on (said once), and the
    question answered next, rather than the last messages said again."""
    if not record.falc:
        record.falc = True
        saying.say(record, ("simplifier-reponse",))


def simplify(saying: Saying, record: Record) -> bool:
    """Someone says they do not understand: easy-to-read on (never off), and said so.
    True when the current step's messages are to be said again (they now read in
    easy-to-read); False when they were just said again so, and who can help is said."""
    already = record.falc
    record.falc = True
    if already and just_said_again(record) and saying.has(
            saying.for_contact(SAID_AGAIN_ALREADY)):
        # A third time the same easy-to-read messages would help no one: they are just
        # above; who can help is said instead.
        saying.say(record, (SAID_AGAIN_ALREADY,))
        return False
    if already:  # never « maintenant facile à lire »: it was already on
        saying.say(record, ("simplifier-deja", "simplifier-encore"))
    else:
        saying.say(record, ("simplifier-oui", "facile-oui"))
    return True


def last_answer(record: Record) -> list[list[Any]]:
    """What the coach said in answer to the person's message before this one (or, with no
    message before, since the start), without the lines not worth saying again: copies, in
    order. Read before this turn's own lines are said."""
    answer: list[list[Any]] = []
    inputs = 0
    for entry in record.transcript.from_end():
        if entry[0] in PERSON_ENTRIES:
            inputs += 1
            if inputs == 2:
                break
        elif inputs == 1 and worth_saying_again(record, entry):
            answer.append(copy.deepcopy(list(entry)))
    return answer[::-1]


def worth_saying_again(record: Record, entry: list[Any]) -> bool:
    """A coach entry said again in easy-to-read: not easy-to-read's own lines nor a miss;
    a clarification only while its buttons are still offered."""
    if entry[0] not in ("coach", "offer"):
        return True  # a step's message, a term, « où en suis-je », a directory's answer
    said = str(entry[1])
    if said.startswith(NOT_SAID_AGAIN):
        return False
    if said in CLARIFYING:
        return bool(record.pending)
    if said == ALSO_MESSAGE:
        return bool(record.also)
    return True


def just_said_again(record: Record) -> bool:
    """Whether the coach's answer to the person's previous message said the messages
    again in easy-to-read, or where they are (« je comprends rien », then « c trop
    compliké »)."""
    for entry in islice(record.transcript.from_end(), 1, None):
        if entry[0] in ("text", "choice"):
            return False
        if entry[0] == "coach" and str(entry[1]).startswith(
                (*SAID_AGAIN_EASY, SAID_AGAIN_ALREADY)):
            return True
    return False


def pointed_to_help(record: Record) -> bool:
    """Whether this turn said the messages again with « choisissez « Parler à une
    personne » » (`POINTS_TO_HELP`): that button then comes with the step's choices, as
    after `simplifier-plus`, not only in the toolbar far below (tester, session 12, in
    easy-to-read on a 320 × 568 phone). The messages said again come after the line, so
    the whole turn is read, back to what the person wrote."""
    for entry in record.transcript.from_end():
        if entry[0] in PERSON_ENTRIES:
            return False
        if entry[0] == "coach" and entry[1] in POINTS_TO_HELP:
            return True
    return False
