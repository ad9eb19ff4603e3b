"""Races, idempotency, content changes and rate limits, on SQLite and on a real redis-server."""

from __future__ import annotations

import asyncio
import shutil

import httpx
import pytest

from coach.api.app import create_app
from coach.content.loader import load_content
from coach.engine.engine import ChoiceInput, Engine
from coach.engine.record import Record
from coach.store.redis import RedisStore
from coach.store.sqlite import SQLiteStore
from tests.conftest import CONTACT, FIXTURE_DIALOGUES

pytestmark = pytest.mark.anyio


@pytest.fixture(params=["sqlite", "redis"])
def real_store(request, tmp_path, redis_server):
    if request.param == "sqlite":
        store = SQLiteStore(tmp_path / "coach.db", 3600)
    else:
        store = RedisStore(redis_server.url, 3600)
        store.client.flushdb()
    yield store
    store.close()


class RacingStore:
    """Delegates to a real store; before some saves, another turn really saves first."""

    def __init__(self, inner, engine: Engine, races: int) -> None:
        self.inner, self.engine, self.races = inner, engine, races
        self.retention_seconds = inner.retention_seconds

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def race(self, conversation_id):
        if self.races > 0:
            self.races -= 1
            stored, version = self.inner.load(conversation_id)
            record = Record.from_bytes(stored)
            competing = self.engine.play(record, ChoiceInput("aide"))
            self.inner.save(conversation_id, competing.record.to_bytes(), version)

    def save(self, conversation_id, data, expected_version):
        self.race(conversation_id)
        return self.inner.save(conversation_id, data, expected_version)

    def save_many(self, saves):
        for conversation_id, _data, _version in saves:
            self.race(conversation_id)
        return self.inner.save_many(saves)


class GroupWatchingStore:
    """Delegates to a real store, noting how many saves each `save_many` wrote."""

    def __init__(self, inner) -> None:
        self.inner, self.groups = inner, []
        self.retention_seconds = inner.retention_seconds

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def save_many(self, saves):
        self.groups.append(len(saves))
        return self.inner.save_many(saves)


def client_for(app):
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


async def test_a_raced_turn_is_replayed_not_lost(settings, real_store):
    engine = Engine(load_content(FIXTURE_DIALOGUES), CONTACT)
    store = RacingStore(real_store, engine, races=1)
    async with client_for(create_app(settings, store=store)) as client:
        cid = (await client.post("/api/v1/conversations", json={})).json()["id"]
        response = await client.post(f"/api/v1/conversations/{cid}/turns", json={"choice": "quiz"})
        assert response.status_code == 200
        refs = [m["ref"] for m in (await client.get(f"/api/v1/conversations/{cid}")).json()[
            "messages"]]
    assert "commande/aide" in refs and "choix/quiz" in refs  # both turns kept, in order
    assert refs.index("commande/aide") < refs.index("choix/quiz")


async def test_a_turn_that_keeps_losing_the_race_gets_409(settings, real_store):
    engine = Engine(load_content(FIXTURE_DIALOGUES), CONTACT)
    store = RacingStore(real_store, engine, races=10)
    async with client_for(create_app(settings, store=store)) as client:
        cid = (await client.post("/api/v1/conversations", json={})).json()["id"]
        response = await client.post(f"/api/v1/conversations/{cid}/turns", json={"choice": "quiz"})
        assert response.status_code == 409
        assert response.headers["content-type"] == "application/problem+json"
        assert "Rechargez" in response.json()["detail"]
        store.races = 0
        refs = [m["ref"] for m in (await client.get(f"/api/v1/conversations/{cid}")).json()[
            "messages"]]
    assert "choix/quiz" not in refs  # never half-applied


async def test_idempotency_on_both_stores(settings, real_store):
    async with client_for(create_app(settings, store=real_store)) as client:
        cid = (await client.post("/api/v1/conversations", json={})).json()["id"]
        for _ in range(3):
            response = await client.post(f"/api/v1/conversations/{cid}/turns",
                                         json={"choice": "quiz"},
                                         headers={"Idempotency-Key": "abc"})
            assert response.status_code == 200
        conversation = (await client.get(f"/api/v1/conversations/{cid}")).json()
    assert [m["ref"] for m in conversation["messages"]].count("choix/quiz") == 1


