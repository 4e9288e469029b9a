"""Per-session rate limits on what a candidate can make the platform do (token buckets)."""

import time
from dataclasses import dataclass, field


@dataclass
class TokenBucket:
    rate_per_s: float
    burst: int
    tokens: float = field(init=False)
    updated: float = field(init=False)

    def __post_init__(self) -> None:
        self.tokens = self.burst
        self.updated = time.monotonic()

    def take(self) -> bool:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.updated) * self.rate_per_s)
        self.updated = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False


# (events per minute, burst) per kind of client event; heartbeats and snapshots are cheap but bounded too.
DEFAULT_LIMITS = {
    "message": (30, 10),  # send_message, send_voice, start_interview
    "code_run": (12, 4),  # run_code
    "feedback": (6, 2),  # request_feedback
    "snapshot": (60, 10),  # code_snapshot
    "heartbeat": (120, 20),
}
KIND_OF_EVENT = {
    "start_interview": "message", "send_message": "message", "send_voice": "message", "run_code": "code_run",
    "request_feedback": "feedback", "code_snapshot": "snapshot", "heartbeat": "heartbeat", "set_voice": "snapshot",
}


class SessionRateLimits:
    def __init__(self, limits: dict[str, tuple[int, int]] | None = None):
        self.limits = limits or DEFAULT_LIMITS
        self._buckets: dict[tuple[str, str], TokenBucket] = {}

    def allow(self, session_id: str, event_type: str) -> bool:
        kind = KIND_OF_EVENT.get(event_type, "message")
        key = (session_id, kind)
        if key not in self._buckets:
            per_minute, burst = self.limits[kind]
            self._buckets[key] = TokenBucket(per_minute / 60, burst)
        return self._buckets[key].take()

    def forget(self, session_id: str) -> None:
        for key in [k for k in self._buckets if k[0] == session_id]:
            del self._buckets[key]
