"""Backends are chosen by the URL's scheme, from one table; each one runs the contract."""

from __future__ import annotations

import pytest

from coach.store.factory import BACKENDS, UnsupportedStoreURL, open_backend, open_store
from coach.store.redis import RedisStore
from coach.store.sqlite import SQLiteStore
from tests.store.conftest import CONTRACT_URLS


def test_every_registered_backend_runs_the_contract():
    missing = set(BACKENDS.values()) - set(CONTRACT_URLS)
    assert not missing, f"no contract URL in tests/store/conftest.py for {missing}"


def test_sqlite_urls_as_sqlalchemy_spells_them(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    relative = open_store("sqlite:///var/coach.db", 30)
    absolute = open_backend(f"sqlite:///{tmp_path}/abs.db", 60)
    memory = open_backend("sqlite://", 60)
    try:
        assert isinstance(relative, SQLiteStore) and relative.path == "var/coach.db"
        assert relative.retention_seconds == 30 * 86400
        assert absolute.path == f"{tmp_path}/abs.db" and (tmp_path / "abs.db").exists()
        assert memory.path == ":memory:"
    finally:
        for store in (relative, absolute, memory):
            store.close()


def test_redis_schemes_open_the_redis_backend(redis_server):
    store = open_backend(redis_server.url, 60)
    try:
        assert isinstance(store, RedisStore)
        store.ping()
    finally:
        store.close()


def test_an_unknown_scheme_is_refused_in_french():
    with pytest.raises(UnsupportedStoreURL, match="non reconnue"):
        open_store("postgresql://localhost/coach", 30)
