"""The event log's unit of work on FastStream's in-memory `TestRabbitBroker` (a real broker adds nothing
here) and a real SQLite store: events reach the gateway's queue after the commit, and an event whose
publish failed after its commit reaches it once, from the outbox relay."""

from faststream.rabbit import TestRabbitBroker

from contracts.events import Phase, ServerEventType
from runtime.worker import WorkerRuntime


async def change_phase(runtime: WorkerRuntime, session_id: str) -> None:
    session = await runtime.store.get_session(session_id)
    async with runtime.events.unit_of_work() as uow:
        uow.interviews.attach(session).move_to(Phase.CLARIFYING)
        await uow.commit()


async def test_a_committed_event_reaches_the_gateway_once_even_when_its_publish_failed(runtime, gateway_events, monkeypatch):
    session = await runtime.store.create_session(difficulty="easy", language="python")
    live = gateway_events
    async with TestRabbitBroker(runtime.broker):
        sent = runtime.events.publish

        async def broker_gone(event):
            raise ConnectionError("the process died after its commit")

        monkeypatch.setattr(runtime.events, "publish", broker_gone)
        await change_phase(runtime, session.id)
        assert live == [] and (await runtime.store.get_session(session.id)).phase == "clarifying"

        monkeypatch.setattr(runtime.events, "publish", sent)
        relay = runtime.events.relay
        relay.stale_after_s = 0.0
        await relay.run_once()
        await relay.run_once()
    assert [(e["type"], e["seq"]) for e in live] == [(ServerEventType.AGENT_PHASE_CHANGE.value, 1)]


async def test_a_published_event_is_dropped_from_the_outbox_and_never_resent(runtime, gateway_events):
    session = await runtime.store.create_session(difficulty="easy", language="python")
    live = gateway_events
    async with TestRabbitBroker(runtime.broker):
        await change_phase(runtime, session.id)
        relay = runtime.events.relay
        await relay.run_once()  # drops the entry the live send left
        relay.stale_after_s = 0.0
        await relay.run_once()
    assert [e["seq"] for e in live] == [1]
