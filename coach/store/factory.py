"""Choose the backend from `COACH_STORE_URL`, by the URL's scheme.

Adding a backend: write one module with a class implementing `SessionStore`
(coach/store/base.py) and a `from_url(url, retention_seconds)` class method, then add
its schemes to `BACKENDS` below. Backends are imported only when a URL asks for them, so
an optional client library is needed only where it is used. tests/store/ runs the store
contract on every class listed here (it fails until the test knows how to reach it).
"""

from __future__ import annotations

from importlib import import_module
from typing import Protocol
from urllib.parse import urlparse

from coach.store.base import SessionStore

# URL scheme -> "module:Class".
BACKENDS: dict[str, str] = {
    "sqlite": "coach.store.sqlite:SQLiteStore",
    "redis": "coach.store.redis:RedisStore",
    "rediss": "coach.store.redis:RedisStore",
    "unix": "coach.store.redis:RedisStore",
    "redis+cluster": "coach.store.redis_cluster:RedisClusterStore",
}


class UnsupportedStoreURL(ValueError):
    pass


class BackendClass(Protocol):
    def from_url(self, url: str, retention_seconds: float) -> SessionStore: ...


def backend_class(url: str) -> BackendClass:
    """The class registered for this URL's scheme."""
    target = BACKENDS.get(urlparse(url).scheme)
    if target is None:
        raise UnsupportedStoreURL(
            f"COACH_STORE_URL « {url} » non reconnue : utilisez sqlite:///chemin/coach.db"
            ", redis://hôte:port/base ou redis+cluster://hôte:port,hôte:port")
    module, _colon, name = target.partition(":")
    cls: BackendClass = getattr(import_module(module), name)
    return cls


def open_backend(url: str, retention_seconds: float) -> SessionStore:
    return backend_class(url).from_url(url, retention_seconds)


def open_store(url: str, retention_days: int) -> SessionStore:
    return open_backend(url, retention_days * 86400.0)
