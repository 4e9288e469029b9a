"""Tables. The `events` table is the per-session log of server events: its `seq` column is what a
reconnecting browser resumes from, so every event a browser sees is written here first."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
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
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class TranscriptMessage(Base):
    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    message_id: Mapped[str | None] = mapped_column(String(64), unique=True)
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
