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


class RoutingKey:
    TURN_REQUESTED = "interviewer.turn"
    SANDBOX_RUN = "sandbox.run"
    SPEECH_REQUESTED = "tts.speak"
    FEEDBACK_REQUESTED = "feedback.request"

    @staticmethod
    def session_events(session_id: str) -> str:
        return f"session.{session_id}"


def work_queue(name: str, routing_key: str) -> RabbitQueue:
    return RabbitQueue(name, durable=True, routing_key=routing_key)


INTERVIEWER_TURNS = work_queue("interviewer.turns", RoutingKey.TURN_REQUESTED)
SANDBOX_RUNS = work_queue("sandbox.runs", RoutingKey.SANDBOX_RUN)
TTS_REQUESTS = work_queue("tts.requests", RoutingKey.SPEECH_REQUESTED)
FEEDBACK_REQUESTS = work_queue("feedback.requests", RoutingKey.FEEDBACK_REQUESTED)


def gateway_events_queue(replica_id: str) -> RabbitQueue:
    """One per gateway replica; session bindings are added and removed as sockets come and go."""
    return RabbitQueue(f"gateway.{replica_id}.events", durable=False, exclusive=True, auto_delete=True)


def gateway_heartbeats_queue(replica_id: str) -> RabbitQueue:
    return RabbitQueue(f"gateway.{replica_id}.heartbeats", durable=False, exclusive=True, auto_delete=True)
