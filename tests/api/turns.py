"""Playing turns through the JSON API with an app of its own, as the journey tests do."""

from __future__ import annotations

import re
from html import unescape

import httpx

from coach.api.app import create_app
from coach.settings import Settings
from tests.conftest import CONTACT


def app_on_sqlite(directory) -> object:  # type: ignore[no-untyped-def]
    """An app on a SQLite file of its own, unlimited (a journey plays many turns), with the
    tests' contact."""
    return create_app(Settings(store_url=f"sqlite:///{directory}/coach.db", _env_file=None,
                               rate_limit_per_minute=0, **CONTACT))


def client_of(app) -> httpx.AsyncClient:  # type: ignore[no-untyped-def]
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


def said(step: dict) -> list[str]:
    """The coach's messages of a turn."""
    return [m["text"] for m in step["messages"] if m["role"] == "bot"]


async def turn(client, cid: str, **given: str) -> dict:  # type: ignore[no-untyped-def]
    response = await client.post(f"/api/v1/conversations/{cid}/turns", json=given)
    assert response.status_code == 200, response.text
    return response.json()


def page_text(html: str) -> str:
    """A page's words as a person reads them: tags gone, entities read, no-break spaces
    as spaces, one space between words."""
    text = unescape(re.sub(r"<[^>]+>", " ", html))
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())
