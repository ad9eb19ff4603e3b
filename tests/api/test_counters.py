"""Anonymous counters through the API, on SQLite and on a real Redis: they move as
conversations go, and nothing a person typed ever reaches a counter, a log line or /metrics."""

from __future__ import annotations

import logging
from pathlib import Path

import httpx
import pytest

from coach.analytics import events as ev
from coach.analytics.buffer import day_of
from coach.analytics.report import figures
from coach.api.app import create_app
from coach.store.redis import RedisStore

pytestmark = pytest.mark.anyio
MARKER = "ZQX-7781-Théo-marqueur"


@pytest.fixture(params=["sqlite", "redis"])
def app(request, settings):
    settings.stats_flush_seconds = 3600  # the tests flush by hand
    settings.rate_limit_per_minute = 0
    if request.param == "redis":
        server = request.getfixturevalue("redis_server")
        RedisStore(server.url, 1).client.flushdb()
        settings.store_url = server.url
    built = create_app(settings)
    yield built
    built.state.counters.close()
    built.state.store.close()


@pytest.fixture
async def client(app):
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://test") as http:
        yield http


def counted(app) -> dict[tuple[str, str, str, str], int]:
    app.state.counters.flush()
    today = day_of(__import__("time").time())
    rows = app.state.store.read_counts(today, today)
    return {(name, flow, node, detail): n for (_v, _d, name, flow, node, detail), n in rows}


async def turn(client, cid, **body):
    response = await client.post(f"/api/v1/conversations/{cid}/turns", json=body)
    assert response.status_code == 200, response.text
    return response.json()


async def test_counters_move_as_a_conversation_goes(app, client):
    step = (await client.post("/api/v1/conversations", json={})).json()
    cid = step["id"]
    found = counted(app)
    assert found[(ev.STARTED, "demo", "menu", "standard")] == 1
    assert found[(ev.VISIT, "demo", "menu", "")] == 1

    step = await turn(client, cid, choice="quiz")
    advice = [m for m in step["messages"] if m["feedback"]]
    assert [m["ref"] for m in advice] == ["demo/question/0"]  # Léo speaks
    await client.patch(f"/api/v1/conversations/{cid}", json={"falc": True})
    await turn(client, cid, choice="vrai")
    await turn(client, cid, choice="terminer")
    response = await client.post(f"/api/v1/conversations/{cid}/avis",
                                 json={"message": advice[0]["id"], "utile": True})
    assert response.status_code == 204
    await client.post(f"/api/v1/conversations/{cid}/avis",
                      json={"message": advice[0]["id"], "utile": True})  # counted once
    await client.get(f"/api/v1/conversations/{cid}/document?format=docx")

    found = counted(app)
    assert found[(ev.TURN, "demo", "", "standard")] == 1
    assert found[(ev.TURN, "demo", "", "falc")] == 2
    assert found[(ev.CHOICE, "demo", "menu", "quiz")] == 1
    assert found[(ev.EXIT, "demo", "menu", "")] == 1
    assert found[(ev.SCORE, "demo", "resultat", "score=1")] == 1
    assert found[(ev.FINISHED, "demo", "fin", "")] == 1
    assert found[(ev.FEEDBACK, "demo", "demo/question/0", "oui")] == 1
    assert found[(ev.DOCUMENT, "demo", "", "docx-falc")] == 1

    today = day_of(__import__("time").time())
    shown = figures(app.state.store.read_counts(today, today), app.state.engine.content,
                    today, today)
    assert (shown.started, shown.finished, shown.turns) == (1, 1, 3)
    assert round(shown.falc_share, 2) == 0.67
    assert next(n for n in shown.nodes if n.node == "menu").dropoffs == 0


async def test_the_app_lifespan_writes_the_last_counters(app, client):
    async with app.router.lifespan_context(app):
        assert app.state.counters._thread is not None  # the background writer runs
        cid = (await client.post("/api/v1/conversations", json={})).json()["id"]
        await turn(client, cid, choice="quiz")
        assert app.state.counters.pending() > 0
    assert app.state.counters.pending() == 0
    today = day_of(__import__("time").time())
    names = {key[2] for key, _n in app.state.store.read_counts(today, today)}
    assert {ev.STARTED, ev.TURN, ev.VISIT} <= names


async def test_a_conversation_that_stops_is_a_drop_off(app, client):
    cid = (await client.post("/api/v1/conversations", json={})).json()["id"]
    await turn(client, cid, choice="quiz")
    today = day_of(__import__("time").time())
    app.state.counters.flush()
    shown = figures(app.state.store.read_counts(today, today), app.state.engine.content,
                    today, today)
    nodes = {n.node: n for n in shown.nodes}
    assert nodes["question"].dropoffs == 1 and nodes["menu"].dropoffs == 0


async def test_typed_text_never_reaches_counters_logs_or_metrics(app, client, caplog):
    caplog.set_level(logging.DEBUG)
    cid = (await client.post("/api/v1/conversations", json={})).json()["id"]
    for _ in range(4):  # every level of the no-match escalation
        await turn(client, cid, text=f"Mon fils {MARKER} a 7 ans")
    await turn(client, cid, text=f"quiz {MARKER}")
    refused = await client.post(f"/api/v1/conversations/{cid}/turns",
                                json={"choice": MARKER})
    assert refused.status_code == 422
    assert (await client.post(f"/api/v1/conversations/{cid}/avis",
                              json={"message": MARKER, "utile": True})).status_code == 422
    app.state.counters.flush()

    rows = app.state.store.read_counts("2000-01-01", "2100-01-01")
    assert rows and not any(MARKER in part for key, _n in rows for part in key)
    assert MARKER not in caplog.text
    assert MARKER not in (await client.get("/metrics")).text

    store = app.state.store
    if isinstance(store, RedisStore):
        for key in store.client.keys("coach:stats:*"):
            assert MARKER.encode() not in key
            kind = store.client.type(key)
            values = (store.client.hgetall(key).items() if kind == b"hash"
                      else [(v, b"") for v in store.client.smembers(key)])
            assert not any(MARKER.encode() in a + b for a, b in values)
    else:
        table = store._connection().execute("SELECT * FROM counters").fetchall()
        assert table and MARKER not in repr(table)

    assert (await client.delete(f"/api/v1/conversations/{cid}")).status_code == 204
    if isinstance(store, RedisStore):
        for key in store.client.keys("*"):
            assert MARKER.encode() not in key
            assert store.client.type(key) in (b"hash", b"set")
            raw = (b"".join(a + b for a, b in store.client.hgetall(key).items())
                   if store.client.type(key) == b"hash"
                   else b"".join(store.client.smembers(key)))
            assert MARKER.encode() not in raw
    else:
        store._connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        path = Path(store.path)
        for file in (path, path.with_name(path.name + "-wal")):
            if file.exists():
                assert MARKER.encode() not in file.read_bytes(), file
