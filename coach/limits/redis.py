"""Limits kept in Redis (standalone or cluster), shared by every process of the service.

Each check is one script call, atomic on the server. Keys carry the address as a hash tag
(`coach:limite:{<adresse>}:<minute>`), so a script's keys are in one cluster slot. Keys
expire by themselves: Redis holds at most two minutes of windows per active address, and
the failures of an address for `FORGET_SECONDS` after its last one.

When Redis does not answer, the process falls back to its own memory limits rather than
refusing everyone or letting everything through.
"""

from __future__ import annotations

import redis
from redis.cluster import RedisCluster

from coach.limits.memory import MemoryBackoff, MemoryWindows
from coach.limits.policy import (
    FORGET_SECONDS,
    FREE_FAILURES,
    WINDOW_SECONDS,
    sliding_wait,
)

Client = redis.Redis | RedisCluster
WINDOW_PREFIX = "coach:limite:"
BACKOFF_PREFIX = "coach:essais:"

# KEYS: this window's counter, the previous window's. ARGV: limit, seconds into the window,
# window length. Counts the request only when the estimate leaves room for it.
_HIT = """
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local previous = tonumber(redis.call('GET', KEYS[2]) or '0')
local covered = 1 - tonumber(ARGV[2]) / tonumber(ARGV[3])
if previous * covered + current + 1 > tonumber(ARGV[1]) then
  return {0, current, previous}
end
redis.call('INCR', KEYS[1])
if current == 0 then redis.call('EXPIRE', KEYS[1], math.ceil(2 * tonumber(ARGV[3])) + 1) end
return {1, current + 1, previous}
"""

# KEYS: the address's failures. ARGV: mode (check | fail | ok), now, free failures, longest
# block, seconds to forget. Returns {seconds blocked (string: Lua numbers become integers),
# failures}.
_BACKOFF = """
local mode, now = ARGV[1], tonumber(ARGV[2])
if mode == 'ok' then redis.call('DEL', KEYS[1]) return {'0', 0} end
local found = redis.call('HMGET', KEYS[1], 'failures', 'until')
local failures = tonumber(found[1] or '0')
if mode == 'check' and tonumber(found[2] or '0') <= now then return {'0', failures} end
failures = failures + 1
local wait = 0
if failures > tonumber(ARGV[3]) then
  wait = math.min(tonumber(ARGV[4]), 2 ^ math.min(failures - tonumber(ARGV[3]) - 1, 40))
end
redis.call('HSET', KEYS[1], 'failures', failures, 'until', now + wait)
redis.call('EXPIRE', KEYS[1], math.ceil(math.max(tonumber(ARGV[5]), wait + 1)))
return {tostring(wait), failures}
"""


class RedisWindows:
    def __init__(self, client: Client, limit: int, window: float = WINDOW_SECONDS) -> None:
        self.limit, self.window = limit, window
        self._hit = client.register_script(_HIT)
        self.fallback = MemoryWindows(limit, window)

    def hit(self, key: str, now: float) -> float:
        index, into = divmod(now, self.window)
        tag = WINDOW_PREFIX + "{" + key + "}:"
        try:
            allowed, current, previous = self._hit(
                keys=[tag + str(int(index)), tag + str(int(index) - 1)],
                args=[self.limit, repr(into), repr(self.window)])
        except redis.RedisError:
            return self.fallback.hit(key, now)
        if allowed:
            return 0.0
        return sliding_wait(int(previous), int(current), into, self.window, self.limit)


class RedisBackoff:
    def __init__(self, client: Client, max_seconds: float, free: int = FREE_FAILURES,
                 forget: float = FORGET_SECONDS) -> None:
        self.max_seconds, self.free, self.forget = max_seconds, free, forget
        self._script = client.register_script(_BACKOFF)
        self.fallback = MemoryBackoff(max_seconds, free, forget)

    def _call(self, mode: str, key: str, now: float) -> tuple[float, int] | None:
        try:
            wait, failures = self._script(
                keys=[BACKOFF_PREFIX + "{" + key + "}"],
                args=[mode, repr(now), self.free, repr(self.max_seconds), repr(self.forget)])
        except redis.RedisError:
            return None
        return float(wait), int(failures)

    def check(self, key: str, now: float) -> tuple[float, int]:
        found = self._call("check", key, now)
        return self.fallback.check(key, now) if found is None else found

    def failed(self, key: str, now: float) -> float:
        found = self._call("fail", key, now)
        return self.fallback.failed(key, now) if found is None else found[0]

    def succeeded(self, key: str) -> None:
        if self._call("ok", key, 0.0) is None:
            self.fallback.succeeded(key)



