"""Shared fixtures: the small fixture content, real stores (SQLite file, real redis-server)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.redis_servers import RedisClusterServers, RedisServer
from bench.servers import free_port, wait_for_port  # noqa: F401 (tests import them from here)
from coach.content.loader import load_content
from coach.content.model import Content
from coach.engine.engine import Engine

FIXTURE_DIALOGUES = Path(__file__).parent / "fixtures" / "dialogues"
CONTACT = {"contact_nom": "Camille", "contact_telephone": "01 23 45 67 89",
           "contact_horaires": "de 9 h à 17 h", "contact_courriel": "camille@exemple.fr"}


@pytest.fixture(scope="session")
def fixture_content() -> Content:
    return load_content(FIXTURE_DIALOGUES)


@pytest.fixture(scope="session")
def engine(fixture_content: Content) -> Engine:
    return Engine(fixture_content, CONTACT)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def redis_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisClusterServers]:
    """A real Redis Cluster (three masters), started once for the whole run (~3 s)."""
    cluster = RedisClusterServers(tmp_path_factory.mktemp("redis-cluster"))
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run the browser tests last: Playwright's session keeps an event loop running in the
    main thread, and the async API tests need to start their own."""
    items.sort(key=lambda item: "tests/browser/" in item.nodeid.replace("\\", "/"))
