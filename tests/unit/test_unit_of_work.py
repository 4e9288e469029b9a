"""The unit of work and its outbox, on SQLite and PostgreSQL: one commit per handler, events published
after it, and an event whose publish a crash prevented delivered once by the relay."""

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import func, select

from contracts.base import derive_ids_from, reset_id_scope
from contracts.events import Phase, ServerEvent, ServerEventType
from persistence.models import OutboxEntry
from persistence.store import InterviewStore


@pytest.fixture
async def store(database_url):
    store = await InterviewStore.open(database_url)
    yield store
    await store.close()


class Bus:
    """Records what is published; `crash=True` dies instead, like a process killed after its commit."""

    def __init__(self, store: InterviewStore, crash: bool = False):
        self.store = store
        self.crash = crash
        self.sent: list[ServerEvent] = []
        self.committed_phase_at_publish: list[str | None] = []

    async def publish_all(self, events: list[ServerEvent]) -> None:
        for event in events:
            await self.publish(event)

    async def publish(self, event: ServerEvent) -> None:
        if self.crash:
            raise ConnectionError("killed between the commit and the publish")
        self.committed_phase_at_publish.append((await self.store.get_session(event.session_id)).phase)
        self.sent.append(event)


def count_commits(store: InterviewStore) -> list[int]:
    commits = [0]
    sa_event.listen(store.engine.sync_engine, "commit", lambda _conn: commits.__setitem__(0, commits[0] + 1))
    return commits


async def outbox_size(store: InterviewStore, session_id: str) -> int:
    async with store.engine.connect() as conn:
        return await conn.scalar(select(func.count()).where(OutboxEntry.session_id == session_id))


@pytest.fixture(params=["get", "attach"])
def loading(request) -> str:
    """`get` reads the session in the transaction; `attach` takes the handler's copy (on PostgreSQL the
    unit of work is then one statement)."""
    return request.param


async def move_and_hint(store: InterviewStore, session_id: str, bus: Bus, loading: str = "get") -> list[ServerEvent]:
    row = await store.get_session(session_id) if loading == "attach" else None
    async with store.unit_of_work(bus.publish_all) as uow:
        interview = uow.interviews.attach(row) if row is not None else await uow.interviews.get(session_id)
        interview.move_to(Phase.OBSERVING)
        interview.row.question_id = "two-sum"  # as if presented earlier
        interview.give_hint(max_level=3)
        return await uow.commit()


async def test_one_commit_per_handler_and_its_events_are_published_after_it(store, loading):
    session = await store.create_session(difficulty="easy", language="python")
    commits = count_commits(store)
    bus = Bus(store)
    published = await move_and_hint(store, session.id, bus, loading)
    one_statement = loading == "attach" and store.engine.dialect.name == "postgresql"
    assert commits[0] == (0 if one_statement else 1)  # (one statement commits by itself, outside SQLAlchemy)
    assert [e.type for e in bus.sent] == [ServerEventType.AGENT_PHASE_CHANGE, ServerEventType.HINT_GIVEN]
    assert [e.seq for e in bus.sent] == [1, 2] == [e.seq for e in published]
    assert bus.committed_phase_at_publish == ["observing", "observing"]  # the state was committed before the send
    kept = await store.get_session(session.id)
    assert (kept.phase, kept.hint_level, kept.last_seq) == ("observing", 1, 2)
    assert [e.message_id for e in await store.events_after(session.id, 0)] == [e.message_id for e in bus.sent]


async def test_nothing_is_kept_or_sent_without_a_commit(store):
    session = await store.create_session(difficulty="easy", language="python")
    bus = Bus(store)
    async with store.unit_of_work(bus.publish_all) as uow:
        (await uow.interviews.get(session.id)).move_to(Phase.OBSERVING)
    assert bus.sent == [] and (await store.get_session(session.id)).phase is None
    assert await store.events_after(session.id, 0) == []


async def test_an_event_a_crash_left_unpublished_is_delivered_once_by_the_relay(store, loading):
    session = await store.create_session(difficulty="easy", language="python")
    crashed = Bus(store, crash=True)
    await move_and_hint(store, session.id, crashed, loading)
    assert crashed.sent == [] and await outbox_size(store, session.id) == 2

    survivor = Bus(store)
    relay = store.outbox_relay(survivor.publish, stale_after_s=0.0)
    await relay.run_once()
    await relay.run_once()  # sent once: the entries are gone
    logged = await store.events_after(session.id, 0)
    ours = [(e.message_id, e.seq) for e in survivor.sent if e.session_id == session.id]  # (PostgreSQL: the
    assert ours == [(e.message_id, e.seq) for e in logged]  # database is shared with the other tests)
    assert await outbox_size(store, session.id) == 0


async def test_the_relay_leaves_fresh_entries_to_their_writer_and_drops_them_once_sent(store):
    session = await store.create_session(difficulty="easy", language="python")
    bus = Bus(store)
    relay = store.outbox_relay(bus.publish, stale_after_s=60.0)
    published = await move_and_hint(store, session.id, bus)
    await relay.run_once()  # in flight, not stale: the relay does not send them again
    assert await outbox_size(store, session.id) == 2
    relay.published(published)
    await relay.run_once()
    assert await outbox_size(store, session.id) == 0 and len(bus.sent) == 2  # the live sends only


async def test_a_redelivered_handler_publishes_the_logged_copies_with_their_ids_and_numbers(store, loading):
    session = await store.create_session(difficulty="easy", language="python")
    first, again = Bus(store), Bus(store)
    token = derive_ids_from("turn-message-1")
    await move_and_hint(store, session.id, first, loading)
    reset_id_scope(token)
    row = await store.get_session(session.id)
    async with store.unit_of_work(again.publish_all) as uow:  # the same handler, redelivered from its start
        token = derive_ids_from("turn-message-1")
        interview = uow.interviews.attach(row) if loading == "attach" else await uow.interviews.get(session.id)
        interview.row.phase, interview.row.question_id, interview.row.hint_level = None, "two-sum", 0  # its checkpoint
        interview.move_to(Phase.OBSERVING)
        interview.give_hint(max_level=3)
        await uow.commit()
        reset_id_scope(token)
    assert [(e.message_id, e.seq) for e in again.sent] == [(e.message_id, e.seq) for e in first.sent]
    assert len(await store.events_after(session.id, 0)) == 2
    assert (await store.get_session(session.id)).last_seq == 2


async def test_an_interview_ends_once(store):
    session = await store.create_session(difficulty="easy", language="python")
    bus = Bus(store)
    for reason in ("finished", "time_limit"):
        async with store.unit_of_work(bus.publish_all) as uow:
            (await uow.interviews.get(session.id)).end(reason, by_turn=f"turn-{reason}")
            await uow.commit()
    assert [e.payload["reason"] for e in bus.sent] == ["finished"]
    ended = await store.get_session(session.id)
    assert (ended.end_reason, ended.agent_state["ended_by_turn"]) == ("finished", "turn-finished")
