"""Datadog trace context that follows a message across services.

`TraceContextMiddleware` is installed on every broker (see `broker.create_broker`). ddtrace has no
aio-pika or FastStream integration (its message-queue integrations are kombu, celery, kafka, ...) and
FastStream's own tracing middleware speaks OpenTelemetry, so this middleware does the bus part with
ddtrace directly:

- publish: a producer span `rabbitmq.publish` (`rabbitmq.request` for an RPC call, covering the wait
  for the reply), child of whatever span is active, injected into the message headers (Datadog and W3C
  headers; see `inject_trace`), plus the publish time for the consume-lag metric;
- consume: a consumer span `rabbitmq.consume`, continuing the trace found in the headers, active while
  the handler runs and until its RPC reply (if any) is published, so everything the handler does is
  in the same trace.

Spans are named by operation; their resource is the topic (the routing key, with the session id of
`session.<id>` folded into `session.*`), which is how Datadog lists and groups them.

A message that comes back from a delay or retry queue (it carries `x-death`) starts a new trace with a
span link to the one that parked it: a silence check-in is a new turn, not the tail of an old one.
Heartbeats are not traced.
"""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from random import getrandbits
from typing import Any

from faststream import BaseMiddleware
from faststream.message import SourceType
from faststream.rabbit import RabbitMessage, RabbitPublisher
from faststream.response.publish_type import PublishType

from contracts.topology import DEFER_QUEUE, HEARTBEATS, REPLIES

from . import metrics
from .observability import Context, HTTPPropagator, Span, tracer

PUBLISHED_AT_HEADER = "x-mockmind-published-ms"
UNTRACED_EXCHANGES = frozenset({HEARTBEATS.name})
RPC_REPLY_TOPIC = "rpc.reply"
_REQUESTING: ContextVar[bool] = ContextVar("mockmind_requesting", default=False)


@dataclass(frozen=True)
class TraceContext:
    """The ids of the active span: what `current_trace()` returns."""

    trace_id: int
    span_id: int


def current_trace() -> TraceContext | None:
    active = tracer.context_provider.active()
    if active is None or not active.trace_id:
        return None
    return TraceContext(active.trace_id, active.span_id)


def start_trace(context: TraceContext | None = None) -> TraceContext:
    """Continue `context` (or a fresh trace) in this task, for work started outside any request or
    message (scripts, tests). Spans started afterwards are its children; returns it."""
    context = context or TraceContext(getrandbits(128) or 1, getrandbits(63) or 1)
    tracer.context_provider.activate(Context(trace_id=context.trace_id, span_id=context.span_id))
    return context


@contextmanager
def new_trace(operation: str, *, resource: str | None = None) -> Iterator[Span]:
    """A span that starts a trace of its own even inside another span, then gives that one back.

    The gateway starts one per candidate action, so a turn is one trace rather than a branch of the
    minutes-long WebSocket connection's; the span is linked to the one it interrupts."""
    interrupted = tracer.context_provider.active()
    span = tracer.start_span(operation, child_of=None, resource=resource, activate=True)
    if interrupted is not None and interrupted.trace_id:
        span.link_span(interrupted.context if isinstance(interrupted, Span) else interrupted)
    try:
        yield span
    except Exception as exc:
        span.set_exc_info(type(exc), exc, exc.__traceback__)
        raise
    finally:
        span.finish()
        tracer.context_provider.activate(interrupted)


async def request_reply(publisher: RabbitPublisher, message: Any, **options: Any) -> RabbitMessage:
    """`publisher.request(...)`, traced as a request (`rabbitmq.request`, covering the wait for the reply).
    FastStream 0.7 marks only `broker.request` as a request; a declared publisher's request reaches the
    middleware marked as a plain publish."""
    token = _REQUESTING.set(True)
    try:
        return await publisher.request(message, **options)
    finally:
        _REQUESTING.reset(token)


def topic_of(routing_key: str | None, exchange: str | None = None) -> str:
    """A low-cardinality name for where a message goes, for span resources and metric tags."""
    if routing_key and routing_key.startswith("session."):
        return "session.*"
    if exchange == REPLIES.name or (routing_key and routing_key.startswith("amq.rabbitmq.reply-to")):
        return RPC_REPLY_TOPIC
    return routing_key or exchange or "default"


def _string_headers(headers: dict[str, Any]) -> dict[str, str]:
    return {key: value for key, value in headers.items() if isinstance(value, str)}


# ---- the trace in message headers ------------------------------------------------------------------
# With traces sent to an agent, ddtrace's propagator writes and reads the headers: it carries the
# sampling decision and the propagated tags too. With tracing off there is no decision to carry, only
# the ids (for log correlation), so they are written and read here, in the same headers. ddtrace's
# propagator also samples the trace and builds and parses W3C `tracestate` on every message: a hop's
# span with its inject and extract took ~145 µs of CPU that way and ~18 µs this way (measured), and a
# candidate's turn makes two hops before the browser hears of it.

_LOW_64_BITS = 2**64 - 1


def inject_trace(span: Span, headers: dict[str, str]) -> None:
    if tracer.enabled:
        HTTPPropagator.inject(span, headers)
        return
    trace_id, span_id = span.trace_id, span.span_id
    headers["x-datadog-trace-id"] = str(trace_id & _LOW_64_BITS)
    headers["x-datadog-parent-id"] = str(span_id)
    if trace_id >> 64:
        headers["x-datadog-tags"] = f"_dd.p.tid={trace_id >> 64:016x}"
    headers["traceparent"] = f"00-{trace_id:032x}-{span_id:016x}-01"


