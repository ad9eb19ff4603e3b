"""Every backend registered in coach/store/factory.py, built from its URL, for the
contract tests (test_store_contract.py, test_counters.py) to run on each unchanged.

A new backend adds here how to reach a fresh, empty store of its kind; test_registry.py
fails until it does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from coach.store.factory import BACKENDS, open_backend
from coach.store.redis import RedisStore


def _sqlite(tmp_path: Path, request: pytest.FixtureRequest) -> str:
    return f"sqlite:///{tmp_path}/coach.db"


def _redis(tmp_path: Path, request: pytest.FixtureRequest) -> str:
    server = request.getfixturevalue("redis_server")
    RedisStore(server.url, 1).client.flushdb()
    return server.url


def _redis_cluster(tmp_path: Path, request: pytest.FixtureRequest) -> str:
    cluster = request.getfixturevalue("redis_cluster")
    cluster.flush()
    return cluster.url


# Backend class ("module:Class", as in BACKENDS) -> URL of a fresh, empty store.
CONTRACT_URLS: dict[str, Callable[[Path, pytest.FixtureRequest], str]] = {
    "coach.store.sqlite:SQLiteStore": _sqlite,
    "coach.store.redis:RedisStore": _redis,
    "coach.store.redis_cluster:RedisClusterStore": _redis_cluster,
}


@pytest.fixture(params=sorted(set(BACKENDS.values())))
def make_store(request, tmp_path):
    """A factory of stores of each registered kind, all on the same fresh storage."""
    url = CONTRACT_URLS[request.param](tmp_path, request)
    created = []

    def make(retention_seconds: float = 3600.0):
        store = open_backend(url, retention_seconds)
        created.append(store)
        return store

    yield make
    for store in created:
        store.close()


@pytest.fixture
def store(make_store) -> Iterator[object]:
    return make_store()
