"""How an interview ends, and the watch that ends it when nobody presses Finish.

An interview ends once, for one of four reasons, and every ending gets the final report:

    solved      an accepted submission wraps up (see `InterviewTurn.move_to`)
    finished    the candidate pressed Finish (client event `end_interview` → `EndInterviewAction`)
    time_limit  the session's `duration_s` since it was created has run out
    abandoned   no gateway has held a socket for the session for `ABANDON_AFTER_S`

The last two are found by the session watch: a chain of `SessionWatchAction` turns, each parked in a
delay queue (the same RabbitMQ TTL mechanism as silence check-ins) for `SESSION_WATCH_INTERVAL_S`,
so it survives restarts and any replica can take it. Each check reads the session: ended → the chain
stops; time up or socket gone → it sends `EndInterviewAction`; else it parks the next check. The
check carries `watch_seq`, and only the check that moves the session's `watch_seq` on may continue,
so however many chains were started (a second `start_interview`, a redelivery) one survives.
Gateways stamp `socket_seen_at` on connect, on disconnect and every `SOCKET_SEEN_INTERVAL_S` while a
socket is open, so "no socket" holds across gateway replicas and restarts.
"""

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from faststream.rabbit import RabbitBroker

from contracts.bus import EndInterviewAction, SessionWatchAction, TurnRequested
from contracts.topology import RoutingKey
from persistence.models import InterviewSession
from persistence.store import InterviewStore, UnknownSession
from runtime.broker import command_publisher

from .silence import DelayedTurns

log = logging.getLogger("interviewer-agent")

CLOSING = {
    "finished": "Thanks for your time today; let's stop here. I'm preparing your feedback report now.",
    "time_limit": "We're out of time, so let's stop here. Thanks for working through it with me; "
                  "I'm preparing your feedback report now.",
    "abandoned": "It looks like you've left the interview, so I've ended it. Your feedback report will be "
                 "ready in a moment.",
}


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def reason_to_end(session: InterviewSession, now: datetime, abandon_after_s: float) -> str | None:
    """Why a running interview should end now, if it should: its time is up, or its candidate has gone
    (no socket since `socket_seen_at`, or since it was created if none was ever open)."""
    if session.ended_at is not None:
        return None
    started = _aware(session.created_at)
    if now >= started + timedelta(seconds=session.duration_s):
        return "time_limit"
    last_seen = _aware(session.socket_seen_at) if session.socket_seen_at else started
    if now - last_seen >= timedelta(seconds=abandon_after_s):
        return "abandoned"
    return None


class SessionWatch:
    def __init__(self, broker: RabbitBroker, store: Callable[[], InterviewStore], *, interval_s: float, abandon_after_s: float):
        self._store = store  # looked up on use: the runtime opens its store once the service has started
        self.interval_s = interval_s
        self.abandon_after_s = abandon_after_s
        self.delayed = DelayedTurns(broker, interval_s)  # a delayed turn, like a silence check
        self.end_turns = command_publisher(broker, RoutingKey.TURN_REQUESTED, TurnRequested)

    @property
    def store(self) -> InterviewStore:
        return self._store()

    async def start(self, session: InterviewSession) -> None:
        """Begin watching a session (its interview has started); a chain already running wins over this one."""
        if self.interval_s > 0 and session.ended_at is None:
            await self._park(session.id, session.watch_seq)

    async def check(self, session_id: str, check: SessionWatchAction) -> None:
        try:
            session = await self.store.get_session(session_id)
        except UnknownSession:
            return
        if session.ended_at is not None or check.watch_seq != session.watch_seq:
            return  # over, or an older chain: a newer check carries on
        reason = reason_to_end(session, datetime.now(UTC), self.abandon_after_s)
        if reason is None:
            await self._park(session_id, check.watch_seq + 1)  # parked before moving on: a crash loses no chain
            await self.store.advance_watch(session_id, check.watch_seq)
            return
        if await self.store.advance_watch(session_id, check.watch_seq):
            log.info("ending session %s: %s", session_id, reason)
            await self.end_turns.publish(TurnRequested(session_id=session_id, action=EndInterviewAction(reason=reason)))

    async def _park(self, session_id: str, watch_seq: int) -> None:
        await self.delayed.park(TurnRequested(session_id=session_id, action=SessionWatchAction(watch_seq=watch_seq)))
