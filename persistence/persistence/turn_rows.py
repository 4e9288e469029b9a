"""The turn gate's rows (see `interviewer_agent.turn_gate`): turn numbers, client ids, the lease."""

from datetime import UTC, datetime, timedelta

from asyncpg import UniqueViolationError
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from contracts.base import utc_now as _now
from contracts.events import ServerEvent

from .errors import MessageIdReused, UnknownSession
from .models import ClientMessage, InterviewSession, TurnReceipt
from .rows import Rows
from .statements import (
    ISSUE_TURN,
    LEASE_NUMBERED_TURN,
    LEASE_NUMBERED_TURN_AND_ANNOUNCE,
    LEASE_UNNUMBERED_TURN,
    RELEASE_NUMBERED_TURN,
    RELEASE_UNNUMBERED_TURN,
    session_row,
)


def _aware(moment: datetime | None) -> datetime:
    """SQLite hands back naive datetimes (stored in UTC)."""
    if moment is None:
        return datetime.min.replace(tzinfo=UTC)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class TurnRows(Rows):
    # ---- the turn gate -----------------------------------------------------------------------
    # Turns of one session run in the order the gateway numbered them, never two at once, whichever
    # replica takes them. A replica holds a short lease while it runs a turn; if it dies, the lease
    # lapses and the redelivered turn runs again from the checkpoint taken when it first started.

    async def issue_turn(self, session_id: str) -> int:
        """The next turn number of a session (called by the gateway as it publishes the turn)."""
        issued = await self._run.row(ISSUE_TURN, session_id=session_id)
        if issued is None:
            raise UnknownSession(session_id)
        return issued["turns_issued"]

    async def admit_client_event(self, session_id: str, message_id: str, digest: str, *, numbered: bool) -> int | None:
        """Record a client event's id in its session (and, for a turn, issue its number). A retry (same id,
        same `digest` of type and payload) gets the number issued the first time; the id reused for a
        different event raises `MessageIdReused`. Returns the turn number (None when not `numbered`)."""
        try:
            async with self._sessions.begin() as db:
                kept = await db.get(ClientMessage, (session_id, message_id))
                if kept is not None:
                    return self._retried(kept, digest)
                number = await self._issue_turn_in(db, session_id) if numbered else None
                db.add(ClientMessage(session_id=session_id, message_id=message_id, digest=digest, turn_number=number))
            return number
        except IntegrityError:  # the same id admitted concurrently (two sockets of one session)
            async with self._statements() as db:
                kept = await db.get(ClientMessage, (session_id, message_id))
            if kept is None:
                raise
            return self._retried(kept, digest)

    @staticmethod
    def _retried(kept: ClientMessage, digest: str) -> int | None:
        if kept.digest != digest:
            raise MessageIdReused(f"message_id {kept.message_id} was already used in this session for another event")
        return kept.turn_number

    @staticmethod
    async def _issue_turn_in(db, session_id: str) -> int:
        number = await db.scalar(ISSUE_TURN, {"session_id": session_id})
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
        lease = {"session_id": session_id, "owner": owner, "now": now, "until": now + timedelta(seconds=lease_s)}
        if turn_number is None:
            row = await self._run.row(LEASE_UNNUMBERED_TURN, **lease)
        else:
            row = await self._run.row(LEASE_NUMBERED_TURN, **lease, turn_number=turn_number)
        return session_row(row) if row is not None else None

    async def lease_turn_and_announce(self, session_id: str, owner: str, lease_s: float, turn_number: int,
                                      announcement: ServerEvent) -> tuple[InterviewSession, ServerEvent] | None:
        """`lease_turn` for a numbered turn that tells the candidate it was admitted: the lease and the
        announcement's place in the event log are taken together, in one statement on PostgreSQL. Returns
        the leased session and the logged announcement (its first copy when the turn is redelivered), or
        None when the turn cannot run yet (and then nothing is logged)."""
        if self._one_statement:
            try:
                return await self._lease_and_announce_at_once(session_id, owner, lease_s, turn_number, announcement)
            except UniqueViolationError:
                pass  # logged since the statement began (a lapsed lease's holder): the two steps find that copy
        session = await self.lease_turn(session_id, owner, lease_s, turn_number)
        return (session, await self.append_event(announcement)) if session is not None else None

    async def _lease_and_announce_at_once(self, session_id: str, owner: str, lease_s: float, turn_number: int,
                                          announcement: ServerEvent) -> tuple[InterviewSession, ServerEvent] | None:
        now = _now()
        row = await self._run.row(LEASE_NUMBERED_TURN_AND_ANNOUNCE, **self.event_params(announcement), owner=owner,
                                  now=now, until=now + timedelta(seconds=lease_s), turn_number=turn_number)
        if row is None:
            return None
        seq = row.pop("announced_seq")
        session = session_row(row)
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
        if turn_number is None:
            await self._run.run(RELEASE_UNNUMBERED_TURN, session_id=session_id, owner=owner)
        else:
            await self._run.run(RELEASE_NUMBERED_TURN, session_id=session_id, owner=owner, turn_number=turn_number)

    async def note_turn_published(self, session_id: str, turn_number: int) -> None:
        """Record that a numbered turn exists (its publish succeeded, or a replica received it), so the
        gap timeout never skips it however long it waits."""
        try:
            async with self._statements.begin() as db:
                db.add(TurnReceipt(session_id=session_id, turn_number=turn_number))
        except IntegrityError:
            pass  # noted already: the receipt is a fact, recording it twice changes nothing

    async def skip_unpublished_turns_before(self, session_id: str, turn_number: int) -> None:
        """Give up waiting for earlier turns that were never published (their publish failed at the
        gateway): the run of numbers right after the last done turn that has no receipt is marked done,
        up to the first turn known to exist. A turn with a receipt, running or queued, is never skipped."""
        async with self._sessions.begin() as db:
            session = (await db.execute(
                select(InterviewSession.turns_done, InterviewSession.lease_owner, InterviewSession.lease_until)
                .where(InterviewSession.id == session_id)
            )).first()
            if session is None or session.turns_done >= turn_number - 1:
                return
            if session.lease_owner is not None and _aware(session.lease_until) >= _now():
                return  # the turn after the last done one is running: it exists
            done = session.turns_done
            next_known = await db.scalar(
                select(func.min(TurnReceipt.turn_number)).where(
                    TurnReceipt.session_id == session_id, TurnReceipt.turn_number > done,
                    TurnReceipt.turn_number < turn_number)
            )
            skip_to = (next_known or turn_number) - 1
            if skip_to > done:
                await db.execute(
                    update(InterviewSession)
                    .where(InterviewSession.id == session_id, InterviewSession.turns_done == done)
                    .values(turns_done=skip_to)
                )

