"""« Supprimer ma conversation » on one process makes every other process drop the copy it
remembered (coach/store/recent.py), at once: two apps on one real redis-server, each with
its lifespan running as under `coach serve`."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from coach.api.app import create_app

pytestmark = pytest.mark.anyio


async def test_a_deletion_on_one_process_empties_the_memory_of_the_others(settings,
                                                                          redis_server):
    settings.store_url = redis_server.url
    first, second = create_app(settings), create_app(settings)
    async with first.router.lifespan_context(first), \
            second.router.lifespan_context(second), \
            httpx.AsyncClient(transport=httpx.ASGITransport(app=first),
                              base_url="http://test") as one, \
            httpx.AsyncClient(transport=httpx.ASGITransport(app=second),
                              base_url="http://test") as other:
        cid = (await one.post("/api/v1/conversations", json={})).json()["id"]
        played = await one.post(f"/api/v1/conversations/{cid}/turns",
                                json={"text": "un message personnel"})
        assert played.status_code == 200
        remembered = first.state.recent_records
        assert remembered.get(cid) is not None, "the first process remembers what it wrote"
        assert (await other.delete(f"/api/v1/conversations/{cid}")).status_code == 204
        deadline = time.monotonic() + 5
        while remembered.get(cid) is not None and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert remembered.get(cid) is None
        gone = await one.post(f"/api/v1/conversations/{cid}/turns", json={"text": "encore"})
        assert gone.status_code == 404
