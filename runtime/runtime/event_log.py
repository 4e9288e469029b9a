"""Publishing a server event: number it in the session's event log, then send it to the gateways."""

from faststream.rabbit import RabbitBroker
from pydantic import BaseModel

from contracts.events import ServerEvent, ServerEventType, server_event
from contracts.topology import EVENTS, RoutingKey
from persistence.store import InterviewStore


class EventLog:
    def __init__(self, store: InterviewStore, broker: RabbitBroker):
        self.store = store
        self.broker = broker

    async def emit(self, session_id: str, event_type: ServerEventType, payload: BaseModel | None = None) -> ServerEvent:
        return await self.publish(await self.store.append_event(server_event(session_id, event_type, payload)))

    async def publish(self, numbered: ServerEvent) -> ServerEvent:
        """Send an event already numbered in the log (see `InterviewStore.lease_turn_and_announce`)."""
        await self.broker.publish(
            numbered,
            exchange=EVENTS,
            routing_key=RoutingKey.session_events(numbered.session_id),
            message_id=numbered.message_id,
            persist=True,
        )
        return numbered
