"""Saying what this coach is, wherever a conversation starts and whenever it is asked.

A partner's widget may open a conversation straight in a journey (`data-flow="familles"`):
the welcome, which says who the coach is, is skipped, so the journey's first message comes
after one short line that says it (`presentation-parcours`, in the same reply: no second
announcement, no second place for the focus). And « c'est quoi ce truc ? », « vous êtes
qui ? », « c un robot ? » typed anywhere lead to the welcome (dialogues/intentions.yaml):
away from it, the coach answers where the person is (`reponse-coach`, with its variant
for a site without a contact) and the conversation goes on there, instead of starting over
at « dites-moi qui vous êtes ».
"""

from __future__ import annotations

from coach.content.model import Content, NodeRef
from coach.engine.nlu.places import REPLY, node_place

# The first line of a conversation started elsewhere than at the welcome.
START_IN_JOURNEY = "presentation-parcours"
# The answer `reponse:coach`, said by the message `reponse-coach`.
ABOUT_THE_COACH = REPLY + "coach"
_ABOUT_MESSAGE = REPLY[:-1] + "-coach"


def first_line(content: Content, start: NodeRef) -> str | None:
    """The coach message said before a conversation's first node, when it starts in a
    journey rather than at the welcome (and the content has that message)."""
    if start == content.entry or START_IN_JOURNEY not in content.system:
        return None
    return START_IN_JOURNEY


def in_place(content: Content, key: str) -> str:
    """A place found in typed text, or the answer said in its stead: the welcome, found by
    a question about the coach, is answered where the person is (`reponse:coach`)."""
    if key == node_place(*content.entry) and _ABOUT_MESSAGE in content.system:
        return ABOUT_THE_COACH
    return key
