"""Limits kept in Redis (a real redis-server, and a real three-master cluster): two
instances, as two processes, share one allowance and one back-off per address."""

from __future__ import annotations

import pytest

from coach.limits.redis import RedisBackoff, RedisWindows
from coach.store.redis import RedisStore
from coach.store.redis_cluster import RedisClusterStore

START = 1_800_000_000.0


@pytest.fixture(params=["redis", "redis-cluster"])
def clients(request):
    """Two Redis clients of two stores, as two coach processes would have."""
    if request.param == "redis":
        url = request.getfixturevalue("redis_server").url
        stores = [RedisStore(url, 3600) for _ in range(2)]
        stores[0].client.flushdb()
    else:
        cluster = request.getfixturevalue("redis_cluster")
        cluster.flush()
        stores = [RedisClusterStore(cluster.url, 3600) for _ in range(2)]
    yield [store.client for store in stores]
    for store in stores:
        store.close()


def test_two_processes_share_one_allowance(clients):
    first, second = (RedisWindows(client, limit=10) for client in clients)
    allowed = sum((first if n % 2 else second).hit("192.0.2.1", START + 5) == 0
                  for n in range(40))
    assert allowed == 10
    assert first.hit("192.0.2.1", START + 6) > 0 and second.hit("192.0.2.1", START + 6) > 0
    assert first.hit("192.0.2.2", START + 6) == 0  # per address
    # Half-way through the next minute, half of the previous one has slid out.
    assert sum(second.hit("192.0.2.1", START + 90) == 0 for _ in range(10)) == 5
    ttl = clients[0].ttl("coach:limite:{192.0.2.1}:" + str(int(START // 60)))
    assert 0 < ttl <= 121  # windows expire by themselves


def test_two_processes_share_one_backoff(clients):
    first, second = (RedisBackoff(client, max_seconds=900) for client in clients)
    for n in range(6):
        assert (first if n % 2 else second).failed("2001:db8::1", START) == \
            (0 if n < 5 else 1)
    assert second.check("2001:db8::1", START)[0] == 2
    assert first.check("2001:db8::1", START)[0] == 4  # each try while blocked doubles it
    assert first.check("2001:db8::1", START + 5) == (0, 8)
    second.succeeded("2001:db8::1")
    assert first.check("2001:db8::1", START + 5) == (0, 0)


def test_when_redis_does_not_answer_each_process_limits_alone(redis_server, tmp_path):
    from tests.conftest import RedisServer

    server = RedisServer(tmp_path)
    server.start()
    store = RedisStore(server.url, 3600)
    windows = RedisWindows(store.client, limit=3)
    backoff = RedisBackoff(store.client, max_seconds=900)
    server.stop()
    assert [windows.hit("a", START) == 0 for _ in range(4)] == [True] * 3 + [False]
    assert [backoff.failed("a", START) for _ in range(6)] == [0] * 5 + [1]
    store.close()
