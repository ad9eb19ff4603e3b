"""The routes of the pages without JavaScript: each reads the form, calls the turn
service (coach/service), and answers a page or a redirection (POST-redirect-GET)."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response

from coach.api.contact import contact_html, no_contact_text
from coach.api.interface import say
from coach.api.pages.conversation import conversation_page, transcript_page, transcript_text
from coach.api.pages.forms import idempotency_key, read_form, retry_form
from coach.api.pages.journeys import journeys_by_audience, menu_choice
from coach.api.pages.layout import (
    PREFIX,
    Site,
    confirmation_page,
    conflict_page,
    document,
    full_page,
    not_found_page,
    start_page,
    unavailable_page,
)
from coach.engine.engine import ChoiceInput, Input, Step, TextInput
from coach.engine.errors import UnknownFlow
from coach.service import (
    ChoiceNotOffered,
    ConversationFull,
    ConversationNotFound,
    ConversationService,
    TextRejected,
    TranscriptPage,
    TurnConflict,
)
from coach.settings import Settings
from coach.store.base import StoreUnavailable

# A long conversation's page shows this many transcript positions (the last ones first).
PAGE_POSITIONS = 100
NOT_OFFERED = ("Ce choix n’est plus proposé à cette étape. Choisissez une des réponses"
               " ci-dessous ou écrivez votre message.")


def build_pages_router(service: ConversationService, settings: Settings) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    content = service.engine.content
    journeys = journeys_by_audience(content)
    contact = contact_html(settings, no_contact_text(content))
    contact_falc = contact_html(settings, no_contact_text(content, falc=True))

    def shown(request: Request, cid: str) -> Step | Response:
        """The whole conversation, or the page that says why it cannot be shown."""
        site = Site.of(request, settings, contact, contact_falc)
        try:
            return service.conversation(cid)
        except ConversationNotFound:
            return not_found_page(site)
        except StoreUnavailable:
            return unavailable_page(site)

    def paged(request: Request, cid: str,
              render: Callable[[Site, Step, TranscriptPage], Response]) -> Response:
        """One page of a long conversation (the last, or from `?depuis=N`), rendered; or
        the page that says why it cannot be shown."""
        site = Site.of(request, settings, contact, contact_falc)
        since = request.query_params.get("depuis", "")
        offset = int(since) if since.isdigit() and len(since) < 9 else None
        try:
            step, page = service.conversation_page(cid, offset, PAGE_POSITIONS)
        except ConversationNotFound:
            return not_found_page(site)
        except StoreUnavailable:
            return unavailable_page(site)
        return render(site, step, page)

    def see(site: Site, cid: str, fragment: str = "#dernier") -> RedirectResponse:
        return RedirectResponse(site.conversation_url(cid, fragment), status_code=303)

    @router.get(PREFIX, response_class=HTMLResponse)
    async def start_form(request: Request) -> Response:
        site = Site.of(request, settings, contact, contact_falc)
        # After « Supprimer ma conversation »: said in the deleted conversation's language.
        deleted = "supprimee" in request.query_params
        falc = deleted and request.query_params.get("falc") == "1"
        body = start_page(site, journeys, content.entry[0], deleted=deleted, falc=falc)
        return document(site, "Commencer", body, falc=falc)

    @router.post(PREFIX)
    async def start(request: Request) -> Response:
        fields = await read_form(request)
        site = Site.of(request, settings, contact, contact_falc)
        flow, falc = fields.get("parcours") or None, fields.get("falc") == "1"
        choice = menu_choice(flow or "")
        try:
            if choice:  # as the home menu's button: the welcome, the choice, its answer
                step, chosen = service.start_with_choice(falc, choice[:64])
                if chosen:
                    return see(site, step.record.id)
            else:
                try:
                    step = service.start(flow, falc)
                except UnknownFlow:
                    step = service.start(None, falc)
        except StoreUnavailable:
            return unavailable_page(site, retry_form(site, PREFIX, fields))
        # At the coach's first message: on a phone the page's tools fill the first screen.
        return see(site, step.record.id)

    @router.get(PREFIX + "/{cid}", response_class=HTMLResponse)
    async def show(request: Request, cid: str) -> Response:
        return paged(request, cid, lambda site, step, page:
                     conversation_page(site, step, page=page))

    @router.post(PREFIX + "/{cid}")
    async def turn(request: Request, cid: str) -> Response:
        fields = await read_form(request)
        site = Site.of(request, settings, contact, contact_falc)
        choice, text = fields.get("choix", "").strip(), fields.get("texte", "")
        given: Input = ChoiceInput(choice[:64]) if choice else TextInput(text)
        key = idempotency_key(fields.get("cle", ""), choice or "t:" + text)
        try:
            await service.play(cid, given, key, render=lambda _step: None)
        except ConversationNotFound:
            return not_found_page(site)
        except TextRejected as exc:
            return with_error(request, cid, exc.french(), kept=text)
        except ChoiceNotOffered:
            return with_error(request, cid, NOT_OFFERED)
        except ConversationFull as exc:
            return full_page(site, cid, exc.text)
        except TurnConflict:
            return conflict_page(site, cid)
        except StoreUnavailable:
            return unavailable_page(site, retry_form(site, f"{PREFIX}/{cid}", fields))
        return see(site, cid)

    def with_error(request: Request, cid: str, error: str, kept: str = "") -> Response:
        """The conversation again, saying what went wrong above the text field (422)."""
        return paged(request, cid, lambda site, step, page:
                     conversation_page(site, step, error, kept=kept, status=422, page=page))

    @router.post(PREFIX + "/{cid}/falc")
    async def falc(request: Request, cid: str) -> Response:
        fields = await read_form(request)
        site = Site.of(request, settings, contact, contact_falc)
        try:
            await service.set_falc(cid, fields.get("falc") == "1")
        except ConversationNotFound:
            return not_found_page(site)
        except TurnConflict:
            return conflict_page(site, cid)
        except StoreUnavailable:
            return unavailable_page(site, retry_form(site, f"{PREFIX}/{cid}/falc", fields))
        return see(site, cid)

    def confirm(request: Request, cid: str, texts: str, action: str,
                fields: dict[str, str], text: str = "",
                text_with_draft: str = "") -> Response:
        """The confirmation `texts` names (interface.yaml: `{texts}-titre`, `-texte`,
        `-oui`, `-non`; `text`: another key for the sentence, `text_with_draft` when the
        conversation has the coordinator's draft), in the conversation's language."""
        step = shown(request, cid)
        if isinstance(step, Response):
            return step
        falc = step.record.falc
        if text_with_draft and step.draft_offered:
            text = text_with_draft
        if texts == "supprimer" and falc:
            # The page after the deletion speaks the deleted conversation's language.
            fields = {**fields, "falc": "1"}
        return confirmation_page(
            Site.of(request, settings, contact, contact_falc), cid, say(f"{texts}-titre", falc),
            say(text or f"{texts}-texte", falc), action, fields, say(f"{texts}-oui", falc),
            say(f"{texts}-non", falc), falc=falc)

    @router.get(PREFIX + "/{cid}/recommencer", response_class=HTMLResponse)
    async def confirm_restart(request: Request, cid: str) -> Response:
        return confirm(request, cid, "recommencer", f"{PREFIX}/{quote(cid, safe='')}",
                       {"choix": "recommencer", "cle": secrets.token_urlsafe(12)})

    @router.get(PREFIX + "/{cid}/supprimer", response_class=HTMLResponse)
    async def confirm_delete(request: Request, cid: str) -> Response:
        return confirm(request, cid, "supprimer", f"{PREFIX}/{quote(cid, safe='')}/supprimer",
                       {}, text="supprimer-texte-sans-js",
                       text_with_draft="supprimer-texte-brouillon-sans-js")

    @router.post(PREFIX + "/{cid}/supprimer")
    async def delete(request: Request, cid: str) -> Response:
        fields = await read_form(request)
        site = Site.of(request, settings, contact, contact_falc)
        falc = {"falc": "1"} if fields.get("falc") == "1" else {}
        try:
            service.delete(cid)
        except StoreUnavailable:
            return unavailable_page(site, retry_form(site, f"{PREFIX}/{cid}/supprimer", falc))
        after = "?supprimee=1" + ("&falc=1" if falc else "")
        return RedirectResponse(f"{site.base}{PREFIX}{after}", status_code=303)

    @router.get(PREFIX + "/{cid}/transcription", response_class=HTMLResponse)
    async def transcript(request: Request, cid: str) -> Response:
        return paged(request, cid, transcript_page)

    @router.get(PREFIX + "/{cid}/transcription.txt")
    async def transcript_download(request: Request, cid: str) -> Response:
        step = shown(request, cid)
        if isinstance(step, Response):
            return step
        return PlainTextResponse(
            transcript_text(step), media_type="text/plain; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="conversation-coach-cop.txt"',
                     "Cache-Control": "no-store"})

    return router
