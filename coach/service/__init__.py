"""The turn service: what a conversation may do, for every adapter (coach/api)."""

from coach.service.conversations import (
    MAX_ATTEMPTS,
    Answered,
    ConversationService,
    TranscriptPage,
    TurnObserver,
)
from coach.service.errors import (
    ChoiceNotOffered,
    ConversationFull,
    ConversationNotFound,
    TextRejected,
    TurnConflict,
)
from coach.service.feedback import NotAdvice

__all__ = ["MAX_ATTEMPTS", "Answered", "ChoiceNotOffered", "ConversationFull",
           "ConversationNotFound", "ConversationService", "NotAdvice", "TextRejected",
           "TranscriptPage", "TurnConflict", "TurnObserver"]
