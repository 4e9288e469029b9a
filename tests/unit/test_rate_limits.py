from uuid import uuid4

from redis.asyncio import Redis

from gateway.limits import LocalBuckets, RateLimits, RedisBuckets, TokenBucket

REDIS_URL = "redis://localhost:6379/0"


def test_a_bucket_allows_its_burst_then_refills_at_its_rate(monkeypatch):
    clock = [100.0]
    monkeypatch.setattr("gateway.limits.time.monotonic", lambda: clock[0])
    bucket = TokenBucket(rate_per_s=2, burst=3)
    assert [bucket.take() == 0 for _ in range(4)] == [True, True, True, False]
    clock[0] += 0.5
    assert [bucket.take() == 0, bucket.take() == 0] == [True, False]


async def test_limits_are_per_session_and_per_kind():
    limits = RateLimits(LocalBuckets(), {"message": (60, 2), "code_run": (60, 1)})
    assert [await limits.allow_event("a", "send_message") for _ in range(3)] == [True, True, False]
    assert await limits.allow_event("a", "run_code") is True and await limits.allow_event("a", "run_code") is False
    assert await limits.allow_event("b", "send_voice") is True  # another session has its own budget


async def test_replicas_sharing_redis_share_one_budget():
    prefix = f"test-{uuid4().hex}"
    replicas = [RateLimits(RedisBuckets(Redis.from_url(REDIS_URL), prefix), {"message": (60, 3)}) for _ in range(2)]
    try:
        allowed = [await replicas[i % 2].allow_event("s", "send_message") for i in range(6)]
        assert allowed == [True, True, True, False, False, False]
        assert await replicas[0].wait_s("message", "s") > 0
    finally:
        for limits in replicas:
            await limits.close()


async def test_an_unreachable_redis_still_limits_on_each_replica():
    limits = RateLimits(RedisBuckets(Redis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=0.2), "x"),
                        {"message": (60, 2)})
    try:
        assert [await limits.allow_event("s", "send_message") for _ in range(3)] == [True, True, False]
    finally:
        await limits.close()
