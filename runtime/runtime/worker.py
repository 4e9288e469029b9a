"""The parts every worker process shares: its store, its event log and its heartbeat.

A worker's `main.py` builds a broker, a `WorkerRuntime`, includes its handlers' router and hands
`runtime.hooks()` to FastStream, which opens the store before consuming and closes it on shutdown.
"""

import logging
from collections.abc import Callable, Sequence

from faststream import FastStream
from faststream.rabbit import RabbitBroker

from persistence.store import InterviewStore

from .event_log import EventLog
from .heap import freeze_startup_heap
from .heartbeat import HeartbeatSender
from .settings import ServiceSettings


class WorkerRuntime:
    def __init__(self, *, kind: str, broker: RabbitBroker, settings: ServiceSettings, uses_database: bool = True):
        self.kind = kind
        self.broker = broker
        self.settings = settings
        self.uses_database = uses_database
        self.heartbeat = HeartbeatSender(broker, kind, settings.heartbeat_interval_s)
        self._store: InterviewStore | None = None
        self._events: EventLog | None = None
        self.log = logging.getLogger(kind)

    @property
    def store(self) -> InterviewStore:
        if self._store is None:
            raise RuntimeError(f"{self.kind}: store used before start-up")
        return self._store

    @property
    def events(self) -> EventLog:
        if self._events is None:
            raise RuntimeError(f"{self.kind}: event log used before start-up")
        return self._events

    async def open(self) -> None:
        if self.uses_database:
            self._store = await InterviewStore.open(self.settings.database_url)
            self._events = EventLog(self._store, self.broker)

    async def close(self) -> None:
        await self.heartbeat.stop()
        if self._store is not None:
            await self._store.close()

    def app(self, *, on_startup: Sequence[Callable] = (), on_shutdown: Sequence[Callable] = ()) -> FastStream:
        """The FastStream app; extra hooks run after the store opens and before it closes."""
        return FastStream(
            self.broker,
            on_startup=[self.open, *on_startup],
            after_startup=[freeze_startup_heap, self.heartbeat.start],
            on_shutdown=[*on_shutdown, self.close],
        )
