"""Where the chunks of one utterance meet, whichever stt replica each chunk reached.

Every replica consumes `stt.audio` (competing consumers), so consecutive chunks of one utterance may land
on different replicas. Each replica first writes its chunk here (by `seq`, so order and redelivery do
not matter), then takes the utterance's lock and works on the audio so far; a replica that finds the
lock taken defers its message for a moment (the holder will have seen its chunk, or the message comes
back). Recognition state lives here too, so after a replica is killed mid-utterance, its un-acknowledged
message is redelivered and another replica carries on where it stopped.

Redis (`REDIS_URL`) is required for more than one replica; without it (`make dev`, one replica) the
store is this process's memory.
"""

import json
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from redis.asyncio import Redis

KEY_PREFIX = "mockmind:stt"


@dataclass(frozen=True)
class UtteranceKey:
    session_id: str
    utterance_id: str

    def __str__(self) -> str:
        return f"{KEY_PREFIX}:{self.session_id}:{self.utterance_id}"


@dataclass(frozen=True)
class Assembled:
    pcm: bytes  # chunks 0..n-1 with no gap, in order
    complete: bool  # the client ended the utterance and every chunk it sent is here
    ended_at: float | None  # when `audio_end` arrived (time.time()), if it has
    coding: bool  # of the newest chunk
    started_at: datetime | None  # when the first chunk began
    keep_audio: bool = False  # every chunk so far came with the candidate's opt-in to keeping their voice


class UtteranceStore(Protocol):
    async def add_chunk(self, key: UtteranceKey, seq: int, pcm: bytes, *, coding: bool, keep_audio: bool = False,
                        started_at: datetime | None) -> None: ...

    async def mark_ended(self, key: UtteranceKey, chunk_count: int | None) -> None: ...

    async def assembled(self, key: UtteranceKey) -> Assembled: ...

    async def load_state(self, key: UtteranceKey) -> dict | None: ...

    async def save_state(self, key: UtteranceKey, state: dict) -> None: ...

    async def try_lock(self, key: UtteranceKey, owner: str, ttl_s: float) -> bool:
        """Take the utterance's lock for `ttl_s` (each handling of a message is its own `owner`)."""
        ...

    async def extend_lock(self, key: UtteranceKey, owner: str, ttl_s: float) -> bool: ...

    async def unlock(self, key: UtteranceKey, owner: str) -> None: ...

    async def aclose(self) -> None: ...


def _assemble(chunks: dict[int, bytes], meta: dict[str, str]) -> Assembled:
    pcm, seq = [], 0
    while seq in chunks:
        pcm.append(chunks[seq])
        seq += 1
    ended_at = float(meta["ended_at"]) if meta.get("ended_at") else None
    count = int(meta["chunk_count"]) if meta.get("chunk_count") else None
    complete = ended_at is not None and (count is None or seq >= count)
    started = datetime.fromisoformat(meta["started_at"]) if meta.get("started_at") else None
    return Assembled(b"".join(pcm), complete, ended_at, meta.get("coding") == "1", started,
                     keep_audio=meta.get("keep_audio") == "1")


