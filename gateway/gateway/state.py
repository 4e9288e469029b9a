"""Everything one gateway replica holds: broker, store, socket hub, tokens and worker registry."""

import asyncio
import logging
from dataclasses import dataclass, field

from faststream.rabbit import RabbitPublisher

from contracts.bus import (
    FeedbackRequested,
    SynthesisRequested,
    TurnRequested,
    UtteranceAudio,
    VoiceCut,
    WorkerHeartbeat,
)
from contracts.events import ServerEvent
from contracts.topology import (
    EVENTS,
    HEARTBEATS,
    VOICE_CUTS,
    RoutingKey,
    gateway_events_queue,
    gateway_heartbeats_queue,
)
from persistence.store import InterviewStore
from question_bank.bank import QuestionBank, default_bank
from runtime.broker import ClusterBroker, command_publisher, create_broker
from runtime.event_log import EventLog, session_events_publisher
from runtime.heartbeat import WorkerRegistry
from runtime.sandbox_client import SandboxClient
from runtime.topology import rabbit_exchange, rabbit_queue

from .hub import SessionHub
from .limits import RateLimits
from .settings import GatewaySettings
from .tokens import SessionTokens, ShareTokens

log = logging.getLogger("gateway")


@dataclass
class Gateway:
    settings: GatewaySettings
    broker: ClusterBroker
    hub: SessionHub
    tokens: SessionTokens
    shares: ShareTokens
    workers: WorkerRegistry
    replica_id: str
    bank: QuestionBank
    commands: dict[str, RabbitPublisher]  # by routing key: what a candidate's action becomes on the bus
    synthesis: RabbitPublisher  # `POST /api/voice/tts`, request/reply with a tts worker
    sandbox: SandboxClient
    events_publisher: RabbitPublisher
    voice_cuts: RabbitPublisher  # barge-in, to every tts replica
    store: InterviewStore | None = None
    events: EventLog | None = None
    sandbox_status: tuple[float, str] = field(default=(float("-inf"), "unchecked"))
    rate_limits: RateLimits | None = None

    async def open(self) -> None:
        self.store = await InterviewStore.open(self.settings.database_url,
                                              run_migrations=self.settings.migrate_on_start)
        self.events = EventLog(self.store, self.events_publisher)
        await self.broker.start()
        self.events.start_relay()  # resends events a crashed process committed and never published

    async def stamp_open_sockets(self) -> None:
        """Forever: every `socket_seen_interval_s`, stamp each session with a socket on this replica, so
        the interviewer's session watch can tell an abandoned interview from a quiet one, whichever
        replica holds the socket. A replica that dies stops stamping, and its sessions age."""
        while True:
            await asyncio.sleep(self.settings.socket_seen_interval_s)
            try:
                await self.store.touch_sockets(self.hub.session_ids())
            except Exception:  # the database is briefly away: the next stamp will do
                log.exception("could not stamp open sockets")

    async def catch_up_sockets(self) -> None:
        self.hub.catch_up_all()

    async def close(self) -> None:
        if self.events is not None:
            await self.events.stop_relay()
        await self.broker.stop()
        if self.rate_limits is not None:
            await self.rate_limits.close()
        if self.store is not None:
            await self.store.close()


def build_gateway(settings: GatewaySettings) -> Gateway:
    replica_id = settings.resolved_replica_id()
    broker = create_broker(settings, logger_name="gateway")
    events_queue = rabbit_queue(gateway_events_queue(replica_id))
    events_exchange = rabbit_exchange(EVENTS)

    async def bind(session_id: str) -> None:
        queue = await broker.declare_queue(events_queue)
        await queue.bind(await broker.declare_exchange(events_exchange), routing_key=RoutingKey.session_events(session_id))

    async def unbind(session_id: str) -> None:
        queue = await broker.declare_queue(events_queue)
        await queue.unbind(await broker.declare_exchange(events_exchange), routing_key=RoutingKey.session_events(session_id))

    gateway = Gateway(
        settings=settings,
        broker=broker,
        hub=SessionHub(bind, unbind),
        tokens=SessionTokens(settings.resolved_secret(), settings.session_token_ttl_s),
        shares=ShareTokens(settings.resolved_secret()),
        workers=WorkerRegistry(settings.worker_stale_after_s),
        replica_id=replica_id,
        bank=default_bank(),
        commands={routing_key: command_publisher(broker, routing_key, schema) for routing_key, schema in
                  ((RoutingKey.TURN_REQUESTED, TurnRequested), (RoutingKey.FEEDBACK_REQUESTED, FeedbackRequested),
                   (RoutingKey.UTTERANCE_AUDIO, UtteranceAudio))},
        voice_cuts=broker.publisher(exchange=rabbit_exchange(VOICE_CUTS), title="voice-cuts", schema=VoiceCut,
                                    description="Barge-in: every tts replica stops speaking this reply."),
        synthesis=command_publisher(broker, RoutingKey.SYNTHESIS_REQUESTED, SynthesisRequested, persist=False),
        sandbox=SandboxClient(broker),
        events_publisher=session_events_publisher(broker),
        rate_limits=RateLimits.from_settings(settings.redis_url, settings.limits_key_prefix, settings.rate_limits),
    )

    # After a failover the events queue and its session bindings are declared again on the new node
    # (aio-pika restores them); what was published meanwhile is read back from the event log.
    broker.on_reconnect(gateway.catch_up_sockets)

    @broker.subscriber(events_queue, events_exchange, title="gateway.<replica>.events")
    async def forward_event(event: ServerEvent) -> None:
        """Hand a server event to this replica's sockets for its session."""
        gateway.hub.deliver(event)

    @broker.subscriber(rabbit_queue(gateway_heartbeats_queue(replica_id)), rabbit_exchange(HEARTBEATS), title="gateway.<replica>.heartbeats")
    async def note_heartbeat(beat: WorkerHeartbeat) -> None:
        """Remember which workers are alive, for /api/health."""
        gateway.workers.record(beat)

    return gateway
