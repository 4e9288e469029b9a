"""Tables. The `events` table is the per-session log of server events: its `seq` column is what a
reconnecting browser resumes from, so every event a browser sees is written here first."""

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.sql import false


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, datetime: DateTime(timezone=True)}


class InterviewSession(Base):
    __tablename__ = "sessions"
    __table_args__ = (Index("ix_sessions_candidate_created", "candidate_id", "created_at"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    candidate_id: Mapped[str | None] = mapped_column(String(32))
    difficulty: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(16))
    topic: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="created")
    phase: Mapped[str | None] = mapped_column(String(16))
    question_id: Mapped[str | None] = mapped_column(String(64))
    hint_level: Mapped[int] = mapped_column(Integer, default=0)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    agent_state: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # The turn gate (see `store.lease_turn`): turns numbered by the gateway, run in order, one at a time.
    turns_issued: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    turns_done: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    lease_owner: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[datetime | None]
    turn_checkpoint: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # Its own column, not agent state: the gateway sets it while the interviewer may be mid-turn.
    voice_muted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # How the interview ends (see `interviewer_agent.ending`): the time it may run, from `created_at`;
    # when and why it ended (solved | finished | time_limit | abandoned), set once; when a gateway last
    # held a socket for it; and the number of the session watch's next check.
    duration_s: Mapped[int] = mapped_column(Integer, default=2700, server_default="2700")
    ended_at: Mapped[datetime | None]
    end_reason: Mapped[str | None] = mapped_column(String(16))
    socket_seen_at: Mapped[datetime | None]
    watch_seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The editor as the candidate last left it (snapshots and runs, written by the gateway with the
    # snapshot's diff in the log): what the interviewer and the feedback agent read as "the code".
    code: Mapped[str | None] = mapped_column(Text)
    code_language: Mapped[str | None] = mapped_column(String(16))
    code_changed_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class TurnReceipt(Base):
    """A numbered turn known to exist: the gateway published it, or an interviewer replica has seen it.
    The turn gate's gap timeout skips only numbers without a receipt (their publish failed)."""

    __tablename__ = "turn_receipts"

    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True)
    turn_number: Mapped[int] = mapped_column(Integer, primary_key=True)


class ClientMessage(Base):
    """A client event's `message_id`, scoped to its session: a retry (same id, same event) is recognised,
    another event reusing the id is refused."""

    __tablename__ = "client_messages"

    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True)
    message_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64))  # of the event's type and payload
    turn_number: Mapped[int | None] = mapped_column(Integer)


class TranscriptMessage(Base):
    __tablename__ = "messages"
    __table_args__ = (Index("ux_messages_session_message", "session_id", "message_id", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    message_id: Mapped[str | None] = mapped_column(String(64))
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # candidate | interviewer | tool
    content: Mapped[str] = mapped_column(Text)
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime]


class SessionEvent(Base):
    __tablename__ = "events"
    __table_args__ = (
        UniqueConstraint("session_id", "seq"),
        Index("ux_events_session_message", "session_id", "message_id", unique=True),
        Index("ix_events_session_type", "session_id", "type", "seq"),  # one kind of event, without the rest
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    message_id: Mapped[str] = mapped_column(String(64))
    type: Mapped[str] = mapped_column(String(32))
    body: Mapped[dict[str, Any]]  # the whole ServerEvent as JSON
    created_at: Mapped[datetime]


class CodeSubmission(Base):
    __tablename__ = "code_submissions"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(16))
    mode: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(Text)
    verdict: Mapped[str | None] = mapped_column(String(32))
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime]


class FeedbackReport(Base):
    __tablename__ = "feedback_reports"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # on_demand | final
    report: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]


class ProcessedMessage(Base):
    """Bus messages a handler has finished, so a redelivery does its work once."""

    __tablename__ = "processed_messages"

    message_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    handler: Mapped[str] = mapped_column(String(64), primary_key=True)
    processed_at: Mapped[datetime]


class AudioClip(Base):
    """Interviewer audio, stored once by its content's hash and served by `GET /api/audio/{key}`; the
    event log's `voice_audio` carries the URL, never the audio."""

    __tablename__ = "audio_clips"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    format: Mapped[str] = mapped_column(String(16))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]


class OutboxEntry(Base):
    """A logged event committed with the state it follows and not yet published: the writer publishes it
    right after its commit and deletes the entry; the relay republishes entries a crash left behind. The
    body stays in `events` (the entry only points at it), so a republish sends the logged copy, same id
    and number, which the gateway recognises as one it has seen."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_created", "created_at"),)

    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True)
    message_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[datetime]
