"""`InterviewStore`: every read and write the services make, as plain async methods.

Services never build queries themselves; they call these, which keeps the SQL in one place and lets
the same store run on SQLite and PostgreSQL. One handle for the services, one module per concern:

    session_rows     sessions, and how an interview ends        transcript_rows  what was said
    event_rows       the numbered server-event log               run_rows         code runs and reports
    turn_rows        the turn gate (numbers, client ids, lease)  processed_rows   redelivered bus messages
    record           code snapshots as edits, audio by content, the timeline
    statements       the hot statements, written once, run through asyncpg on PostgreSQL
    interview        the interview-session aggregate: changes and the events they raise
    unit_of_work     one transaction per handler; events logged with an outbox entry, published after
    outbox           the relay that republishes what a crash left unpublished
"""

from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncEngine

from contracts.events import ServerEvent

from .database import create_engine, migrate, session_factory
from .errors import MessageIdReused, UnknownSession
from .event_rows import EventRows
from .outbox import OutboxRelay
from .processed_rows import ProcessedRows
from .record import AudioClips, CodeSnapshots
from .run_rows import RunRows
from .session_rows import SessionRows
from .statements import AsyncpgRunner, SqlAlchemyRunner, open_runner
from .transcript_rows import TranscriptRows
from .turn_rows import TurnRows
from .unit_of_work import Publish, UnitOfWork

__all__ = ["InterviewStore", "MessageIdReused", "UnknownSession"]


class InterviewStore(SessionRows, TranscriptRows, EventRows, RunRows, TurnRows, ProcessedRows):
    def __init__(self, engine: AsyncEngine, runner: AsyncpgRunner | SqlAlchemyRunner):
        self.engine = engine
        self._sessions = session_factory(engine)  # transactions: statements that must commit together
        # Single statements commit by themselves: no BEGIN/COMMIT round trips on the hot paths.
        self._statements = session_factory(engine.execution_options(isolation_level="AUTOCOMMIT"))
        # The statements a turn's first event waits on, run the fastest way the database allows (see
        # `statements`); PostgreSQL can also number and log an event in one statement.
        self._run = runner
        self._one_statement = engine.dialect.name == "postgresql"
        self.code = CodeSnapshots(self._sessions)
        self.audio = AudioClips(self._statements)

    @classmethod
    async def open(cls, url: str, *, run_migrations: bool = True) -> "InterviewStore":
        engine = create_engine(url)
        if run_migrations:
            await migrate(engine)
        return cls(engine, await open_runner(engine))

    def unit_of_work(self, publish: Publish) -> UnitOfWork:
        """One handler's transaction; `publish` sends its events once committed (see `unit_of_work`)."""
        return UnitOfWork(self._sessions, publish, runner=self._run if self._one_statement else None)

    def outbox_relay(self, publish: Callable[[ServerEvent], Awaitable[None]], **timing: float) -> OutboxRelay:
        return OutboxRelay(self._statements, publish, **timing)

    async def close(self) -> None:
        await self._run.close()
        await self.engine.dispose()

    async def ping(self) -> None:
        async with self.engine.connect() as conn:
            await conn.exec_driver_sql("SELECT 1")
