"""The interviewer's turn gate on a real store (SQLite and PostgreSQL): a turn that arrives while the
previous one is closing waits for it in place; one that would wait long goes back to the bus."""

import asyncio
from datetime import timedelta

import pytest

from contracts.bus import CandidateMessageAction, SilenceCheckAction, TurnRequested
from contracts.events import ServerEventType, server_event
from interviewer_agent.turn_gate import TurnGate
from persistence.interview import ENDED_BY_KEY
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
        assert leased is not None and leased.lease_owner.startswith("replica-b/")
    await closing
    assert (await store.get_session(session.id)).turns_done == second


async def test_a_turn_on_the_replica_still_closing_a_silence_check_waits_for_it_and_is_marked_done(store):
    """Seen in CI under load: the candidate answered a hint offer while the offer (a silence check) was
    still closing on the same replica. The answer's turn must wait for the check, not share its lease."""
    session = await store.create_session(difficulty="easy", language="python")
    gate = TurnGate(store, "replica-a")
    check = TurnRequested(session_id=session.id, action=SilenceCheckAction())
    check_closing = asyncio.Event()
    order = []

    async def run_check() -> None:
        async with gate.hold(check) as leased:
            assert leased is not None
            check_closing.set()
            await asyncio.sleep(0.05)
            order.append("check done")

    checking = asyncio.create_task(run_check())
    await check_closing.wait()
    answer = await store.issue_turn(session.id)
    async with gate.hold(turn(session.id, answer)) as leased:
        assert leased is not None
        order.append("answer runs")
    await checking
    assert order == ["check done", "answer runs"]
    assert (await store.get_session(session.id)).turns_done == answer


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


def turn_sent_ago(session_id: str, number: int, seconds: float) -> TurnRequested:
    command = turn(session_id, number)
    command.timestamp = command.timestamp - timedelta(seconds=seconds)
    return command


async def test_a_queued_middle_turn_is_never_dropped_by_the_gap_timeout(store):
    """Turn 1 runs for longer than the gap timeout; turn 2 waits behind it; turn 3, older than the timeout,
    must not give up on turn 2 (it exists: it is waiting) — turn 2 still runs, then turn 3."""
    session = await store.create_session(difficulty="easy", language="python")
    first, second, third = [await store.issue_turn(session.id) for _ in range(3)]
    assert await store.lease_turn(session.id, "replica-a", 60, first) is not None  # a long model call
    gate = TurnGate(store, "replica-b", short_waits_s=(), gap_timeout_s=30)
    with pytest.raises(Deferred):
        async with gate.hold(turn_sent_ago(session.id, second, 31)):
            pytest.fail("ran while the first turn held the session")
    with pytest.raises(Deferred):
        async with gate.hold(turn_sent_ago(session.id, third, 31)):
            pytest.fail("ran before the second turn")
    await store.release_turn(session.id, "replica-a", first)
    async with gate.hold(turn_sent_ago(session.id, second, 32)) as leased:
        assert leased is not None, "the second turn was dropped"
    async with gate.hold(turn_sent_ago(session.id, third, 32)) as leased:
        assert leased is not None
    assert (await store.get_session(session.id)).turns_done == third


async def test_a_published_turn_not_yet_delivered_is_never_dropped_by_the_gap_timeout(store):
    """The gateway notes each turn it published: even before any replica has seen turn 1 (no interviewer
    was running), a later turn older than the timeout waits for it."""
    session = await store.create_session(difficulty="easy", language="python")
    first, second = await store.issue_turn(session.id), await store.issue_turn(session.id)
    await store.note_turn_published(session.id, first)
    gate = TurnGate(store, "replica-b", short_waits_s=(), gap_timeout_s=30)
    with pytest.raises(Deferred):
        async with gate.hold(turn_sent_ago(session.id, second, 31)):
            pytest.fail("ran before the first turn, which was published")
    async with gate.hold(turn(session.id, first)) as leased:
        assert leased is not None, "the first turn was dropped"


async def test_a_turn_whose_publish_failed_is_skipped_after_the_gap_timeout(store):
    """A number the gateway issued but never published (the broker was down) does not block the session."""
    session = await store.create_session(difficulty="easy", language="python")
    lost, second = await store.issue_turn(session.id), await store.issue_turn(session.id)
    gate = TurnGate(store, "replica-b", short_waits_s=(), gap_timeout_s=30)
    async with gate.hold(turn_sent_ago(session.id, second, 31)) as leased:
        assert leased is not None
    assert lost == 1 and (await store.get_session(session.id)).turns_done == second


async def test_a_turn_redone_after_it_ended_the_interview_still_knows_it_ended_it(store):
    """Killed after the end committed: the redone turn restores its checkpoint, but not to before the end
    (else it would take the end for another turn's and never close the interview or ask for the report)."""
    session = await store.create_session(difficulty="easy", language="python")
    command = turn(session.id, await store.issue_turn(session.id))
    killed = TurnGate(store, "replica-a", lease_s=0.2, short_waits_s=())

    async def publish(events) -> None:
        pass

    leased, _ = await killed._lease(command, killed.lease_holder(command), None)  # what `hold` does first,
    await killed._checkpoint_or_restore(leased, command)  # and then, without the release a kill -9 skips
    async with store.unit_of_work(publish) as uow:
        (await uow.interviews.get(session.id)).end("finished", by_turn=command.turn_id)
        await uow.commit()
    await asyncio.sleep(0.3)  # the dead replica's lease lapses
    async with TurnGate(store, "replica-b", short_waits_s=()).hold(command) as redone:
        assert redone.agent_state.get(ENDED_BY_KEY) == command.turn_id
    assert (await store.get_session(session.id)).agent_state.get(ENDED_BY_KEY) == command.turn_id
