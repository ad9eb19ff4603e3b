from __future__ import annotations

from collections.abc import Iterator

import pytest

from coach.store.redis import RedisStore
from coach.store.sqlite import SQLiteStore


@pytest.fixture(params=["sqlite", "redis"])
def make_store(request, tmp_path, redis_server):
    """A factory of stores of each kind; Redis stores get a fresh database."""
    created = []

    def make(retention_seconds: float = 3600.0):
        if request.param == "sqlite":
            store = SQLiteStore(tmp_path / "coach.db", retention_seconds)
        else:
            store = RedisStore(redis_server.url, retention_seconds)
        created.append(store)
        return store

    if request.param == "redis":
        RedisStore(redis_server.url, 1).client.flushdb()
    yield make
    for store in created:
        store.close()


@pytest.fixture
def store(make_store) -> Iterator[object]:
    return make_store()
