"""Audio cache keyed by (engine, voice, format, text): a repeated phrase is synthesized once.

Redis when `REDIS_URL` is set (shared by every tts instance, survives restarts), otherwise a bounded
in-process dictionary. A cache that fails must never stop speech, so Redis errors count as misses.
"""

import hashlib
import logging
import time
from collections import OrderedDict
from typing import Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

KEY_PREFIX = "mockmind:tts:"


def cache_key(engine: str, voice: str, format: str, text: str) -> str:
    # Hash the text so keys stay short whatever was said; the other parts stay readable for debugging.
    digest = hashlib.sha256(text.encode()).hexdigest()
    return f"{KEY_PREFIX}{engine}:{voice}:{format}:{digest}"


class AudioCache(Protocol):
    async def get(self, key: str) -> bytes | None: ...

    async def put(self, key: str, audio: bytes) -> None: ...

    async def delete(self, key: str) -> None: ...

    async def aclose(self) -> None: ...


class MemoryAudioCache:
    """Least-recently-used entries are dropped past `max_entries`; entries expire after `ttl_s`."""

    def __init__(self, ttl_s: float, max_entries: int = 512) -> None:
        self.ttl_s = ttl_s
        self.max_entries = max_entries
        self._entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()

    async def get(self, key: str) -> bytes | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        expires_at, audio = entry
        if time.monotonic() >= expires_at:
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return audio

    async def put(self, key: str, audio: bytes) -> None:
        self._entries[key] = (time.monotonic() + self.ttl_s, audio)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    async def delete(self, key: str) -> None:
        self._entries.pop(key, None)

    async def aclose(self) -> None:
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


class RedisAudioCache:
    def __init__(self, redis: Redis, ttl_s: int) -> None:
        self.redis = redis
        self.ttl_s = ttl_s

    @classmethod
    def from_url(cls, url: str, ttl_s: int) -> "RedisAudioCache":
        # Short timeouts: a slow cache must cost less than just synthesizing again.
        return cls(Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5), ttl_s)

    async def get(self, key: str) -> bytes | None:
        try:
            return await self.redis.get(key)
        except (RedisError, OSError) as error:
            log.warning("tts cache read failed, synthesizing instead: %s", error)
            return None

    async def put(self, key: str, audio: bytes) -> None:
        try:
            await self.redis.set(key, audio, ex=self.ttl_s)
        except (RedisError, OSError) as error:
            log.warning("tts cache write failed: %s", error)

    async def delete(self, key: str) -> None:
        try:
            await self.redis.delete(key)
        except (RedisError, OSError) as error:
            log.warning("tts cache delete failed: %s", error)

    async def aclose(self) -> None:
        await self.redis.aclose()
