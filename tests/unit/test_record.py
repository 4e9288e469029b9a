"""The session's record on SQLite and PostgreSQL: snapshots kept as line edits and read back whole,
audio kept once by content, the timeline's view of the log."""

import pytest

from contracts.events import (
    InterviewerMsgPayload,
    PhaseChangePayload,
    ServerEventType,
    VoiceAudioPayload,
    server_event,
)
from contracts.sandbox import Language
from persistence.code_edits import apply_edits, edits_between
from persistence.record import timeline
from persistence.store import InterviewStore, UnknownSession


@pytest.fixture
async def store(database_url):
    store = await InterviewStore.open(database_url)
    yield store
    await store.close()


@pytest.mark.parametrize(("before", "after"), [
    ("", "def f():\n    return 1\n"),
    ("def f():\n    return 1\n", "def f():\n    x = 2\n    return x\n"),
    ("a\nb\nc", "a\nc\nd\n"),
    ("keep\n", ""),
    ("no newline at the end", "no newline at the end, still"),
])
def test_edits_rebuild_the_new_code_from_the_old(before, after):
    assert apply_edits(before, edits_between(before, after)) == after


async def test_typing_is_kept_as_edits_and_read_back_as_whole_code(store):
    session = await store.create_session(difficulty="easy", language="python")
    versions = ["def solve(nums):\n    pass\n"]
    for i in range(20):  # a candidate typing, one line at a time
        versions.append(versions[-1].replace("    pass\n", f"    total_{i} = sum(nums)\n    pass\n"))
    for i, code in enumerate(versions):
        assert await store.code.record(session.id, f"snap-{i}", code, Language.PYTHON) is not None

    row = await store.get_session(session.id)
    assert (row.code, row.code_language) == (versions[-1], "python")
    assert row.code_changed_at is not None
    logged = await store.events_of_type(session.id, ServerEventType.CODE_SNAPSHOT)
    assert [e.seq for e in logged] == list(range(1, len(versions) + 1))
    # Each snapshot after the first holds the changed line, not the whole file.
    assert all(len(e.payload["edits"]) == 1 and e.payload["edits"][0][2].count("\n") == 1 for e in logged[1:])

    entries = timeline(await store.events_after(session.id, 0))
    assert [e["payload"]["code"] for e in entries] == versions
    assert {e["type"] for e in entries} == {"code_snapshot"}


async def test_an_unchanged_or_retried_snapshot_is_not_logged_again(store):
    session = await store.create_session(difficulty="easy", language="python")
    assert await store.code.record(session.id, "a", "x = 1\n", Language.PYTHON) is not None
    assert await store.code.record(session.id, "b", "x = 1\n", Language.PYTHON) is None  # same text
    assert await store.code.record(session.id, "a", "x = 2\n", Language.PYTHON) is None  # id logged already
    assert (await store.get_session(session.id)).code == "x = 1\n"  # the retry changed nothing
    assert await store.code.record(session.id, "c", "x = 1\n", Language.GO) is not None  # another language
    assert len(await store.events_after(session.id, 0)) == 2
    with pytest.raises(UnknownSession):
        await store.code.record("nope", "d", "x", Language.PYTHON)


async def test_audio_is_kept_once_by_content(store):
    clip = b"ID3" + bytes(range(256)) * 40
    key = await store.audio.keep(clip, "mp3")
    assert await store.audio.keep(clip, "mp3") == key
    kept = await store.audio.get(key)
    assert (kept.data, kept.format) == (clip, "mp3")
    assert await store.audio.keep(clip + b"!", "mp3") != key
    assert await store.audio.get("0" * 32) is None


async def test_the_timeline_keeps_actions_and_audio_urls_and_drops_the_sockets_chatter(store):
    session = await store.create_session(difficulty="easy", language="python")
    emit = lambda kind, payload=None: store.append_event(server_event(session.id, kind, payload))  # noqa: E731
    await emit(ServerEventType.AGENT_THINKING)
    await emit(ServerEventType.AGENT_PHASE_CHANGE, PhaseChangePayload(from_phase=None, to_phase="greeting"))
    await emit(ServerEventType.INTERVIEWER_MSG, InterviewerMsgPayload(turn_id="t", kind="delta", text="Hi. "))
    await emit(ServerEventType.INTERVIEWER_MSG, InterviewerMsgPayload(turn_id="t", kind="complete", text="Hi."))
    await emit(ServerEventType.VOICE_AUDIO, VoiceAudioPayload(turn_id="t", index=0, format="mp3", text="Hi.",
                                                              url="/api/audio/k"))
    # A session logged before audio moved out of the log: its inline audio never reaches the timeline.
    await emit(ServerEventType.VOICE_AUDIO, VoiceAudioPayload(turn_id="t", index=1, format="mp3", text="Yes.",
                                                              url="", audio_b64="AAAA"))
    entries = timeline(await store.events_after(session.id, 0))
    assert [(e["seq"], e["type"]) for e in entries] == [
        (2, "agent_phase_change"), (4, "interviewer_msg"), (5, "voice_audio"), (6, "voice_audio")]
    assert entries[2]["payload"] == {"url": "/api/audio/k", "sentence_index": 0, "turn_id": "t", "text": "Hi.",
                                     "format": "mp3"}
    assert "audio_b64" not in entries[3]["payload"]
    phases = await store.events_of_type(session.id, ServerEventType.AGENT_PHASE_CHANGE)
    assert [e.seq for e in phases] == [2]


async def test_logging_events_leaves_the_sessions_own_columns_alone(store):
    """Numbering an event bumps `last_seq` and nothing else (a parameter named like a column once
    rewrote `created_at` on SQLite, and with it the report's duration)."""
    session = await store.create_session(difficulty="easy", language="python")
    number = await store.issue_turn(session.id)
    announcement = server_event(session.id, ServerEventType.AGENT_THINKING)
    await store.lease_turn_and_announce(session.id, "replica", 5, number, announcement)
    await store.append_event(server_event(session.id, ServerEventType.HINT_GIVEN))
    await store.release_turn(session.id, "replica", number)
    after = await store.get_session(session.id)
    assert after.created_at.replace(tzinfo=None) == session.created_at.replace(tzinfo=None)
    assert (after.last_seq, after.turns_done, after.lease_owner) == (2, 1, None)
