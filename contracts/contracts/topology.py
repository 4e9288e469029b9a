"""RabbitMQ topology: the single source of truth for exchange, routing-key and queue names.

    gateway ──commands──▶ interviewer.turns ──▶ interviewer-agent ──rpc──▶ sandbox.runs ──▶ sandbox-worker
       ▲                  feedback.requests ──▶ feedback-agent    ──rpc──▶ sandbox.runs
       │                  tts.requests      ◀── interviewer-agent
       └──events (session.<id>)◀── interviewer-agent, feedback-agent, tts
    every worker ──heartbeats──▶ each gateway (health)

Work queues are durable and shared by all replicas of a service (competing consumers). Each gateway
replica owns one exclusive, auto-delete queue on the events exchange and binds `session.<id>` to it
while that session's WebSocket is connected there, so events reach the right socket whichever replica
holds it.
"""

from faststream.rabbit import ExchangeType, RabbitExchange, RabbitQueue

COMMANDS = RabbitExchange("mockmind.commands", type=ExchangeType.TOPIC, durable=True)
EVENTS = RabbitExchange("mockmind.events", type=ExchangeType.TOPIC, durable=True)
HEARTBEATS = RabbitExchange("mockmind.heartbeats", type=ExchangeType.FANOUT, durable=True)
DEAD_LETTERS = RabbitExchange("mockmind.dead", type=ExchangeType.FANOUT, durable=True)
DEAD_LETTER_QUEUE = RabbitQueue("mockmind.dead-letters", durable=True)

# A failed command waits in a retry tier, then its TTL expires and RabbitMQ dead-letters it back to the
# commands exchange with its original routing key: bounded retries with a growing delay, no timers.
RETRY_DELAYS_S = (1, 4, 16)


# A message that must wait its turn (an earlier turn of the same session is still running) waits here
# briefly and comes back, without counting as a failure.
DEFER_EXCHANGE = RabbitExchange("mockmind.defer", type=ExchangeType.FANOUT, durable=True)
DEFER_QUEUE = RabbitQueue(
    "mockmind.defer", durable=True, arguments={"x-message-ttl": 250, "x-dead-letter-exchange": "mockmind.commands"}
)


def retry_exchange(delay_s: int) -> RabbitExchange:
    return RabbitExchange(f"mockmind.retry.{delay_s}s", type=ExchangeType.FANOUT, durable=True)


def retry_queue(delay_s: int) -> RabbitQueue:
    return RabbitQueue(
        f"mockmind.retry.{delay_s}s",
        durable=True,
        arguments={"x-message-ttl": delay_s * 1000, "x-dead-letter-exchange": COMMANDS.name},
    )


class RoutingKey:
    TURN_REQUESTED = "interviewer.turn"
    SANDBOX_RUN = "sandbox.run"
    SPEECH_REQUESTED = "tts.speak"
    SYNTHESIS_REQUESTED = "tts.synthesize"
    FEEDBACK_REQUESTED = "feedback.request"

    @staticmethod
    def session_events(session_id: str) -> str:
        return f"session.{session_id}"


def work_queue(name: str, routing_key: str) -> RabbitQueue:
    return RabbitQueue(name, durable=True, routing_key=routing_key)


INTERVIEWER_TURNS = work_queue("interviewer.turns", RoutingKey.TURN_REQUESTED)
SANDBOX_RUNS = work_queue("sandbox.runs", RoutingKey.SANDBOX_RUN)
TTS_REQUESTS = work_queue("tts.requests", RoutingKey.SPEECH_REQUESTED)
TTS_SYNTHESIS = work_queue("tts.synthesis", RoutingKey.SYNTHESIS_REQUESTED)
FEEDBACK_REQUESTS = work_queue("feedback.requests", RoutingKey.FEEDBACK_REQUESTED)

# Silence check-ins are timed by RabbitMQ, not by a sleeping coroutine, so they survive restarts and any
# replica can take them: the interviewer parks a `TurnRequested(SilenceCheckAction)` in the queue for its
# delay (no consumer); when the queue's TTL expires RabbitMQ dead-letters it to `interviewer.turns`.
def silence_delay_queue(delay_s: float) -> RabbitQueue:
    """Where silence checks wait: no consumer; each message is dead-lettered back as a turn when the
    queue's TTL runs out. One queue per delay, because RabbitMQ expires messages only at the head of a
    queue: a check with a long delay (an older setting, a rolling deploy) would hold up shorter ones."""
    ttl_ms = round(delay_s * 1000)
    return RabbitQueue(
        f"interviewer.silence.delay.{ttl_ms}ms",
        durable=True,
        arguments={"x-message-ttl": ttl_ms, "x-dead-letter-exchange": COMMANDS.name,
                   "x-dead-letter-routing-key": RoutingKey.TURN_REQUESTED},
    )


def gateway_events_queue(replica_id: str) -> RabbitQueue:
    """One per gateway replica; session bindings are added and removed as sockets come and go."""
    return RabbitQueue(f"gateway.{replica_id}.events", durable=False, exclusive=True, auto_delete=True)


def gateway_heartbeats_queue(replica_id: str) -> RabbitQueue:
    return RabbitQueue(f"gateway.{replica_id}.heartbeats", durable=False, exclusive=True, auto_delete=True)
