"""Shared fixtures: the small fixture content, real stores (SQLite file, real redis-server)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.servers import free_port, wait_for_port
from coach.content.loader import load_content
from coach.content.model import Content
from coach.engine.engine import Engine
from tests.redis_cluster import RedisClusterServers

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



class RedisServer:
    """A real redis-server on a free loopback port, in a temporary directory."""

    def __init__(self, directory: Path, persistent: bool = False) -> None:
        self.directory = directory
        self.persistent = persistent
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.fail("redis-server est absent : installez le paquet Debian redis-server")
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir",
             str(self.directory), "--save", "", "--appendonly",
             "yes" if self.persistent else "no", "--appendfsync", "always"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_port(self.port)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


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
