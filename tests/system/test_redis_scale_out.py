"""Two real `coach serve` processes share one redis-server; the store dies and comes back."""

from __future__ import annotations

import os
import time

import httpx
import pytest

from tests.conftest import FIXTURE_DIALOGUES, RedisServer, free_port
from tests.system.test_serve_restart import serve, stop


@pytest.fixture
def persistent_redis(tmp_path):
    server = RedisServer(tmp_path, persistent=True)
    server.start()
    yield server
    server.stop()


def env_for(redis: RedisServer) -> dict[str, str]:
    return {**os.environ, "COACH_STORE_URL": redis.url,
            "COACH_DIALOGUES_DIR": str(FIXTURE_DIALOGUES)}


def test_two_processes_serve_the_same_conversation_alternately(persistent_redis):
    ports = [free_port(), free_port()]
    processes = [serve(port, env_for(persistent_redis)) for port in ports]
    try:
        clients = [httpx.Client(base_url=f"http://127.0.0.1:{p}", timeout=10) for p in ports]
        cid = clients[0].post("/api/v1/conversations", json={}).json()["id"]
        turns = ["quiz", "vrai", "bonus", "rejouer", "quiz", "faux"]
        for index, choice in enumerate(turns):
            response = clients[index % 2].post(f"/api/v1/conversations/{cid}/turns",
                                               json={"choice": choice})
            assert response.status_code == 200, response.text
        transcript = clients[1].get(f"/api/v1/conversations/{cid}").json()
        chosen = [m["ref"].removeprefix("choix/") for m in transcript["messages"]
                  if m["role"] == "user"]
        assert chosen == turns
        assert transcript == clients[0].get(f"/api/v1/conversations/{cid}").json()
        for client in clients:
            client.close()
    finally:
        for process in processes:
            stop(process)


def test_store_down_gives_503_then_the_service_recovers_by_itself(persistent_redis):
    port = free_port()
    process = serve(port, env_for(persistent_redis))
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            cid = client.post("/api/v1/conversations", json={}).json()["id"]
            assert client.post(f"/api/v1/conversations/{cid}/turns",
                               json={"choice": "quiz"}).status_code == 200
            persistent_redis.stop()
            response = client.post(f"/api/v1/conversations/{cid}/turns",
                                   json={"choice": "vrai"})
            assert response.status_code == 503
            assert response.headers["retry-after"]
            assert response.headers["content-type"] == "application/problem+json"
            assert "réessayez" in response.json()["detail"]
            assert client.get("/readyz").status_code == 503
            assert client.get("/healthz").status_code == 200
            assert client.post("/api/v1/conversations", json={}).status_code == 503
            persistent_redis.start()
            deadline = time.monotonic() + 15
            while client.get("/readyz").status_code != 200:
                assert time.monotonic() < deadline, "the service did not recover"
                time.sleep(0.2)
            response = client.post(f"/api/v1/conversations/{cid}/turns",
                                   json={"choice": "vrai"})
            assert response.status_code == 200
            transcript = client.get(f"/api/v1/conversations/{cid}").json()
            chosen = [m["ref"] for m in transcript["messages"] if m["role"] == "user"]
            assert chosen == ["choix/quiz", "choix/vrai"]  # nothing lost, nothing doubled
    finally:
        stop(process)
