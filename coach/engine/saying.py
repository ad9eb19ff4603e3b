"""Which coach message of commun.yaml is said: the first of a few the content defines,
never the one just said, in its variant for a site with no contact.

The engine's moves, its commands and the typed turns all say coach messages the same way:
a list of messages in order of preference (the content may leave some out), no message
twice in a row (« je ne comprends pas », then « toujours pas »), and, where this site gives
no phone number nor e-mail address, `<id>-sans-contact` when the content has it (it never
sends to « Parler à une personne », which has no one). A pure core over the content: it
only appends to the record it is given.
"""

from __future__ import annotations

from collections.abc import Callable

from coach.content.model import Content
from coach.engine.record import Record
from coach.engine.render import NO_CONTACT_SUFFIX


class Saying:
    """Coach messages chosen among those the content defines."""

    def __init__(self, content: Content, has_contact: Callable[[], bool]) -> None:
        """`has_contact` is the renderer's: whether this site gives a phone number or an
        e-mail address."""
        self.content = content
        self.has_contact = has_contact

    def has(self, message_id: str) -> bool:
        """Whether the content defines this coach message."""
        return message_id in self.content.system

    def say(self, record: Record, choices: tuple[str, ...]) -> None:
        """The first of these coach messages the content defines, never the last one said."""
        last = next((e[1] for e in record.transcript.from_end()
                     if e[0] in ("coach", "offer")), None)
        known = [m for m in map(self.for_contact, choices) if m in self.content.system]
        fresh = [m for m in known if m != last] or known
        if fresh:
            record.transcript.append(["coach", fresh[0]])

    def for_contact(self, message_id: str) -> str:
        """The message's variant for a site with no contact (`<id>-sans-contact`), when the
        content has one: it never sends to « Parler à une personne », which has no one."""
        return self.variant(message_id, NO_CONTACT_SUFFIX, not self.has_contact())

    def variant(self, message_id: str, suffix: str, wanted: bool) -> str:
        """`<id><suffix>` when it is `wanted` and the content has it, else the message."""
        variant = f"{message_id}{suffix}"
        return variant if wanted and variant in self.content.system else message_id
