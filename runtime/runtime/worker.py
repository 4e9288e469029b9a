"""A worker that keeps interview sessions: a `ServiceRuntime` with the store and the event log.

FastStream opens the store before consuming and closes it on shutdown. Needs the `store` extra
(`mockmind-runtime[store]`, i.e. the persistence package); the sandbox worker does without.
"""

from faststream.rabbit import RabbitBroker

from persistence.database import DEFAULT_DATABASE_URL
from persistence.store import InterviewStore

from .event_log import EventLog, session_events_publisher
from .service import ServiceRuntime
from .settings import ServiceSettings


class StoreSettings(ServiceSettings):
    """Settings of a service that keeps interview sessions (every one but the sandbox worker)."""

    database_url: str = DEFAULT_DATABASE_URL
    # Only the migrate step (`python -m persistence.database`, MIGRATIONS_DATABASE_URL) changes the schema
    # in production, where the services' role has no DDL rights: deployments set this to false.
    migrate_on_start: bool = True


class WorkerRuntime(ServiceRuntime):
    def __init__(self, *, kind: str, broker: RabbitBroker, settings: StoreSettings):
        super().__init__(kind=kind, broker=broker, settings=settings)
        self.settings: StoreSettings = settings
        self._events_publisher = session_events_publisher(broker)
        self._store: InterviewStore | None = None
        self._events: EventLog | None = None

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
        self._store = await InterviewStore.open(self.settings.database_url,
                                               run_migrations=self.settings.migrate_on_start)
        self._events = EventLog(self._store, self._events_publisher)
        # Its first round comes a second from now, once the broker is consuming.
        self._events.start_relay()

    async def close(self) -> None:
        await super().close()
        if self._events is not None:
            await self._events.stop_relay()
        if self._store is not None:
            await self._store.close()
