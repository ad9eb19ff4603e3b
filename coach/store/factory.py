"""Choose the store from `COACH_STORE_URL`."""

from __future__ import annotations

from urllib.parse import urlparse

from coach.store.base import SessionStore


class UnsupportedStoreURL(ValueError):
    pass


def open_store(url: str, retention_days: int) -> SessionStore:
    retention = retention_days * 86400.0
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        from coach.store.sqlite import SQLiteStore

        # sqlite:///relative/path.db and sqlite:////absolute/path.db, as SQLAlchemy spells them
        path = url.removeprefix("sqlite:///") or ":memory:"
        return SQLiteStore(path, retention)
    if parsed.scheme in ("redis", "rediss", "unix"):
        from coach.store.redis import RedisStore

        return RedisStore(url, retention)
    if parsed.scheme == "redis+cluster":
        from coach.store.redis_cluster import RedisClusterStore

        return RedisClusterStore(url, retention)
    raise UnsupportedStoreURL(
        f"COACH_STORE_URL « {url} » non reconnue : utilisez sqlite:///chemin/coach.db"
        ", redis://hôte:port/base"
        " ou redis+cluster://hôte:port,hôte:port")
