"""The skeleton of every page without JavaScript, and the short pages: the start page,
a confirmation, and the errors a person can act on."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse

from coach.api.htmlpage import base_path
from coach.api.interface import say
from coach.settings import Settings

PREFIX = "/sans-js"


def e(text: object) -> str:
    return escape(str(text), quote=True)


@dataclass(frozen=True)
class Site:
    """What every page needs: where the application is mounted, its settings, and the way to
    reach a person its footer shows (HTML, `coach.api.contact.contact_html`), in standard
    French and in easy-to-read French (`contact_falc`, the same when not given)."""

    base: str
    settings: Settings
    contact: str
    contact_falc: str = ""

    @classmethod
    def of(cls, request: Request, settings: Settings, contact: str,
           contact_falc: str = "") -> Site:
        return cls(base_path(request), settings, contact, contact_falc)

    def contact_in(self, falc: bool) -> str:
        return (self.contact_falc or self.contact) if falc else self.contact

    def privacy_url(self, falc: bool) -> str:
        """The privacy page in the conversation's language."""
        return f"{self.base}/confidentialite" + ("?falc=1" if falc else "")

    def conversation_url(self, cid: str, fragment: str = "") -> str:
        return f"{self.base}{PREFIX}/{quote(cid, safe='')}{fragment}"


def document(site: Site, title: str, body: str, status: int = 200, falc: bool = False,
             headers: dict[str, str] | None = None, skip: str | None = None) -> HTMLResponse:
    """A whole page; `body` starts with its h1. `skip`: the id the skip link leads to."""
    skip_link = f'<a class="skip" href="#{skip}">Aller au champ de message</a>\n' if skip else ""
    html = (
        '<!doctype html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)} — Coach CoP</title>\n"
        f'<link rel="stylesheet" href="{site.base}/coach.css">\n</head>\n<body>\n{skip_link}'
        f'<main id="contenu" class="page coach{" falc" if falc else ""}">\n'
        f"{body}\n{contact_footer(site, falc)}</main>\n</body>\n</html>\n"
    )
    return HTMLResponse(html, status_code=status,
                        headers={"Cache-Control": "no-store", **(headers or {})})


def contact_footer(site: Site, falc: bool = False) -> str:
    """Whom to talk to, and the privacy page: both in the conversation's language."""
    return (
        '<footer class="pied">\n<h2>Parler à une personne</h2>\n'
        f"<p>{site.contact_in(falc)}"
        f'</p>\n<p class="confidentialite"><a href="{e(site.privacy_url(falc))}">'
        f"{e(say('lien-confidentialite', falc))}</a></p>\n</footer>\n"
    )


def message_page(site: Site, title: str, text: str, status: int, extra: str = "",
                 headers: dict[str, str] | None = None) -> HTMLResponse:
    body = (f"<h1>{e(title)}</h1>\n<p>{e(text)}</p>\n{extra}"
            f'<p><a href="{site.base}{PREFIX}">Commencer une nouvelle conversation</a></p>')
    return document(site, title, body, status=status, headers=headers)


def not_found_page(site: Site) -> HTMLResponse:
    return message_page(site, "Conversation introuvable",
                        "Cette conversation n’existe pas, a été supprimée ou a expiré.", 404)


def unavailable_page(site: Site, retry_form: str = "") -> HTMLResponse:
    return message_page(
        site, "Service momentanément indisponible",
        "Le coach ne peut pas enregistrer la conversation pour l’instant. Rien n’est perdu :"
        " réessayez dans quelques secondes.", 503, extra=retry_form,
        headers={"Retry-After": "5"})


def conflict_page(site: Site, cid: str) -> HTMLResponse:
    return message_page(site, "Conversation modifiée en même temps",
                        "Un autre tour a été joué au même moment sur cette conversation."
                        " Rechargez la conversation puis réessayez.", 409,
                        extra=f'<p><a href="{site.conversation_url(cid)}">'
                              "Revenir à la conversation</a></p>\n")


