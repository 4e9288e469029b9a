"""The utterance store, in memory and in the real local Redis: chunks meet by `seq` whatever order they
arrive in, `audio_end` completes an utterance only once every chunk is there, one holder at a time."""

import uuid
from datetime import UTC, datetime

import pytest

from stt.store import MemoryUtteranceStore, RedisUtteranceStore, UtteranceKey

REDIS_URL = "redis://localhost:6379/0"
START = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)


@pytest.fixture(params=["memory", "redis"])
async def store(request):
    store = MemoryUtteranceStore() if request.param == "memory" else RedisUtteranceStore.from_url(REDIS_URL, 60)
    yield store
    await store.aclose()


def key() -> UtteranceKey:
    return UtteranceKey(uuid.uuid4().hex, "u1")


async def test_out_of_order_chunks_assemble_up_to_the_first_gap(store):
    utterance = key()
    await store.add_chunk(utterance, 1, b"BB", coding=False, started_at=None)
    await store.add_chunk(utterance, 0, b"AA", coding=True, started_at=START)
    await store.add_chunk(utterance, 3, b"DD", coding=False, started_at=None)
    await store.add_chunk(utterance, 0, b"XX", coding=False, started_at=None)  # a redelivery changes nothing
    assembled = await store.assembled(utterance)
    assert assembled.pcm == b"AABB" and assembled.started_at == START and not assembled.complete
    await store.mark_ended(utterance, chunk_count=4)
    assert not (await store.assembled(utterance)).complete  # chunk 2 is still on its way
    await store.add_chunk(utterance, 2, b"CC", coding=False, started_at=None)
    assembled = await store.assembled(utterance)
    assert assembled.pcm == b"AABBCCDD" and assembled.complete and assembled.ended_at is not None


async def test_one_holder_at_a_time_and_state_round_trips(store):
    utterance = key()
    assert await store.try_lock(utterance, "a", ttl_s=5)
    assert not await store.try_lock(utterance, "b", ttl_s=5)
    assert not await store.extend_lock(utterance, "b", ttl_s=5)
    assert await store.extend_lock(utterance, "a", ttl_s=5)
    await store.unlock(utterance, "b")  # not b's to release
    assert not await store.try_lock(utterance, "b", ttl_s=5)
    await store.unlock(utterance, "a")
    assert await store.try_lock(utterance, "b", ttl_s=5)
    await store.save_state(utterance, {"final": {"text": "hello"}})
    assert await store.load_state(utterance) == {"final": {"text": "hello"}}
    assert await store.load_state(key()) is None


async def test_a_lock_whose_holder_died_expires(store):
    utterance = key()
    assert await store.try_lock(utterance, "killed", ttl_s=0.05)
    import asyncio

    await asyncio.sleep(0.1)
    assert await store.try_lock(utterance, "next", ttl_s=5)


async def test_an_utterance_is_kept_only_if_every_chunk_came_with_the_opt_in(store):
    kept, dropped = key(), key()
    for seq in range(2):
        await store.add_chunk(kept, seq, b"AA", coding=False, started_at=None, keep_audio=True)
    await store.add_chunk(dropped, 0, b"AA", coding=False, started_at=None, keep_audio=True)
    await store.add_chunk(dropped, 1, b"BB", coding=False, started_at=None, keep_audio=False)
    await store.add_chunk(dropped, 2, b"CC", coding=False, started_at=None, keep_audio=True)
    assert (await store.assembled(kept)).keep_audio
    assert not (await store.assembled(dropped)).keep_audio
    assert not (await store.assembled(key())).keep_audio
