"""The interviewer's turn gate on a real store (SQLite and PostgreSQL): a turn that arrives while the
previous one is closing waits for it in place; one that would wait long goes back to the bus."""

import asyncio

import pytest

from contracts.bus import CandidateMessageAction, TurnRequested
from contracts.events import ServerEventType, server_event
from interviewer_agent.turn_gate import TurnGate
from persistence.store import InterviewStore
from runtime.reliability import Deferred


@pytest.fixture
async def store(database_url):
    store = await InterviewStore.open(database_url)
    yield store
    await store.close()


def turn(session_id: str, number: int) -> TurnRequested:
    return TurnRequested(session_id=session_id, turn_number=number, action=CandidateMessageAction(text="hi"))


async def test_a_turn_waits_in_place_for_the_previous_one_to_close(store):
    session = await store.create_session(difficulty="easy", language="python")
    first, second = await store.issue_turn(session.id), await store.issue_turn(session.id)
    assert await store.lease_turn(session.id, "replica-a", 5, first) is not None

    async def close_first_soon() -> None:
        await asyncio.sleep(0.02)
        await store.release_turn(session.id, "replica-a", first)

    closing = asyncio.create_task(close_first_soon())
    gate = TurnGate(store, "replica-b")
    async with gate.hold(turn(session.id, second)) as leased:
        assert leased is not None and leased.lease_owner == "replica-b"
    await closing
    assert (await store.get_session(session.id)).turns_done == second


async def test_a_turn_behind_a_long_one_is_deferred_to_the_bus(store):
    session = await store.create_session(difficulty="easy", language="python")
    first, second = await store.issue_turn(session.id), await store.issue_turn(session.id)
    assert await store.lease_turn(session.id, "replica-a", 5, first) is not None
    gate = TurnGate(store, "replica-b", short_waits_s=(0.01, 0.01))
    with pytest.raises(Deferred):
        async with gate.hold(turn(session.id, second)):
            pytest.fail("ran while the first turn held the session")


async def test_a_redelivered_finished_turn_does_not_run_again(store):
    session = await store.create_session(difficulty="easy", language="python")
    first = await store.issue_turn(session.id)
    gate = TurnGate(store, "replica-a", short_waits_s=())
    async with gate.hold(turn(session.id, first)) as leased:
        assert leased is not None
    async with gate.hold(turn(session.id, first)) as leased:
        assert leased is None


class PublishedEvents:
    """Stands in for the event log's bus side: what the gate publishes (the logging is the store's)."""

    def __init__(self):
        self.published = []

    async def publish(self, numbered):
        self.published.append(numbered)
        return numbered


async def test_an_admitted_turn_is_announced_once_logged_and_again_from_the_log_when_redone(store):
    session = await store.create_session(difficulty="easy", language="python")
    first = await store.issue_turn(session.id)
    bus = PublishedEvents()
    gate = TurnGate(store, "replica-a", events=bus, short_waits_s=())
    announcement = server_event(session.id, ServerEventType.AGENT_THINKING)
    with pytest.raises(RuntimeError):
        async with gate.hold(turn(session.id, first), announcement=announcement):
            raise RuntimeError("the turn failed")  # lease freed, turn undone: it runs again
    async with gate.hold(turn(session.id, first), announcement=announcement) as leased:
        assert leased is not None
    assert [(e.message_id, e.seq) for e in bus.published] == [(announcement.message_id, 1)] * 2
    assert [e.seq for e in await store.events_after(session.id, 0)] == [1]  # logged once


async def test_a_deferred_turn_announces_nothing(store):
    session = await store.create_session(difficulty="easy", language="python")
    first, second = await store.issue_turn(session.id), await store.issue_turn(session.id)
    bus = PublishedEvents()
    gate = TurnGate(store, "replica-b", events=bus, short_waits_s=())
    with pytest.raises(Deferred):
        async with gate.hold(turn(session.id, second), announcement=server_event(session.id,
                                                                                 ServerEventType.AGENT_THINKING)):
            pytest.fail("ran before the first turn")
    assert first == 1  # not done: the second turn must wait for it
    assert bus.published == [] and await store.events_after(session.id, 0) == []
