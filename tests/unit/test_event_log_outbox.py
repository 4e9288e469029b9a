"""The event log's unit of work on FastStream's in-memory `TestRabbitBroker` (a real broker adds nothing
here) and a real SQLite store: events reach the gateway's queue after the commit, and an event whose
publish failed after its commit reaches it once, from the outbox relay."""

import pytest
from faststream.rabbit import RabbitBroker, TestRabbitBroker

from contracts.events import Phase, ServerEventType
from contracts.topology import EVENTS, RoutingKey
from runtime.topology import rabbit_exchange
from runtime.worker import StoreSettings, WorkerRuntime


@pytest.fixture
async def runtime(sqlite_url):
    runtime = WorkerRuntime(kind="interviewer-agent", broker=RabbitBroker(), settings=StoreSettings(database_url=sqlite_url))
    await runtime.open()
    yield runtime
    await runtime.close()


def gateway(runtime: WorkerRuntime) -> list[dict]:
    live: list[dict] = []

    @runtime.broker.subscriber(RoutingKey.session_events("*"), rabbit_exchange(EVENTS))
    async def forward(event: dict) -> None:
        live.append(event)

    return live


async def change_phase(runtime: WorkerRuntime, session_id: str) -> None:
    session = await runtime.store.get_session(session_id)
    async with runtime.events.unit_of_work() as uow:
        uow.interviews.attach(session).move_to(Phase.CLARIFYING)
        await uow.commit()


async def test_a_committed_event_reaches_the_gateway_once_even_when_its_publish_failed(runtime, monkeypatch):
    session = await runtime.store.create_session(difficulty="easy", language="python")
    live = gateway(runtime)
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


async def test_a_published_event_is_dropped_from_the_outbox_and_never_resent(runtime):
    session = await runtime.store.create_session(difficulty="easy", language="python")
    live = gateway(runtime)
    async with TestRabbitBroker(runtime.broker):
        await change_phase(runtime, session.id)
        relay = runtime.events.relay
        await relay.run_once()  # drops the entry the live send left
        relay.stale_after_s = 0.0
        await relay.run_once()
    assert [e["seq"] for e in live] == [1]
