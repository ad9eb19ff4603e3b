"""FastAPI app factory: the content, the engine and the store are built once here."""

from __future__ import annotations

import asyncio
import gc
import inspect
from collections.abc import Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.routing import Route

from coach.analytics.advice import advice_refs
from coach.analytics.buffer import CounterBuffer
from coach.analytics.events import StepEvents
from coach.api.admin import Dashboard, build_admin_router
from coach.api.apidocs import mount_docs
from coach.api.auth import AdminGate
from coach.api.authoring import build_authoring_router
from coach.api.client_address import ClientAddress
from coach.api.conversations import add_conversation_routes
from coach.api.documents import STATIC_DIR, build_documents_router
from coach.api.feedback import build_feedback_router
from coach.api.htmlpage import STATIC_PREFIX
from coach.api.metrics import STORE_ERRORS, MetricsMiddleware, build_metrics_router
from coach.api.middleware import BodyLimit, ErrorsWithoutTraceback, SecurityHeaders
from coach.api.observer import Observer
from coach.api.offload import Renderings
from coach.api.pages import build_pages_router
from coach.api.privacy import build_privacy_router
from coach.api.problems import install_problem_handlers, store_unavailable_response
from coach.api.ratelimit import Limits
from coach.api.timeouts import BodyTimeout
from coach.api.webfiles import WebFiles
from coach.authoring.findings import FalcFindings
from coach.communities import load_communities
from coach.content.loader import load_content
from coach.content.model import Content
from coach.engine.engine import Engine
from coach.limits.open import open_limits
from coach.resources import default_path
from coach.service import ConversationService
from coach.settings import Settings
from coach.store.base import SessionStore, StoreUnavailable
from coach.store.factory import open_store
from coach.store.layers import conversation_store
from coach.store.recent import RecentRecords

WEB_DIR = default_path("web")
GC_YOUNG_THRESHOLD = 10_000
RECENT_SWEEP_SECONDS = 60.0


def create_app(settings: Settings | None = None, content: Content | None = None,
               store: SessionStore | None = None) -> FastAPI:
    settings = settings or Settings()
    content = content or load_content(settings.dialogues_dir)
    engine = Engine(content, settings.contact(), load_communities(settings.annuaire))
    store = store or open_store(settings.store_url, settings.retention_days)
    counters = _counter_buffer(settings, store, content.version)
    observer = Observer(StepEvents(content), counters, advice_refs(content))
    recent = RecentRecords(int(settings.recent_records_mb * 2**20),
                           settings.recent_records_seconds)
    service = ConversationService(engine, conversation_store(store, recent), observer,
                                  max_text_chars=settings.max_text_chars,
                                  max_turns=settings.max_turns,
                                  max_record_bytes=settings.max_conversation_kb * 1024,
                                  advice=observer.advice)

    renderings = Renderings(settings.draft_renderings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        # Content, machines and the understanding index live as long as the process: keep
        # them out of the garbage collector's full passes (60 ms each on the real content).
        gc.collect()
        gc.freeze()
        # A turn leaves no garbage cycles, but ~100 short-lived container objects each: with
        # the default threshold (700) a collection ran every few turns, 6.5 % of the
        # server's time under load (measured, docs/benchmarks.md). Refcounting frees them.
        gc.set_threshold(GC_YOUNG_THRESHOLD)
        counters.start()
        sweeper = asyncio.create_task(_sweep_every(recent, RECENT_SWEEP_SECONDS))
        stop_watching = _forget_deletions_of_other_processes(store, recent)
        yield
        stop_watching()
        sweeper.cancel()
        renderings.close()
        counters.close()  # the last increments, before the store goes
        store.close()

    app = FastAPI(
        title="Coach CoP — API du tchat",
        version="1.0.0",
        description="Tenir une conversation avec le coach CoP, en français standard ou en"
        " facile à lire (FALC). Les erreurs sont au format application/problem+json.",
        docs_url=None, redoc_url=None, lifespan=lifespan,
        **_without_framework_telemetry(),
    )
    app.state.settings, app.state.engine, app.state.store = settings, engine, store
    app.state.counters = counters
    app.state.recent_records = recent
    install_problem_handlers(app)
    _count_store_errors(app)
    turn_schemas = add_conversation_routes(app.router, service)
    app.include_router(build_documents_router(service, renderings))
    app.include_router(build_feedback_router(service))
    app.include_router(build_pages_router(service, settings))
    app.include_router(build_privacy_router(settings, content))
    _include_tools(app, settings, content, store, counters)
    app.include_router(build_metrics_router(settings.metrics_token))
    app.mount(STATIC_PREFIX, StaticFiles(directory=STATIC_DIR), name="coach-static")

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> JSONResponse:
        return JSONResponse({"statut": "vivant"})

    @app.get("/readyz", include_in_schema=False)
    async def readyz() -> JSONResponse:
        try:
            store.ping()
        except StoreUnavailable:
            return store_unavailable_response()
        return JSONResponse({"statut": "prêt", "contenu": content.version})

    mount_docs(app)
    _route_web_files(app, settings.max_text_chars)
    _document_flows(app, sorted(content.flows), turn_schemas)
    app.add_middleware(BodyTimeout, seconds=settings.body_timeout_seconds)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    windows, backoff = open_limits(settings, store)
    app.add_middleware(Limits, windows=windows, backoff=backoff,
                       client_address=ClientAddress(settings.trusted_proxies))
    if settings.allowed_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.allowed_origins,
                           allow_methods=["GET", "POST", "PATCH", "DELETE"],
                           allow_headers=["Content-Type", "Idempotency-Key"],
                           expose_headers=["Retry-After", "Location"], max_age=600)
    app.add_middleware(SecurityHeaders, allowed_origins=settings.allowed_origins)
    app.add_middleware(ErrorsWithoutTraceback)
    app.add_middleware(MetricsMiddleware)
    return app


