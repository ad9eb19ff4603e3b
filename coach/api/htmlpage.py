"""The skeleton of the server-rendered tool pages (dashboard, authors' pages, login).

French, one h1 per page, a skip link, the app's own stylesheet (no inline style or script:
the CSP forbids them), and no caching: these pages show private figures.
"""

from __future__ import annotations

from html import escape

from fastapi import Request
from fastapi.responses import HTMLResponse

STATIC_PREFIX = "/coach-static"


def e(text: object) -> str:
    return escape(str(text), quote=True)


def base_path(request: Request) -> str:
    """Where the app is served (behind a proxy's prefix); inside a mount (the static files)
    `root_path` names the mount, so the app's own is taken first."""
    scope = request.scope
    return str(scope.get("app_root_path", scope.get("root_path", ""))).rstrip("/")


def page(request: Request, title: str, body: str, status: int = 200,
         nav: str = "", headers: dict[str, str] | None = None) -> HTMLResponse:
    """A whole page; `body` starts with the page's h1."""
    base = base_path(request)
    html = (
        '<!doctype html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>{e(title)} — Coach CoP</title>\n"
        f'<link rel="stylesheet" href="{base}{STATIC_PREFIX}/outils.css">\n</head>\n<body>\n'
        '<a class="skip" href="#contenu">Aller au contenu</a>\n'
        + (f'<header class="entete">\n<p><strong>Coach CoP</strong></p>\n{nav}</header>\n'
           if nav else "")
        + f'<main id="contenu" tabindex="-1">\n{body}\n</main>\n</body>\n</html>\n')
    return HTMLResponse(html, status_code=status,
                        headers={"Cache-Control": "no-store", **(headers or {})})
