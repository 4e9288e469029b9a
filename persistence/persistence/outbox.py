"""The outbox's other half: events committed but never published (their process died between the
commit and the publish) are sent by a relay, which every service process runs in the background.

    unit of work ── commit (events + outbox entries) ─▶ publish ─▶ relay.published(keys)
    relay, every `every_s`: drop the entries published meanwhile (one DELETE for all of them), then
                            republish entries older than `stale_after_s` (their writer is gone) and drop them

An entry points at its logged event, so the relay sends the logged copy: same message id, same number,
which a gateway that had it already drops. Two relays may both republish one stale entry; that too is
a copy the gateway drops.
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

from sqlalchemy import delete, select, tuple_
from sqlalchemy.ext.asyncio import async_sessionmaker

from contracts.base import utc_now
from contracts.events import ServerEvent

from .event_rows import logged_copy
from .models import OutboxEntry, SessionEvent

log = logging.getLogger("persistence.outbox")
Key = tuple[str, str]  # (session_id, message_id)


class OutboxRelay:
    def __init__(self, statements: async_sessionmaker, publish: Callable[[ServerEvent], Awaitable[None]], *,
                 stale_after_s: float = 3.0, every_s: float = 1.0, batch: int = 200):
        self._statements = statements  # each statement commits by itself
        self._publish = publish
        self.stale_after_s = stale_after_s
        self.every_s = every_s
        self.batch = batch
        self._published: list[Key] = []
        self._task: asyncio.Task | None = None

    def published(self, events: list[ServerEvent]) -> None:
        """These went out live: their entries are dropped on the relay's next round, off the hot path."""
        self._published += [(event.session_id, event.message_id) for event in events]

    async def run_once(self) -> int:
        """One round; returns how many stale events it republished."""
        await self._forget(self._take_published())
        stale = await self._stale()
        for event in stale:
            await self._publish(event)
        await self._forget([(event.session_id, event.message_id) for event in stale])
        if stale:
            log.warning("republished %d events a crash left unpublished", len(stale))
        return len(stale)

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="outbox-relay")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
        await self._forget(self._take_published())

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.every_s)
            try:
                await self.run_once()
            except Exception:  # the database or the broker is briefly away: the next round will do
                log.warning("outbox relay round failed", exc_info=True)

    def _take_published(self) -> list[Key]:
        taken, self._published = self._published, []
        return taken

    async def _stale(self) -> list[ServerEvent]:
        before = utc_now() - timedelta(seconds=self.stale_after_s)
        async with self._statements() as db:
            rows = await db.execute(
                select(SessionEvent.seq, SessionEvent.body)
                .join(OutboxEntry, (OutboxEntry.session_id == SessionEvent.session_id)
                      & (OutboxEntry.message_id == SessionEvent.message_id))
                .where(OutboxEntry.created_at < before)
                .order_by(SessionEvent.session_id, SessionEvent.seq)
                .limit(self.batch)
            )
            return [logged_copy(row.seq, row.body) for row in rows]

    async def _forget(self, keys: list[Key]) -> None:
        for start in range(0, len(keys), self.batch):
            async with self._statements.begin() as db:
                await db.execute(delete(OutboxEntry).where(
                    tuple_(OutboxEntry.session_id, OutboxEntry.message_id).in_(keys[start:start + self.batch])))
