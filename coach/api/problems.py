"""Errors as `application/problem+json` (RFC 9457), with a French `detail` a person can act on."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

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
                   "Cette conversation n'existe pas, a été supprimée ou a expiré."
                   " Commencez une nouvelle conversation.")


def store_unavailable_response() -> JSONResponse:
    return problem_response(
        503, "stockage-indisponible", "Service momentanément indisponible",
        "Le coach ne peut pas enregistrer la conversation pour l'instant. Rien n'est perdu :"
        " réessayez dans quelques secondes.", headers={"Retry-After": "5"})


def _describe_validation(exc: RequestValidationError) -> tuple[str, list[dict[str, object]]]:
    errors = []
    sentences = []
    for error in exc.errors():
        loc = [str(part) for part in error.get("loc", ()) if part != "body"]
        field = ".".join(loc) or "corps"
        kind = error.get("type", "")
        ctx = error.get("ctx") or {}
        if kind == "json_invalid":
            field = "corps"
            sentence = "Le corps de la requête n'est pas du JSON valide."
        elif kind == "model_attributes_type":
            sentence = ("Le corps de la requête doit être un objet JSON, envoyé avec l'en-tête"
                        " Content-Type: application/json.")
        elif kind == "string_too_long":
            sentence = (f"Le champ « {field} » est trop long : {ctx.get('max_length')} caractères"
                        " au plus. Raccourcissez votre message.")
        elif kind == "missing":
            sentence = f"Le champ « {field} » est obligatoire."
        elif kind in ("string_type", "bool_type", "bool_parsing", "model_type", "dict_type"):
            sentence = f"Le champ « {field} » n'a pas le bon type."
        elif kind == "extra_forbidden":
            sentence = f"Le champ « {field} » n'est pas attendu."
        elif kind == "value_error":
            sentence = str(ctx.get("error", error.get("msg", "")))
        else:
            sentence = f"Le champ « {field} » est invalide."
        sentences.append(sentence)
        errors.append({"champ": field, "probleme": sentence})
    return " ".join(dict.fromkeys(sentences)), errors


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
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        titles = {404: ("introuvable", "Page introuvable", "Cette adresse n'existe pas."),
                  405: ("methode-non-permise", "Méthode non permise",
                        "Cette adresse n'accepte pas cette méthode HTTP.")}
        code, title, detail = titles.get(
            exc.status_code, ("erreur-http", "Erreur", "La requête n'a pas pu aboutir."))
        return problem_response(exc.status_code, code, title, detail, headers=exc.headers)

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.error("unexpected error: %s", type(exc).__name__)
        return problem_response(500, "erreur-interne", "Erreur interne",
                                "Une erreur inattendue est survenue. Réessayez ; si elle"
                                " revient, utilisez « Parler à une personne ».")
