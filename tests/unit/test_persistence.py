"""The store on both SQLite and PostgreSQL: the event log's numbering, transcript, idempotency."""

import asyncio

import pytest

from contracts.base import derive_ids_from, reset_id_scope
from contracts.events import ServerEventType, server_event
from persistence.store import InterviewStore, MessageIdReused, UnknownSession


@pytest.fixture
async def store(database_url):
    store = await InterviewStore.open(database_url)
    yield store
    await store.close()


async def test_events_are_numbered_per_session_without_gaps_even_when_appended_concurrently(store):
    a = await store.create_session(difficulty="easy", language="python")
    b = await store.create_session(difficulty="hard", language="go")
    appends = [store.append_event(server_event(s.id, ServerEventType.AGENT_THINKING)) for s in (a, b) for _ in range(15)]
    numbered = await asyncio.gather(*appends)
    for session in (a, b):
        seqs = sorted(e.seq for e in numbered if e.session_id == session.id)
        assert seqs == list(range(1, 16))
    replay = await store.events_after(a.id, 10)
    assert [e.seq for e in replay] == [11, 12, 13, 14, 15]
    assert all(e.session_id == a.id for e in replay)
    assert (await store.get_session(a.id)).last_seq == 15


async def test_unknown_sessions_are_reported(store):
    with pytest.raises(UnknownSession):
        await store.get_session("nope")
    with pytest.raises(UnknownSession):
        await store.append_event(server_event("nope", ServerEventType.ERROR))


async def test_transcript_submissions_and_feedback_round_trip(store):
    session = await store.create_session(difficulty="medium", language="java", topic="graphs")
    await store.add_message(session.id, "candidate", "Can it be empty?", spoken=True)
    await store.add_message(session.id, "interviewer", "Yes.")
    await store.record_submission(session.id, submission_id="s1", language="java", mode="run", code="class A{}",
                                  verdict="accepted", result={"verdict": "accepted"})
    await store.save_feedback(session.id, report_id="r1", kind="on_demand", report={"summary": "ok"})
    transcript = await store.transcript(session.id)
    assert [(m.role, m.content) for m in transcript] == [("candidate", "Can it be empty?"), ("interviewer", "Yes.")]
    assert transcript[0].extra == {"spoken": True}
    assert [s.verdict for s in await store.submissions(session.id)] == ["accepted"]
    assert [r.report for r in await store.feedback_reports(session.id)] == [{"summary": "ok"}]


async def test_a_message_is_claimed_once_per_handler(store):
    assert await store.claim_message("m-1", "interviewer") is True
    assert await store.claim_message("m-1", "interviewer") is False
    assert await store.claim_message("m-1", "tts") is True


async def test_migrations_can_run_again_and_concurrently(database_url):
    stores = await asyncio.gather(*(InterviewStore.open(database_url) for _ in range(3)))
    for store in stores:
        await store.ping()
        await store.close()


async def test_appending_the_same_event_twice_keeps_one_copy_and_its_number(store):
    session = await store.create_session(difficulty="easy", language="python")
    event = server_event(session.id, ServerEventType.INTERVIEWER_MSG)
    first = await store.append_event(event)
    other = await store.append_event(server_event(session.id, ServerEventType.AGENT_THINKING))
    again, racing = await asyncio.gather(store.append_event(event), store.append_event(event))
    assert first.seq == again.seq == racing.seq == 1
    assert other.seq == 2
    assert [e.seq for e in await store.events_after(session.id, 0)] == [1, 2]


async def test_transcript_lines_added_again_by_a_redelivered_handler_are_kept_once(store):
    from contracts.base import derive_ids_from, reset_id_scope

    session = await store.create_session(difficulty="easy", language="python")
    for _delivery in range(2):
        token = derive_ids_from("bus-message-1")
        try:
            await store.add_message(session.id, "interviewer", "Hello!")
            await store.add_message(session.id, "interviewer", "Here is the problem.")
        finally:
            reset_id_scope(token)
    assert [m.content for m in await store.transcript(session.id)] == ["Hello!", "Here is the problem."]


async def test_the_turn_gate_runs_turns_in_order_one_at_a_time(store):
    session = await store.create_session(difficulty="easy", language="python")
    first, second = await store.issue_turn(session.id), await store.issue_turn(session.id)
    assert (first, second) == (1, 2)
    assert await store.lease_turn(session.id, "replica-b", 5, second) is None  # turn 1 not done yet
    leased = await store.lease_turn(session.id, "replica-a", 5, first)
    assert (leased.id, leased.lease_owner, leased.turns_issued) == (session.id, "replica-a", 2)  # as it stands
    assert await store.lease_turn(session.id, "replica-b", 5, None) is None  # held by replica-a
    await store.release_turn(session.id, "replica-a", first)
    assert await store.lease_turn(session.id, "replica-b", 5, second) is not None
    await store.release_turn(session.id, "replica-b", None)  # failed: lease freed, turn 2 still undone
    assert (await store.get_session(session.id)).turns_done == 1


