"""Redis store for several `coach serve` processes or hosts; conversations expire by TTL.

Each conversation is one hash (`data`, `version`) under `coach:conv:{<id>}`: the braces are a
Redis Cluster hash tag, so whatever keys a conversation ever gets live in one slot (see
coach/store/redis_cluster.py). The compare-and-set is a Lua script, so it is atomic on the
server whatever the number of processes.

Keys written before the hash tag (`coach:conv:<id>`) are still read: a load that misses the
new key renames the old one in the same script (atomic), so a conversation moves once, at its
first turn after the upgrade. A process of the old version then finds no key to save to: its
compare-and-set fails (a conflict, the turn is retried), it never writes a second copy.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Mapping, Sequence

import redis

from coach.store.base import CounterKey, Save, SaveOneOfMany, StoreUnavailable, VersionConflict

PREFIX = "coach:conv:"
# Anonymous counters: one hash per day, `coach:stats:YYYY-MM-DD`, whose fields are
# "version|name|flow|node|detail" and values the counts; the set `coach:stats:days` lists
# the days. Old days are erased by `purge_counts` (the counter buffer calls it daily).
STATS_PREFIX = "coach:stats:"
STATS_DAYS = STATS_PREFIX + "days"
FIELD_SEPARATOR = "|"

# Compare-and-set on each key in turn: ARGV holds data and expected version for each key,
# then the TTL. Returns the new version for each key, or -1 for a conflict. One call for a
# whole group of turns: redis-py spends tens of microseconds of processor per command,
# pipelined or not.
_SAVE = """
local ttl = ARGV[#ARGV]
local versions = {}
for i, key in ipairs(KEYS) do
  local current = redis.call('HGET', key, 'version')
  if not current or tonumber(current) ~= tonumber(ARGV[2 * i]) then
    versions[i] = -1
  else
    local version = tonumber(current) + 1
    redis.call('HSET', key, 'data', ARGV[2 * i - 1], 'version', version)
    redis.call('EXPIRE', key, ttl)
    versions[i] = version
  end
end
return versions
"""

# A load that missed `coach:conv:{id}`: move `coach:conv:id` (the key format before the hash
# tag) if it exists, TTL kept, then read. KEYS: new key, legacy key.
_LOAD_LEGACY = """
if redis.call('EXISTS', KEYS[1]) == 0 then
  if redis.call('EXISTS', KEYS[2]) == 0 then return false end
  redis.call('RENAME', KEYS[2], KEYS[1])
end
return redis.call('HMGET', KEYS[1], 'data', 'version')
"""

_CREATE = """
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'data', ARGV[1], 'version', 1)
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
"""


def conversation_key(conversation_id: str) -> str:
    """`coach:conv:{id}`: the hash tag puts every key of a conversation in one cluster slot."""
    return PREFIX + "{" + conversation_id + "}"


def legacy_key(conversation_id: str) -> str:
    """The key before the hash tag; read (and moved) for conversations stored back then."""
    return PREFIX + conversation_id


# Each deletion is published here, so that every process drops its remembered copy.
DELETIONS_CHANNEL = "coach:effacements"


def erase_server_traces(client: redis.Redis, wait_seconds: float) -> bool:
    """One server: BGREWRITEAOF when the append-only file is on, BGSAVE when snapshots
    are; wait until both are done."""
    def persistence() -> dict[str, object]:
        return dict(client.info("persistence"))

    try:
        info = persistence()
        snapshots = bool(client.config_get("save").get("save"))
        if info.get("aof_enabled"):
            client.bgrewriteaof()
        if snapshots:
            client.bgsave()
        deadline = time.monotonic() + wait_seconds
        while time.monotonic() < deadline:
            info = persistence()
            if not (info.get("aof_rewrite_in_progress") or info.get("aof_rewrite_scheduled")
                    or info.get("rdb_bgsave_in_progress")):
                return True
            time.sleep(0.05)
    except redis.RedisError:
        return False
    return False


class RedisStore(SaveOneOfMany):
    # Conversations may be stored under the key format before the hash tag.
    reads_legacy_keys = True

    def __init__(self, url: str, retention_seconds: float, timeout: float = 1.0) -> None:
        self.retention_seconds = retention_seconds
        self._ttl = max(1, int(retention_seconds))
        self.client = self._connect(url, timeout)
        self._save = self.client.register_script(_SAVE)
        self._create = self.client.register_script(_CREATE)
        self._load_legacy = self.client.register_script(_LOAD_LEGACY)

    def _connect(self, url: str, timeout: float) -> redis.Redis:
        return redis.Redis.from_url(url, socket_timeout=timeout,
                                    socket_connect_timeout=timeout, health_check_interval=10)

    @classmethod
    def from_url(cls, url: str, retention_seconds: float) -> RedisStore:
        """redis://, rediss:// (TLS) and unix:// URLs, as redis-py reads them."""
        return cls(url, retention_seconds)

    def _call(self, operation):
        try:
            return operation()
        except (redis.ConnectionError, redis.TimeoutError, redis.BusyLoadingError,
                redis.exceptions.ClusterError) as exc:
            raise StoreUnavailable(type(exc).__name__) from exc
        except (redis.ResponseError, redis.exceptions.RedisClusterException) as exc:
            raise StoreUnavailable(str(exc)) from exc

    def create(self, conversation_id: str, data: bytes) -> None:
        created = self._call(lambda: self._create(keys=[conversation_key(conversation_id)],
                                                  args=[data, self._ttl]))
        if created != 1:
            raise VersionConflict(conversation_id)

    def load(self, conversation_id: str) -> tuple[bytes, int] | None:
        key = conversation_key(conversation_id)
        found = self._call(lambda: self.client.hmget(key, "data", "version"))
        if found[0] is None and self.reads_legacy_keys:
            found = self._call(lambda: self._load_legacy(
                keys=[key, legacy_key(conversation_id)])) or [None, None]
        data, version = found
        if data is None or version is None:
            return None
        return data, int(version)

    def save_many(self, saves: Sequence[Save]) -> list[int | None]:
        """One script call for all of them: atomic on the server, in order. On one server
        only: the cluster store (coach/store/redis_cluster.py) makes one call per slot."""
        return self._save_group(saves)

    def _save_group(self, saves: Sequence[Save]) -> list[int | None]:
        keys = [conversation_key(cid) for cid, _data, _expected in saves]
        args: list[bytes | int] = [part for _cid, data, expected in saves
                                   for part in (data, expected)]
        found = self._call(lambda: self._save(keys=keys, args=[*args, self._ttl]))
        return [None if version == -1 else int(version) for version in found]

    def delete(self, conversation_id: str) -> bool:
        keys = [conversation_key(conversation_id)]
        if self.reads_legacy_keys:
            keys.append(legacy_key(conversation_id))
        deleted = bool(self._call(lambda: self.client.delete(*keys)))
        if deleted:
            with contextlib.suppress(StoreUnavailable):  # erased; others forget it in time
                self.announce_deletion(conversation_id)
        return deleted

    def ping(self) -> None:
        self._call(self.client.ping)

    def purge_expired(self) -> int:
        return 0  # Redis expires keys by itself (TTL)

    def erase_traces(self, wait_seconds: float = 60.0) -> bool:
        """Rewrite the append-only file (erased keys leave it) and, when snapshots are on,
        write a new one: Redis keeps a deleted or expired conversation in those files until
        then. Operators run it through `coach purge` (docs/exploitation.md). False when the
        server refuses (CONFIG or BGREWRITEAOF disabled, as on some managed services) or is
        still rewriting after `wait_seconds`."""
        return erase_server_traces(self.client, wait_seconds)

    # -- deletions seen by every process -----------------------------------------------
    def announce_deletion(self, conversation_id: str) -> None:
        """Tell the other coach processes (coach/store/recent.py forgets its copy)."""
        self._call(lambda: self.client.publish(DELETIONS_CHANNEL, conversation_id))

    def watch_deletions(self, forget: Callable[[str], None]) -> Callable[[], None]:
        """Call `forget(id)` (from a background thread) for every deletion any process
        announces; returns the function that stops watching. The subscription survives a
        restart of Redis (redis-py subscribes again when it reconnects)."""
        pubsub = self.client.pubsub(ignore_subscribe_messages=True)

        def received(message: dict[str, object]) -> None:
            data = message.get("data")
            if isinstance(data, bytes):
                forget(data.decode("ascii", "replace"))

        def keep_going(_exc: BaseException, _pubsub: object, _thread: object) -> None:
            time.sleep(1.0)  # Redis is away: try again, without spinning

        pubsub.subscribe(**{DELETIONS_CHANNEL: received})
        thread = pubsub.run_in_thread(sleep_time=1.0, daemon=True,
                                      exception_handler=keep_going)
        return thread.stop

    # -- anonymous counters ---------------------------------------------------------------
    def add_counts(self, counts: Mapping[CounterKey, int]) -> None:
        """All increments in one pipelined round trip (HINCRBY is atomic per field)."""
        if not counts:
            return
        pipe = self.client.pipeline(transaction=False)
        days: set[str] = set()
        for (version, day, name, flow, node, detail), amount in counts.items():
            field = FIELD_SEPARATOR.join(
                part.replace(FIELD_SEPARATOR, "/") for part in (version, name, flow, node, detail))
            pipe.hincrby(STATS_PREFIX + day, field, int(amount))
            days.add(day)
        pipe.sadd(STATS_DAYS, *sorted(days))
        self._call(pipe.execute)

    def read_counts(self, first_day: str, last_day: str) -> list[tuple[CounterKey, int]]:
        known = self._call(lambda: self.client.smembers(STATS_DAYS))
        days = sorted(d.decode() for d in known if first_day <= d.decode() <= last_day)
        if not days:
            return []
        pipe = self.client.pipeline(transaction=False)
        for day in days:
            pipe.hgetall(STATS_PREFIX + day)
        found = self._call(pipe.execute)
        rows: list[tuple[CounterKey, int]] = []
        for day, fields in zip(days, found, strict=True):
            for raw, count in fields.items():
                parts = raw.decode().split(FIELD_SEPARATOR)
                if len(parts) != 5:
                    continue
                version, name, flow, node, detail = parts
                rows.append(((version, day, name, flow, node, detail), int(count)))
        return rows

    def purge_counts(self, before_day: str) -> int:
        known = self._call(lambda: self.client.smembers(STATS_DAYS))
        old = [d.decode() for d in known if d.decode() < before_day]
        if not old:
            return 0
        self._call(lambda: self.client.delete(*(STATS_PREFIX + d for d in old)))
        self._call(lambda: self.client.srem(STATS_DAYS, *old))
        return len(old)

    def close(self) -> None:
        self.client.close()
