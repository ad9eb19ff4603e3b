"""Errors as `application/problem+json` (RFC 9457), with a French `detail` a person can act on."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from coach.api.htmlpage import base_path, e, page
from coach.store.base import StoreUnavailable

PROBLEM_TYPE = "https://coach-cop.fr/problemes/"
log = logging.getLogger("coach.api")


class Problem(Exception):
    def __init__(self, status: int, code: str, title: str, detail: str,
                 headers: dict[str, str] | None = None) -> None:
        self.status, self.code, self.title, self.detail = status, code, title, detail
        self.headers = headers or {}
        super().__init__(code)


def problem_response(status: int, code: str, title: str, detail: str,
                     headers: dict[str, str] | None = None, **extra: object) -> JSONResponse:
    body = {"type": PROBLEM_TYPE + code, "title": title, "status": status, "detail": detail,
            "code": code, **extra}
    return JSONResponse(body, status_code=status, headers=headers,
                        media_type="application/problem+json")


def not_found_conversation() -> Problem:
    return Problem(404, "conversation-inconnue", "Conversation introuvable",
                   "Cette conversation n’existe pas, a été supprimée ou a expiré."
                   " Commencez une nouvelle conversation.")


def store_unavailable_response() -> JSONResponse:
    return problem_response(
        503, "stockage-indisponible", "Service momentanément indisponible",
        "Le coach ne peut pas enregistrer la conversation pour l’instant. Rien n’est perdu :"
        " réessayez dans quelques secondes.", headers={"Retry-After": "5"})


_UNION_TAGS = ("ChoiceTurn", "TextTurn")
ONE_OF = "Envoyez soit « choice » (un choix), soit « text » (un message)."


def _relevant_errors(errors: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """For the turn body (a union), keep the errors of the shape the client meant (the one
    whose own field is present); None when the body matches neither shape."""
    tagged = [e for e in errors if any(t in e.get("loc", ()) for t in _UNION_TAGS)]
    if not tagged:
        return errors
    by_tag = {tag: [e for e in tagged if tag in e["loc"]] for tag in _UNION_TAGS}
    meant = [tag for tag, errs in by_tag.items()
             if errs and not any(e.get("type") == "missing" for e in errs)]
    if len(meant) != 1:
        return None
    return [{**e, "loc": tuple(p for p in e["loc"] if p not in _UNION_TAGS)}
            for e in by_tag[meant[0]]]


def _sentence(error: dict[str, Any]) -> tuple[str, str]:
    loc = [str(part) for part in error.get("loc", ()) if part != "body"]
    field = ".".join(loc) or "corps"
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "json_invalid":
        return "corps", "Le corps de la requête n’est pas du JSON valide."
    if kind == "model_attributes_type":
        return field, ("Le corps de la requête doit être un objet JSON, envoyé avec l’en-tête"
                       " Content-Type: application/json.")
    if kind == "string_too_long":
        return field, (f"Le champ « {field} » est trop long : {ctx.get('max_length')} caractères"
                       " au plus. Raccourcissez votre message.")
    if kind in ("string_pattern_mismatch", "string_too_short") and field == "text":
        return field, "Le message est vide : écrivez quelques mots ou choisissez une réponse."
    if kind == "missing" and field == "corps":
        return field, ("Le corps de la requête est vide : envoyez un objet JSON, par exemple"
                       ' {"choice": "menu"} ou {"text": "bonjour"}.')
    if kind == "missing":
        return field, f"Le champ « {field} » est obligatoire."
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return field, f"Le champ « {field} » n’a pas le bon type."
    if kind == "extra_forbidden":
        return field, f"Le champ « {field} » n’est pas attendu."
    if kind == "literal_error" or kind == "enum":
        return field, f"La valeur du champ « {field} » n’est pas permise."
    return field, f"Le champ « {field} » est invalide."


def _describe_validation(exc: RequestValidationError) -> tuple[str, list[dict[str, object]]]:
    errors = _relevant_errors(list(exc.errors()))
    if errors is None:
        return ONE_OF, [{"champ": "corps", "probleme": ONE_OF}]
    described = [_sentence(error) for error in errors]
    detail = " ".join(dict.fromkeys(sentence for _field, sentence in described))
    return detail, [{"champ": field, "probleme": sentence} for field, sentence in described]


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route accepts at this path (Starlette lists only the first route's)."""
    methods: set[str] = set()
    for route in request.app.routes:
        regex = getattr(route, "path_regex", None)
        if regex is not None and regex.match(request.url.path) and getattr(route, "methods", None):
            methods |= set(route.methods)
    return sorted(methods)


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(Problem)
    async def _problem(_request: Request, exc: Problem) -> JSONResponse:
        return problem_response(exc.status, exc.code, exc.title, exc.detail, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        detail, errors = _describe_validation(exc)
        return problem_response(422, "requete-invalide", "Requête invalide", detail,
                                erreurs=errors)

    @app.exception_handler(StoreUnavailable)
    async def _store(_request: Request, _exc: StoreUnavailable) -> JSONResponse:
        log.warning("store unavailable")
        return store_unavailable_response()

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse | HTMLResponse:
        titles = {
            400: ("requete-illisible", "Requête illisible",
                  "Le corps de la requête est illisible : envoyez du JSON encodé en UTF-8."),
            404: ("introuvable", "Page introuvable", "Cette adresse n’existe pas."),
            405: ("methode-non-permise", "Méthode non permise",
                  "Cette adresse n’accepte pas cette méthode HTTP."),
            408: ("requete-trop-lente", "Requête trop lente",
                  "La requête est arrivée trop lentement. Réessayez."),
            413: ("requete-trop-grande", "Requête trop grande",
                  "La requête est trop grande. Envoyez un message plus court."),
        }
        code, title, detail = titles.get(
            exc.status_code, ("erreur-http", "Erreur", "La requête n’a pas pu aboutir."))
        if exc.status_code in (408, 413) and exc.detail:
            detail = exc.detail  # says the limit
        if (exc.status_code == 404 and request.method in ("GET", "HEAD")
                and "text/html" in request.headers.get("accept", "")):
            return _missing_page(request)
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(_allowed_methods(request))
        return problem_response(exc.status_code, code, title, detail, headers=headers)


def _missing_page(request: Request) -> HTMLResponse:
    """A mistyped or outdated link opened in a browser: a French page with a way back, not
    the API's problem in JSON (which a program asking for JSON still gets)."""
    home = base_path(request) + "/"
    return page(request, "Page introuvable",
                "<h1>Page introuvable</h1>\n"
                "<p>Cette adresse n’existe pas. Elle a peut-être été mal recopiée, "
                "ou la page a changé d’adresse.</p>\n"
                f'<p><a href="{e(home)}">Aller à l’accueil du coach</a></p>', status=404)