async def test_a_turn_is_leased_and_announced_together_or_not_at_all(store):
    session = await store.create_session(difficulty="easy", language="python")
    await store.append_event(server_event(session.id, ServerEventType.SESSION_READY))
    first, second = await store.issue_turn(session.id), await store.issue_turn(session.id)
    early = server_event(session.id, ServerEventType.AGENT_THINKING)
    assert await store.lease_turn_and_announce(session.id, "replica-b", 5, second, early) is None  # turn 1 not done
    assert (await store.get_session(session.id)).last_seq == 1  # so nothing was logged either

    announcement = server_event(session.id, ServerEventType.AGENT_THINKING)
    leased, announced = await store.lease_turn_and_announce(session.id, "replica-a", 5, first, announcement)
    assert leased.lease_owner == "replica-a"
    assert (announced.message_id, announced.seq) == (announcement.message_id, 2)
    assert (await store.get_session(session.id)).last_seq == 2
    assert [e.message_id for e in await store.events_after(session.id, 1)] == [announcement.message_id]


async def test_replicas_racing_for_a_turn_admit_and_announce_it_once(store):
    session = await store.create_session(difficulty="easy", language="python")
    number = await store.issue_turn(session.id)
    announcement = server_event(session.id, ServerEventType.AGENT_THINKING)
    races = [store.lease_turn_and_announce(session.id, f"replica-{i}", 5, number, announcement) for i in range(6)]
    winners = [result for result in await asyncio.gather(*races) if result is not None]
    assert len(winners) == 1
    assert [e.message_id for e in await store.events_after(session.id, 0)] == [announcement.message_id]
    assert (await store.get_session(session.id)).last_seq == 1


async def test_a_redelivered_turn_gets_its_first_announcement_back(store):
    session = await store.create_session(difficulty="easy", language="python")
    number = await store.issue_turn(session.id)
    announcement = server_event(session.id, ServerEventType.AGENT_THINKING)
    _, first = await store.lease_turn_and_announce(session.id, "crashed", -1, number, announcement)
    await store.append_event(server_event(session.id, ServerEventType.INTERVIEWER_MSG))  # then it died
    leased, again = await store.lease_turn_and_announce(session.id, "survivor", 5, number, announcement)
    assert leased.lease_owner == "survivor"
    assert (again.message_id, again.seq) == (first.message_id, first.seq) == (announcement.message_id, 1)
    assert (await store.get_session(session.id)).last_seq == 2  # numbered once, no gap
    assert [e.seq for e in await store.events_after(session.id, 0)] == [1, 2]


async def test_a_silence_check_waits_for_candidate_turns_already_issued(store):
    session = await store.create_session(difficulty="easy", language="python")
    assert await store.lease_turn(session.id, "replica-a", 5, None) is not None  # nothing pending
    await store.release_turn(session.id, "replica-a", None)
    number = await store.issue_turn(session.id)  # the candidate acted: that turn runs first
    assert await store.lease_turn(session.id, "replica-a", 5, None) is None
    assert await store.lease_turn(session.id, "replica-b", 5, number) is not None
    await store.release_turn(session.id, "replica-b", number)
    assert await store.lease_turn(session.id, "replica-a", 5, None) is not None


async def test_a_lapsed_lease_can_be_taken_over(store):
    session = await store.create_session(difficulty="easy", language="python")
    number = await store.issue_turn(session.id)
    assert await store.lease_turn(session.id, "crashed", -1, number) is not None  # already lapsed
    assert await store.lease_turn(session.id, "survivor", 5, number) is not None
    await store.skip_unpublished_turns_before(session.id, 5)  # the running turn is not skipped
    assert (await store.get_session(session.id)).turns_done == 0
    await store.release_turn(session.id, "survivor", number)
    assert (await store.get_session(session.id)).turns_done == number


async def test_the_store_recovers_when_postgresql_closes_its_connections(postgres_url):
    """The server ends every connection (as on a restart): the next calls get fresh ones."""
    import asyncpg

    store = await InterviewStore.open(postgres_url)
    try:
        session = await store.create_session(difficulty="easy", language="python")
        await store.append_event(server_event(session.id, ServerEventType.AGENT_THINKING))
        database = store.engine.url.database
        admin = await asyncpg.connect(store.engine.url.set(drivername="postgresql", database="postgres")
                                      .render_as_string(hide_password=False))
        try:
            closed = await admin.fetchval(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
                database)
        finally:
            await admin.close()
        assert closed >= 2  # the ORM's pooled connection and the hot path's
        await asyncio.sleep(0.1)  # let the event loop see the sockets close

        assert (await store.get_session(session.id)).id == session.id
        assert (await store.append_event(server_event(session.id, ServerEventType.AGENT_THINKING))).seq == 2
        assert await store.issue_turn(session.id) == 1
    finally:
        await store.close()


