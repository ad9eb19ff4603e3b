"""A locked SQLite store: 503 with Retry-After and a French detail, then recovery by itself."""

from __future__ import annotations

import sqlite3

import httpx
import pytest

from coach.api.app import create_app
from coach.store.sqlite import SQLiteStore

pytestmark = pytest.mark.anyio


async def test_locked_store_gives_503_then_recovers(settings, tmp_path):
    path = tmp_path / "locked.db"
    store = SQLiteStore(path, 3600, busy_timeout_ms=50)
    app = create_app(settings, store=store)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://test") as client:
        cid = (await client.post("/api/v1/conversations", json={})).json()["id"]
        blocker = sqlite3.connect(path, isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")
        try:
            response = await client.post(f"/api/v1/conversations/{cid}/turns",
                                         json={"choice": "quiz"})
            assert response.status_code == 503
            assert response.headers["retry-after"] == "5"
            assert response.headers["content-type"] == "application/problem+json"
            assert "réessayez" in response.json()["detail"]
            assert (await client.get("/readyz")).status_code == 503
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert (await client.get("/readyz")).status_code == 200
        response = await client.post(f"/api/v1/conversations/{cid}/turns",
                                     json={"choice": "quiz"})
        assert response.status_code == 200
        conversation = (await client.get(f"/api/v1/conversations/{cid}")).json()
        assert [m["text"] for m in conversation["messages"]].count("Faire le quiz") == 1
