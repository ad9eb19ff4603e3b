"""Why the turn service refuses something: each adapter (JSON API, pages) words it its way."""

from __future__ import annotations

from coach.engine.record import Record


class ConversationNotFound(Exception):
    """Unknown, deleted or expired (or an id no conversation can have)."""


class TurnConflict(Exception):
    """Other turns kept winning the race on this conversation: nothing was played."""


class ChoiceNotOffered(Exception):
    """The choice is neither offered at this step nor a command (checked on the stored
    record, never on a remembered one)."""

    def __init__(self, choice: str, record: Record, offered: list[str]) -> None:
        super().__init__(choice)
        self.choice, self.record, self.offered = choice, record, offered


class TextRejected(Exception):
    """A typed message that is blank, or longer than `COACH_MAX_TEXT_CHARS`."""

    def __init__(self, length: int, limit: int) -> None:
        super().__init__("empty" if length == 0 else "too long")
        self.length, self.limit = length, limit

    @property
    def empty(self) -> bool:
        return self.length == 0

    def french(self) -> str:
        """What the person reads, with what to do."""
        if self.empty:
            return "Le message est vide : écrivez quelques mots ou choisissez une réponse."
        return (f"Votre message est trop long : {self.limit} caractères au plus (il en a"
                f" {self.length}). Raccourcissez-le.")


class ConversationFull(Exception):
    """The conversation reached its maximum number of turns or of stored bytes: nothing
    more is played in it. `text` says so kindly, in the conversation's language (standard
    French or FALC), and offers to start a new one; the old one stays readable."""

    def __init__(self, text: str) -> None:
        super().__init__("conversation full")
        self.text = text
