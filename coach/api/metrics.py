"""Prometheus metrics at `/metrics`, with the official client library.

Metrics live in the process that serves the request: with `coach serve --workers N`, each
scrape reaches one worker only, unless `PROMETHEUS_MULTIPROC_DIR` names an empty directory
shared by the workers (the client's multiprocess mode, read here when it is set).
Labels are route templates (`/api/v1/conversations/{conversation_id}/turns`), never raw
paths: no conversation id and no typed text can reach a label.
"""

from __future__ import annotations

import hmac
import os
import time
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from coach.api.problems import problem_response

REQUESTS = Counter("coach_http_requests", "Requêtes HTTP, par route, méthode et statut",
                   ["method", "route", "status"])
LATENCY = Histogram("coach_http_request_duration_seconds",
                    "Durée des requêtes HTTP, par route et méthode", ["method", "route"],
                    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0,
                             2.5, 5.0))
TURNS = Counter("coach_turns", "Tours de conversation joués, par type de saisie", ["input"])
CONVERSATIONS = Counter("coach_conversations_started", "Conversations commencées")
STORE_ERRORS = Counter("coach_store_errors", "Erreurs du stockage, par origine", ["source"])
UNMATCHED = "(aucune route)"
KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


class MetricsMiddleware:
    """Count every HTTP request by route template and status, and time it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        # The labelled series, looked up once each: `labels()` takes a lock and checks
        # its arguments on every call. Route templates and statuses are few.
        self._requests: dict[tuple[str, str, int], Any] = {}
        self._latencies: dict[tuple[str, str], Any] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def record_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, record_status)
        finally:
            route = getattr(scope.get("route"), "path", None) or UNMATCHED
            method = scope.get("method", "GET")
            if method not in KNOWN_METHODS:
                method = "AUTRE"  # any token is a valid method: keep the series few
            requests = self._requests.get((method, route, status))
            if requests is None:
                requests = self._requests[(method, route, status)] = REQUESTS.labels(
                    method, route, str(status))
            latency = self._latencies.get((method, route))
            if latency is None:
                latency = self._latencies[(method, route)] = LATENCY.labels(method, route)
            requests.inc()
            latency.observe(time.perf_counter() - started)


def _registry() -> CollectorRegistry:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return registry
    return REGISTRY


def build_metrics_router(token: str | None) -> APIRouter:
    """`GET /metrics`; with `COACH_METRICS_TOKEN` set, only with that Bearer token."""
    router = APIRouter(include_in_schema=False)

    @router.get("/metrics")
    async def metrics(request: Request) -> Response:
        if token:
            scheme, _space, given = request.headers.get("authorization", "").partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(),
                                                                      token.encode()):
                return problem_response(
                    401, "jeton-requis", "Jeton requis",
                    "Les métriques demandent le jeton COACH_METRICS_TOKEN : envoyez l’en-tête"
                    " Authorization: Bearer <jeton>.",
                    headers={"WWW-Authenticate": 'Bearer realm="coach-cop-metriques"'})
        return Response(generate_latest(_registry()), media_type=CONTENT_TYPE_LATEST,
                        headers={"Cache-Control": "no-store"})

    return router
