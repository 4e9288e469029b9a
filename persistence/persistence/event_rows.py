"""The server-event log: numbered per session, idempotent by message id; what a socket resumes from
and what the timeline is read from."""

from typing import Any

from asyncpg import UniqueViolationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from contracts.base import utc_now as _now
from contracts.events import ServerEvent

from .errors import UnknownSession
from .models import SessionEvent
from .rows import Rows
from .statements import BUMP_SEQ, INSERT_EVENT, NUMBER_AND_INSERT_EVENT


def logged_copy(seq: int, body: dict[str, Any]) -> ServerEvent:
    return ServerEvent.model_validate(body | {"seq": seq})


class EventRows(Rows):
    # ---- server-event log --------------------------------------------------------------------

    async def append_event(self, event: ServerEvent) -> ServerEvent:
        """Give the event the session's next sequence number and keep it for resumption.

        Idempotent by `message_id`: appending an event the log already holds (a handler redelivered
        after a crash re-emits the same ids) returns the logged copy with its original number. The
        insert is tried first, since duplicates are rare: its unique index finds them, and the failed
        transaction takes its sequence number back.
        """
        try:
            return await self._number_and_insert(event)
        except (IntegrityError, UniqueViolationError):
            logged = await self._logged_event(event)
            if logged is None:
                raise
            return logged

    async def _logged_event(self, event: ServerEvent) -> ServerEvent | None:
        async with self._statements() as db:
            row = (await db.execute(
                select(SessionEvent.seq, SessionEvent.body).where(
                    SessionEvent.session_id == event.session_id, SessionEvent.message_id == event.message_id
                )
            )).first()
        return logged_copy(row.seq, row.body) if row is not None else None

    async def _number_and_insert(self, event: ServerEvent) -> ServerEvent:
        logged = self.event_params(event)
        if self._one_statement:
            row = await self._run.row(NUMBER_AND_INSERT_EVENT, **logged)
            seq = row["seq"] if row is not None else None
        else:
            seq = await self._number_then_insert(logged)
        if seq is None:
            raise UnknownSession(event.session_id)
        return event.model_copy(update={"seq": seq})

    @staticmethod
    def event_params(event: ServerEvent) -> dict[str, Any]:
        # The number lives in its column; `_logged` puts it back.
        return {"session_id": event.session_id, "message_id": event.message_id, "type": event.type.value,
                "body": event.model_dump(mode="json"), "created_at": _now()}

    async def _number_then_insert(self, logged: dict[str, Any]) -> int | None:
        """SQLite has no data-modifying CTEs: the same two steps in a transaction."""
        async with self._sessions.begin() as db:
            # Only its own parameter: SQLAlchemy would add any other key naming a column (`created_at`)
            # to the UPDATE's SET clause.
            seq = await db.scalar(BUMP_SEQ, {"session_id": logged["session_id"]})
            if seq is not None:
                await db.execute(INSERT_EVENT, logged | {"seq": seq})
        return seq

    async def events_after(self, session_id: str, seq: int, limit: int | None = 10_000) -> list[ServerEvent]:
        async with self._statements() as db:
            rows = await db.execute(
                select(SessionEvent.seq, SessionEvent.body)
                .where(SessionEvent.session_id == session_id, SessionEvent.seq > seq)
                .order_by(SessionEvent.seq)
                .limit(limit)
            )
            return [logged_copy(row.seq, row.body) for row in rows]

    async def events_of_type(self, session_id: str, *types: str) -> list[ServerEvent]:
        """Only these kinds of event, in order (an index reads them without the rest of the log)."""
        async with self._statements() as db:
            rows = await db.execute(
                select(SessionEvent.seq, SessionEvent.body)
                .where(SessionEvent.session_id == session_id, SessionEvent.type.in_(types))
                .order_by(SessionEvent.seq)
            )
            return [logged_copy(row.seq, row.body) for row in rows]

