from __future__ import annotations

from collections.abc import Iterator

import pytest

from coach.store.redis import RedisStore
from coach.store.redis_cluster import RedisClusterStore
from coach.store.sqlite import SQLiteStore


@pytest.fixture(params=["sqlite", "redis", "redis-cluster"])
def make_store(request, tmp_path):
    """A factory of stores of each kind; Redis stores get a fresh database."""
    created = []
    if request.param == "redis":
        redis_server = request.getfixturevalue("redis_server")
        RedisStore(redis_server.url, 1).client.flushdb()
    elif request.param == "redis-cluster":
        cluster = request.getfixturevalue("redis_cluster")
        cluster.flush()

    def make(retention_seconds: float = 3600.0):
        if request.param == "sqlite":
            store = SQLiteStore(tmp_path / "coach.db", retention_seconds)
        elif request.param == "redis":
            store = RedisStore(redis_server.url, retention_seconds)
        else:
            store = RedisClusterStore(cluster.url, retention_seconds)
        created.append(store)
        return store

    yield make
    for store in created:
        store.close()


@pytest.fixture
def store(make_store) -> Iterator[object]:
    return make_store()
