"""What every piece of the store works with (set up once by `InterviewStore`)."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlalchemy.orm import InstrumentedAttribute

from .statements import AsyncpgRunner, SqlAlchemyRunner


class Rows:
    engine: AsyncEngine
    _sessions: async_sessionmaker  # transactions: statements that must commit together
    _statements: async_sessionmaker  # single statements, each committing by itself
    _run: AsyncpgRunner | SqlAlchemyRunner  # the hot statements (see `statements`)
    _one_statement: bool  # PostgreSQL numbers and logs an event in one statement

    async def _session_rows(self, model: type, session_id: str, order_by: InstrumentedAttribute) -> list[Any]:
        """Every row of one kind that belongs to a session, in the order given (transcript, runs, reports)."""
        async with self._statements() as db:
            return list(await db.scalars(select(model).where(model.session_id == session_id).order_by(order_by)))
