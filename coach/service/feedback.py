"""« Ce conseil vous aide-t-il ? » — Oui / Non: which answers count.

Counted by message reference and day only: neither the conversation nor the person is
kept with the answer. One answer per message and conversation is counted per process (a
bounded in-memory set of hashed pairs, never stored).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from coach.analytics.events import Event, feedback_event
from coach.content.model import NodeRef
from coach.engine.record import Record

REMEMBERED = 10_000


class NotAdvice(Exception):
    """The message is not an advice of this conversation: no feedback on it."""


# Where a content entry's message is now (`Renderer.content_message`): it follows the
# message when authors moved it in its node, and knows none for a message they removed.
Where = Callable[[list[Any]], tuple[NodeRef, int] | None]


def advice_ref(record: Record, message_id: str, where: Where) -> str | None:
    """The content reference of a message shown in this conversation, if it is one, where
    the message is now (never the stored position alone: another message may stand there
    since)."""
    position = int(message_id[1:])
    if position >= len(record.transcript):
        return None
    entry = record.transcript[position]
    if entry[0] != "content" or len(entry) < 4:
        return None
    found = where(entry)
    return f"{found[0][0]}/{found[0][1]}/{found[1]}" if found else None


class FeedbackCounter:
    """Decides which answers count; `advice` holds the references that ask for one."""

    def __init__(self, advice: frozenset[str], where: Where) -> None:
        self.advice, self.where = advice, where
        self._answered: OrderedDict[bytes, None] = OrderedDict()

    def events(self, record: Record, message_id: str, useful: bool) -> list[Event]:
        """The event to count (none for a second answer). Raises NotAdvice."""
        ref = advice_ref(record, message_id, self.where)
        if ref is None or ref not in self.advice:
            raise NotAdvice(message_id)
        pair = hashlib.sha256(f"{record.id}|{message_id}".encode()).digest()[:16]
        if pair in self._answered:
            return []
        self._answered[pair] = None
        if len(self._answered) > REMEMBERED:
            self._answered.popitem(last=False)
        return [feedback_event(ref, useful)]
