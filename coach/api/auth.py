"""The door of the tool pages: `COACH_ADMIN_TOKEN`, as a Bearer header or through a form.

Scripts send `Authorization: Bearer <jeton>`. A browser gets a login form (401); the
token it posts is checked and exchanged for a session: a random 128-bit id in a cookie
(`HttpOnly; SameSite=Strict; Path=<area>`), and a small record in the conversation store
(so every process sees it, and « Se déconnecter » deletes it: logging out revokes at once).
The record holds the session's end and an HMAC of its id under the token, so changing the
token invalidates every session. The token itself is never put in a URL (it would land in
histories and logs) nor in the cookie. Without a configured token the pages do not exist
(404).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from coach.api.htmlpage import base_path, e, page
from coach.api.problems import problem_response
from coach.store.base import SessionStore, StoreUnavailable

COOKIE_SECONDS = 3600
MAX_FORM_BYTES = 4096
# Session records live beside conversations, under ids no conversation can have.
SESSION_PREFIX = "outil:"


def wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "")


class AdminGate:
    """One area (`/admin` or `/authoring`) behind the admin token."""

    def __init__(self, token: str | None, area: str, what: str, cookie: str,
                 sessions: SessionStore | None = None) -> None:
        self.token = token or None
        self.area = area
        self.what = what
        self.cookie = cookie
        self.sessions = sessions

    # -- checks -----------------------------------------------------------------------
    def _proof(self, session_id: str) -> str:
        key = (self.token or "").encode()
        return hmac.new(key, f"{self.area}|{session_id}".encode(), hashlib.sha256).hexdigest()

    def _open_session(self) -> str | None:
        """A new session's id (the cookie's value), or None when the store cannot keep it."""
        if self.sessions is None:
            return None
        session_id = secrets.token_hex(16)
        record = {"fin": time.time() + COOKIE_SECONDS, "preuve": self._proof(session_id)}
        try:
            self.sessions.create(SESSION_PREFIX + session_id, json.dumps(record).encode())
        except StoreUnavailable:
            return None
        return session_id

    def _valid_cookie(self, value: str | None) -> bool:
        if not value or self.sessions is None or len(value) != 32 or not value.isalnum():
            return False
        try:
            loaded = self.sessions.load(SESSION_PREFIX + value)
        except StoreUnavailable:
            return False
        if loaded is None:
            return False
        try:
            record = json.loads(loaded[0])
            ends, proof = float(record["fin"]), str(record["preuve"])
        except (ValueError, KeyError, TypeError):
            return False
        return ends > time.time() and hmac.compare_digest(proof, self._proof(value))

    def _close_session(self, value: str | None) -> None:
        if self.sessions is None or not value or len(value) != 32 or not value.isalnum():
            return
        try:
            self.sessions.delete(SESSION_PREFIX + value)
        except StoreUnavailable:
            return

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
        detail = (f"{self.what.capitalize()} est désactivé sur ce serveur : l’administrateur"
                  " doit définir la variable d’environnement COACH_ADMIN_TOKEN.")
        if wants_html(request):
            return page(request, "Page désactivée",
                        f"<h1>Page désactivée</h1>\n<p>{e(detail)}</p>", status=404)
        return problem_response(404, "outil-desactive", "Page désactivée", detail)

    def _unauthorized(self, request: Request, error: str | None = None) -> Response:
        headers = {"WWW-Authenticate": 'Bearer realm="coach-cop"'}
        if not wants_html(request) and error is None:
            return problem_response(
                401, "jeton-requis", "Jeton requis",
                f"{self.what.capitalize()} demande le jeton d’administration : envoyez"
                " l’en-tête Authorization: Bearer <jeton>.", headers=headers)
        return self.login_page(request, error, headers)

    def login_page(self, request: Request, error: str | None,
                   headers: dict[str, str]) -> Response:
        base = base_path(request)
        described = "aide-jeton erreur-jeton" if error else "aide-jeton"
        invalid = ' aria-invalid="true"' if error else ""
        body = (
            f"<h1>Connexion : {e(self.what)}</h1>\n"
            f"<p>Pour voir {e(self.what)}, saisissez le jeton d’administration du service"
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
                return self._unauthorized(request, "Ce jeton n’est pas le bon. Vérifiez-le"
                                          " puis réessayez.")
            session_id = self._open_session()
            if session_id is None:
                return page(request, "Connexion impossible pour l’instant",
                            "<h1>Connexion impossible pour l’instant</h1>\n<p>Le stockage ne"
                            " répond pas. Réessayez dans quelques secondes.</p>", status=503,
                            headers={"Retry-After": "5"})
            target = base_path(request) + self.area
            response = RedirectResponse(target, status_code=303)
            response.set_cookie(self.cookie, session_id, max_age=COOKIE_SECONDS,
                                path=base_path(request) + self.area, httponly=True,
                                samesite="strict", secure=request.url.scheme == "https")
            return response

        @router.post(self.area + "/deconnexion")
        async def logout(request: Request) -> Response:
            self._close_session(request.cookies.get(self.cookie))
            response = RedirectResponse(base_path(request) + self.area, status_code=303)
            response.delete_cookie(self.cookie, path=base_path(request) + self.area,
                                   httponly=True, samesite="strict")
            return response

        return router


def logout_form(request: Request, area: str) -> str:
    return (f'<form method="post" action="{base_path(request)}{area}/deconnexion">'
            '<button type="submit" class="secondaire">Se déconnecter</button></form>')

