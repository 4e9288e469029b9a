"""The session's record beyond the turn machinery: the editor's snapshots (kept as line edits), the
interviewer's audio (kept once, by content) and the timeline read back from the event log.

    gateway ── code_snapshot ─▶ CodeSnapshots.record: session.code ← new code, log ← edits from the old
    tts ────── sentence audio ─▶ AudioClips.keep: one row per distinct clip, the log gets its URL
    GET /timeline ─────────────▶ timeline(): the log in order, snapshots replayed to whole code
"""

import hashlib
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import async_sessionmaker

from contracts.events import CodeSnapshotDiffPayload, ServerEvent, ServerEventType, server_event
from contracts.sandbox import Language

from .code_edits import apply_edits, edits_between
from .errors import UnknownSession
from .models import AudioClip, InterviewSession, SessionEvent

AUDIO_KEY_CHARS = 32  # 128 bits of SHA-256: a URL nobody can guess or enumerate


def audio_url(key: str) -> str:
    return f"/api/audio/{key}"


def _now() -> datetime:
    return datetime.now(UTC)


class CodeSnapshots:
    """The editor's debounced snapshots. The whole latest code lives on the session (the interviewer and
    the feedback agent read it); the log keeps each change as line edits against the one before."""

    def __init__(self, transactions: async_sessionmaker):
        self._transactions = transactions

    async def record(self, session_id: str, message_id: str, code: str, language: Language) -> ServerEvent | None:
        """Keep the snapshot; returns its logged event, or None when nothing changed (a retry, or a
        debounce that fired on the same text). Raises `UnknownSessionCode` for an unknown session."""
        now = _now()
        try:
            return await self._record(session_id, message_id, code, language, now)
        except IntegrityError:  # this snapshot's id is logged already (a retry): nothing more to keep
            return None

    async def _record(self, session_id: str, message_id: str, code: str, language: Language,
                      now: datetime) -> ServerEvent | None:
        async with self._transactions.begin() as db:
            # A write first: it takes the session's lock (the row on PostgreSQL, the file on SQLite)
            # before the previous code is read, so two sockets of one session cannot diff against the
            # same base. It also stamps the activity the silence check looks at.
            previous = (await db.execute(
                update(InterviewSession).where(InterviewSession.id == session_id).values(code_changed_at=now)
                .returning(InterviewSession.code, InterviewSession.code_language)
            )).first()
            if previous is None:
                raise UnknownSession(session_id)
            if previous.code == code and previous.code_language == language.value:
                return None
            seq = await db.scalar(
                update(InterviewSession).where(InterviewSession.id == session_id)
                .values(code=code, code_language=language.value, last_seq=InterviewSession.last_seq + 1)
                .returning(InterviewSession.last_seq)
            )
            payload = CodeSnapshotDiffPayload(language=language, edits=edits_between(previous.code or "", code))
            event = server_event(session_id, ServerEventType.CODE_SNAPSHOT, payload).model_copy(
                update={"message_id": message_id, "seq": seq})
            await db.execute(insert(SessionEvent).values(
                session_id=session_id, seq=seq, message_id=message_id, type=event.type,
                body=event.model_dump(mode="json"), created_at=now,
            ))
        return event


class AudioClips:
    """Interviewer audio by content: the same sentence spoken in a thousand interviews is one row."""

    def __init__(self, statements: async_sessionmaker):
        self._statements = statements

    async def keep(self, data: bytes, audio_format: str) -> str:
        """Store the clip (once) and return its key."""
        key = hashlib.sha256(data).hexdigest()[:AUDIO_KEY_CHARS]
        async with self._statements() as db:
            if await db.scalar(select(AudioClip.key).where(AudioClip.key == key)) is not None:
                return key
        try:
            async with self._statements.begin() as db:
                db.add(AudioClip(key=key, format=audio_format, data=data, created_at=_now()))
        except IntegrityError:
            pass  # stored by another replica meanwhile: the same bytes under the same key
        return key

    async def get(self, key: str) -> AudioClip | None:
        async with self._statements() as db:
            return await db.get(AudioClip, key)


# What the timeline holds: the candidate's and the interviewer's actions, never the socket's chatter
# (`agent_thinking`, streaming deltas, errors about a bad frame).
TIMELINE_TYPES = frozenset({
    ServerEventType.CANDIDATE_MESSAGE, ServerEventType.INTERVIEWER_MSG, ServerEventType.CODE_SNAPSHOT,
    ServerEventType.CODE_RESULT, ServerEventType.HINT_GIVEN, ServerEventType.AGENT_PHASE_CHANGE,
    ServerEventType.FEEDBACK_RESULT, ServerEventType.INTERVIEW_ENDED, ServerEventType.VOICE_AUDIO,
    ServerEventType.PROBLEM_PRESENTED,
})


def timeline(events: list[ServerEvent]) -> list[dict[str, Any]]:
    """The record as the timeline shows it: `{seq, at, type, payload}` in order, snapshots as whole code,
    interviewer replies once complete, audio by URL only."""
    code = ""
    entries = []
    for event in events:
        if event.type not in TIMELINE_TYPES:
            continue
        payload = event.payload
        match event.type:
            case ServerEventType.INTERVIEWER_MSG if payload.get("kind") != "complete":
                continue
            case ServerEventType.CODE_SNAPSHOT:
                snapshot = CodeSnapshotDiffPayload.model_validate(payload)
                code = apply_edits(code, snapshot.edits)
                payload = {"code": code, "language": snapshot.language.value}
            case ServerEventType.VOICE_AUDIO:
                payload = {"url": payload.get("url"), "sentence_index": payload.get("index"),
                           "turn_id": payload.get("turn_id"), "text": payload.get("text"),
                           "format": payload.get("format")}
        entries.append({"seq": event.seq, "at": event.timestamp, "type": event.type.value, "payload": payload})
    return entries
