"""Server-rendered HTML pages: the no-JavaScript path (placeholder until the web client)."""

from __future__ import annotations

from fastapi import APIRouter

from coach.engine.engine import Engine
from coach.settings import Settings
from coach.store.base import SessionStore


def build_pages_router(engine: Engine, store: SessionStore, settings: Settings) -> APIRouter:
    return APIRouter(include_in_schema=False)
