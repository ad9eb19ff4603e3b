"""The chat API router: conversations and turns, as DESIGN.md's table says."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

import orjson
from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from pydantic import TypeAdapter

from coach.analytics.events import Event
from coach.api.body import documented_body, read_json_body
from coach.api.problems import Problem, not_found_conversation
from coach.api.schemas import (
    ChoiceTurn,
    ConversationOut,
    FalcPatch,
    FlowOut,
    NewConversation,
    ProblemOut,
    StepOut,
    TurnRequest,
)
from coach.engine.engine import ChoiceInput, Engine, Input, Step, TextInput
from coach.engine.errors import UnknownChoice, UnknownFlow
from coach.engine.record import Record
from coach.store.base import VersionConflict
from coach.store.recent import RememberingStore

if TYPE_CHECKING:
    from coach.api.observer import Observer

# A turn that raced another on the same conversation is replayed on the fresh record.
MAX_ATTEMPTS = 3
MAX_IDEMPOTENCY_KEY = 128
IDEMPOTENCY = {
    "name": "Idempotency-Key", "in": "header", "required": False,
    "schema": {"type": "string", "maxLength": MAX_IDEMPOTENCY_KEY},
    "description": "Rejouer la même requête avec la même clé renvoie la même étape,"
                   " sans avancer deux fois (à utiliser pour les nouvelles tentatives).",
}

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ProblemOut, "content": {"application/problem+json": {}}}
    for code in (400, 404, 413, 422, 429, 503)
}
PREFIX = "/api/v1"
TAGS: list[str | Any] = ["tchat"]
TURN_BODY = TypeAdapter(TurnRequest)
TURN_BODY_DOC, TURN_BODY_SCHEMAS = documented_body(TURN_BODY)


def step_body(step: Step, advice: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The step as JSON. `feedback: true` marks advice messages: the client asks « Ce
    conseil vous aide-t-il ? » under them (see coach/analytics/conseils.yaml)."""
    record = step.record
    messages = [m.to_dict() for m in step.messages]
    for message in messages:
        message["feedback"] = message["ref"] in advice
    return {
        "id": record.id,
        "falc": record.falc,
        "flow": record.flow,
        "node": record.node,
        "end": step.end,
        "messages": messages,
        "choices": step.choices,
        "commands": step.commands,
        "content_version": record.content_version,
    }


class PlayedTurn(NamedTuple):
    """A turn played and answered, waiting to be written."""

    data: bytes
    expected_version: int
    answer: Response
    events: list[Event]


