"""The door of the tool pages: `COACH_ADMIN_TOKEN`, as a Bearer header or through a form.

Scripts send `Authorization: Bearer <jeton>`. A browser gets a login form (401); the
token it posts is checked and exchanged for a short-lived cookie signed with the token
(HMAC-SHA256), `HttpOnly; SameSite=Strict; Path=<area>`. The token itself is never put in a
URL (it would land in histories and logs) nor in the cookie, and changing the token
invalidates every cookie. Without a configured token the pages do not exist (404).
"""

from __future__ import annotations

import hashlib
import hmac
import time
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from coach.api.htmlpage import base_path, e, page
from coach.api.problems import problem_response

COOKIE_SECONDS = 3600
MAX_FORM_BYTES = 4096


def wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "")


class AdminGate:
    """One area (`/admin` or `/authoring`) behind the admin token."""

    def __init__(self, token: str | None, area: str, what: str, cookie: str) -> None:
        self.token = token or None
        self.area = area
        self.what = what
        self.cookie = cookie
        self._key = hashlib.sha256(b"coach-cookie:" + (token or "").encode()).digest()

    # -- checks -----------------------------------------------------------------------
    def _signature(self, expires: int) -> str:
        message = f"{self.area}|{expires}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()

    def _cookie_value(self) -> str:
        expires = int(time.time()) + COOKIE_SECONDS
        return f"{expires}.{self._signature(expires)}"

    def _valid_cookie(self, value: str | None) -> bool:
        if not value or "." not in value:
            return False
        expires, _dot, signature = value.partition(".")
        if not expires.isdigit() or int(expires) < time.time():
            return False
        return hmac.compare_digest(signature, self._signature(int(expires)))

    def _valid_token(self, given: str) -> bool:
        return self.token is not None and hmac.compare_digest(
            given.encode(), self.token.encode())

    def allowed(self, request: Request) -> bool:
        if self.token is None:
            return False
        scheme, _space, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and given and self._valid_token(given.strip()):
            return True
        return self._valid_cookie(request.cookies.get(self.cookie))

    def denied(self, request: Request) -> Response | None:
        """None when the request may see the area; otherwise the answer to send."""
        if self.token is None:
            return self._disabled(request)
        if self.allowed(request):
            return None
        return self._unauthorized(request)

    # -- answers ------------------------------------------------------------------------
    def _disabled(self, request: Request) -> Response:
        detail = (f"{self.what.capitalize()} est désactivé sur ce serveur : l'administrateur"
                  " doit définir la variable d'environnement COACH_ADMIN_TOKEN.")
        if wants_html(request):
            return page(request, "Page désactivée",
                        f"<h1>Page désactivée</h1>\n<p>{e(detail)}</p>", status=404)
        return problem_response(404, "outil-desactive", "Page désactivée", detail)

    def _unauthorized(self, request: Request, error: str | None = None) -> Response:
        headers = {"WWW-Authenticate": 'Bearer realm="coach-cop"'}
        if not wants_html(request) and error is None:
            return problem_response(
                401, "jeton-requis", "Jeton requis",
                f"{self.what.capitalize()} demande le jeton d'administration : envoyez"
                " l'en-tête Authorization: Bearer <jeton>.", headers=headers)
        return self.login_page(request, error, headers)

    def login_page(self, request: Request, error: str | None,
                   headers: dict[str, str]) -> Response:
        base = base_path(request)
        described = "aide-jeton erreur-jeton" if error else "aide-jeton"
        invalid = ' aria-invalid="true"' if error else ""
        body = (
            f"<h1>Connexion : {e(self.what)}</h1>\n"
            f"<p>Pour voir {e(self.what)}, saisissez le jeton d'administration du service"
            " (la valeur de COACH_ADMIN_TOKEN). La connexion dure une heure.</p>\n"
            f'<form method="post" action="{base}{self.area}/connexion">\n'
            '<label for="jeton">Jeton d\'administration</label>\n'
            '<p id="aide-jeton" class="discret">Le jeton vous est donné par la personne qui'
            " gère le serveur.</p>\n"
            f'<input id="jeton" name="jeton" type="password" autocomplete="current-password"'
            f' required aria-describedby="{described}"{invalid}>\n'
            + (f'<p id="erreur-jeton" class="erreur" role="alert">{e(error)}</p>\n'
               if error else "")
            + '<p><button type="submit">Se connecter</button></p>\n</form>')
        return page(request, "Connexion", body, status=401, headers=headers)

    # -- routes -------------------------------------------------------------------------
    def routes(self) -> APIRouter:
        router = APIRouter(include_in_schema=False)

        @router.post(self.area + "/connexion")
        async def login(request: Request) -> Response:
            if self.token is None:
                return self._disabled(request)
            raw = (await request.body())[:MAX_FORM_BYTES]
            fields = parse_qs(raw.decode("utf-8", errors="replace"))
            given = (fields.get("jeton") or [""])[0].strip()
            if not given or not self._valid_token(given):
                return self._unauthorized(request, "Ce jeton n'est pas le bon. Vérifiez-le"
                                          " puis réessayez.")
            target = base_path(request) + self.area
            response = RedirectResponse(target, status_code=303)
            response.set_cookie(self.cookie, self._cookie_value(), max_age=COOKIE_SECONDS,
                                path=base_path(request) + self.area, httponly=True,
                                samesite="strict", secure=request.url.scheme == "https")
            return response

        @router.post(self.area + "/deconnexion")
        async def logout(request: Request) -> Response:
            response = RedirectResponse(base_path(request) + self.area, status_code=303)
            response.delete_cookie(self.cookie, path=base_path(request) + self.area,
                                   httponly=True, samesite="strict")
            return response

        return router


def logout_form(request: Request, area: str) -> str:
    return (f'<form method="post" action="{base_path(request)}{area}/deconnexion">'
            '<button type="submit" class="secondaire">Se déconnecter</button></form>')

