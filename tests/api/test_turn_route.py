"""The turn's route is served without FastAPI's generic request handling (coach/api/
conversations.py `_serve_route_with`): what a client and an operator see must not change."""

from __future__ import annotations

import orjson
import pytest

pytestmark = pytest.mark.anyio

TURNS = "/api/v1/conversations/{}/turns"
ROUTE = "/api/v1/conversations/{conversation_id}/turns"


async def start(client) -> str:
    return (await client.post("/api/v1/conversations", json={})).json()["id"]


async def test_a_turn_answers_json_with_its_length_and_every_header(client):
    cid = await start(client)
    response = await client.post(TURNS.format(cid), json={"choice": "quiz"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert int(response.headers["content-length"]) == len(response.content)
    assert response.headers["cache-control"] == "no-store"
    assert "frame-ancestors 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "idempotent-replayed" not in response.headers
    assert response.json()["node"] == "question"


async def test_a_replay_says_so_and_answers_the_same_step(client):
    cid = await start(client)
    headers = {"Idempotency-Key": "cle-1"}
    first = await client.post(TURNS.format(cid), json={"choice": "quiz"}, headers=headers)
    again = await client.post(TURNS.format(cid), json={"choice": "quiz"}, headers=headers)
    assert again.status_code == 200 and again.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert again.json()["messages"] == first.json()["messages"]


async def test_a_body_in_several_pieces_is_read_whole(client):
    cid = await start(client)
    raw = orjson.dumps({"choice": "quiz"})

    async def pieces():
        for index in range(0, len(raw), 3):
            yield raw[index:index + 3]

    response = await client.post(TURNS.format(cid), content=pieces(),
                                 headers={"Content-Type": "application/json"})
    assert response.status_code == 200, response.text
    assert response.json()["node"] == "question"


async def test_other_methods_get_405_with_allow(client):
    cid = await start(client)
    response = await client.get(TURNS.format(cid))
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert response.headers["content-type"] == "application/problem+json"


async def test_errors_are_the_same_problems(client):
    cid = await start(client)
    unknown = await client.post(TURNS.format("x" * 22), json={"choice": "quiz"})
    assert unknown.status_code == 404 and unknown.json()["code"] == "conversation-inconnue"
    invalid = await client.post(TURNS.format(cid), json={"choice": "quiz", "autre": 1})
    assert invalid.status_code == 422 and invalid.json()["code"] == "requete-invalide"
    not_json = await client.post(TURNS.format(cid), content=b'{"choice": "quiz"}',
                                 headers={"Content-Type": "text/plain"})
    assert not_json.status_code == 422
    offered = await client.post(TURNS.format(cid), json={"choice": "nulle-part"})
    assert offered.status_code == 422 and offered.json()["code"] == "choix-inconnu"


async def test_metrics_label_turns_by_their_route_template(client):
    cid = await start(client)
    for _ in range(2):
        await client.post(TURNS.format(cid), json={"choice": "menu"})
    text = (await client.get("/metrics")).text
    line = next(row for row in text.splitlines()
                if row.startswith("coach_http_requests_total{") and f'route="{ROUTE}"' in row
                and 'status="200"' in row)
    assert float(line.rsplit(" ", 1)[1]) >= 2
    assert cid not in text
