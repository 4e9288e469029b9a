"""Silence check-ins, timed by the bus.

A check-in never spends a hint: once the quiet has lasted `HINT_OFFER_AFTER_S` the interviewer offers
one ("Would a hint help?") and gives it only if the candidate accepts.

After each turn in a working phase the interviewer parks a `SilenceCheckAction` turn in the delay
queue whose TTL is `SILENCE_CHECKIN_S`. RabbitMQ dead-letters it back as an ordinary turn when the TTL
runs out, whichever replica (or restarted process) is then listening. The check carries the session's
candidate-activity counter (`since_seq`); if the candidate did anything since, the check is stale and
is dropped, so only the newest one can ever speak.
"""

from faststream.rabbit import RabbitBroker

from contracts.bus import SilenceCheckAction, TurnRequested
from contracts.topology import silence_delay_queue
from runtime.topology import rabbit_queue

ACTIVITY_KEY = "activity"  # agent_state: count of candidate actions, the check's `since_seq`
CHECKINS_KEY = "unanswered_checkins"  # agent_state: check-ins in a row with no answer
MAX_UNANSWERED_CHECKINS = 3  # then the interviewer waits for the candidate


def is_current(check: SilenceCheckAction, agent_state: dict) -> bool:
    return check.since_seq == agent_state.get(ACTIVITY_KEY, 0)


class DelayedTurns:
    """Parks turns in the delay queue for `delay_s` (see `silence_delay_queue`): RabbitMQ hands each back
    to `interviewer.turns` when it expires, whichever replica is then listening."""

    def __init__(self, broker: RabbitBroker, delay_s: float):
        self.broker = broker
        self.queue = rabbit_queue(silence_delay_queue(delay_s))
        self.publisher = broker.publisher(
            self.queue, persist=True, title=self.queue.name, schema=TurnRequested,
            description=f"A turn parked for {delay_s:g} s (no consumer), dead-lettered back to interviewer.turns.",
        )
        self._declared = False

    async def park(self, turn: TurnRequested) -> None:
        if not self._declared:  # the delay queue has no consumer, so nobody else declares it
            await self.broker.declare_queue(self.queue)
            self._declared = True
        await self.publisher.publish(turn)


class SilenceScheduler:
    def __init__(self, broker: RabbitBroker, delay_s: float, offer_hint_after_s: float = 180.0):
        self.delay_s = delay_s
        self.offer_hint_after_s = offer_hint_after_s
        self.delayed = DelayedTurns(broker, delay_s)

    def quiet_for_s(self, agent_state: dict) -> float:
        """How long the candidate has been quiet when the next check-in speaks: checks come every
        `delay_s` while nothing happens, and any activity resets the count."""
        return (agent_state.get(CHECKINS_KEY, 0) + 1) * self.delay_s

    async def schedule(self, session_id: str, activity: int) -> None:
        if self.delay_s <= 0:
            return
        await self.delayed.park(TurnRequested(session_id=session_id, action=SilenceCheckAction(since_seq=activity)))
