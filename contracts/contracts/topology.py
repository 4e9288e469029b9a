"""RabbitMQ topology: the single source of truth for exchange, routing-key and queue names.

    gateway ──commands──▶ interviewer.turns ──▶ interviewer-agent ──rpc──▶ sandbox.runs ──▶ sandbox-worker
       ▲                  feedback.requests ──▶ feedback-agent    ──rpc──▶ sandbox.runs
       │                  tts.requests      ◀── interviewer-agent
       │                  stt.audio         ──▶ stt ──▶ interviewer.turns (the final transcript)
       └──events (session.<id>)◀── interviewer-agent, feedback-agent, tts, stt
    every worker ──heartbeats──▶ each gateway (health)

Pure data (no transport import): `runtime.topology` turns these into FastStream objects.

Work queues are replicated quorum queues shared by all replicas of a service (competing consumers), so
they survive the loss of a broker node. Each gateway replica owns one exclusive, auto-delete queue on
the events exchange and binds `session.<id>` to it while that session's WebSocket is connected there,
so events reach the right socket whichever replica holds it; that queue lives and dies with the
replica's connection (the replica re-declares it on reconnect and replays the event log, see
`gateway.state`).

Names of everything durable that holds messages carry `TOPOLOGY_VERSION`: a queue's type cannot be
changed in place, so a broker that still has the classic queues of version 1 keeps them beside the
quorum queues of version 2 instead of refusing the declaration (deploy/README.md, "Broker migration").
"""

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

TOPOLOGY_VERSION = 2


def versioned(name: str) -> str:
    return f"{name}.v{TOPOLOGY_VERSION}"


class ExchangeKind(StrEnum):
    TOPIC = "topic"
    FANOUT = "fanout"
    DIRECT = "direct"


@dataclass(frozen=True)
class Exchange:
    name: str
    kind: ExchangeKind
    durable: bool = True


@dataclass(frozen=True)
class Queue:
    name: str
    routing_key: str = ""
    durable: bool = True
    exclusive: bool = False
    auto_delete: bool = False
    arguments: dict[str, Any] = field(default_factory=dict, hash=False)

    @property
    def quorum(self) -> bool:
        return self.arguments.get("x-queue-type") == "quorum"


# Replicated on every node of the cluster (majority must be up); a message a consumer died holding is
# redelivered, and one that keeps killing consumers is dead-lettered after this many deliveries.
DELIVERY_LIMIT = 20
QUORUM = {"x-queue-type": "quorum"}


def quorum_arguments(**extra: Any) -> dict[str, Any]:
    return {**QUORUM, **extra}


def delayed_redelivery(ttl_ms: int, to_exchange: str, routing_key: str | None = None) -> dict[str, Any]:
    """A queue nobody consumes: its messages expire after `ttl_ms` and are dead-lettered to
    `to_exchange`. Quorum queues dead-letter at most once unless the strategy is at-least-once, which
    needs `reject-publish` overflow: a node lost mid dead-lettering must not lose the message."""
    arguments = quorum_arguments(**{
        "x-message-ttl": ttl_ms, "x-dead-letter-exchange": to_exchange,
        "x-dead-letter-strategy": "at-least-once", "x-overflow": "reject-publish",
    })
    if routing_key is not None:
        arguments["x-dead-letter-routing-key"] = routing_key
    return arguments


COMMANDS = Exchange(versioned("mockmind.commands"), ExchangeKind.TOPIC)
EVENTS = Exchange("mockmind.events", ExchangeKind.TOPIC)
HEARTBEATS = Exchange("mockmind.heartbeats", ExchangeKind.FANOUT)
# Barge-in: every tts replica hears which replies the candidate talked over, and speaks no more of them;
# every interviewer replica hears it too, and the one running that turn stops it (the turn yields).
VOICE_CUTS = Exchange("mockmind.voice-cuts", ExchangeKind.FANOUT)
DEAD_LETTERS = Exchange(versioned("mockmind.dead"), ExchangeKind.FANOUT)
DEAD_LETTER_QUEUE = Queue(versioned("mockmind.dead-letters"), arguments=quorum_arguments())

# A failed command waits in a retry tier, then its TTL expires and RabbitMQ dead-letters it back to the
# commands exchange with its original routing key: bounded retries with a growing delay, no timers.
RETRY_DELAYS_S = (1, 4, 16)


# A message that must wait its turn (an earlier turn of the same session is still running) waits here
# briefly and comes back, without counting as a failure.
DEFER_EXCHANGE = Exchange(versioned("mockmind.defer"), ExchangeKind.FANOUT)
DEFER_QUEUE = Queue(versioned("mockmind.defer"), arguments=delayed_redelivery(250, COMMANDS.name))


