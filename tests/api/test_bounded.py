"""A conversation stops growing at its bounds (turns, stored bytes): the coach says so in
the conversation's language and the old one stays readable; a long conversation is read by
pages."""

from __future__ import annotations

import httpx
import pytest

from coach.api.app import create_app

pytestmark = pytest.mark.anyio


@pytest.fixture
def app(settings):
    settings.max_turns = 10
    settings.max_conversation_kb = 16
    return create_app(settings)



async def play(client, cid: str, text: str) -> httpx.Response:
    return await client.post(f"/api/v1/conversations/{cid}/turns", json={"text": text})


async def test_past_the_turn_limit_the_coach_says_so_and_nothing_is_added(client):
    cid = (await client.post("/api/v1/conversations", json={})).json()["id"]
    for turn in range(10):
        assert (await play(client, cid, f"menu {turn}")).status_code == 200
    before = (await client.get(f"/api/v1/conversations/{cid}?limit=1000")).json()
    full = await play(client, cid, "encore un message")
    assert full.status_code == 409
    problem = full.json()
    assert problem["code"] == "conversation-complete"
    assert "nouvelle conversation" in problem["detail"]
    assert "10 échanges" in problem["detail"]
    after = (await client.get(f"/api/v1/conversations/{cid}?limit=1000")).json()
    assert after["messages"] == before["messages"]  # still readable, unchanged
    document = await client.get(f"/api/v1/conversations/{cid}/document?format=html")
    assert document.status_code == 200  # and its draft still downloadable
    # In easy-to-read, the same answer in FALC.
    assert (await client.patch(f"/api/v1/conversations/{cid}",
                               json={"falc": True})).status_code == 200
    falc = (await play(client, cid, "et maintenant")).json()
    assert falc["code"] == "conversation-complete"
    assert "très longue" in falc["detail"] and "échanges" not in falc["detail"]


async def test_past_the_stored_size_the_coach_says_so(settings):
    settings.max_turns = 1000
    settings.max_conversation_kb = 16
    app = create_app(settings)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://test") as client:
        cid = (await client.post("/api/v1/conversations", json={})).json()["id"]
        answers = []
        for turn in range(60):
            # Varied text, so that the record's compression cannot hide its size.
            words = " ".join(f"mot{turn}x{i}q{(i * 7919 + turn) % 1000}" for i in range(120))
            answers.append((await play(client, cid, words[:1000])).status_code)
            if answers[-1] != 200:
                break
        assert answers[-1] == 409 and 5 < len(answers) < 60
        assert (await play(client, cid, "court")).json()["code"] == "conversation-complete"


async def test_a_long_conversation_is_read_by_pages(client):
    cid = (await client.post("/api/v1/conversations", json={})).json()["id"]
    for turn in range(8):
        await play(client, cid, f"menu {turn}")
    whole = (await client.get(f"/api/v1/conversations/{cid}?limit=1000")).json()
    total = whole["transcript"]["total"]
    assert whole["transcript"] == {"offset": 0, "limit": 1000, "total": total}
    last = (await client.get(f"/api/v1/conversations/{cid}?limit=5")).json()
    assert last["transcript"] == {"offset": total - 5, "limit": 5, "total": total}
    first = (await client.get(f"/api/v1/conversations/{cid}?offset=0&limit=5")).json()
    ids = [m["id"] for m in first["messages"]] + [m["id"] for m in last["messages"]]
    assert ids[0] == "m0" and ids[-1] == whole["messages"][-1]["id"]
    assert set(ids) <= {m["id"] for m in whole["messages"]}
    refused = await client.get(f"/api/v1/conversations/{cid}?limit=5000")
    assert refused.status_code == 422


async def test_the_default_page_is_the_last_200_positions(settings):
    settings.max_turns = 1000
    app = create_app(settings)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://test") as client:
        cid = (await client.post("/api/v1/conversations", json={})).json()["id"]
        for turn in range(130):
            await play(client, cid, f"menu {turn}")
        read = (await client.get(f"/api/v1/conversations/{cid}")).json()
        assert read["transcript"]["limit"] == 200
        assert read["transcript"]["total"] > 200
        assert read["transcript"]["offset"] == read["transcript"]["total"] - 200
