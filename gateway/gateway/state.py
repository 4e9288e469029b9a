"""Everything one gateway replica holds: broker, store, socket hub, tokens and worker registry."""

from dataclasses import dataclass, field

from faststream.rabbit import RabbitBroker

from contracts.bus import WorkerHeartbeat
from contracts.events import ServerEvent
from contracts.topology import EVENTS, HEARTBEATS, RoutingKey, gateway_events_queue, gateway_heartbeats_queue
from persistence.store import InterviewStore
from question_bank.bank import QuestionBank, default_bank
from runtime.broker import create_broker
from runtime.event_log import EventLog
from runtime.heartbeat import WorkerRegistry

from .hub import SessionHub
from .limits import SessionRateLimits
from .settings import GatewaySettings
from .tokens import SessionTokens


@dataclass
class Gateway:
    settings: GatewaySettings
    broker: RabbitBroker
    hub: SessionHub
    tokens: SessionTokens
    workers: WorkerRegistry
    replica_id: str
    bank: QuestionBank
    store: InterviewStore | None = None
    events: EventLog | None = None
    sandbox_status: tuple[float, str] = field(default=(float("-inf"), "unchecked"))
    rate_limits: SessionRateLimits = field(default_factory=SessionRateLimits)

    async def open(self) -> None:
        self.store = await InterviewStore.open(self.settings.database_url)
        self.events = EventLog(self.store, self.broker)
        await self.broker.start()

    async def close(self) -> None:
        await self.broker.stop()
        if self.store is not None:
            await self.store.close()


def build_gateway(settings: GatewaySettings) -> Gateway:
    replica_id = settings.resolved_replica_id()
    broker = create_broker(settings, logger_name="gateway")
    events_queue = gateway_events_queue(replica_id)

    async def bind(session_id: str) -> None:
        queue = await broker.declare_queue(events_queue)
        await queue.bind(await broker.declare_exchange(EVENTS), routing_key=RoutingKey.session_events(session_id))

    async def unbind(session_id: str) -> None:
        queue = await broker.declare_queue(events_queue)
        await queue.unbind(await broker.declare_exchange(EVENTS), routing_key=RoutingKey.session_events(session_id))

    gateway = Gateway(
        settings=settings,
        broker=broker,
        hub=SessionHub(bind, unbind),
        tokens=SessionTokens(settings.resolved_secret(), settings.session_token_ttl_s),
        workers=WorkerRegistry(settings.worker_stale_after_s),
        replica_id=replica_id,
        bank=default_bank(),
    )

    @broker.subscriber(events_queue, EVENTS, title="gateway.<replica>.events")
    async def forward_event(event: ServerEvent) -> None:
        """Hand a server event to this replica's sockets for its session."""
        gateway.hub.deliver(event)

    @broker.subscriber(gateway_heartbeats_queue(replica_id), HEARTBEATS, title="gateway.<replica>.heartbeats")
    async def note_heartbeat(beat: WorkerHeartbeat) -> None:
        """Remember which workers are alive, for /api/health."""
        gateway.workers.record(beat)

    return gateway