async def test_content_change_on_both_stores(settings, real_store, tmp_path):
    async with client_for(create_app(settings, store=real_store)) as client:
        cid = (await client.post("/api/v1/conversations", json={})).json()["id"]
        await client.post(f"/api/v1/conversations/{cid}/turns", json={"choice": "quiz"})
    directory = tmp_path / "nouveau"
    shutil.copytree(FIXTURE_DIALOGUES, directory)
    flow = directory / "demo.yaml"
    flow.write_text(flow.read_text().replace("id: question", "id: question-2")
                    .replace("target: question", "target: question-2"))
    changed = settings.model_copy(update={"dialogues_dir": directory})
    async with client_for(create_app(changed, store=real_store)) as client:
        response = await client.post(f"/api/v1/conversations/{cid}/turns",
                                     json={"choice": "vrai"})
        assert response.status_code == 200
        step = response.json()
        assert step["messages"][0]["ref"] == "coach/contenu-change"
        assert step["node"] == "menu"
        whole = (await client.get(f"/api/v1/conversations/{cid}")).json()
        assert whole["content_version"] == step["content_version"]


async def test_rate_limit_per_address(settings):
    limited = settings.model_copy(update={"rate_limit_per_minute": 3})
    async with client_for(create_app(limited)) as client:
        statuses = [(await client.post("/api/v1/conversations", json={})).status_code
                    for _ in range(4)]
        assert statuses == [201, 201, 201, 429]
        response = await client.get("/api/v1/flows")
        assert response.status_code == 429
        assert int(response.headers["retry-after"]) >= 1
        assert "Attendez" in response.json()["detail"]
        assert (await client.get("/healthz")).status_code == 200  # only the API is limited


async def test_two_processes_sharing_a_store_never_trust_a_stale_memory(settings, real_store):
    """Each app remembers the records it wrote; the other app's turns make that memory
    stale, and the compare-and-set (or a refusal on the old record) sends it to the store."""
    async with client_for(create_app(settings, store=real_store)) as first, \
            client_for(create_app(settings, store=real_store)) as second:
        cid = (await first.post("/api/v1/conversations", json={})).json()["id"]
        turns = f"/api/v1/conversations/{cid}/turns"
        assert (await second.post(turns, json={"choice": "quiz"})).json()["node"] == "question"
        # `first` remembers the menu, where « vrai » is not offered: it must not answer 422
        response = await first.post(turns, json={"choice": "vrai"})
        assert response.status_code == 200, response.text
        assert response.json()["node"] == "bravo"
        # `second` remembers the question: its save conflicts, and the turn is replayed
        response = await second.post(turns, json={"choice": "aide"})
        assert response.status_code == 200
        kinds = [m["ref"] for m in (await first.get(f"/api/v1/conversations/{cid}")).json()[
            "messages"] if m["role"] == "user"]
        assert kinds == ["choix/quiz", "choix/vrai", "commande/aide"]  # none lost or doubled


async def test_a_conversation_deleted_elsewhere_is_gone_here_too(settings, real_store):
    async with client_for(create_app(settings, store=real_store)) as first, \
            client_for(create_app(settings, store=real_store)) as second:
        cid = (await first.post("/api/v1/conversations", json={})).json()["id"]
        turns = f"/api/v1/conversations/{cid}/turns"
        key = {"Idempotency-Key": "cle-1"}
        assert (await first.post(turns, json={"choice": "quiz"}, headers=key)).status_code == 200
        assert (await second.delete(f"/api/v1/conversations/{cid}")).status_code == 204
        for response in (await first.post(turns, json={"choice": "quiz"}, headers=key),
                         await first.post(turns, json={"choice": "vrai"}),
                         await first.patch(f"/api/v1/conversations/{cid}", json={"falc": True})):
            assert response.status_code == 404, response.text


async def test_concurrent_turns_are_each_saved_once(settings, real_store):
    """Turns reaching their save in the same event-loop round are written together; on
    one conversation, the compare-and-set still lets no turn be lost or doubled."""
    store = GroupWatchingStore(real_store)
    async with client_for(create_app(settings, store=store)) as client:
        cids = [(await client.post("/api/v1/conversations", json={})).json()["id"]
                for _ in range(10)]
        answers = await asyncio.gather(*(
            client.post(f"/api/v1/conversations/{cid}/turns", json={"choice": "quiz"})
            for cid in cids))
        assert [a.json()["node"] for a in answers] == ["question"] * 10
        assert sum(store.groups) == 10 and max(store.groups) > 1  # written together
        same = cids[0]
        answers = await asyncio.gather(*(
            client.post(f"/api/v1/conversations/{same}/turns", json={"choice": "aide"})
            for _ in range(6)))
        played = sum(a.status_code == 200 for a in answers)
        assert played >= 1 and all(a.status_code in (200, 409) for a in answers)
        conversation = (await client.get(f"/api/v1/conversations/{same}")).json()
        helps = [m for m in conversation["messages"] if m.get("ref") == "commande/aide"]
        assert len(helps) == played
