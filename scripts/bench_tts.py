"""`make bench-tts`: how soon the candidate hears the interviewer.

Runs the whole platform on loopback (offline voice, Redis audio cache in a scratch database) and, for
interviewer replies, measures at the client the time from a sentence's `interviewer_msg` delta (the
moment the interviewer finished the sentence and handed it to tts) to that sentence's `voice_audio`,
both having crossed the gateway. Cold: the Redis cache is flushed first; cached: the same sentence again.
Last lines: `tts_first_audio_ms=<median cold>` and `tts_cache_hit_ms=<median cached>`.
"""

import asyncio
import os
import statistics
import time

import redis.asyncio as redis

from gateway.client import InterviewClient
from runtime.local_stack import LocalStack, free_port

REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
SESSIONS = 4
ROUNDS_PER_SESSION = 4  # each round: one cold and one cached reply (message budget: 10 at once)
QUESTION = "How large can the input get?"


async def first_audio_ms(client: InterviewClient) -> float:
    """Send the question; ms from the reply's first sentence to its audio, as the client sees them."""
    mark = len(client.events)
    await client.send("send_message", {"text": QUESTION})
    delta = await client.wait_for(lambda e: e["type"] == "interviewer_msg" and e["payload"]["kind"] == "delta",
                                  after=mark, timeout=60)
    sentence_at = time.perf_counter()
    turn_id = delta["payload"]["turn_id"]
    await client.wait_for(lambda e: e["type"] == "voice_audio" and e["payload"]["turn_id"] == turn_id
                          and e["payload"]["index"] == 0, after=mark, timeout=60)
    elapsed = (time.perf_counter() - sentence_at) * 1000
    await client.wait_turn_complete(after=mark, timeout=60)
    return elapsed


async def main() -> None:
    cache = redis.from_url(REDIS_URL)
    stack = LocalStack(env={"REDIS_URL": REDIS_URL, "LOG_LEVEL": "WARNING"}, gateway_ports=[free_port()], echo=False)
    await stack.start()
    cold: list[float] = []
    cached: list[float] = []
    try:
        for _ in range(SESSIONS):
            client = await InterviewClient.create(stack.urls[0])
            await client.connect()
            await client.send("start_interview")
            await client.wait_turn_complete(after=0, timeout=60)
            for _ in range(ROUNDS_PER_SESSION):
                await cache.flushdb()
                cold.append(await first_audio_ms(client))
                cached.append(await first_audio_ms(client))
            await client.close()
    finally:
        await stack.stop()
        await cache.flushdb()
        await cache.aclose()
    print(f"replies measured: {len(cold)} cold, {len(cached)} cached; load average {os.getloadavg()[0]:.1f}")
    print(f"cold: p50 {statistics.median(cold):.1f} ms, max {max(cold):.1f} ms; "
          f"cached: p50 {statistics.median(cached):.1f} ms, max {max(cached):.1f} ms")
    print(f"tts_first_audio_ms={statistics.median(cold):.1f}")
    print(f"tts_cache_hit_ms={statistics.median(cached):.1f}")


if __name__ == "__main__":
    asyncio.run(main())
