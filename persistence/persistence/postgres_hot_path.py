"""PostgreSQL's hot path: the statements every candidate turn waits on before the browser sees the
interviewer react (number the turn; lease the session and log the turn's announcement; number and
log an event), and the release that lets the next turn in, sent straight through asyncpg as
prepared statements.

Why: measured on our 2-core machines, numbering a turn took ~2.6 ms through an ORM session (pool
checkout, session set-up, result processing through greenlets) and ~0.9 ms straight through asyncpg,
and a turn's first event waits on two such statements in a row (the gateway's numbering, then the
lease with the announcement). Everything else stays on SQLAlchemy, and SQLite runs these through
SQLAlchemy too (see `InterviewStore`). The SQL here must match `persistence.models`; the store's
tests run both paths against the same expectations.
"""

import json
from datetime import datetime
from typing import Any

import asyncpg
from sqlalchemy.engine import URL

from .models import InterviewSession

ISSUE_TURN = "UPDATE sessions SET turns_issued = turns_issued + 1 WHERE id = $1 RETURNING turns_issued"
# The model's columns by name, not `*`: a column a newer migration adds must not break this code.
_SESSION_COLUMNS = ", ".join(InterviewSession.__table__.columns.keys())
_LEASE = f"""
UPDATE sessions SET lease_owner = $2, lease_until = $3
WHERE id = $1 AND (lease_owner IS NULL OR lease_until < $4 OR lease_owner = $2) AND {{turn_condition}}
RETURNING {_SESSION_COLUMNS}
"""
LEASE_NUMBERED_TURN = _LEASE.format(turn_condition="turns_done = $5 - 1")
# An unnumbered turn (a silence check) waits for every candidate turn the gateway issued.
LEASE_UNNUMBERED_TURN = _LEASE.format(turn_condition="turns_done >= turns_issued")
_RELEASE = """
UPDATE sessions SET lease_owner = NULL, lease_until = NULL, turn_checkpoint = NULL{mark_done}
WHERE id = $1 AND lease_owner = $2
"""
RELEASE_NUMBERED_TURN = _RELEASE.format(mark_done=", turns_done = GREATEST(turns_done, $3)")
RELEASE_UNNUMBERED_TURN = _RELEASE.format(mark_done="")
# A candidate's turn is announced (`agent_thinking`) the moment it is admitted: the lease and the
# announcement's number and log entry in one statement, so the first event waits on one round trip,
# not two. An announcement already logged (a redelivered turn) is neither numbered nor inserted again:
# `announced_seq` comes back NULL and the caller republishes the logged copy.
LEASE_NUMBERED_TURN_AND_ANNOUNCE = f"""
WITH seen AS (
    SELECT EXISTS (SELECT 1 FROM events WHERE session_id = $1 AND message_id = $6) AS logged
), leased AS (
    UPDATE sessions SET lease_owner = $2, lease_until = $3,
        last_seq = last_seq + CASE WHEN (SELECT logged FROM seen) THEN 0 ELSE 1 END
    WHERE id = $1 AND (lease_owner IS NULL OR lease_until < $4 OR lease_owner = $2) AND turns_done = $5 - 1
    RETURNING {_SESSION_COLUMNS}
), announced AS (
    INSERT INTO events (session_id, seq, message_id, type, body, created_at)
    SELECT $1, last_seq, $6, $7, $8, $9 FROM leased WHERE NOT (SELECT logged FROM seen)
    RETURNING seq
)
SELECT leased.*, (SELECT seq FROM announced) AS announced_seq FROM leased
"""
# Numbering and insert in one statement (a data-modifying CTE): one round trip, atomic.
NUMBER_AND_INSERT_EVENT = """
WITH bumped AS (UPDATE sessions SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq)
INSERT INTO events (session_id, seq, message_id, type, body, created_at)
SELECT $1, last_seq, $2, $3, $4, $5 FROM bumped
RETURNING seq
"""


class _StatelessConnection(asyncpg.Connection):
    """These statements leave no session state behind (no SET, LISTEN, cursor or advisory lock), so a
    connection going back to the pool skips asyncpg's reset query: one round trip less per statement
    (p50 0.65 → 0.38 ms for a trivial one, measured). asyncpg still ends any open transaction."""

    def get_reset_query(self) -> str:
        return ""


async def _decode_json(connection: asyncpg.Connection) -> None:
    for name in ("json", "jsonb"):
        await connection.set_type_codec(name, encoder=json.dumps, decoder=json.loads, schema="pg_catalog")


class PostgresHotPath:
    def __init__(self, pool: asyncpg.Pool):
        self.pool = pool

    @classmethod
    async def open(cls, url: URL, *, max_size: int = 10) -> "PostgresHotPath":
        dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
        pool = await asyncpg.create_pool(dsn, min_size=1, max_size=max_size, init=_decode_json,
                                         connection_class=_StatelessConnection)
        return cls(pool)

    async def close(self) -> None:
        await self.pool.close()

    async def issue_turn(self, session_id: str) -> int | None:
        return await self.pool.fetchval(ISSUE_TURN, session_id)

    async def lease_turn(self, session_id: str, owner: str, now: datetime, until: datetime,
                         turn_number: int | None) -> InterviewSession | None:
        if turn_number is None:
            row = await self.pool.fetchrow(LEASE_UNNUMBERED_TURN, session_id, owner, until, now)
        else:
            row = await self.pool.fetchrow(LEASE_NUMBERED_TURN, session_id, owner, until, now, turn_number)
        return InterviewSession(**dict(row)) if row is not None else None

    async def lease_numbered_turn_and_announce(
        self, session_id: str, owner: str, now: datetime, until: datetime, turn_number: int, message_id: str,
        event_type: str, body: dict[str, Any], created_at: datetime,
    ) -> tuple[InterviewSession, int | None] | None:
        """(the leased session, the announcement's number or None if it was logged before), or None
        when the turn cannot run yet."""
        row = await self.pool.fetchrow(LEASE_NUMBERED_TURN_AND_ANNOUNCE, session_id, owner, until, now, turn_number,
                                       message_id, event_type, body, created_at)
        if row is None:
            return None
        columns = dict(row)
        announced_seq = columns.pop("announced_seq")
        return InterviewSession(**columns), announced_seq

    async def release_turn(self, session_id: str, owner: str, turn_number: int | None) -> None:
        if turn_number is None:
            await self.pool.execute(RELEASE_UNNUMBERED_TURN, session_id, owner)
        else:
            await self.pool.execute(RELEASE_NUMBERED_TURN, session_id, owner, turn_number)

    async def number_and_insert_event(self, session_id: str, message_id: str, event_type: str,
                                      body: dict[str, Any], created_at: datetime) -> int | None:
        """The event's sequence number, or None for an unknown session. A duplicate message id raises
        `asyncpg.UniqueViolationError`."""
        return await self.pool.fetchval(NUMBER_AND_INSERT_EVENT, session_id, message_id, event_type, body, created_at)
