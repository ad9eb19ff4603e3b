"""Two real `coach serve` processes on one Redis (standalone, then cluster): the allowance
per address is shared, not doubled (measured), and so is the back-off of wrong tokens; a
client cannot change its address with X-Forwarded-For (no trusted proxy by default)."""

from __future__ import annotations

import os

import httpx
import pytest
import redis

from tests.conftest import FIXTURE_DIALOGUES, free_port
from tests.system.test_serve_restart import serve, stop

LIMIT = 20
TOKEN = "jeton-d-administration-de-test-7c1e"


@pytest.fixture(params=["redis", "redis-cluster"])
def store_url(request):
    if request.param == "redis":
        server = request.getfixturevalue("redis_server")
        redis.Redis.from_url(server.url).flushdb()
        return server.url
    cluster = request.getfixturevalue("redis_cluster")
    cluster.flush()
    return cluster.url


@pytest.fixture
def two_processes(store_url):
    env = {**os.environ, "COACH_STORE_URL": store_url,
           "COACH_DIALOGUES_DIR": str(FIXTURE_DIALOGUES),
           "COACH_RATE_LIMIT_PER_MINUTE": str(LIMIT), "COACH_ADMIN_TOKEN": TOKEN}
    env.pop("COACH_TRUSTED_PROXIES", None)
    env.pop("FORWARDED_ALLOW_IPS", None)
    ports = [free_port(), free_port()]
    processes = [serve(port, env) for port in ports]
    clients = [httpx.Client(base_url=f"http://127.0.0.1:{p}", timeout=10) for p in ports]
    yield clients
    for client in clients:
        client.close()
    for process in processes:
        stop(process)


def test_two_processes_share_the_allowance_and_the_backoff(two_processes):
    # Wrong Bearer tokens, alternately on both processes: one back-off for the address
    # (reads with credentials are watched, but do not count against the minute's allowance).
    statuses, waits = [], []
    for n in range(12):
        response = two_processes[n % 2].get("/admin",
                                            headers={"Authorization": f"Bearer faux-{n}"})
        statuses.append(response.status_code)
        if response.status_code == 429:
            waits.append(int(response.headers["retry-after"]))
    assert statuses[:6] == [401] * 6 and set(statuses[6:]) == {429}
    assert waits == [2, 4, 8, 16, 32, 64]

    statuses = []
    for n in range(3 * LIMIT):
        client = two_processes[n % 2]
        # Each request claims another address: ignored, the connection's address counts.
        response = client.post("/api/v1/conversations", json={},
                               headers={"X-Forwarded-For": f"192.0.2.{n % 250}"})
        statuses.append(response.status_code)
    allowed = statuses.count(201)
    print(f"allowed {allowed} of {len(statuses)} over two processes, limit {LIMIT}/min")
    # Alone, each process would have allowed LIMIT: 2 × LIMIT together. A minute boundary
    # during the run shifts the sliding estimate by at most one request.
    assert LIMIT - 2 <= allowed <= LIMIT + 1, statuses
    assert set(statuses) == {201, 429}
    assert statuses[-1] == 429
