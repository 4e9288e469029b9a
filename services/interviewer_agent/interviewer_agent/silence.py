"""Silence check-ins, timed by the bus.

After each turn in a working phase the interviewer parks a `SilenceCheckAction` turn in the delay
queue whose TTL is `SILENCE_CHECKIN_S`. RabbitMQ dead-letters it back as an ordinary turn when the TTL
runs out, whichever replica (or restarted process) is then listening. The check carries the session's
candidate-activity counter (`since_seq`); if the candidate did anything since, the check is stale and
is dropped, so only the newest one can ever speak.
"""

from faststream.rabbit import RabbitBroker

from contracts.bus import SilenceCheckAction, TurnRequested
from contracts.topology import silence_delay_queue

ACTIVITY_KEY = "activity"  # agent_state: count of candidate actions, the check's `since_seq`
CHECKINS_KEY = "unanswered_checkins"  # agent_state: check-ins in a row with no answer
MAX_UNANSWERED_CHECKINS = 3  # then the interviewer waits for the candidate


def is_current(check: SilenceCheckAction, agent_state: dict) -> bool:
    return check.since_seq == agent_state.get(ACTIVITY_KEY, 0)


class SilenceScheduler:
    def __init__(self, broker: RabbitBroker, delay_s: float):
        self.broker = broker
        self.delay_s = delay_s
        self.queue = silence_delay_queue(delay_s)
        self._declared = False

    async def schedule(self, session_id: str, activity: int) -> None:
        if self.delay_s <= 0:
            return
        if not self._declared:  # the delay queue has no consumer, so nobody else declares it
            await self.broker.declare_queue(self.queue)
            self._declared = True
        await self.broker.publish(
            TurnRequested(session_id=session_id, action=SilenceCheckAction(since_seq=activity)),
            queue=self.queue,
            persist=True,
        )
