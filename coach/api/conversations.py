"""The chat API's conversation routes: each parses, calls the turn service
(coach/service), and renders JSON or a problem (application/problem+json)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.routing import request_response

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
    turn_body,
)
from coach.drafts.forms import load_forms
from coach.engine.commands import OFFERS_DELETION
from coach.engine.engine import ChoiceInput, Step, TextInput
from coach.engine.errors import KeyReusedForAnotherInput, UnknownFlow
from coach.service import (
    ChoiceNotOffered,
    ConversationFull,
    ConversationNotFound,
    ConversationService,
    TextRejected,
    TurnConflict,
)

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
TURN_PATH = PREFIX + "/conversations/{conversation_id}/turns"
# A conversation's GET shows this many transcript positions by default, at most MAX_PAGE.
DEFAULT_PAGE = 200
MAX_PAGE = 1000
TAGS: list[str | Any] = ["tchat"]


def step_body(step: Step, advice: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The step as JSON. `feedback: true` marks advice messages: the client asks « Ce
    conseil vous aide-t-il ? » under them (see coach/analytics/conseils.yaml); `delete: true`
    the messages that say how to erase: the client puts « Supprimer ma conversation » under
    them (OFFERS_DELETION)."""
    record = step.record
    messages = [m.to_dict() for m in step.messages]
    for message in messages:
        message["feedback"] = message["ref"] in advice
        message["delete"] = message["ref"] in OFFERS_DELETION
    return {
        "id": record.id,
        "falc": record.falc,
        "flow": record.flow,
        "node": record.node,
        "end": step.end,
        "messages": messages,
        "choices": step.choices,
        "commands": step.commands,
        "draft": {"offered": step.draft_offered, "here": step.draft_here},
        "content_version": record.content_version,
        "progress": step.progress,
        "tools": tools_offered(step.tools, record.falc),
    }


def tools_offered(tools: tuple[str, ...], falc: bool) -> list[dict[str, str]]:
    """The blank tools this place presents, titled in the conversation's language; their
    files are at `GET /api/v1/outils/{id}?format=…&falc=…`."""
    if not tools:
        return []
    forms = load_forms()
    return [{"id": tool, "title": forms[tool].title.get(falc)} for tool in tools]


