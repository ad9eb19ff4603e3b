"""`GET /api/v1/conversations/{id}/document`: the coordinator's draft, as HTML, ODT or DOCX;
`GET /api/v1/outils/{outil}`: a blank tool of the resource bank to fill in, same formats.

The draft is built from the conversation's variables at the time of the request; nothing
is stored. HTML is shown inline (linking the app's stylesheet) unless `download=true`;
the office formats are always attachments.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi import Path as Path_
from fastapi.responses import HTMLResponse, Response

from coach.api.conversations import ERRORS
from coach.api.htmlpage import STATIC_PREFIX, base_path
from coach.api.offload import Renderings
from coach.api.problems import Problem, not_found_conversation
from coach.drafts.forms import load_forms
from coach.drafts.html import render_html
from coach.drafts.model import Draft
from coach.service import ConversationNotFound, ConversationService

STATIC_DIR = Path(__file__).with_name("static")
FILENAME = "feuille-de-route-charte"
MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "odt": "application/vnd.oasis.opendocument.text",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
DOCUMENT_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {"description": "Le brouillon : une page HTML, un fichier OpenDocument ou Word.",
          "content": {"text/html": {"schema": {"type": "string"}},
                      MEDIA_TYPES["odt"]: {"schema": {"type": "string", "format": "binary"}},
                      MEDIA_TYPES["docx"]: {"schema": {"type": "string", "format": "binary"}}}},
    404: ERRORS[404],
    422: ERRORS[422],
}

# The tools to fill in, by their id in the URL, with their file name.
TOOLS = {tool.id: tool.file for tool in load_forms().values()}
TOOL_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {"description": "L’outil vierge : une page HTML, un fichier OpenDocument ou Word.",
          "content": DOCUMENT_RESPONSES[200]["content"]},
    404: ERRORS[404],
    422: ERRORS[422],
}


def _render(draft: Draft, fmt: str, stylesheet: str, download: bool) -> bytes:
    if fmt == "docx":
        from coach.drafts.docx import render_docx

        return render_docx(draft)
    if fmt == "odt":
        from coach.drafts.odt import render_odt

        return render_odt(draft)
    if download:  # a saved file has no server to fetch the stylesheet from
        css = (STATIC_DIR / "brouillon.css").read_text(encoding="utf-8")
        return render_html(draft, inline_css=css).encode("utf-8")
    return render_html(draft, stylesheet=stylesheet).encode("utf-8")


def _render_form(tool: str, falc: bool, fmt: str, stylesheet: str, download: bool) -> bytes:
    """A blank tool, built and rendered in a worker process (plain arguments pickle)."""
    from coach.drafts.forms import build_form

    form = build_form(tool, falc)
    if fmt == "docx":
        from coach.drafts.forms_docx import render_form_docx

        return render_form_docx(form)
    if fmt == "odt":
        from coach.drafts.forms_odt import render_form_odt

        return render_form_odt(form)
    from coach.drafts.forms_html import render_form_html

    if download:
        css = (STATIC_DIR / "brouillon.css").read_text(encoding="utf-8")
        return render_form_html(form, inline_css=css).encode("utf-8")
    return render_form_html(form, stylesheet=stylesheet).encode("utf-8")


def _unknown_format(fmt: str) -> Problem:
    return Problem(422, "format-inconnu", "Format inconnu",
                   f"Le format « {fmt[:16]} » n’est pas proposé. Formats possibles :"
                   " html, odt, docx.")


def build_documents_router(service: ConversationService,
                           renderings: Renderings | None = None) -> APIRouter:
    router = APIRouter(prefix="/api/v1", tags=["brouillon"])
    renderings = renderings or Renderings()

    @router.get(
        "/conversations/{conversation_id}/document", response_class=HTMLResponse,
        responses=DOCUMENT_RESPONSES,
        summary="Télécharger le brouillon : feuille de route et charte de collaboration",
        description="Les réponses du parcours coordinateur, reprises dans une feuille de route"
        " et une charte de collaboration, avec le conseil du module pour chaque partie. Les"
        " parties sans réponse sont marquées « À compléter ».")
    async def document(
        request: Request,
        conversation_id: str,
        fmt: Annotated[str, Query(alias="format", max_length=16,
                                  description="html (par défaut), odt ou docx",
                                  json_schema_extra={"enum": list(MEDIA_TYPES)})] = "html",
        falc: Annotated[bool | None, Query(
            description="Facile à lire ; par défaut, le réglage de la conversation")] = None,
        download: Annotated[bool, Query(
            description="HTML seulement : en fichier à enregistrer plutôt qu’en page")] = False,
    ) -> Response:
        if fmt not in MEDIA_TYPES:
            raise _unknown_format(fmt)
        try:
            draft = service.draft(conversation_id, fmt, falc)
        except ConversationNotFound:
            raise not_found_conversation() from None
        stylesheet = f"{base_path(request)}{STATIC_PREFIX}/brouillon.css"
        body = await renderings.run(_render, draft, fmt, stylesheet, download)
        headers = {"Cache-Control": "no-store", "Content-Language": "fr"}
        if fmt != "html" or download:
            headers["Content-Disposition"] = f'attachment; filename="{FILENAME}.{fmt}"'
        return Response(body, media_type=MEDIA_TYPES[fmt], headers=headers)

    @router.get(
        "/outils/{outil}", response_class=HTMLResponse, responses=TOOL_RESPONSES,
        summary="Télécharger un outil à remplir",
        description="Un des six outils de la banque de ressources, vierge, avec ses champs"
        " et ses tableaux à remplir : charte, feuille-de-route, guide-contributeurs,"
        " support-restitution, retroplanning, matrice. Le même fichier pour tout le monde"
        " (aucune donnée personnelle) : il peut être gardé en cache.")
    async def tool(
        request: Request,
        outil: Annotated[str, Path_(max_length=40, description="L’outil",
                                    json_schema_extra={"enum": list(TOOLS)})],
        fmt: Annotated[str, Query(alias="format", max_length=16,
                                  description="html (par défaut), odt ou docx",
                                  json_schema_extra={"enum": list(MEDIA_TYPES)})] = "html",
        falc: Annotated[bool, Query(description="Facile à lire")] = False,
        download: Annotated[bool, Query(
            description="HTML seulement : en fichier à enregistrer plutôt qu’en page")] = False,
    ) -> Response:
        if outil not in TOOLS:
            raise Problem(404, "outil-inconnu", "Outil inconnu",
                          f"L’outil « {outil[:40]} » n’existe pas. Outils possibles : "
                          + ", ".join(TOOLS) + ".")
        if fmt not in MEDIA_TYPES:
            raise _unknown_format(fmt)
        stylesheet = f"{base_path(request)}{STATIC_PREFIX}/brouillon.css"
        body = await renderings.run(_render_form, outil, falc, fmt, stylesheet, download)
        headers = {"Cache-Control": "public, max-age=3600", "Content-Language": "fr",
                   "Vary": "Accept-Encoding"}
        if fmt != "html" or download:
            name = TOOLS[outil] + ("-facile-a-lire" if falc else "")
            headers["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
        return Response(body, media_type=MEDIA_TYPES[fmt], headers=headers)

    return router