def _without_framework_telemetry() -> dict[str, Any]:
    """FastAPI's own OpenTelemetry off (on the versions that have it): its spans would
    carry conversation ids (in paths) and its logs exception messages (typed text),
    /metrics already counts and times requests, and checking for a configured provider
    cost every request about 3 µs."""
    if "telemetry" not in inspect.signature(FastAPI.__init__).parameters:
        return {}
    return {"telemetry": {"tracing": False, "metrics": False, "logs": False}}


def _forget_deletions_of_other_processes(store: SessionStore,
                                         recent: RecentRecords) -> Callable[[], None]:
    """A conversation deleted through another process leaves this one's memory at once
    (not after COACH_RECENT_RECORDS_SECONDS), when the store announces deletions (Redis)."""
    watch = getattr(store, "watch_deletions", None)
    if watch is None:
        return lambda: None
    loop = asyncio.get_running_loop()
    return watch(lambda cid: loop.call_soon_threadsafe(recent.forget, cid))


async def _sweep_every(recent: RecentRecords, seconds: float) -> None:
    """Old remembered records go even when no turn comes (on the event loop's thread)."""
    while True:
        await asyncio.sleep(seconds)
        recent.sweep()


def _counter_buffer(settings: Settings, store: SessionStore, version: str) -> CounterBuffer:
    """Counters go to the conversation store, when it keeps counters and they are on."""
    sink = store if settings.stats_enabled and hasattr(store, "add_counts") else None
    return CounterBuffer(sink, version, interval=settings.stats_flush_seconds,  # type: ignore[arg-type]
                         retention_days=settings.stats_retention_days,
                         on_error=STORE_ERRORS.labels("compteurs").inc)


def _count_store_errors(app: FastAPI) -> None:
    """Every « store unavailable » answer also counts in `coach_store_errors_total`."""
    answer = app.exception_handlers[StoreUnavailable]
    STORE_ERRORS.labels("api")  # shown at 0 from the start

    async def counted(request: Request, exc: Exception) -> Response:
        STORE_ERRORS.labels("api").inc()
        answered = answer(request, exc)
        return await answered if inspect.isawaitable(answered) else answered

    app.exception_handlers[StoreUnavailable] = counted


def _include_tools(app: FastAPI, settings: Settings, content: Content, store: SessionStore,
                   counters: CounterBuffer) -> None:
    """The dashboard (/admin) and the authors' pages (/authoring), behind the admin token."""
    token = settings.admin_token
    findings = FalcFindings(content)
    app.state.falc_findings = findings
    authoring = AdminGate(token, "/authoring", "l’espace de rédaction", "coach_auteurs", store)
    app.include_router(build_authoring_router(content, authoring, findings))
    admin = AdminGate(token, "/admin", "le tableau de bord", "coach_admin", store)
    dashboard = Dashboard(content, store, counters)  # type: ignore[arg-type]
    app.include_router(build_admin_router(dashboard, admin))


def _document_flows(app: FastAPI, flow_ids: list[str], turn_schemas: dict[str, Any]) -> None:
    """The OpenAPI document lists the flows a conversation may start with (and describes
    the turn's body, which the turn reads by hand)."""
    generate = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            schema = generate()
            schema["components"]["schemas"].update(turn_schemas)  # the turn's body
            flow = schema["components"]["schemas"]["NewConversation"]["properties"]["flow"]
            flow["anyOf"] = [{"type": "string", "enum": flow_ids}, {"type": "null"}]
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _route_web_files(app: FastAPI, max_text_chars: int) -> None:
    """One GET/HEAD route per file of `web/` rather than a mount at "/": a mount would
    swallow every unknown path, and an API path called with the wrong method must still
    answer 405 with its own Allow header."""
    if not WEB_DIR.is_dir():
        return
    # Compressed once, cached by content hash (coach/api/webfiles.py); the text field's
    # limit is the setting's.
    files = WebFiles(WEB_DIR, max_text_chars)
    for path in files.files:
        app.router.routes.append(Route(path, files, methods=["GET", "HEAD"],
                                       include_in_schema=False))


def app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory` (each worker process builds its own app)."""
    return create_app()