async def test_an_interview_ends_once_whoever_races_to_end_it(store):
    session = await store.create_session(difficulty="easy", language="python", duration_s=600)
    assert (await store.get_session(session.id)).duration_s == 600
    published = []

    async def publish(events) -> None:
        published.extend(events)

    async def end(reason: str) -> bool:
        async with store.unit_of_work(publish) as uow:
            if not (await uow.interviews.get(session.id)).end(reason, by_turn=f"turn-{reason}"):
                return False
            await uow.commit()
        return True

    outcomes = await asyncio.gather(*(end(reason) for reason in ("finished", "time_limit", "abandoned", "finished")))
    assert outcomes.count(True) == 1
    ended = await store.get_session(session.id)
    winner = ("finished", "time_limit", "abandoned", "finished")[outcomes.index(True)]
    assert ended.end_reason == winner and ended.status == "ended" and ended.ended_at is not None
    assert ended.agent_state["ended_by_turn"] == f"turn-{winner}"
    assert [e.payload["reason"] for e in published] == [winner]


async def test_one_session_watch_chain_survives_and_sockets_are_stamped(store):
    session = await store.create_session(difficulty="easy", language="python")
    assert (await store.get_session(session.id)).socket_seen_at is None
    assert await asyncio.gather(store.advance_watch(session.id, 0), store.advance_watch(session.id, 0)) \
        in ([True, False], [False, True])
    assert not await store.advance_watch(session.id, 0) and await store.advance_watch(session.id, 1)
    await store.touch_sockets([session.id, "unknown"])
    await store.touch_sockets([])
    assert (await store.get_session(session.id)).socket_seen_at is not None


# ---- ids are scoped per session -----------------------------------------------------------------


async def test_the_same_derived_message_id_in_two_sessions_keeps_both_transcript_rows(store):
    """Two candidates' browsers chose the same client message id: each session keeps its own row."""
    a = await store.create_session(difficulty="easy", language="python")
    b = await store.create_session(difficulty="easy", language="python")
    for session in (a, b):
        token = derive_ids_from("client-chosen-id")
        try:
            await store.add_message(session.id, "candidate", f"hello from {session.id}")
        finally:
            reset_id_scope(token)
    assert [m.content for m in await store.transcript(a.id)] == [f"hello from {a.id}"]
    assert [m.content for m in await store.transcript(b.id)] == [f"hello from {b.id}"]


async def test_a_redelivered_transcript_row_is_added_once_and_a_colliding_one_is_refused(store):
    session = await store.create_session(difficulty="easy", language="python")

    async def add(text: str) -> None:
        token = derive_ids_from("same-id")
        try:
            await store.add_message(session.id, "candidate", text)
        finally:
            reset_id_scope(token)

    await add("first")
    await add("first")  # the same bus message handled again: recorded once
    with pytest.raises(MessageIdReused):
        await add("something else")  # never swallowed
    assert [m.content for m in await store.transcript(session.id)] == ["first"]


async def test_a_submission_id_used_by_another_session_never_moves_the_submission(store):
    a = await store.create_session(difficulty="easy", language="python")
    b = await store.create_session(difficulty="easy", language="python")
    fields = dict(submission_id="s-1", language="python", mode="run", verdict="accepted", result={})
    await store.record_submission(a.id, code="mine = 1", **fields)
    await store.record_submission(a.id, code="mine = 1", **fields)  # a redelivery: still one row
    with pytest.raises(MessageIdReused):
        await store.record_submission(b.id, code="theirs = 2", **fields)
    assert [s.code for s in await store.submissions(a.id)] == ["mine = 1"]
    assert await store.submissions(b.id) == []


async def test_a_client_message_id_reused_for_another_event_in_a_session_is_refused(store):
    session = await store.create_session(difficulty="easy", language="python")
    other = await store.create_session(difficulty="easy", language="python")
    number = await store.admit_client_event(session.id, "m1", "digest-a", numbered=True)
    assert await store.admit_client_event(session.id, "m1", "digest-a", numbered=True) == number  # a retry
    with pytest.raises(MessageIdReused):
        await store.admit_client_event(session.id, "m1", "digest-b", numbered=True)
    assert await store.admit_client_event(other.id, "m1", "digest-b", numbered=True) == 1  # its own scope
    assert (await store.get_session(session.id)).turns_issued == 1
