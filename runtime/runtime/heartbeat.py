"""Workers announce themselves on the heartbeats exchange; gateways count who was seen recently."""

import asyncio
import contextlib
import socket
import time
from collections.abc import Awaitable, Callable
from uuid import uuid4

from faststream.rabbit import RabbitBroker

from contracts.bus import WorkerHeartbeat
from contracts.topology import HEARTBEATS
from runtime.topology import rabbit_exchange


def instance_id() -> str:
    return f"{socket.gethostname()}-{uuid4().hex[:8]}"


class HeartbeatSender:
    def __init__(self, broker: RabbitBroker, kind: str, interval_s: float):
        self.publisher = broker.publisher(
            exchange=rabbit_exchange(HEARTBEATS), title="mockmind.heartbeats", schema=WorkerHeartbeat,
            description="Every worker, every few seconds: alive, with what it knows of its dependencies.",
        )
        self.beat = WorkerHeartbeat(kind=kind, instance_id=instance_id(), timestamp=time.time())
        self.interval_s = interval_s
        self.details: Callable[[], Awaitable[dict[str, str]]] | None = None
        self._task: asyncio.Task | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        while True:
            details = {}
            if self.details is not None:
                with contextlib.suppress(Exception):  # a failing self-check must not stop the heartbeat
                    details = await self.details()
            beat = self.beat.model_copy(update={"timestamp": time.time(), "details": details})
            with contextlib.suppress(Exception):  # a missed beat is fine; the broker reconnects
                await self.publisher.publish(beat)
            await asyncio.sleep(self.interval_s)


class WorkerRegistry:
    """Last heartbeat per worker instance, grouped by kind, as a gateway sees them."""

    def __init__(self, stale_after_s: float):
        self.stale_after_s = stale_after_s
        self._last_seen: dict[tuple[str, str], float] = {}
        self._details: dict[str, dict[str, str]] = {}

    def record(self, beat: WorkerHeartbeat) -> None:
        self._last_seen[(beat.kind, beat.instance_id)] = time.time()
        if beat.details:
            self._details[beat.kind] = beat.details

    def details(self, kind: str) -> dict[str, str]:
        """The latest self-reported details from any live worker of this kind."""
        return self._details.get(kind, {}) if self.alive().get(kind) else {}

    def alive(self) -> dict[str, int]:
        now = time.time()
        counts = {kind: 0 for kind in WorkerHeartbeat.model_fields["kind"].annotation.__args__}
        for (kind, _), seen in self._last_seen.items():
            if now - seen <= self.stale_after_s:
                counts[kind] += 1
        return counts
