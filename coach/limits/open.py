"""Choose where the limits count: in Redis when the store is Redis (every process shares
them), else in this process."""

from __future__ import annotations

from coach.limits.memory import MemoryBackoff, MemoryWindows
from coach.limits.policy import Backoff, Windows
from coach.settings import Settings


def open_limits(settings: Settings, store: object) -> tuple[Windows | None, Backoff]:
    limit = settings.rate_limit_per_minute
    client = getattr(store, "client", None)
    try:
        import redis
    except ImportError:  # pragma: no cover - the extra is not installed: no Redis store
        client = None
    else:
        if not isinstance(client, redis.Redis | redis.RedisCluster):
            client = None
    if client is not None:
        from coach.limits.redis import RedisBackoff, RedisWindows

        return (RedisWindows(client, limit) if limit else None,
                RedisBackoff(client, settings.login_max_block_seconds))
    return (MemoryWindows(limit) if limit else None,
            MemoryBackoff(settings.login_max_block_seconds))
