"""`POST /api/v1/conversations/{id}/avis`: « Ce conseil vous aide-t-il ? » — Oui / Non.

Counted by message reference and day only, once per message and conversation (see
coach/service/feedback.py); the client disables the buttons once answered.
"""

from __future__ import annotations

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict, Field

from coach.api.conversations import ERRORS
from coach.api.problems import Problem, not_found_conversation
from coach.service import ConversationNotFound, ConversationService, NotAdvice


class FeedbackIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    message: str = Field(pattern=r"^m[0-9]{1,6}$", max_length=8,
                         description="Identifiant du message du coach (« m12 »)")
    utile: bool = Field(description="true : le conseil aide ; false : il n’aide pas")


def build_feedback_router(service: ConversationService) -> APIRouter:
    router = APIRouter(prefix="/api/v1", tags=["tchat"], responses=ERRORS)

    @router.post("/conversations/{conversation_id}/avis", status_code=204,
                 response_class=Response,
                 summary="Dire si un conseil aide (Oui / Non), sans rien garder de la personne")
    async def feedback(conversation_id: str, body: FeedbackIn) -> Response:
        try:
            service.give_feedback(conversation_id, body.message, body.utile)
        except ConversationNotFound:
            raise not_found_conversation() from None
        except NotAdvice:
            raise Problem(422, "message-sans-avis", "Message sans avis",
                          f"Le message « {body.message} » n’est pas un conseil de cette"
                          " conversation : on ne peut pas donner d’avis dessus.") from None
        return Response(status_code=204)

    return router