def extract_trace(headers: dict[str, Any]) -> Context:
    """The upstream span's context; an empty one (no trace id) when the headers carry none."""
    if tracer.enabled:
        return HTTPPropagator.extract(_string_headers(headers))
    return _ids_from_traceparent(headers.get("traceparent")) or _ids_from_datadog(headers) or Context()


def _ids_from_traceparent(value: Any) -> Context | None:
    parts = value.split("-") if isinstance(value, str) else ()
    if len(parts) != 4 or len(parts[1]) != 32 or len(parts[2]) != 16:
        return None
    try:
        trace_id, span_id = int(parts[1], 16), int(parts[2], 16)
    except ValueError:
        return None
    return Context(trace_id=trace_id, span_id=span_id) if trace_id and span_id else None


def _ids_from_datadog(headers: dict[str, Any]) -> Context | None:
    try:
        trace_id, span_id = int(headers["x-datadog-trace-id"]), int(headers["x-datadog-parent-id"])
    except (KeyError, TypeError, ValueError):
        return None
    tags = headers.get("x-datadog-tags")
    for tag in tags.split(",") if isinstance(tags, str) else ():
        name, _, high_bits = tag.partition("=")
        if name == "_dd.p.tid":
            try:
                trace_id |= int(high_bits, 16) << 64
            except ValueError:
                pass
    return Context(trace_id=trace_id, span_id=span_id) if trace_id and span_id else None


def _tag_destination(span: Span, *, exchange: str, routing_key: str, topic: str, kind: str) -> None:
    span.set_tags({
        "span.kind": kind,
        "component": "faststream",
        "messaging.system": "rabbitmq",
        "messaging.destination.name": exchange or "default",
        "messaging.rabbitmq.routing_key": routing_key,
        "messaging.topic": topic,
    })


def _record_consume_lag(headers: dict[str, Any], raw_message: Any, topic: str) -> None:
    """How long the message waited between publish and consume (the AMQP timestamp has only seconds)."""
    published_ms = None
    try:
        published_ms = float(headers[PUBLISHED_AT_HEADER])
    except (KeyError, TypeError, ValueError):
        if raw_message.timestamp is not None:
            published_ms = raw_message.timestamp.timestamp() * 1000
    if published_ms is not None:
        metrics.histogram("mockmind.bus.consume_lag_ms", max(0.0, time.time() * 1000 - published_ms),
                          tags=[f"topic:{topic}"])


class TraceContextMiddleware(BaseMiddleware):
    def __init__(self, msg: Any, /, **kwargs: Any):
        super().__init__(msg, **kwargs)
        self._consume_span: Span | None = None
        self._previously_active: Any = None

    async def consume_scope(self, call_next, msg):
        raw = msg.raw_message
        if msg.source_type is SourceType.RESPONSE or raw.exchange in UNTRACED_EXCHANGES:
            return await call_next(msg)  # an RPC reply is inside its `rabbitmq.request` span already
        headers = msg.headers or {}
        topic = topic_of(raw.routing_key, raw.exchange)
        _record_consume_lag(headers, raw, topic)
        self._previously_active = tracer.context_provider.active()
        span = self._consume_span = self._start_consume_span(headers, topic)
        _tag_destination(span, exchange=raw.exchange or "", routing_key=raw.routing_key or "", topic=topic,
                         kind="consumer")
        span.set_tag("messaging.message.id", msg.message_id)
        try:
            return await call_next(msg)
        except Exception as exc:
            span.set_exc_info(type(exc), exc, exc.__traceback__)
            raise

    @staticmethod
    def _start_consume_span(headers: dict[str, Any], topic: str) -> Span:
        upstream = extract_trace(headers)
        came_back_later = "x-death" in headers and not _was_only_deferred(headers)
        parent = upstream if upstream.trace_id and not came_back_later else None
        span = tracer.start_span("rabbitmq.consume", child_of=parent, resource=topic, span_type="worker",
                                 activate=True)
        if came_back_later and upstream.trace_id:
            span.link_span(upstream, {"reason": "dead-lettered back from a delay or retry queue"})
        return span

    async def after_processed(self, exc_type=None, exc_val=None, exc_tb=None) -> bool:
        # Here, not in consume_scope: an RPC reply is published after the handler returns, inside this span.
        if self._consume_span is not None:
            self._consume_span.finish()
            tracer.context_provider.activate(self._previously_active)
            self._consume_span = None
        return False

    async def publish_scope(self, call_next, cmd):
        exchange = cmd.exchange.name or ""
        if exchange in UNTRACED_EXCHANGES:
            return await call_next(cmd)
        topic = topic_of(cmd.destination, exchange)
        requesting = cmd.publish_type is PublishType.REQUEST or _REQUESTING.get()
        operation = "rabbitmq.request" if requesting else "rabbitmq.publish"
        with tracer.trace(operation, resource=topic, span_type="worker") as span:
            _tag_destination(span, exchange=exchange, routing_key=cmd.destination, topic=topic, kind="producer")
            headers: dict[str, str] = {PUBLISHED_AT_HEADER: f"{time.time() * 1000:.3f}"}
            inject_trace(span, headers)
            # Override: a republished message (retry, dead letter) continues from this span, not its first one.
            cmd.add_headers(headers, override=True)
            return await call_next(cmd)


def _was_only_deferred(headers: dict[str, Any]) -> bool:
    """A message that waited its turn in the defer queue (an earlier turn of its session was still
    running) is the same candidate action, so it continues its trace instead of starting a new one."""
    deaths = headers.get("x-death") or []
    latest = deaths[0] if deaths and isinstance(deaths[0], dict) else {}
    return latest.get("queue") == DEFER_QUEUE.name
