from gateway.limits import SessionRateLimits, TokenBucket


def test_a_bucket_allows_its_burst_then_refills_at_its_rate(monkeypatch):
    clock = [100.0]
    monkeypatch.setattr("gateway.limits.time.monotonic", lambda: clock[0])
    bucket = TokenBucket(rate_per_s=2, burst=3)
    assert [bucket.take() for _ in range(4)] == [True, True, True, False]
    clock[0] += 0.5
    assert [bucket.take(), bucket.take()] == [True, False]


def test_limits_are_per_session_and_per_kind():
    limits = SessionRateLimits({"message": (60, 2), "code_run": (60, 1), "feedback": (1, 1),
                                "snapshot": (1, 1), "heartbeat": (1, 1)})
    assert [limits.allow("a", "send_message") for _ in range(3)] == [True, True, False]
    assert limits.allow("a", "run_code") is True and limits.allow("a", "run_code") is False
    assert limits.allow("b", "send_voice") is True  # another session has its own budget
