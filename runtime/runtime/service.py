"""What every worker process shares, the sandbox worker included: its broker, its heartbeat and the
FastStream app. Nothing here touches the database (see `runtime.worker` for the workers that do).

A worker's `main.py` builds a broker, a runtime, includes its handlers' router and hands `runtime.app()`
to FastStream.
"""

import logging
from collections.abc import Callable, Sequence

from faststream import FastStream
from faststream.rabbit import RabbitBroker

from .heap import freeze_startup_heap
from .heartbeat import HeartbeatSender
from .settings import ServiceSettings


class ServiceRuntime:
    def __init__(self, *, kind: str, broker: RabbitBroker, settings: ServiceSettings):
        self.kind = kind
        self.broker = broker
        self.settings = settings
        self.heartbeat = HeartbeatSender(broker, kind, settings.heartbeat_interval_s)
        self.log = logging.getLogger(kind)

    async def open(self) -> None:
        """Run before the broker starts consuming."""

    async def close(self) -> None:
        await self.heartbeat.stop()

    def app(self, *, on_startup: Sequence[Callable] = (), on_shutdown: Sequence[Callable] = ()) -> FastStream:
        """The FastStream app; extra hooks run after `open` and before `close`."""
        return FastStream(
            self.broker,
            on_startup=[self.open, *on_startup],
            after_startup=[freeze_startup_heap, self.heartbeat.start],
            on_shutdown=[*on_shutdown, self.close],
        )
