"""Publishing server events. Two ways, by what the event follows:

- `emit`/`record`: number the event in the session's log, then send it at once. For the stream of a
  turn (text deltas, `agent_thinking`): nothing else changes with it, and a lost one is filled in from
  the log when the next arrives.
- `unit_of_work()`: the state an event follows (a phase, a hint, a run, a report, the end) and the event
  commit together, with an outbox entry; the event is sent right after the commit, and the outbox relay
  (`start_relay`) resends what a crash between the two left behind.
"""

from faststream.rabbit import RabbitBroker, RabbitPublisher
from pydantic import BaseModel

from contracts.events import ServerEvent, ServerEventType, server_event
from contracts.topology import EVENTS, RoutingKey
from persistence.store import InterviewStore
from persistence.unit_of_work import UnitOfWork
from runtime.topology import rabbit_exchange


def session_events_publisher(broker: RabbitBroker) -> RabbitPublisher:
    """Declared when a service is built (not when its store opens), so the AsyncAPI document lists it."""
    address = RoutingKey.session_events("{session_id}")
    return broker.publisher(
        exchange=rabbit_exchange(EVENTS), routing_key=address, persist=True, title=address, schema=ServerEvent,
        description="A numbered server event, to the gateway replica holding the session's socket.",
    )


class EventLog:
    def __init__(self, store: InterviewStore, publisher: RabbitPublisher):
        self.store = store
        self.publisher = publisher
        self.relay = store.outbox_relay(self.publish)

    async def emit(self, session_id: str, event_type: ServerEventType, payload: BaseModel | None = None) -> ServerEvent:
        return await self.record(server_event(session_id, event_type, payload))

    async def record(self, event: ServerEvent, *, live_payload: dict | None = None) -> ServerEvent:
        """Log the event, then publish it; `live_payload` replaces the payload in the published copy only
        (what the live room needs and the record must not keep, such as inline audio)."""
        numbered = await self.store.append_event(event)
        return await self.publish(numbered if live_payload is None else numbered.model_copy(update={"payload": live_payload}))

    async def publish(self, numbered: ServerEvent) -> ServerEvent:
        """Send an event already numbered in the log (see `InterviewStore.lease_turn_and_announce`)."""
        await self.publisher.publish(
            numbered, routing_key=RoutingKey.session_events(numbered.session_id), message_id=numbered.message_id,
        )
        return numbered

    def unit_of_work(self) -> UnitOfWork:
        return self.store.unit_of_work(self._publish_committed)

    async def _publish_committed(self, events: list[ServerEvent]) -> None:
        for event in events:
            await self.publish(event)
        self.relay.published(events)

    def start_relay(self) -> None:
        """Run once the broker is up; `stop_relay` before the store closes."""
        self.relay.start()

    async def stop_relay(self) -> None:
        await self.relay.stop()