class FastJSONResponse(JSONResponse):
    """JSON encoded with orjson: a turn's answer is on the hot path."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


JSON_TYPE = (b"content-type", b"application/json")
REPLAYED = (b"idempotent-replayed", b"true")


class JSONBytes(Response):
    """A 200 answer of JSON already encoded: the headers JSONResponse would send
    (content-length, content-type), built without its generic header handling."""

    def __init__(self, body: bytes) -> None:
        self.status_code = 200
        self.background = None
        self.body = body
        self.raw_headers = [(b"content-length", b"%d" % len(body)), JSON_TYPE]

    def replayed(self) -> JSONBytes:
        """The same answer, saying it is a replay (`Idempotent-Replayed: true`)."""
        again = JSONBytes(bytes(self.body))  # Response types body as bytes | memoryview
        again.raw_headers.append(REPLAYED)
        return again


def _serve_route_with(router: APIRouter, endpoint: Callable[..., Any],
                      serve: Callable[[Request], Awaitable[Response]]) -> None:
    """The route of `endpoint` stays as FastAPI built it (matching, 405, the OpenAPI
    document), but its requests go to `serve` through Starlette's plain request handling:
    FastAPI's (dependency solving, query and path parsing, exit stacks) cost a turn about
    30 µs, for parameters the route reads by hand anyway."""
    route = next(r for r in router.routes
                 if isinstance(r, APIRoute) and r.endpoint is endpoint)
    route.app = request_response(serve)


def add_conversation_routes(router: APIRouter, service: ConversationService) -> dict[str, Any]:
    """The routes go straight onto the application's router: an included router costs
    every turn a second matching pass (about 15 µs with FastAPI 0.165). Returns the
    schemas the turn's body refers to, for the OpenAPI document's components."""
    engine, advice = service.engine, service.advice
    body_adapter = turn_body(service.max_text_chars)
    body_doc, body_schemas = documented_body(body_adapter)

    def answer(step: Step) -> FastJSONResponse:
        return FastJSONResponse(step_body(step, advice))

    def turn_answer(step: Step) -> JSONBytes:
        return JSONBytes(orjson.dumps(step_body(step, advice)))

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
            step = service.start(body.flow, body.falc)
        except UnknownFlow as exc:
            raise Problem(422, "parcours-inconnu", "Parcours inconnu",
                          f"Le parcours « {exc.flow} » n’existe pas. Parcours possibles : "
                          + ", ".join(engine.content.flows) + ".") from exc
        return FastJSONResponse(step_body(step, advice), status_code=201,
                                headers={"Location": f"/api/v1/conversations/{step.record.id}"})

    @router.post(TURN_PATH, response_model=StepOut,
                 summary="Jouer un tour : un choix ou un texte", tags=TAGS,
                 responses={**ERRORS, 409: ERRORS[404]},
                 openapi_extra={"parameters": [IDEMPOTENCY], **body_doc})
    async def turn(conversation_id: str, request: Request) -> Response:
        # What FastAPI documents (path, body, header, answers; no docstring: it would be
        # the operation's description); requests are served by `serve_turn`, same rules.
        return await play_turn(conversation_id, request)

    async def serve_turn(request: Request) -> Response:
        return await play_turn(request.path_params["conversation_id"], request)

    async def play_turn(conversation_id: str, request: Request) -> Response:
        # The body and the header are read by hand, not as FastAPI parameters: on the hot
        # path, FastAPI's generic handling of each costs a sixth of a turn.
        body = await read_json_body(request, body_adapter)
        idempotency_key = request.headers.get("idempotency-key")
        if idempotency_key is not None and len(idempotency_key) > MAX_IDEMPOTENCY_KEY:
            raise Problem(422, "requete-invalide", "Requête invalide",
                          f"L’en-tête Idempotency-Key est trop long : {MAX_IDEMPOTENCY_KEY}"
                          " caractères au plus.")
        given = ChoiceInput(body.choice) if isinstance(body, ChoiceTurn) else TextInput(body.text)
        try:
            played = await service.play(conversation_id, given, idempotency_key, turn_answer)
        except ConversationNotFound:
            raise not_found_conversation() from None
        except ChoiceNotOffered as exc:
            raise Problem(422, "choix-inconnu", "Choix inconnu",
                          f"Le choix « {exc.choice} » n’est pas proposé à cette étape."
                          f" Choix possibles : {', '.join(exc.offered) or 'aucun'} ; ou une"
                          f" commande ({', '.join(str(c['id']) for c in engine.commands(False))})."
                          ) from None
        except TextRejected as exc:
            raise Problem(422, "requete-invalide", "Requête invalide", exc.french()) from None
        except ConversationFull as exc:
            raise Problem(409, "conversation-complete", "Conversation complète", exc.text
                          ) from None
        except KeyReusedForAnotherInput:
            raise Problem(422, "cle-idempotence-reutilisee", "Clé d’idempotence déjà utilisée",
                          "Cet en-tête Idempotency-Key a déjà servi pour un autre tour (un autre"
                          " choix ou un autre texte). Utilisez une nouvelle clé pour chaque"
                          " nouveau tour, et la même seulement pour renvoyer le même.") from None
        except TurnConflict:
            raise Problem(409, "conflit", "Conversation modifiée en même temps",
                          "Un autre tour a été joué au même moment sur cette conversation."
                          " Rechargez la conversation puis réessayez.") from None
        if played.replayed:
            return played.answer.replayed()
        return played.answer

    _serve_route_with(router, turn, serve_turn)

    @router.get(PREFIX + "/conversations/{conversation_id}", response_model=ConversationOut,
                summary="Lire la conversation (par pages si elle est longue)", tags=TAGS,
                responses=ERRORS)
    async def read(
        conversation_id: str,
        offset: Annotated[int | None, Query(
            ge=0, description="Première position à montrer ; par défaut, la dernière page")] = None,
        limit: Annotated[int, Query(
            ge=1, le=MAX_PAGE, description="Nombre de positions à montrer")] = DEFAULT_PAGE,
    ) -> JSONResponse:
        try:
            step, page = service.conversation_page(conversation_id, offset, limit)
        except ConversationNotFound:
            raise not_found_conversation() from None
        body = step_body(step, advice)
        body["transcript"] = {"offset": page.offset, "limit": page.limit, "total": page.total}
        return FastJSONResponse(body)

    @router.patch(PREFIX + "/conversations/{conversation_id}", response_model=ConversationOut,
                  summary="Passer en facile à lire (FALC) ou en français standard",
                  tags=TAGS, responses={**ERRORS, 409: ERRORS[404]})
    async def patch(conversation_id: str, body: FalcPatch) -> JSONResponse:
        try:
            return answer(await service.set_falc(conversation_id, body.falc))
        except ConversationNotFound:
            raise not_found_conversation() from None
        except TurnConflict:
            raise Problem(409, "conflit", "Conversation modifiée en même temps",
                          "Un autre changement a eu lieu au même moment. Réessayez.") from None

    @router.delete(PREFIX + "/conversations/{conversation_id}", status_code=204,
                   summary="Supprimer la conversation tout de suite", tags=TAGS,
                   responses=ERRORS)
    async def delete(conversation_id: str) -> Response:
        if not service.delete(conversation_id):
            raise not_found_conversation()
        return Response(status_code=204)

    return body_schemas
