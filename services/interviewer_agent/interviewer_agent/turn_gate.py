"""The turn gate: a session's turns run in the order the gateway numbered them, one at a time, on
whichever replica takes them, and a turn cut short by a crash is redone from where it started.

    lease free and earlier turns done? ── no, even after a few short waits ─▶ `Deferred`: the bus
                 │ yes                                                      brings the turn back in 250 ms
    checkpoint the session (or, on a redelivery, restore the checkpoint) ─▶ run ─▶ release, mark done

Redoing a turn from its checkpoint reproduces the same ids (see `contracts.base`), so everything the
first attempt already emitted is recognised and nothing reaches the candidate twice.
"""

import asyncio
import contextlib
import hashlib
import logging
from collections.abc import AsyncIterator, Awaitable
from datetime import UTC, datetime

from contracts.bus import TurnRequested
from contracts.events import ServerEvent
from persistence.interview import ENDED_BY_KEY
from persistence.models import InterviewSession
from persistence.store import InterviewStore
from runtime.event_log import EventLog
from runtime.reliability import Deferred

log = logging.getLogger("interviewer-agent.gate")
CHECKPOINTED = ("phase", "question_id", "hint_level", "agent_state")
# A candidate who answers the moment a reply ends may find the previous turn still closing (it frees
# the lease a moment after its last event): wait for that here, briefly, instead of spending a 250 ms
# trip through the defer queue.
SHORT_WAITS_S = (0.005, 0.01, 0.02, 0.04, 0.08)


async def together(*steps: Awaitable[object]) -> None:
    """Independent round trips of a turn (a commit, a broker confirm), waited for at once: each one is a
    hand-off to another process on the way to the candidate's answer. The first failure is raised as
    itself (not an ExceptionGroup), for the retry policy and the logs; the others are cancelled."""
    try:
        async with asyncio.TaskGroup() as group:
            for step in steps:
                group.create_task(step)
    except ExceptionGroup as failed:
        raise failed.exceptions[0] from None


class TurnGate:
    def __init__(self, store: InterviewStore, owner: str, *, events: EventLog | None = None, lease_s: float = 5.0,
                 gap_timeout_s: float = 30.0, short_waits_s: tuple[float, ...] = SHORT_WAITS_S):
        self.store = store
        self.events = events  # publishes announcements; needed only by turns that make one
        self.short_waits_s = short_waits_s
        self.owner = owner
        self.lease_s = lease_s
        self.gap_timeout_s = gap_timeout_s

    @contextlib.asynccontextmanager
    async def hold(self, command: TurnRequested,
                   announcement: ServerEvent | None = None) -> AsyncIterator[InterviewSession | None]:
        """Yields the session, leased, when this replica runs the turn now; None when the turn must not
        run at all (it is already done). Raises `Deferred` to wait while another turn of the session
        runs, `UnknownSession` for a session that does not exist. An `announcement` is logged together
        with the lease and published at once, while the checkpoint is written."""
        holder = self.lease_holder(command)
        leased = await self._lease(command, holder, announcement)
        if leased is None:
            yield None
            return
        session, announced = leased
        renewing = asyncio.create_task(self._keep_lease(session.id, holder))
        finished = False
        try:
            # The broker's confirm and the checkpoint's commit are two round trips on the way to the
            # model call: wait for both at once. (A failed publish leaves a checkpoint of the state the
            # turn started from, so the retry redoes it from there, as after a crash.)
            await together(self._checkpoint_or_restore(session, command),
                           *([self.events.publish(announced)] if announced is not None else []))
            yield session
            finished = True
        finally:
            renewing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await renewing
            # A failed turn frees the lease but stays undone, so it is retried before any later turn.
            await self.store.release_turn(session.id, holder, command.turn_number if finished else None)

    def lease_holder(self, command: TurnRequested) -> str:
        """Who holds the lease: this replica *and* this turn. Two turns of one session on one replica must
        not share a lease: a silence check still closing would let the candidate's next turn in beside it,
        then free the lease under it, and that turn, finding the lease no longer its own, would never be
        marked done (every later turn of the session would wait for it forever). Fits the 64-character column."""
        turn = hashlib.blake2s(command.turn_id.encode(), digest_size=16).hexdigest()
        return f"{self.owner[:31]}/{turn}"

    async def _lease(self, command: TurnRequested, holder: str,
                     announcement: ServerEvent | None) -> tuple[InterviewSession, ServerEvent | None] | None:
        number = command.turn_number
        # The common case in one statement; only a turn that cannot run yet reads the session to see why.
        if leased := await self._try_lease(command.session_id, holder, number, announcement):
            return leased
        for pause in self.short_waits_s:
            await asyncio.sleep(pause)
            if leased := await self._try_lease(command.session_id, holder, number, announcement):
                return leased
        current = await self.store.get_session(command.session_id)
        if number is not None and number <= current.turns_done:
            return None  # a redelivery of a turn that already finished
        if number is not None:
            await self.store.note_turn_published(current.id, number)  # this turn exists: never skip it
        waited_s = (datetime.now(UTC) - command.timestamp).total_seconds()
        if number is not None and waited_s > self.gap_timeout_s and number > current.turns_done + 1:
            # Earlier numbers may never have been published (the gateway's publish failed): skip those,
            # and only those; a turn that is running or queued has a receipt and is waited for.
            log.warning("session %s: turn %d waited %.0f s; skipping unpublished turns before it",
                        current.id, number, waited_s)
            await self.store.skip_unpublished_turns_before(current.id, number)
            if leased := await self._try_lease(current.id, holder, number, announcement):
                return leased
        # Wait, don't drop: even a silence check may find the turn that scheduled it still closing;
        # once it runs, the handler checks whether it is still current.
        raise Deferred(f"turn {number or command.turn_id} of session {current.id} waits for the running one")

    async def _try_lease(self, session_id: str, holder: str, number: int | None,
                         announcement: ServerEvent | None) -> tuple[InterviewSession, ServerEvent | None] | None:
        if announcement is not None and number is not None:
            return await self.store.lease_turn_and_announce(session_id, holder, self.lease_s, number, announcement)
        session = await self.store.lease_turn(session_id, holder, self.lease_s, number)
        if session is None:
            return None
        # An unnumbered turn (a silence check) is never announced on admission; should one be, it is logged now.
        return session, await self.store.append_event(announcement) if announcement is not None else None

    async def _keep_lease(self, session_id: str, holder: str) -> None:
        while True:
            await asyncio.sleep(self.lease_s / 3)
            await self.store.renew_lease(session_id, holder, self.lease_s)

    async def _checkpoint_or_restore(self, session: InterviewSession, command: TurnRequested) -> None:
        checkpoint = session.turn_checkpoint or {}
        if checkpoint.get("turn_id") == command.turn_id:
            log.warning("session %s: redoing turn %s from its checkpoint", session.id, command.turn_id)
            ended_by = session.agent_state.get(ENDED_BY_KEY)
            for name in CHECKPOINTED:
                setattr(session, name, checkpoint["state"][name])
            if ended_by is not None:  # the end is a fact, not the turn's state: a redone end turn must know it ended it
                session.agent_state = {**session.agent_state, ENDED_BY_KEY: ended_by}
            await self.store.save(session, *CHECKPOINTED)
            return
        state = {name: getattr(session, name) for name in CHECKPOINTED}
        await self.store.update_session(session.id, turn_checkpoint={"turn_id": command.turn_id, "state": state})
