"""`InterviewStore`: every read and write the services make, as plain async methods.

Services never build queries themselves; they call these, which keeps the SQL in one place and lets
the same store run on SQLite and PostgreSQL.
"""

from datetime import UTC, datetime, timedelta
from typing import Any

from asyncpg import UniqueViolationError
from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from contracts.base import new_id
from contracts.events import ServerEvent

from .database import create_engine, migrate, session_factory
from .models import (
    CodeSubmission,
    FeedbackReport,
    InterviewSession,
    ProcessedMessage,
    SessionEvent,
    TranscriptMessage,
)
from .postgres_hot_path import PostgresHotPath


class UnknownSession(LookupError):
    pass


def _now() -> datetime:
    return datetime.now(UTC)


def _logged(seq: int, body: dict[str, Any]) -> ServerEvent:
    return ServerEvent.model_validate(body | {"seq": seq})


class InterviewStore:
    def __init__(self, engine: AsyncEngine, hot_path: PostgresHotPath | None = None):
        self.engine = engine
        self._sessions = session_factory(engine)  # transactions: statements that must commit together
        # Single statements commit by themselves: no BEGIN/COMMIT round trips on the hot paths.
        self._statements = session_factory(engine.execution_options(isolation_level="AUTOCOMMIT"))
        # On PostgreSQL, the few statements a turn's first event waits on skip the ORM (see its module).
        self._hot = hot_path

    @classmethod
    async def open(cls, url: str, *, run_migrations: bool = True) -> "InterviewStore":
        engine = create_engine(url)
        if run_migrations:
            await migrate(engine)
        hot_path = await PostgresHotPath.open(engine.url) if engine.dialect.name == "postgresql" else None
        return cls(engine, hot_path)

    async def close(self) -> None:
        if self._hot is not None:
            await self._hot.close()
        await self.engine.dispose()

    async def ping(self) -> None:
        async with self.engine.connect() as conn:
            await conn.exec_driver_sql("SELECT 1")

    # ---- sessions ----------------------------------------------------------------------------

    async def create_session(
        self, *, difficulty: str, language: str, topic: str | None = None, candidate_id: str | None = None
    ) -> InterviewSession:
        now = _now()
        row = InterviewSession(
            id=new_id(),
            candidate_id=candidate_id,
            difficulty=difficulty,
            language=language,
            topic=topic,
            status="created",
            phase=None,
            hint_level=0,
            last_seq=0,
            agent_state={},
            created_at=now,
            updated_at=now,
        )
        async with self._sessions.begin() as db:
            db.add(row)
        return row

    async def get_session(self, session_id: str) -> InterviewSession:
        async with self._statements() as db:
            row = await db.get(InterviewSession, session_id)
        if row is None:
            raise UnknownSession(session_id)
        return row

    async def candidate_sessions(self, candidate_id: str, *, limit: int, offset: int) -> list[InterviewSession]:
        """A candidate's sessions, newest first."""
        async with self._statements() as db:
            rows = await db.scalars(
                select(InterviewSession)
                .where(InterviewSession.candidate_id == candidate_id)
                .order_by(InterviewSession.created_at.desc(), InterviewSession.id)
                .limit(limit)
                .offset(offset)
            )
            return list(rows)

    async def update_session(self, session_id: str, **fields: Any) -> None:
        async with self._statements.begin() as db:
            result = await db.execute(
                update(InterviewSession)
                .where(InterviewSession.id == session_id)
                .values(**fields, updated_at=_now())
            )
            if result.rowcount == 0:
                raise UnknownSession(session_id)

    # ---- transcript --------------------------------------------------------------------------

    async def add_message(self, session_id: str, role: str, content: str, **extra: Any) -> None:
        """Append to the transcript; a redelivered handler adding the same message adds it once."""
        try:
            async with self._statements.begin() as db:
                db.add(
                    TranscriptMessage(
                        message_id=new_id(), session_id=session_id, role=role, content=content,
                        extra=extra, created_at=_now(),
                    )
                )
        except IntegrityError:
            pass  # already recorded by an earlier delivery of the same bus message

    async def transcript(self, session_id: str) -> list[TranscriptMessage]:
        async with self._statements() as db:
            rows = await db.scalars(
                select(TranscriptMessage)
                .where(TranscriptMessage.session_id == session_id)
                .order_by(TranscriptMessage.id)
            )
            return list(rows)

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
        return _logged(row.seq, row.body) if row is not None else None

    async def _number_and_insert(self, event: ServerEvent) -> ServerEvent:
        body = event.model_dump(mode="json")  # the number lives in its column; `_logged` puts it back
        if self._hot is not None:
            seq = await self._hot.number_and_insert_event(event.session_id, event.message_id, event.type, body, _now())
        else:
            seq = await self._number_then_insert(event, body)
        if seq is None:
            raise UnknownSession(event.session_id)
        return event.model_copy(update={"seq": seq})

    async def _number_then_insert(self, event: ServerEvent, body: dict[str, Any]) -> int | None:
        """SQLite has no data-modifying CTEs: a transaction of two statements."""
        async with self._sessions.begin() as db:
            seq = await db.scalar(
                update(InterviewSession)
                .where(InterviewSession.id == event.session_id)
                .values(last_seq=InterviewSession.last_seq + 1)
                .returning(InterviewSession.last_seq)
            )
            if seq is not None:
                await db.execute(insert(SessionEvent).values(
                    session_id=event.session_id, seq=seq, message_id=event.message_id, type=event.type,
                    body=body, created_at=_now(),
                ))
        return seq

    async def events_after(self, session_id: str, seq: int, limit: int = 10_000) -> list[ServerEvent]:
        async with self._statements() as db:
            rows = await db.execute(
                select(SessionEvent.seq, SessionEvent.body)
                .where(SessionEvent.session_id == session_id, SessionEvent.seq > seq)
                .order_by(SessionEvent.seq)
                .limit(limit)
            )
            return [_logged(row.seq, row.body) for row in rows]

    # ---- code and feedback -------------------------------------------------------------------

    async def record_submission(
        self, session_id: str, *, submission_id: str, language: str, mode: str, code: str,
        verdict: str | None, result: dict[str, Any] | None,
    ) -> None:
        async with self._sessions.begin() as db:
            await db.merge(
                CodeSubmission(
                    id=submission_id, session_id=session_id, language=language, mode=mode, code=code,
                    verdict=verdict, result=result, created_at=_now(),
                )
            )

    async def submissions(self, session_id: str) -> list[CodeSubmission]:
        async with self._statements() as db:
            rows = await db.scalars(
                select(CodeSubmission)
                .where(CodeSubmission.session_id == session_id)
                .order_by(CodeSubmission.created_at)
            )
            return list(rows)

    async def save_feedback(self, session_id: str, *, report_id: str, kind: str, report: dict[str, Any]) -> None:
        async with self._sessions.begin() as db:
            await db.merge(
                FeedbackReport(id=report_id, session_id=session_id, kind=kind, report=report, created_at=_now())
            )

    async def feedback_reports(self, session_id: str) -> list[FeedbackReport]:
        async with self._statements() as db:
            rows = await db.scalars(
                select(FeedbackReport)
                .where(FeedbackReport.session_id == session_id)
                .order_by(FeedbackReport.created_at)
            )
            return list(rows)

    # ---- the turn gate -----------------------------------------------------------------------
    # Turns of one session run in the order the gateway numbered them, never two at once, whichever
    # replica takes them. A replica holds a short lease while it runs a turn; if it dies, the lease
    # lapses and the redelivered turn runs again from the checkpoint taken when it first started.

    async def issue_turn(self, session_id: str) -> int:
        """The next turn number of a session (called by the gateway as it publishes the turn)."""
        if self._hot is not None:
            number = await self._hot.issue_turn(session_id)
        else:
            async with self._statements.begin() as db:
                number = await db.scalar(
                    update(InterviewSession)
                    .where(InterviewSession.id == session_id)
                    .values(turns_issued=InterviewSession.turns_issued + 1)
                    .returning(InterviewSession.turns_issued)
                )
        if number is None:
            raise UnknownSession(session_id)
        return number

    async def lease_turn(self, session_id: str, owner: str, lease_s: float,
                         turn_number: int | None) -> InterviewSession | None:
        """Take the session's lease if it is free (or lapsed, or ours) and, for a numbered turn, if every
        earlier turn is done; an unnumbered turn (a silence check) also waits for every candidate turn the
        gateway has issued, since those come first and usually make the check stale. Returns the session
        as it stands once leased (one statement: the turn needs no separate read), or None if not taken."""
        now = _now()
        if self._hot is not None:
            return await self._hot.lease_turn(session_id, owner, now, now + timedelta(seconds=lease_s), turn_number)
        conditions = [
            InterviewSession.id == session_id,
            (InterviewSession.lease_owner.is_(None)) | (InterviewSession.lease_until < now)
            | (InterviewSession.lease_owner == owner),
        ]
        if turn_number is not None:
            conditions.append(InterviewSession.turns_done == turn_number - 1)
        else:
            conditions.append(InterviewSession.turns_done >= InterviewSession.turns_issued)
        async with self._statements.begin() as db:
            return await db.scalar(
                update(InterviewSession).where(*conditions)
                .values(lease_owner=owner, lease_until=now + timedelta(seconds=lease_s))
                .returning(InterviewSession)
                .execution_options(synchronize_session=False)
            )

    async def lease_turn_and_announce(self, session_id: str, owner: str, lease_s: float, turn_number: int,
                                      announcement: ServerEvent) -> tuple[InterviewSession, ServerEvent] | None:
        """`lease_turn` for a numbered turn that tells the candidate it was admitted: the lease and the
        announcement's place in the event log are taken together, in one statement on PostgreSQL. Returns
        the leased session and the logged announcement (its first copy when the turn is redelivered), or
        None when the turn cannot run yet (and then nothing is logged)."""
        if self._hot is not None:
            try:
                return await self._lease_and_announce_at_once(session_id, owner, lease_s, turn_number, announcement)
            except UniqueViolationError:
                pass  # logged since the statement began (a lapsed lease's holder): the two steps find that copy
        session = await self.lease_turn(session_id, owner, lease_s, turn_number)
        return (session, await self.append_event(announcement)) if session is not None else None

    async def _lease_and_announce_at_once(self, session_id: str, owner: str, lease_s: float, turn_number: int,
                                          announcement: ServerEvent) -> tuple[InterviewSession, ServerEvent] | None:
        now = _now()
        leased = await self._hot.lease_numbered_turn_and_announce(
            session_id, owner, now, now + timedelta(seconds=lease_s), turn_number,
            announcement.message_id, announcement.type, announcement.model_dump(mode="json"), now)
        if leased is None:
            return None
        session, seq = leased
        if seq is None:  # a redelivered turn: its announcement is in the log already
            return session, await self.append_event(announcement)
        return session, announcement.model_copy(update={"seq": seq})

    async def renew_lease(self, session_id: str, owner: str, lease_s: float) -> bool:
        async with self._statements.begin() as db:
            result = await db.execute(
                update(InterviewSession)
                .where(InterviewSession.id == session_id, InterviewSession.lease_owner == owner)
                .values(lease_until=_now() + timedelta(seconds=lease_s))
            )
        return result.rowcount == 1

    async def release_turn(self, session_id: str, owner: str, turn_number: int | None) -> None:
        """Free the lease; a numbered turn is marked done so the next one may run."""
        if self._hot is not None:
            await self._hot.release_turn(session_id, owner, turn_number)
            return
        values: dict[str, Any] = {"lease_owner": None, "lease_until": None, "turn_checkpoint": None}
        if turn_number is not None:
            values["turns_done"] = func.max(InterviewSession.turns_done, turn_number) \
                if self.engine.dialect.name == "sqlite" else func.greatest(InterviewSession.turns_done, turn_number)
        async with self._statements.begin() as db:
            await db.execute(
                update(InterviewSession)
                .where(InterviewSession.id == session_id, InterviewSession.lease_owner == owner)
                .values(**values)
            )

    async def skip_turns_before(self, session_id: str, turn_number: int) -> None:
        """Give up waiting for earlier turns that never arrived (their publish failed at the gateway)."""
        async with self._statements.begin() as db:
            await db.execute(
                update(InterviewSession)
                .where(InterviewSession.id == session_id, InterviewSession.turns_done < turn_number - 1)
                .values(turns_done=turn_number - 1)
            )

    # ---- idempotency -------------------------------------------------------------------------

    async def claim_message(self, message_id: str, handler: str) -> bool:
        """True the first time a handler sees this message id; False on a redelivery."""
        try:
            async with self._statements.begin() as db:
                db.add(ProcessedMessage(message_id=message_id, handler=handler, processed_at=_now()))
        except IntegrityError:
            return False
        return True
