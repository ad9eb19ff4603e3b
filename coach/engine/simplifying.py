"""« je comprends pas », « c trop compliké »: easy-to-read turned on, and what is said then.

Someone who says they do not understand gets easy-to-read (never switched off by it) and
the step's messages again, which now read in easy-to-read; asked again at once, the same
messages a third time would help no one (they are just above): who can help is said
instead. Said with a question (« je comprends pas ce que c'est une cop »), easy-to-read
turns on and the question is answered, rather than the last messages said again. This
module decides and says; saying the step again is the engine's (a move).
"""

from __future__ import annotations

from itertools import islice

from coach.engine.record import Record
from coach.engine.saying import Saying

# Easy-to-read asked for: the messages said again (`simplifier-oui` as it turns on,
# `simplifier-deja`, `simplifier-encore` when it was on), then, asked again at once, only
# where they are (`simplifier-plus`).
SAID_AGAIN_EASY = ("simplifier-oui", "simplifier-deja", "simplifier-encore")
SAID_AGAIN_ALREADY = "simplifier-plus"


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