class MemoryUtteranceStore:
    """One process's utterances (one stt replica). Entries are forgotten `ttl_s` after their last chunk."""

    def __init__(self, ttl_s: float = 600):
        self.ttl_s = ttl_s
        self._chunks: dict[str, dict[int, bytes]] = {}
        self._meta: dict[str, dict[str, str]] = {}
        self._state: dict[str, str] = {}
        self._locks: dict[str, tuple[str, float]] = {}
        self._touched: dict[str, float] = {}

    def _touch(self, key: str) -> None:
        now = time.monotonic()
        self._touched[key] = now
        for old in [k for k, at in self._touched.items() if now - at > self.ttl_s]:
            for table in (self._chunks, self._meta, self._state, self._locks, self._touched):
                table.pop(old, None)

    async def add_chunk(self, key, seq, pcm, *, coding, started_at, keep_audio=False):
        self._touch(str(key))
        self._chunks.setdefault(str(key), {}).setdefault(seq, pcm)
        meta = self._meta.setdefault(str(key), {})
        meta["coding"] = "1" if coding else "0"
        # Opted out in any chunk: the utterance is not kept (a "0" is never overwritten).
        meta["keep_audio"] = "1" if keep_audio and meta.get("keep_audio", "1") == "1" else "0"
        if started_at is not None and seq == 0:
            meta["started_at"] = started_at.isoformat()

    async def mark_ended(self, key, chunk_count):
        self._touch(str(key))
        meta = self._meta.setdefault(str(key), {})
        meta.setdefault("ended_at", str(time.time()))
        if chunk_count is not None:
            meta["chunk_count"] = str(chunk_count)

    async def assembled(self, key):
        return _assemble(self._chunks.get(str(key), {}), self._meta.get(str(key), {}))

    async def load_state(self, key):
        raw = self._state.get(str(key))
        return json.loads(raw) if raw else None

    async def save_state(self, key, state):
        self._state[str(key)] = json.dumps(state)

    async def try_lock(self, key, owner, ttl_s):
        holder = self._locks.get(str(key))
        if holder is not None and holder[1] > time.monotonic():
            return False
        self._locks[str(key)] = (owner, time.monotonic() + ttl_s)
        return True

    async def extend_lock(self, key, owner, ttl_s):
        if self._locks.get(str(key), ("",))[0] != owner:
            return False
        self._locks[str(key)] = (owner, time.monotonic() + ttl_s)
        return True

    async def unlock(self, key, owner):
        if self._locks.get(str(key), ("",))[0] == owner:
            del self._locks[str(key)]

    async def aclose(self):
        pass


# Release only our own lock: a holder that was too slow must not free a lock another replica now holds.
UNLOCK_SCRIPT = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""
EXTEND_SCRIPT = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""


class RedisUtteranceStore:
    def __init__(self, redis: Redis, ttl_s: int = 600):
        self.redis = redis
        self.ttl_s = ttl_s
        self._unlock = redis.register_script(UNLOCK_SCRIPT)
        self._extend = redis.register_script(EXTEND_SCRIPT)

    @classmethod
    def from_url(cls, url: str, ttl_s: int = 600) -> "RedisUtteranceStore":
        return cls(Redis.from_url(url, socket_timeout=2.0, socket_connect_timeout=2.0), ttl_s)

    async def add_chunk(self, key, seq, pcm, *, coding, started_at, keep_audio=False):
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hsetnx(f"{key}:chunks", str(seq), pcm)
            pipe.hset(f"{key}:meta", "coding", "1" if coding else "0")
            # Opted out in any chunk: the utterance is not kept (a "1" only where nothing was set yet).
            if keep_audio:
                pipe.hsetnx(f"{key}:meta", "keep_audio", "1")
            else:
                pipe.hset(f"{key}:meta", "keep_audio", "0")
            if started_at is not None and seq == 0:
                pipe.hsetnx(f"{key}:meta", "started_at", started_at.isoformat())
            for suffix in ("chunks", "meta"):
                pipe.expire(f"{key}:{suffix}", self.ttl_s)
            await pipe.execute()

    async def mark_ended(self, key, chunk_count):
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hsetnx(f"{key}:meta", "ended_at", str(time.time()))
            if chunk_count is not None:
                pipe.hset(f"{key}:meta", "chunk_count", str(chunk_count))
            pipe.expire(f"{key}:meta", self.ttl_s)
            await pipe.execute()

    async def assembled(self, key):
        async with self.redis.pipeline(transaction=False) as pipe:
            pipe.hgetall(f"{key}:chunks")
            pipe.hgetall(f"{key}:meta")
            chunks, meta = await pipe.execute()
        return _assemble({int(seq): pcm for seq, pcm in chunks.items()},
                         {k.decode(): v.decode() for k, v in meta.items()})

    async def load_state(self, key):
        raw = await self.redis.get(f"{key}:state")
        return json.loads(raw) if raw else None

    async def save_state(self, key, state):
        await self.redis.set(f"{key}:state", json.dumps(state), ex=self.ttl_s)

    async def try_lock(self, key, owner, ttl_s):
        return bool(await self.redis.set(f"{key}:lock", owner, nx=True, px=int(ttl_s * 1000)))

    async def extend_lock(self, key, owner, ttl_s):
        return bool(await self._extend(keys=[f"{key}:lock"], args=[owner, int(ttl_s * 1000)]))

    async def unlock(self, key, owner):
        await self._unlock(keys=[f"{key}:lock"], args=[owner])

    async def aclose(self):
        await self.redis.aclose()


def new_owner() -> str:
    return uuid.uuid4().hex
