"""The turn service: what a conversation may do, for every adapter (coach/api)."""

from coach.service.conversations import MAX_ATTEMPTS, Answered, ConversationService, TurnObserver
from coach.service.errors import ChoiceNotOffered, ConversationNotFound, TextRejected, TurnConflict
from coach.service.feedback import NotAdvice

__all__ = ["MAX_ATTEMPTS", "Answered", "ChoiceNotOffered", "ConversationNotFound",
           "ConversationService", "NotAdvice", "TextRejected", "TurnConflict", "TurnObserver"]
