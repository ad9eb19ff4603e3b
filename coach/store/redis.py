"""Redis store for several `coach serve` processes or hosts; conversations expire by TTL.

Each conversation is one hash (`data`, `version`). The compare-and-set is a Lua
script, so it is atomic on the server whatever the number of processes.
"""

from __future__ import annotations

import redis

from coach.store.base import StoreUnavailable, VersionConflict

PREFIX = "coach:conv:"

_SAVE = """
local current = redis.call('HGET', KEYS[1], 'version')
if not current or tonumber(current) ~= tonumber(ARGV[2]) then return -1 end
local version = tonumber(current) + 1
redis.call('HSET', KEYS[1], 'data', ARGV[1], 'version', version)
redis.call('EXPIRE', KEYS[1], ARGV[3])
return version
"""

_CREATE = """
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'data', ARGV[1], 'version', 1)
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
"""


class RedisStore:
    def __init__(self, url: str, retention_seconds: float, timeout: float = 1.0) -> None:
        self.retention_seconds = retention_seconds
        self._ttl = max(1, int(retention_seconds))
        self.client = redis.Redis.from_url(url, socket_timeout=timeout,
                                           socket_connect_timeout=timeout,
                                           health_check_interval=10)
        self._save = self.client.register_script(_SAVE)
        self._create = self.client.register_script(_CREATE)

    def _call(self, operation):  # type: ignore[no-untyped-def]
        try:
            return operation()
        except (redis.ConnectionError, redis.TimeoutError, redis.BusyLoadingError) as exc:
            raise StoreUnavailable(type(exc).__name__) from exc
        except redis.ResponseError as exc:
            raise StoreUnavailable(str(exc)) from exc

    def create(self, conversation_id: str, data: bytes) -> None:
        created = self._call(lambda: self._create(keys=[PREFIX + conversation_id],
                                                  args=[data, self._ttl]))
        if created != 1:
            raise VersionConflict(conversation_id)

    def load(self, conversation_id: str) -> tuple[bytes, int] | None:
        data, version = self._call(
            lambda: self.client.hmget(PREFIX + conversation_id, "data", "version"))
        if data is None or version is None:
            return None
        return data, int(version)

    def save(self, conversation_id: str, data: bytes, expected_version: int) -> int:
        version = self._call(lambda: self._save(keys=[PREFIX + conversation_id],
                                                args=[data, expected_version, self._ttl]))
        if version == -1:
            raise VersionConflict(conversation_id)
        return int(version)

    def delete(self, conversation_id: str) -> bool:
        return bool(self._call(lambda: self.client.delete(PREFIX + conversation_id)))

    def ping(self) -> None:
        self._call(self.client.ping)

    def purge_expired(self) -> int:
        return 0  # Redis expires keys by itself (TTL)

    def close(self) -> None:
        self.client.close()
