"""Trace context that follows a message across services.

`TraceContextMiddleware` is installed on every broker: on publish it copies the current context into
message headers, on consume it restores it from them, so work triggered by one candidate turn shares
one trace id across gateway, agents and workers. The context here is deliberately small (trace id and
parent span id in Datadog's header names); the Datadog integration fills real spans in behind it.
"""

from contextvars import ContextVar
from dataclasses import dataclass
from random import getrandbits
from typing import Any

from faststream import BaseMiddleware

TRACE_ID_HEADER = "x-datadog-trace-id"
PARENT_ID_HEADER = "x-datadog-parent-id"


@dataclass(frozen=True)
class TraceContext:
    trace_id: int
    span_id: int

    def child(self) -> "TraceContext":
        return TraceContext(self.trace_id, getrandbits(63) or 1)

    def to_headers(self) -> dict[str, str]:
        return {TRACE_ID_HEADER: str(self.trace_id), PARENT_ID_HEADER: str(self.span_id)}

    @classmethod
    def from_headers(cls, headers: dict[str, Any]) -> "TraceContext | None":
        try:
            return cls(int(headers[TRACE_ID_HEADER]), int(headers[PARENT_ID_HEADER]))
        except (KeyError, TypeError, ValueError):
            return None

    @classmethod
    def new(cls) -> "TraceContext":
        return cls(getrandbits(63) or 1, getrandbits(63) or 1)


_current: ContextVar[TraceContext | None] = ContextVar("mockmind_trace", default=None)


def current_trace() -> TraceContext | None:
    return _current.get()


def start_trace(context: TraceContext | None = None) -> TraceContext:
    """Make `context` (or a fresh one) current for this task; returns it."""
    context = context or TraceContext.new()
    _current.set(context)
    return context


class TraceContextMiddleware(BaseMiddleware):
    async def consume_scope(self, call_next, msg):
        incoming = TraceContext.from_headers(msg.headers or {})
        token = _current.set(incoming.child() if incoming else None)
        try:
            return await call_next(msg)
        finally:
            _current.reset(token)

    async def publish_scope(self, call_next, cmd):
        context = _current.get()
        if context is not None:
            cmd.add_headers(context.to_headers(), override=False)
        return await call_next(cmd)
