"""Rate limits on what a client can make the platform do: token buckets, shared by every gateway replica
through Redis (`REDIS_URL`), so a client gains nothing by landing on another replica. Without Redis
configured (`make dev`, one replica) the buckets live in this process."""

import logging
import time
from dataclasses import dataclass, field
from typing import Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

log = logging.getLogger("gateway.limits")

# (events per minute, burst) per kind. Per session unless said otherwise.
DEFAULT_LIMITS = {
    "message": (30, 10),  # send_message, send_voice, start_interview
    "code_run": (12, 4),  # run_code on the socket and POST /api/code/run
    "feedback": (6, 2),  # request_feedback
    "snapshot": (60, 10),  # code_snapshot, set_voice
    "heartbeat": (120, 20),
    "audio": (1200, 60),  # audio_chunk, audio_end: a live microphone sends 4–10 chunks a second
    "tts": (30, 6),  # POST /api/voice/tts
    "session_create": (30, 20),  # POST /api/sessions, per client address (offices share one address)
}
KIND_OF_EVENT = {
    "start_interview": "message", "send_message": "message", "send_voice": "message", "run_code": "code_run",
    "request_feedback": "feedback", "request_hint": "message", "code_snapshot": "snapshot",
    "heartbeat": "heartbeat", "set_voice": "snapshot", "audio_chunk": "audio", "audio_end": "audio",
    "barge_in": "snapshot",
}


class Buckets(Protocol):
    async def take(self, key: str, rate_per_s: float, burst: int) -> float:
        """Take one token; 0 when there was one, else the seconds until there will be."""


@dataclass
class TokenBucket:
    rate_per_s: float
    burst: int
    tokens: float = field(init=False)
    updated: float = field(init=False)

    def __post_init__(self) -> None:
        self.tokens = self.burst
        self.updated = time.monotonic()

    def take(self) -> float:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.updated) * self.rate_per_s)
        self.updated = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        return (1 - self.tokens) / self.rate_per_s


class LocalBuckets:
    """This process's buckets: one replica's view only."""

    def __init__(self):
        self._buckets: dict[str, TokenBucket] = {}

    async def take(self, key: str, rate_per_s: float, burst: int) -> float:
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) > 100_000:  # forget idle buckets rather than grow without bound
                self._buckets.clear()
            bucket = self._buckets[key] = TokenBucket(rate_per_s, burst)
        return bucket.take()


# One atomic step in Redis: refill by the time passed (the server's clock, shared by all replicas), take a
# token if there is one, and let the key expire once the bucket would be full again anyway.
TAKE_SCRIPT = """
local rate, burst = tonumber(ARGV[1]), tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
local tokens = tonumber(state[1]) or burst
local updated = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - updated) * rate)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = (1 - tokens) / rate end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'updated', tostring(now))
redis.call('EXPIRE', KEYS[1], math.ceil(burst / rate) + 1)
return tostring(wait)
"""


class RedisBuckets:
    """Buckets every replica shares. While Redis cannot be reached, each replica limits on its own
    (logged) rather than stopping every interview or dropping the limits."""

    def __init__(self, redis: Redis, prefix: str):
        self.redis = redis
        self.prefix = prefix
        self._take = redis.register_script(TAKE_SCRIPT)
        self._fallback = LocalBuckets()

    async def take(self, key: str, rate_per_s: float, burst: int) -> float:
        try:
            return float(await self._take(keys=[f"{self.prefix}:{key}"], args=[rate_per_s, burst]))
        except (RedisError, OSError) as exc:
            log.warning("rate limits: Redis unavailable (%s); limiting on this replica alone", exc)
            return await self._fallback.take(key, rate_per_s, burst)

    async def close(self) -> None:
        await self.redis.aclose()


class RateLimits:
    def __init__(self, buckets: Buckets, limits: dict[str, tuple[int, int]] | None = None):
        self.buckets = buckets
        self.limits = DEFAULT_LIMITS | (limits or {})

    @classmethod
    def from_settings(cls, redis_url: str, prefix: str,
                      limits: dict[str, tuple[int, int]] | None = None) -> "RateLimits":
        if not redis_url:
            return cls(LocalBuckets(), limits)
        redis = Redis.from_url(redis_url, socket_timeout=1.0, socket_connect_timeout=1.0)
        return cls(RedisBuckets(redis, prefix), limits)

    async def wait_s(self, kind: str, subject: str) -> float:
        """0 when `subject` (a session id, a client address) may do one more `kind` now, else how long
        until it may."""
        per_minute, burst = self.limits[kind]
        return await self.buckets.take(f"{kind}:{subject}", per_minute / 60, burst)

    async def allow_event(self, session_id: str, event_type: str) -> bool:
        return await self.wait_s(KIND_OF_EVENT.get(event_type, "message"), session_id) == 0

    async def close(self) -> None:
        if isinstance(self.buckets, RedisBuckets):
            await self.buckets.close()
