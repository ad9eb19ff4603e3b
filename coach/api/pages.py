"""Server-rendered HTML pages: the same conversation without JavaScript.

Progressive enhancement for the web client: `web/index.html` links here from its
`<noscript>`. Plain HTML forms, POST-redirect-GET, the conversation id in the URL path (no
cookie), the same CSS file as the client, no script and no inline style (the CSP forbids
them). The engine and the store are used exactly as the JSON API uses them
(`Record.from_bytes`, `store.save` with the version read).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from datetime import datetime
from html import escape
from typing import Any
from urllib.parse import parse_qs, quote
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response

from coach.content.typography import french_spacing
from coach.engine.engine import ChoiceInput, Step, TextInput
from coach.engine.errors import UnknownFlow
from coach.engine.record import Record
from coach.service import (
    ChoiceNotOffered,
    ConversationNotFound,
    ConversationService,
    TextRejected,
    TurnConflict,
)
from coach.settings import Settings
from coach.store.base import StoreUnavailable

MAX_FORM_BYTES = 8 * 1024
SHOWN_COMMANDS = ("retour", "menu", "aide", "humain")
PREFIX = "/sans-js"
# The coordinator's draft is offered at the end of these steps (and after its summary).
DRAFT_FLOWS = frozenset({"initier", "modeliser", "animer", "perenniser"})
DRAFT_TITLE = "Mon brouillon de feuille de route et de charte"
DRAFT_LINKS = (("html", "Voir (nouvelle fenêtre)"), ("docx", "Télécharger en Word (.docx)"),
               ("odt", "Télécharger en OpenDocument (.odt)"))


class PageError(Exception):
    """Stop and answer with an HTML page (an error the person can act on)."""

    def __init__(self, response: Response) -> None:
        self.response = response
        super().__init__(response.status_code)


DISPLAY_ZONE = ZoneInfo("Europe/Paris")


def e(text: Any) -> str:
    return escape(str(text), quote=True)


def _says(name: str, role: str, ref: str) -> str:
    if role != "bot":
        return "Vous avez écrit : " if ref == "texte" else "Vous avez choisi : "
    return f"{name} dit : "


def _title(name: str, role: str) -> str:
    if role != "bot":
        return "Votre message"
    if name.startswith("Le "):
        return "Message du " + name[3:]
    if name.startswith("La "):
        return "Message de la " + name[3:]
    return ("Message d'" if name[:1].lower() in "aeiouyéèêàâîôûh" else "Message de ") + name


def _time(at: str | None) -> str:
    """The message's time as « 14 h 32 » in French time (no script to know the reader's)."""
    if not at:
        return ""
    moment = datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone(DISPLAY_ZONE)
    return f'<time class="heure" datetime="{e(at)}">{moment.hour}\u00a0h\u00a0{moment:%M}</time>'


def _key(base: str, value: str) -> str:
    """One idempotency key per (rendered page, input): a double submit never plays twice."""
    return base[:24] + ":" + hashlib.sha256(value.encode("utf-8")).hexdigest()[:16]


def draft_here(step: Step) -> bool:
    """Does this step offer the draft under its last message?"""
    record = step.record
    if step.end:
        return record.flow in DRAFT_FLOWS
    return (record.flow, record.node) == ("initier", "brouillon-suite")


def draft_links(base: str, cid: str, ident: str, level: int) -> str:
    """The three links to the draft, in a group named by its heading."""
    url = f"{base}/api/v1/conversations/{quote(cid, safe='')}/document?format="
    links = "".join(
        f'<li><a class="bouton-lien" href="{e(url + fmt)}"'
        + (' target="_blank" rel="noopener"' if fmt == "html" else "")
        + f">{e(label)}</a></li>" for fmt, label in DRAFT_LINKS)
    return (f'<div class="brouillon-liens" role="group" aria-labelledby="{ident}">'
            f'<h{level} id="{ident}" class="brouillon-titre">{e(DRAFT_TITLE)}</h{level}>'
            f'<ul class="rangee">{links}</ul></div>')


def build_pages_router(service: ConversationService, settings: Settings) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    engine = service.engine
    flows = engine.content.flows

    # -- rendering ----------------------------------------------------------------------
    def root(request: Request) -> str:
        return str(request.scope.get("root_path", "")).rstrip("/")

    def document(request: Request, title: str, body: str, status: int = 200, falc: bool = False,
                 headers: dict[str, str] | None = None, skip: str | None = None) -> HTMLResponse:
        base = root(request)
        skip_link = (f'<a class="skip" href="#{skip}">Aller au champ de message</a>\n'
                     if skip else "")
        html = (
            '<!doctype html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{e(title)} — Coach CoP</title>\n"
            f'<link rel="stylesheet" href="{base}/coach.css">\n</head>\n<body>\n{skip_link}'
            f'<main id="contenu" class="page coach{" falc" if falc else ""}">\n'
            f"{body}\n{contact_footer(base)}</main>\n</body>\n</html>\n"
        )
        return HTMLResponse(html, status_code=status,
                            headers={"Cache-Control": "no-store", **(headers or {})})

    def contact_footer(base: str) -> str:
        return (
            '<footer class="pied">\n<h2>Parler à une personne</h2>\n'
            f"<p>Contactez {e(settings.contact_nom)} au {e(settings.contact_telephone)}"
            f" ({e(settings.contact_horaires)}), ou par courriel à"
            f' <a href="mailto:{e(settings.contact_courriel)}">{e(settings.contact_courriel)}</a>.'
            f'</p>\n<p class="confidentialite"><a href="{base}/confidentialite">'
            "Confidentialité et données personnelles</a></p>\n</footer>\n"
        )

    def message_items(messages: Iterable[dict[str, Any]], anchor: str | None,
                      after: dict[str, str] | None = None) -> str:
        """`after`: HTML to put at the end of some messages' items, by message id."""
        items = []
        after = after or {}
        for m in messages:
            bot = m["role"] == "bot"
            name = m["speaker"]["name"] if bot else "Vous"
            mark = ' id="dernier" tabindex="-1"' if m["id"] == anchor else ""
            items.append(
                f'<li class="msg {"msg--coach" if bot else "msg--moi"}"{mark}>'
                f'<h3 class="visually-hidden">{e(_title(name, m["role"]))}</h3>'
                f'<p class="auteur" aria-hidden="true">{e(name)}</p>'
                '<p class="bulle"><span class="visually-hidden">'
                f'{e(_says(name, m["role"], m["ref"]))}</span>'
                f'<span class="texte" id="texte-{e(m["id"])}">'
                f'{e(french_spacing(m["text"]) if bot else m["text"])}</span></p>'
                f'{_time(m.get("at"))}{after.get(m["id"], "")}</li>'
            )
        return "\n".join(items)

    def conversation_page(request: Request, step: Step, error: str | None = None,
                          kept: str = "", status: int = 200) -> HTMLResponse:
        record = step.record
        base = root(request)
        cid = quote(record.id, safe="")
        action = f"{base}{PREFIX}/{cid}"
        form_key = secrets.token_urlsafe(12)
        messages = [m.to_dict() for m in step.messages]
        users = [m for m in messages if m["role"] == "user"]
        anchor = users[-1]["id"] if users else (messages[0]["id"] if messages else None)
        bots = [m for m in messages if m["role"] == "bot"]
        labels = {c["id"]: c["label"] for c in step.commands}
        after = {}
        if bots and draft_here(step):  # under the step's own last message (not « aide »'s)
            own = [m for m in bots if m["ref"].startswith(f"{record.flow}/{record.node}/")]
            after[(own or bots)[-1]["id"]] = draft_links(base, record.id, "titre-brouillon-fil", 4)

        parts = [
            "<h1>Votre coach CoP</h1>",
            '<p class="intro">Version sans JavaScript : chaque réponse recharge la page.'
            " Pour reprendre plus tard, gardez l'adresse de cette page dans vos favoris.</p>",
            '<div class="outils rangee">',
            f'<form method="post" action="{action}/falc">'
            f'<input type="hidden" name="falc" value="{"0" if record.falc else "1"}">'
            f'<button type="submit" aria-pressed="{"true" if record.falc else "false"}">'
            "Facile à lire</button></form>",
            f'<a class="bouton-lien" href="{action}/transcription.txt">'
            "Télécharger la conversation</a>",
            f'<a class="bouton-lien" href="{action}/transcription">Imprimer la conversation</a>',
            f'<a class="bouton-lien" href="{action}/recommencer">Recommencer depuis le début</a>',
            f'<a class="bouton-lien" href="{action}/supprimer">Supprimer ma conversation</a>',
            "</div>",
            '<section aria-labelledby="titre-conv">\n<h2 id="titre-conv">Conversation</h2>',
            f'<ol class="messages historique-page">\n{message_items(messages, anchor, after)}'
            "\n</ol>",
            "</section>",
        ]
        if step.choices:
            label = (f'aria-labelledby="texte-{e(bots[-1]["id"])}"' if bots
                     else 'aria-label="Réponses proposées"')
            buttons = "\n".join(
                f'<li><button type="submit" name="choix" value="{e(c["id"])}">'
                f'<span class="num" aria-hidden="true">{i}.</span>{e(c["label"])}</button></li>'
                for i, c in enumerate(step.choices, start=1))
            parts.append(
                f'<form method="post" action="{action}">'
                f'<input type="hidden" name="cle" value="{form_key}">'
                f'<div class="choix" role="group" {label}><ul>\n{buttons}\n</ul></div></form>')
        described = "aide-saisie erreur" if error else "aide-saisie"
        parts.append(
            f'<form method="post" action="{action}" class="formulaire">'
            f'<input type="hidden" name="cle" value="{form_key}">'
            '<label for="saisie">Votre message</label>'
            '<p id="aide-saisie" class="aide">Écrivez votre message, puis choisissez « Envoyer ».'
            "</p>"
            '<div class="ligne-saisie">'
            f'<textarea id="saisie" name="texte" rows="3" maxlength="{settings.max_text_chars}"'
            f' aria-describedby="{described}"{" autofocus" if error else ""}>{e(kept)}</textarea>'
            '<button type="submit" class="principal envoi">Envoyer'
            ' <span class="visually-hidden">le message au coach</span></button></div>'
            + (f'<p id="erreur" class="erreur" role="alert">{e(error)}</p>' if error else "")
            + "</form>")
        commands = "\n".join(
            f'<li><button type="submit" name="choix" value="{c}">{e(labels.get(c, c))}'
            "</button></li>"
            for c in SHOWN_COMMANDS if c in labels)
        parts.append(
            '<div class="commandes" role="group" aria-labelledby="titre-commandes">'
            '<p id="titre-commandes" class="choix-titre">À tout moment :</p>'
            f'<form method="post" action="{action}"><input type="hidden" name="cle"'
            f' value="{form_key}"><ul class="rangee">\n{commands}\n</ul></form></div>')
        parts.append(draft_links(base, record.id, "titre-brouillon", 2))
        title = ("Erreur : " if error else "") + "Conversation"
        return document(request, title, "\n".join(parts), status=status, falc=record.falc,
                        skip="saisie")

    def message_page(request: Request, title: str, text: str, status: int,
                     extra: str = "", headers: dict[str, str] | None = None) -> HTMLResponse:
        base = root(request)
        body = (f"<h1>{e(title)}</h1>\n<p>{e(text)}</p>\n{extra}"
                f'<p><a href="{base}{PREFIX}">Commencer une nouvelle conversation</a></p>')
        return document(request, title, body, status=status, headers=headers)

    def not_found(request: Request) -> PageError:
        return PageError(message_page(
            request, "Conversation introuvable",
            "Cette conversation n'existe pas, a été supprimée ou a expiré.", 404))

    def unavailable(request: Request, retry_form: str = "") -> HTMLResponse:
        return message_page(
            request, "Service momentanément indisponible",
            "Le coach ne peut pas enregistrer la conversation pour l'instant. Rien n'est perdu :"
            " réessayez dans quelques secondes.", 503, extra=retry_form,
            headers={"Retry-After": "5"})

    # -- data ---------------------------------------------------------------------------
    def load(request: Request, cid: str) -> Record:
        try:
            return service.read(cid)
        except ConversationNotFound:
            raise not_found(request) from None

    def read(request: Request, cid: str) -> Record | Response:
        """The conversation for a page that only shows it, or the page that says why not."""
        try:
            return load(request, cid)
        except PageError as exc:
            return exc.response
        except StoreUnavailable:
            return unavailable(request)

    async def form(request: Request) -> dict[str, str]:
        raw = await request.body()
        if len(raw) > MAX_FORM_BYTES:
            raw = raw[:MAX_FORM_BYTES]
        fields = parse_qs(raw.decode("utf-8", errors="replace"), keep_blank_values=True)
        return {k: v[0] for k, v in fields.items() if v}

    def see(request: Request, cid: str, fragment: str = "#dernier") -> RedirectResponse:
        return RedirectResponse(f"{root(request)}{PREFIX}/{quote(cid, safe='')}{fragment}",
                                status_code=303)

    def retry_form(request: Request, path: str, fields: dict[str, str]) -> str:
        hidden = "".join(f'<input type="hidden" name="{e(k)}" value="{e(v)}">'
                         for k, v in fields.items())
        return (f'<form method="post" action="{root(request)}{e(path)}">{hidden}'
                '<button type="submit" class="principal">Réessayer</button></form>\n')

    # -- routes -------------------------------------------------------------------------
    @router.get(PREFIX, response_class=HTMLResponse)
    async def start_page(request: Request) -> Response:
        base = root(request)
        entry = engine.content.entry[0]
        ordered = sorted(flows.values(), key=lambda f: f.id != entry)
        radios = "\n".join(
            f'<li><label class="case"><input type="radio" name="parcours" value="{e(f.id)}"'
            f'{" checked" if f.id == entry else ""}> {e(f.header.title)}</label></li>'
            for f in ordered)
        notice = ""
        if "supprimee" in request.query_params:
            notice = ('<p class="sans-js-avis" role="status">Votre conversation est supprimée.'
                      " Vous pouvez en commencer une nouvelle.</p>\n")
        body = (
            "<h1>Votre coach CoP</h1>\n"
            '<p class="intro">Version sans JavaScript du coach : chaque réponse recharge la page.'
            " Rien n'est limité dans le temps.</p>\n" + notice +
            f'<form method="post" action="{base}{PREFIX}" class="formulaire">\n'
            '<fieldset><legend class="choix-titre">Par où commencer ?</legend>\n'
            f'<ul class="liste-simple">\n{radios}\n</ul></fieldset>\n'
            '<p><label class="case"><input type="checkbox" name="falc" value="1">'
            " Textes en facile à lire</label></p>\n"
            '<button type="submit" class="principal">Commencer la conversation</button>\n</form>\n'
            f'<p><a href="{base}/">Revenir à la version avec JavaScript</a></p>\n')
        return document(request, "Commencer", body)

    @router.post(PREFIX)
    async def start(request: Request) -> Response:
        fields = await form(request)
        flow = fields.get("parcours") or None
        falc = fields.get("falc") == "1"
        try:
            try:
                step = service.start(flow, falc)
            except UnknownFlow:
                step = service.start(None, falc)
        except StoreUnavailable:
            return unavailable(request, retry_form(request, PREFIX, fields))
        return see(request, step.record.id, "")

    @router.get(PREFIX + "/{cid}", response_class=HTMLResponse)
    async def show(request: Request, cid: str) -> Response:
        record = read(request, cid)
        if isinstance(record, Response):
            return record
        return conversation_page(request, engine.conversation(record))

    @router.post(PREFIX + "/{cid}")
    async def turn(request: Request, cid: str) -> Response:
        fields = await form(request)
        choice = fields.get("choix", "").strip()
        text = fields.get("texte", "")
        base_key = fields.get("cle", "")
        given: ChoiceInput | TextInput = ChoiceInput(choice[:64]) if choice else TextInput(text)
        key = _key(base_key, choice or "t:" + text) if base_key else None
        try:
            await service.play(cid, given, key, render=lambda _step: None)
        except ConversationNotFound:
            return not_found(request).response
        except TextRejected as exc:
            return page_with_error(request, cid, exc.french(), kept=text)
        except ChoiceNotOffered:
            return page_with_error(request, cid, "Ce choix n'est plus proposé à cette étape."
                                   " Choisissez une des réponses ci-dessous ou écrivez votre"
                                   " message.")
        except TurnConflict:
            return message_page(request, "Conversation modifiée en même temps",
                                "Un autre tour a été joué au même moment sur cette"
                                " conversation. Rechargez la conversation puis réessayez.", 409,
                                extra=f'<p><a href="{root(request)}{PREFIX}/'
                                      f'{quote(cid, safe="")}">Revenir à la conversation</a>'
                                      "</p>\n")
        except StoreUnavailable:
            return unavailable(request, retry_form(request, f"{PREFIX}/{cid}", fields))
        return see(request, cid)

    def page_with_error(request: Request, cid: str, error: str, kept: str = "") -> Response:
        """The conversation again, with what went wrong above the text field (422)."""
        try:
            step = service.conversation(cid)
        except ConversationNotFound:
            return not_found(request).response
        except StoreUnavailable:
            return unavailable(request)
        return conversation_page(request, step, error, kept=kept, status=422)

    @router.post(PREFIX + "/{cid}/falc")
    async def falc(request: Request, cid: str) -> Response:
        fields = await form(request)
        try:
            await service.set_falc(cid, fields.get("falc") == "1")
        except ConversationNotFound:
            return not_found(request).response
        except TurnConflict:
            pass  # as before: the page shows the conversation as it is now
        except StoreUnavailable:
            return unavailable(request, retry_form(request, f"{PREFIX}/{cid}/falc", fields))
        return see(request, cid)

    def confirmation(request: Request, cid: str, title: str, text: str, action: str,
                     fields: dict[str, str], yes: str, no: str) -> Response:
        try:
            load(request, cid)
        except PageError as exc:
            return exc.response
        except StoreUnavailable:
            return unavailable(request)
        base = root(request)
        hidden = "".join(f'<input type="hidden" name="{e(k)}" value="{e(v)}">'
                         for k, v in fields.items())
        body = (f"<h1>{e(title)}</h1>\n<p>{e(text)}</p>\n"
                f'<form method="post" action="{base}{e(action)}" class="rangee">{hidden}'
                f'<button type="submit" class="principal">{e(yes)}</button>'
                f'<a class="bouton-lien" href="{base}{PREFIX}/{quote(cid, safe="")}#dernier">'
                f"{e(no)}</a></form>")
        return document(request, title, body)

    @router.get(PREFIX + "/{cid}/recommencer", response_class=HTMLResponse)
    async def confirm_restart(request: Request, cid: str) -> Response:
        return confirmation(
            request, cid, "Recommencer depuis le début ?",
            "Le coach reprend au premier message. Ce que vous avez déjà écrit reste dans la"
            " conversation.", f"{PREFIX}/{quote(cid, safe='')}",
            {"choix": "recommencer", "cle": secrets.token_urlsafe(12)},
            "Oui, recommencer", "Non, continuer")

    @router.get(PREFIX + "/{cid}/supprimer", response_class=HTMLResponse)
    async def confirm_delete(request: Request, cid: str) -> Response:
        return confirmation(
            request, cid, "Supprimer votre conversation ?",
            "Tous les messages seront effacés tout de suite. Vous pourrez en commencer une"
            " nouvelle.", f"{PREFIX}/{quote(cid, safe='')}/supprimer", {},
            "Oui, tout supprimer", "Non, garder")

    @router.post(PREFIX + "/{cid}/supprimer")
    async def delete(request: Request, cid: str) -> Response:
        try:
            service.delete(cid)
        except StoreUnavailable:
            return unavailable(request, retry_form(request, f"{PREFIX}/{cid}/supprimer", {}))
        return RedirectResponse(f"{root(request)}{PREFIX}?supprimee=1", status_code=303)

    @router.get(PREFIX + "/{cid}/transcription", response_class=HTMLResponse)
    async def transcript(request: Request, cid: str) -> Response:
        record = read(request, cid)
        if isinstance(record, Response):
            return record
        step = engine.conversation(record)
        body = (
            "<h1>Conversation avec le coach CoP</h1>\n"
            '<p class="intro pied">Pour imprimer, utilisez la commande Imprimer de votre'
            " navigateur (Ctrl + P, ou Cmd + P sur Mac).</p>\n"
            '<section aria-labelledby="titre-conv" class="transcription">\n'
            '<h2 id="titre-conv">Messages</h2>\n<ol class="messages">\n'
            f"{message_items((m.to_dict() for m in step.messages), None)}\n</ol>\n</section>\n"
            f'<p class="pied"><a href="{root(request)}{PREFIX}/{quote(cid, safe="")}#dernier">'
            "Revenir à la conversation</a></p>")
        return document(request, "Transcription", body, falc=record.falc)

    @router.get(PREFIX + "/{cid}/transcription.txt")
    async def transcript_text(request: Request, cid: str) -> Response:
        record = read(request, cid)
        if isinstance(record, Response):
            return record
        lines = ["Conversation avec le coach CoP", ""]
        for m in engine.conversation(record).messages:
            name = m.speaker["name"] if m.role == "bot" else "Vous"
            lines += [f"{name} :", m.text, ""]
        return PlainTextResponse(
            "\ufeff" + "\r\n".join(lines), media_type="text/plain; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="conversation-coach-cop.txt"',
                     "Cache-Control": "no-store"})

    return router
