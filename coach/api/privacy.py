"""The privacy notice (RGPD) the client links to, filled with the service's own settings,
in standard French (/confidentialite) and in easy-to-read French (/confidentialite?falc=1:
the link carries it while « Facile à lire » is on). Its words: interface.yaml, `privacy`."""

from __future__ import annotations

from html import escape

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from coach.api.contact import contact_html, contact_name, no_contact_text
from coach.api.interface import Interface, load_interface
from coach.content.model import Content
from coach.content.typography import french_spacing
from coach.settings import Settings

HEAD = """<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} — Coach CoP</title>
<link rel="stylesheet" href="/coach.css">
</head>
<body>
<a class="skip" href="#contenu">Aller au contenu</a>
<main id="contenu" class="page-texte{falc_class}">
<h1>{title}</h1>
<p><a href="/">{back}</a></p>
"""


def wants_falc(request: Request) -> bool:
    """`?falc=1` (or `true`), as the client's own address and the tools' links say it."""
    return request.query_params.get("falc", "") in ("1", "true")


def _lines(text: str, values: dict[str, str]) -> str:
    """A text as HTML: its placeholders filled (already HTML), an easy-to-read text's
    lines (one sentence each) kept as lines."""
    return "<br>\n".join(french_spacing(escape(line, quote=False)).format(**values)
                         for line in text.splitlines())


def notice(interface: Interface, falc: bool, values: dict[str, str], contact: str) -> str:
    """The whole page in one language."""
    privacy = interface.privacy
    parts = [HEAD.format(title=french_spacing(escape(privacy.title.get(falc))),
                         back=escape(privacy.back.get(falc)), falc_class=" falc" if falc else "")]
    for section in privacy.sections:
        title = french_spacing(escape(section.title.get(falc)))
        parts.append(f'\n<h2 id="{escape(section.id)}">{title}</h2>\n')
        parts += [f"<p>{_lines(p.get(falc), values)}</p>\n" for p in section.paragraphs]
        if section.contact:
            parts.append(f"<p>{contact}</p>\n")
        if section.items:
            parts.append("<ul>\n" + "".join(f"  <li>{_lines(i.get(falc), values)}</li>\n"
                                            for i in section.items) + "</ul>\n")
        parts += [f"<p>{_lines(p.get(falc), values)}</p>\n" for p in section.after]
    parts.append("</main>\n</body>\n</html>\n")
    return "".join(parts)


def build_privacy_router(settings: Settings, content: Content) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    interface = load_interface()
    values = {"retention": str(settings.retention_days), "contact_nom": contact_name(settings)}
    pages = {falc: notice(interface, falc, values,
                          contact_html(settings, no_contact_text(content, falc)))
             for falc in (False, True)}

    @router.get("/confidentialite", response_class=HTMLResponse)
    async def privacy_notice(request: Request) -> HTMLResponse:
        return HTMLResponse(pages[wants_falc(request)])

    return router