def full_page(site: Site, cid: str, text: str) -> HTMLResponse:
    """The conversation reached its size: say so (in its language) and offer a new one;
    the old one stays there to read and download."""
    return message_page(site, "Conversation complète", text, 409,
                        extra=f'<p><a href="{site.conversation_url(cid)}/transcription">'
                              "Lire toute cette conversation</a></p>\n"
                              f'<p><a href="{site.conversation_url(cid)}/transcription.txt">'
                              "Télécharger cette conversation</a></p>\n")


def start_page(site: Site, groups: list[tuple[str, list[tuple[str, str]]]], checked: str,
               deleted: bool, falc: bool = False) -> str:
    """The body of the start page. First, on the first screen of a small phone, two buttons
    that start at the welcome (the coach asks who you are), in standard French or in easy to
    read: a parent with little time starts without scrolling. Then the journeys, grouped by
    audience as on the home menu (`groups`: (legend, [(flow id, title)])), for those who want
    to pick one; that form's button has another name (« Commencer ce parcours »).
    `deleted`: a conversation was just deleted, said in its language (`falc`), whose box
    is then ticked. Nothing here needs JavaScript."""
    first = True
    fieldsets = []
    for legend, flows in groups:
        radios = []
        for fid, title in flows:
            mark = " checked" if fid == checked and first else ""
            first = first and not mark
            radios.append(f'<li><label class="case"><input type="radio" name="parcours"'
                          f' value="{e(fid)}"{mark}> {e(title)}</label></li>')
        fieldsets.append(f'<fieldset><legend class="choix-titre">{e(legend)}</legend>\n'
                         f'<ul class="liste-simple">\n' + "\n".join(radios) + "\n</ul></fieldset>")
    notice = ""
    if deleted:
        lines = "<br>\n".join(e(line) for line in say("supprimee-sans-js", falc).splitlines())
        notice = f'<p class="sans-js-avis" role="status">{lines}</p>\n'
    action = f"{site.base}{PREFIX}"
    return (
        "<h1>Votre coach CoP</h1>\n"
        '<p class="intro">Version sans JavaScript du coach\u00a0: chaque réponse recharge la page.'
        " Rien n’est limité dans le temps.</p>\n" + notice +
        "<p>Le coach vous demande d’abord qui vous êtes.</p>\n"
        f'<form method="post" action="{action}" class="rangee">\n'
        '<button type="submit" class="principal">Commencer la conversation</button>\n'
        '<button type="submit" name="falc" value="1">Commencer en facile à lire</button>\n'
        "</form>\n"
        "<h2>Ou choisir un parcours</h2>\n"
        f'<form method="post" action="{action}" class="formulaire">\n'
        + "\n".join(fieldsets) + "\n"
        '<p><label class="case"><input type="checkbox" name="falc" value="1"'
        f'{" checked" if falc else ""}>'
        " Textes en facile à lire</label></p>\n"
        '<button type="submit" class="principal">Commencer ce parcours</button>\n</form>\n')


def confirmation_page(site: Site, cid: str, title: str, text: str, action: str,
                      fields: dict[str, str], yes: str, no: str,
                      falc: bool = False) -> HTMLResponse:
    """Ask before something that cannot be undone: `yes` posts `fields` to `action`. An
    easy-to-read `text` says one sentence a line."""
    hidden = "".join(f'<input type="hidden" name="{e(k)}" value="{e(v)}">'
                     for k, v in fields.items())
    lines = "<br>\n".join(e(line) for line in text.splitlines())
    body = (f"<h1>{e(title)}</h1>\n<p>{lines}</p>\n"
            f'<form method="post" action="{site.base}{e(action)}" class="rangee">{hidden}'
            f'<button type="submit" class="principal">{e(yes)}</button>'
            f'<a class="bouton-lien" href="{site.conversation_url(cid, "#dernier")}">'
            f"{e(no)}</a></form>")
    return document(site, title, body, falc=falc)
