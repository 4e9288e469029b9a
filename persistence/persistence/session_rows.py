"""Sessions: create, read, change, and the facts of how an interview ends (time, sockets, the watch)."""

from typing import Any

from sqlalchemy import select, update

from contracts.base import new_id
from contracts.base import utc_now as _now

from .errors import UnknownSession
from .models import InterviewSession
from .rows import Rows


class SessionRows(Rows):
    # ---- sessions ----------------------------------------------------------------------------

    async def create_session(
        self, *, difficulty: str, language: str, topic: str | None = None, candidate_id: str | None = None,
        duration_s: int = 2700, agent_state: dict[str, Any] | None = None,
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
            agent_state=agent_state or {},
            duration_s=duration_s,
            watch_seq=0,
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

    async def save(self, session: InterviewSession, *fields: str) -> None:
        """Write these fields of the session as the caller changed them in memory: the object the turn
        works with is the one truth, never a value written here and then copied onto it by hand."""
        await self.update_session(session.id, **{name: getattr(session, name) for name in fields})

    # ---- the end of an interview (ending itself is `Interview.end`, in a unit of work) ----------

    async def touch_sockets(self, session_ids: list[str]) -> None:
        """A gateway holds a socket for each of these sessions right now."""
        if not session_ids:
            return
        async with self._statements.begin() as db:
            await db.execute(
                update(InterviewSession).where(InterviewSession.id.in_(session_ids)).values(socket_seen_at=_now())
            )

    async def advance_watch(self, session_id: str, seq: int) -> bool:
        """Move the session watch from check `seq` to the next; False if another check got there first."""
        async with self._statements.begin() as db:
            result = await db.execute(
                update(InterviewSession)
                .where(InterviewSession.id == session_id, InterviewSession.watch_seq == seq)
                .values(watch_seq=seq + 1)
            )
        return result.rowcount == 1

