"""Two real `coach serve` processes on a real Redis Cluster (three masters, no replicas):
conversations played alternately through both; one master is killed (its conversations get
503 + Retry-After, the others go on), then started again: no turn lost, none doubled."""

from __future__ import annotations

import os
import time

import httpx
import pytest
import redis
from redis.crc import key_slot

from bench.redis_servers import RedisClusterServers
from coach.store.redis import conversation_key
from tests.conftest import FIXTURE_DIALOGUES, free_port
from tests.system.test_serve_restart import serve, stop

CHOICES = ["quiz", "vrai", "bonus", "rejouer", "quiz", "faux"]


@pytest.fixture
def cluster(tmp_path):
    servers = RedisClusterServers(tmp_path)
    try:
        servers.start()
        yield servers
    finally:
        servers.stop()


def master_of(cluster: RedisClusterServers, conversation_id: str) -> int:
    """The port of the master that holds this conversation's slot."""
    slot = key_slot(conversation_key(conversation_id).encode())
    node = redis.Redis(port=cluster.ports[0])
    try:
        for start, end, master, *_replicas in node.execute_command("CLUSTER SLOTS"):
            if start <= slot <= end:
                return int(master[1])
    finally:
        node.close()
    raise AssertionError(f"slot {slot} sans maître")


def turn(client: httpx.Client, cid: str, choice: str, key: str) -> httpx.Response:
    return client.post(f"/api/v1/conversations/{cid}/turns", json={"choice": choice},
                       headers={"Idempotency-Key": key})


def chosen(client: httpx.Client, cid: str) -> list[str]:
    transcript = client.get(f"/api/v1/conversations/{cid}").json()
    return [m["ref"].removeprefix("choix/") for m in transcript["messages"]
            if m["role"] == "user"]


def test_two_processes_on_a_cluster_lose_nothing_when_a_master_dies(cluster):
    env = {**os.environ, "COACH_STORE_URL": cluster.url,
           "COACH_DIALOGUES_DIR": str(FIXTURE_DIALOGUES), "COACH_STATS_FLUSH_SECONDS": "0.2"}
    ports = [free_port(), free_port()]
    processes = [serve(port, env) for port in ports]
    clients = [httpx.Client(base_url=f"http://127.0.0.1:{p}", timeout=10) for p in ports]
    try:
        ids = [clients[i % 2].post("/api/v1/conversations", json={}).json()["id"]
               for i in range(24)]
        masters = {cid: master_of(cluster, cid) for cid in ids}
        assert len(set(masters.values())) == 3  # every master holds some of them
        played: dict[str, list[str]] = {cid: [] for cid in ids}
        for step in range(3):  # alternate processes at each turn
            for index, cid in enumerate(ids):
                response = turn(clients[(index + step) % 2], cid, CHOICES[step], f"{cid}-{step}")
                assert response.status_code == 200, response.text
                played[cid].append(CHOICES[step])

        victim = masters[ids[0]]
        cluster.kill(victim)
        step = 3
        refused = []
        for index, cid in enumerate(ids):
            response = turn(clients[index % 2], cid, CHOICES[step], f"{cid}-{step}")
            if masters[cid] == victim:
                assert response.status_code == 503, response.text
                assert int(response.headers["retry-after"]) >= 1
                assert response.headers["content-type"] == "application/problem+json"
                refused.append(cid)
            else:
                assert response.status_code == 200, response.text
                played[cid].append(CHOICES[step])
        assert refused
        for client in clients:  # the processes themselves are fine
            assert client.get("/healthz").status_code == 200
        created = [clients[0].post("/api/v1/conversations", json={}) for _ in range(12)]
        assert {r.status_code for r in created} <= {201, 503}
        assert any(r.status_code == 201 for r in created)  # the other masters take new ones

        cluster.restart(victim)
        deadline = time.monotonic() + 20
        for index, cid in enumerate(refused):  # the same turn again, as a client retries
            while True:
                response = turn(clients[(index + 1) % 2], cid, CHOICES[step], f"{cid}-{step}")
                if response.status_code == 200:
                    break
                assert response.status_code == 503, response.text
                assert time.monotonic() < deadline, "le maître revenu ne répond pas"
                time.sleep(0.2)
            played[cid].append(CHOICES[step])
        for index, cid in enumerate(ids):  # one more turn for every conversation
            response = turn(clients[index % 2], cid, CHOICES[4], f"{cid}-4")
            assert response.status_code == 200, response.text
            played[cid].append(CHOICES[4])
        for index, cid in enumerate(ids):  # nothing lost, nothing doubled, same on both
            assert chosen(clients[index % 2], cid) == played[cid]
            assert chosen(clients[(index + 1) % 2], cid) == played[cid]
    finally:
        for client in clients:
            client.close()
        for process in processes:
            stop(process)
