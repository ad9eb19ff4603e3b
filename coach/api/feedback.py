"""`POST /api/v1/conversations/{id}/avis`: « Ce conseil vous aide-t-il ? » — Oui / Non.

Counted by message reference and day only: neither the conversation nor the person is
kept with the answer. One answer per message and conversation is counted per process (a
bounded in-memory set of hashed pairs, never stored); the client disables the buttons once
answered.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict, Field

from coach.analytics.events import feedback_event
from coach.api.conversations import ERRORS
from coach.api.observer import Observer
from coach.api.problems import Problem, not_found_conversation
from coach.engine.record import Record
from coach.store.base import SessionStore

REMEMBERED = 10_000


class FeedbackIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    message: str = Field(pattern=r"^m[0-9]{1,6}$", max_length=8,
                         description="Identifiant du message du coach (« m12 »)")
    utile: bool = Field(description="true : le conseil aide ; false : il n'aide pas")


def advice_ref(record: Record, message_id: str) -> str | None:
    """The content reference of a message shown in this conversation, if it is one."""
    position = int(message_id[1:])
    if position >= len(record.transcript):
        return None
    entry = record.transcript[position]
    if entry[0] != "b" or len(entry) < 4:
        return None
    return f"{entry[1]}/{entry[2]}/{entry[3]}"


def build_feedback_router(store: SessionStore, observer: Observer) -> APIRouter:
    router = APIRouter(prefix="/api/v1", tags=["tchat"], responses=ERRORS)
    recent: OrderedDict[bytes, None] = OrderedDict()

    @router.post("/conversations/{conversation_id}/avis", status_code=204,
                 response_class=Response,
                 summary="Dire si un conseil aide (Oui / Non), sans rien garder de la personne")
    async def feedback(conversation_id: str, body: FeedbackIn) -> Response:
        loaded = store.load(conversation_id) if len(conversation_id) <= 64 else None
        if loaded is None:
            raise not_found_conversation()
        ref = advice_ref(Record.from_bytes(loaded[0]), body.message)
        if ref is None or ref not in observer.advice:
            raise Problem(422, "message-sans-avis", "Message sans avis",
                          f"Le message « {body.message} » n'est pas un conseil de cette"
                          " conversation : on ne peut pas donner d'avis dessus.")
        pair = hashlib.sha256(f"{conversation_id}|{body.message}".encode()).digest()[:16]
        if pair not in recent:
            recent[pair] = None
            if len(recent) > REMEMBERED:
                recent.popitem(last=False)
            observer.count(feedback_event(ref, body.utile))
        return Response(status_code=204)

    return router