def retry_exchange(delay_s: int) -> Exchange:
    return Exchange(versioned(f"mockmind.retry.{delay_s}s"), ExchangeKind.FANOUT)


def retry_queue(delay_s: int) -> Queue:
    return Queue(versioned(f"mockmind.retry.{delay_s}s"), arguments=delayed_redelivery(delay_s * 1000, COMMANDS.name))


class RoutingKey:
    TURN_REQUESTED = "interviewer.turn"
    SANDBOX_RUN = "sandbox.run"
    SPEECH_REQUESTED = "tts.speak"
    SYNTHESIS_REQUESTED = "tts.synthesize"
    FEEDBACK_REQUESTED = "feedback.request"
    UTTERANCE_AUDIO = "stt.chunk"

    @staticmethod
    def session_events(session_id: str) -> str:
        return f"session.{session_id}"


def work_queue(name: str, routing_key: str) -> Queue:
    return Queue(versioned(name), routing_key=routing_key, arguments=quorum_arguments(**{
        "x-delivery-limit": DELIVERY_LIMIT, "x-dead-letter-exchange": DEAD_LETTERS.name,
        "x-dead-letter-strategy": "at-least-once", "x-overflow": "reject-publish",
    }))


INTERVIEWER_TURNS = work_queue("interviewer.turns", RoutingKey.TURN_REQUESTED)
SANDBOX_RUNS = work_queue("sandbox.runs", RoutingKey.SANDBOX_RUN)
TTS_REQUESTS = work_queue("tts.requests", RoutingKey.SPEECH_REQUESTED)
TTS_SYNTHESIS = work_queue("tts.synthesis", RoutingKey.SYNTHESIS_REQUESTED)
FEEDBACK_REQUESTS = work_queue("feedback.requests", RoutingKey.FEEDBACK_REQUESTED)
STT_AUDIO = work_queue("stt.audio", RoutingKey.UTTERANCE_AUDIO)
WORK_QUEUES = (INTERVIEWER_TURNS, SANDBOX_RUNS, TTS_REQUESTS, TTS_SYNTHESIS, FEEDBACK_REQUESTS, STT_AUDIO)


# Silence check-ins are timed by RabbitMQ, not by a sleeping coroutine, so they survive restarts and any
# replica can take them: the interviewer parks a `TurnRequested(SilenceCheckAction)` in the queue for its
# delay (no consumer); when the queue's TTL expires RabbitMQ dead-letters it to `interviewer.turns`.
def silence_delay_queue(delay_s: float) -> Queue:
    """Where silence checks wait: no consumer; each message is dead-lettered back as a turn when the
    queue's TTL runs out. One queue per delay, because RabbitMQ (classic and quorum queues alike) expires
    messages only at the head of a queue: a check with a long delay (an older setting, a rolling deploy)
    would hold up shorter ones."""
    ttl_ms = round(delay_s * 1000)
    return Queue(versioned(f"interviewer.silence.delay.{ttl_ms}ms"),
                 arguments=delayed_redelivery(ttl_ms, COMMANDS.name, RoutingKey.TURN_REQUESTED))


# Replies to requests (a sandbox run, a speech synthesis) go to the requester's own reply queue through
# this exchange, never through the default exchange (which reaches every queue by name): a responder's
# broker user needs write on this exchange only. Not durable: requesters declare it on every connect.
REPLIES = Exchange(versioned("mockmind.replies"), ExchangeKind.DIRECT, durable=False)


def reply_queue(process_id: str) -> Queue:
    """One per requesting process, bound to `REPLIES` by its own name; it lives with the connection and
    is declared again after a failover (a request waiting then is sent again, see `runtime.broker`)."""
    return Queue(f"replies.{process_id}", durable=False, exclusive=True, auto_delete=True)


def gateway_events_queue(replica_id: str) -> Queue:
    """One per gateway replica; session bindings are added and removed as sockets come and go."""
    return Queue(f"gateway.{replica_id}.events", durable=False, exclusive=True, auto_delete=True)


def tts_voice_cuts_queue(instance_id: str) -> Queue:
    return Queue(f"tts.{instance_id}.voice-cuts", durable=False, exclusive=True, auto_delete=True)


def interviewer_voice_cuts_queue(instance_id: str) -> Queue:
    return Queue(f"interviewer.{instance_id}.voice-cuts", durable=False, exclusive=True, auto_delete=True)


def gateway_heartbeats_queue(replica_id: str) -> Queue:
    return Queue(f"gateway.{replica_id}.heartbeats", durable=False, exclusive=True, auto_delete=True)
