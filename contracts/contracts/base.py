"""Fields every message carries, whichever side of the gateway it travels on.

Ids are random, except while a service handles a bus message: then `new_id()` derives each id from the
handled message's id and a counter. A redelivered message (its worker was killed mid-way) therefore
reproduces the same ids for everything it emits, and stores that dedupe by id do the work once.
"""

import hashlib
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import count
from uuid import uuid4

from pydantic import BaseModel, ConfigDict, Field


@dataclass
class IdScope:
    parent_id: str
    _counter: count = field(default_factory=count)

    def next_id(self) -> str:
        return hashlib.sha256(f"{self.parent_id}:{next(self._counter)}".encode()).hexdigest()[:32]


_id_scope: ContextVar[IdScope | None] = ContextVar("mockmind_id_scope", default=None)


def derive_ids_from(parent_id: str | None):
    """Make `new_id()` derive from `parent_id` in this context (None: random ids). Returns a reset token."""
    return _id_scope.set(IdScope(parent_id) if parent_id else None)


def reset_id_scope(token) -> None:
    _id_scope.reset(token)


def new_id() -> str:
    scope = _id_scope.get()
    return scope.next_id() if scope is not None else uuid4().hex


def session_scoped_id(session_id: str, client_message_id: str) -> str:
    """The bus id of a client event: the browser chooses its ids, so two sessions may pick the same one;
    every id derived from a command (transcript rows, submissions, events) must stay within its session."""
    return hashlib.sha256(f"{session_id}:{client_message_id}".encode()).hexdigest()[:32]


def utc_now() -> datetime:
    return datetime.now(UTC)


class Message(BaseModel):
    """Base of every bus message and server event: an id to dedupe by and when it was made."""

    model_config = ConfigDict(extra="forbid")

    message_id: str = Field(default_factory=new_id)
    session_id: str
    timestamp: datetime = Field(default_factory=utc_now)
