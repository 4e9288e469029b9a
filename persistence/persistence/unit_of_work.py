"""One transaction per handler, and the events it raised published after its commit.

    async with events.unit_of_work() as uow:          # BEGIN
        interview = await uow.interviews.get(id)       # the session, locked (or `attach` the handler's row)
        interview.move_to(Phase.CODING)                # changes and events, in memory
        await uow.commit()                             # fields + rows + numbered events + outbox: COMMIT,
                                                       # then publish; the outbox entries are dropped later
    (leaving the block without `commit()` rolls everything back)

On PostgreSQL the common case (a session's fields and its events, nothing read first) is one prepared
statement, atomic by itself (`statements.save_and_log_with_outbox`): one round trip, fewer than the
separate save and log it replaces. Everything else is one transaction.

A crash between the commit and the publish leaves the events' outbox entries behind; the relay of any
service process republishes them a few seconds later (see `outbox`). They go out as logged, with their
message id and number, so a gateway that saw the first copy drops the second.
"""

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime

from asyncpg import UniqueViolationError
from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from contracts.base import utc_now
from contracts.events import ServerEvent

from .errors import UnknownSession
from .event_rows import EventRows, logged_copy
from .interview import Interview
from .models import InterviewSession, OutboxEntry, SessionEvent
from .run_rows import keep_session_row
from .statements import AsyncpgRunner, save_and_log_with_outbox

log = logging.getLogger("persistence.unit_of_work")
Publish = Callable[[list[ServerEvent]], Awaitable[None]]


class InterviewRepository:
    """The interview aggregates of one unit of work."""

    def __init__(self, db: AsyncSession):
        self._db = db
        self.seen: dict[str, Interview] = {}
        self.read = False  # whether `get` has opened the transaction (and holds a session's lock)

    async def get(self, session_id: str) -> Interview:
        """The session as it stands, locked until the commit. A write, not a read, takes the lock: on
        SQLite a transaction that read first may not write once another connection has."""
        row = (await self._db.execute(
            update(InterviewSession).where(InterviewSession.id == session_id).values(updated_at=utc_now())
            .returning(*InterviewSession.__table__.c)
        )).mappings().first()
        self.read = True
        if row is None:
            raise UnknownSession(session_id)
        return self._track(InterviewSession(**row))

    def attach(self, row: InterviewSession) -> Interview:
        """The handler's own copy of the session (the leased row of a turn): its changes are the truth."""
        return self.seen.get(row.id) or self._track(row)

    def _track(self, row: InterviewSession) -> Interview:
        self.seen[row.id] = interview = Interview(row)
        return interview


class UnitOfWork:
    def __init__(self, transactions: async_sessionmaker, publish: Publish, *, runner: AsyncpgRunner | None = None):
        self._transactions = transactions
        self._publish = publish
        self._runner = runner  # PostgreSQL: the common case goes as one prepared statement
        self._db: AsyncSession | None = None
        self.interviews: InterviewRepository

    async def __aenter__(self) -> "UnitOfWork":
        self._db = self._transactions()
        await self._db.begin()
        self.interviews = InterviewRepository(self._db)
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self._db.close()  # rolls back what was not committed

    async def commit(self) -> list[ServerEvent]:
        """Write every change in one transaction, then publish the raised events (in order, numbered).
        A redelivered handler raises events the log holds already: their logged copies are published."""
        logged = await self._write_at_once() if self._at_once() else None
        if logged is None:
            logged = await self._write_in_transaction()
        try:
            await self._publish(logged)
        except Exception:  # committed: the outbox keeps them, and the relay will send them
            log.warning("publishing %d committed events failed; the outbox relay will retry", len(logged),
                        exc_info=True)
        for interview in self.interviews.seen.values():
            interview.written()
        return logged

    def _at_once(self) -> bool:
        """One session changed and its events, nothing read, no other rows: one statement can do it all."""
        if self._runner is None or self.interviews.read or len(self.interviews.seen) != 1:
            return False
        (interview,) = self.interviews.seen.values()
        return bool(interview.events) and not interview.kept

    async def _write_at_once(self) -> list[ServerEvent] | None:
        """The common case as one statement; None when an event is logged already (a redelivery), for
        the transaction to find which."""
        (interview,) = self.interviews.seen.values()
        fields = tuple(sorted(interview.changed))
        params = {f"field_{name}": getattr(interview.row, name) for name in fields}
        for i, event in enumerate(interview.events, start=1):
            logged = EventRows.event_params(event)
            params |= {f"message_id_{i}": logged["message_id"], f"type_{i}": logged["type"], f"body_{i}": logged["body"]}
        try:
            row = await self._runner.row(save_and_log_with_outbox(fields, len(interview.events)),
                                         session_id=interview.id, now=utc_now(), **params)
        except UniqueViolationError:
            return None
        if row is None:
            raise UnknownSession(interview.id)
        first = row["last_seq"] - len(interview.events) + 1
        return [event.model_copy(update={"seq": first + i}) for i, event in enumerate(interview.events)]

    async def _write_in_transaction(self) -> list[ServerEvent]:
        try:
            logged = await self._write()
        except IntegrityError:
            # An event of this handler is in the log already (a redelivery). Rare: only now is the log
            # read to find which, and the same work is written again without those.
            await self._db.rollback()
            logged = await self._write(careful=True)
        await self._db.commit()
        return logged

    async def _write(self, *, careful: bool = False) -> list[ServerEvent]:
        logged: list[ServerEvent] = []
        for interview in self.interviews.seen.values():
            for row in interview.kept:
                await keep_session_row(self._db, row)
            logged += await self._log_events(interview, careful)
        return logged

    async def _log_events(self, interview: Interview, careful: bool) -> list[ServerEvent]:
        """The aggregate's fields and its events' numbers in one UPDATE; the events and their outbox
        entries in one INSERT each."""
        earlier = await self._logged_already(interview) if careful else {}
        fresh = [event for event in interview.events if event.message_id not in earlier]
        if not interview.changed and not fresh:
            return list(earlier.values())
        now = utc_now()
        fields = {name: getattr(interview.row, name) for name in interview.changed}
        last_seq = await self._db.scalar(
            update(InterviewSession).where(InterviewSession.id == interview.id)
            .values(**fields, last_seq=InterviewSession.last_seq + len(fresh), updated_at=now)
            .returning(InterviewSession.last_seq)
        )
        if last_seq is None:
            raise UnknownSession(interview.id)
        numbered = {event.message_id: event.model_copy(update={"seq": last_seq - len(fresh) + i})
                    for i, event in enumerate(fresh, start=1)}
        if numbered:
            await self._insert_events(list(numbered.values()), now)
        return [earlier.get(event.message_id) or numbered[event.message_id] for event in interview.events]

    async def _insert_events(self, events: list[ServerEvent], now: datetime) -> None:
        await self._db.execute(insert(SessionEvent), [EventRows.event_params(event) | {"seq": event.seq, "created_at": now}
                                                      for event in events])
        await self._db.execute(insert(OutboxEntry), [
            {"session_id": event.session_id, "message_id": event.message_id, "created_at": now} for event in events
        ])

    async def _logged_already(self, interview: Interview) -> dict[str, ServerEvent]:
        ids = [event.message_id for event in interview.events]
        rows = await self._db.execute(select(SessionEvent.seq, SessionEvent.body).where(
            SessionEvent.session_id == interview.id, SessionEvent.message_id.in_(ids)))
        return {row.body["message_id"]: logged_copy(row.seq, row.body) for row in rows}