class FastJSONResponse(JSONResponse):
    """JSON encoded with orjson: a turn's answer is on the hot path."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def add_conversation_routes(router: APIRouter, engine: Engine, store: RememberingStore,
                            observer: Observer | None = None) -> None:
    """The routes go straight onto the application's router: an included router costs
    every turn a second matching pass (about 15 µs with FastAPI 0.165)."""
    advice = observer.advice if observer is not None else frozenset()

    def load(conversation_id: str) -> Record:
        return load_for_save(conversation_id, remembered_ok=False)[0]

    def load_for_save(conversation_id: str, remembered_ok: bool) -> tuple[Record, bool]:
        """The record, and whether it is the one this process wrote last (kept in memory:
        allowed only when a compare-and-set save will check it)."""
        if len(conversation_id) > 64:
            raise not_found_conversation()
        if remembered_ok:
            loaded, remembered = store.load_recent(conversation_id)
        else:
            loaded, remembered = store.load(conversation_id), False
        if loaded is None:
            raise not_found_conversation()
        record = Record.from_bytes(loaded[0])
        record.version = loaded[1]
        return record, remembered

    def play_turn(conversation_id: str, given: Input, idempotency_key: str | None,
                  remembered_ok: bool) -> PlayedTurn | Response | None:
        """Play the turn and prepare everything it answers, before it is written: while the
        write is awaited, only bytes wait, not the records (many turns wait at once, and
        small waiting turns keep the processor's caches warm). None: read the store again."""
        record, remembered = load_for_save(conversation_id, remembered_ok)
        try:
            step = engine.play(record, given, idempotency_key)
        except UnknownChoice as exc:
            if remembered:
                return None  # another process may have moved on: ask the store
            offered = ", ".join(c.id for c in engine.available_choices(record))
            raise Problem(422, "choix-inconnu", "Choix inconnu",
                          f"Le choix « {exc.choice} » n'est pas proposé à cette étape."
                          f" Choix possibles : {offered or 'aucun'} ; ou une commande"
                          " (menu, retour, recommencer, facile, aide, humain, stop)."
                          ) from exc
        if step.meta.get("replayed"):
            if remembered:
                return None  # a replay is not saved: confirm it on the stored record
            return FastJSONResponse(step_body(step, advice),
                                    headers={"Idempotent-Replayed": "true"})
        events = observer.turn_events(record, step.record, given) if observer else []
        return PlayedTurn(step.record.to_bytes(), record.version,
                          FastJSONResponse(step_body(step, advice)), events)

    @router.get(PREFIX + "/flows", response_model=list[FlowOut], summary="Lister les parcours",
                tags=TAGS, responses=ERRORS)
    async def list_flows() -> JSONResponse:
        return FastJSONResponse([
            {"id": f.id, "title": f.header.title, "title_falc": f.header.title_falc}
            for f in engine.content.flows.values()])

    @router.post(PREFIX + "/conversations", status_code=201, response_model=StepOut,
                 summary="Commencer une conversation", tags=TAGS, responses=ERRORS)
    async def create(body: NewConversation | None = None) -> JSONResponse:
        body = body or NewConversation()
        try:
            step = engine.start(body.flow, body.falc)
        except UnknownFlow as exc:
            raise Problem(422, "parcours-inconnu", "Parcours inconnu",
                          f"Le parcours « {exc.flow} » n'existe pas. Parcours possibles : "
                          + ", ".join(engine.content.flows) + ".") from exc
        store.create(step.record.id, step.record.to_bytes())
        if observer is not None:
            observer.started(step.record)
        return FastJSONResponse(step_body(step, advice), status_code=201,
                            headers={"Location": f"/api/v1/conversations/{step.record.id}"})

    @router.post(PREFIX + "/conversations/{conversation_id}/turns", response_model=StepOut,
                 summary="Jouer un tour : un choix ou un texte", tags=TAGS,
                 responses={**ERRORS, 409: ERRORS[404]},
                 openapi_extra={"parameters": [IDEMPOTENCY], **TURN_BODY_DOC})
    async def turn(conversation_id: str, request: Request) -> JSONResponse:
        # The body and the header are read by hand, not as FastAPI parameters: on the hot
        # path, FastAPI's generic handling of each costs a sixth of a turn.
        body = await read_json_body(request, TURN_BODY)
        idempotency_key = request.headers.get("idempotency-key")
        if idempotency_key is not None and len(idempotency_key) > MAX_IDEMPOTENCY_KEY:
            raise Problem(422, "requete-invalide", "Requête invalide",
                          f"L'en-tête Idempotency-Key est trop long : {MAX_IDEMPOTENCY_KEY}"
                          " caractères au plus.")
        given = ChoiceInput(body.choice) if isinstance(body, ChoiceTurn) else TextInput(body.text)
        for attempt in range(MAX_ATTEMPTS):
            played = play_turn(conversation_id, given, idempotency_key, attempt == 0)
            if played is None:
                continue
            if isinstance(played, Response):
                return played
            try:
                await store.save_with_others(conversation_id, played.data,
                                             played.expected_version)
            except VersionConflict:
                continue
            if observer is not None:
                observer.count_turn(given, played.events)
            return played.answer
        if store.load(conversation_id) is None:
            raise not_found_conversation()
        raise Problem(409, "conflit", "Conversation modifiée en même temps",
                      "Un autre tour a été joué au même moment sur cette conversation."
                      " Rechargez la conversation puis réessayez.")

    @router.get(PREFIX + "/conversations/{conversation_id}", response_model=ConversationOut,
                summary="Lire toute la conversation", tags=TAGS, responses=ERRORS)
    async def read(conversation_id: str) -> JSONResponse:
        return FastJSONResponse(step_body(engine.conversation(load(conversation_id)), advice))

    @router.patch(PREFIX + "/conversations/{conversation_id}", response_model=ConversationOut,
                  summary="Passer en facile à lire (FALC) ou en français standard",
                  tags=TAGS, responses={**ERRORS, 409: ERRORS[404]})
    async def patch(conversation_id: str, body: FalcPatch) -> JSONResponse:
        for attempt in range(MAX_ATTEMPTS):
            record, _remembered = load_for_save(conversation_id, remembered_ok=attempt == 0)
            updated = engine.set_falc(record, body.falc)
            try:
                await store.save_with_others(conversation_id, updated.to_bytes(),
                                             record.version)
            except VersionConflict:
                continue
            return FastJSONResponse(step_body(engine.conversation(updated), advice))
        raise Problem(409, "conflit", "Conversation modifiée en même temps",
                      "Un autre changement a eu lieu au même moment. Réessayez.")

    @router.delete(PREFIX + "/conversations/{conversation_id}", status_code=204,
                   summary="Supprimer la conversation tout de suite", tags=TAGS,
                   responses=ERRORS)
    async def delete(conversation_id: str) -> Response:
        if not store.delete(conversation_id):
            raise not_found_conversation()
        return Response(status_code=204)
