"""Datadog spans and DogStatsD metrics of the interviewer, kept out of the agent loop's code.

    interviewer.run_turn   one candidate turn (`TurnHandler.run_turn`)
      bedrock.converse     one model call, whichever provider answers it (`TracedProvider`)
      agent.tool           one tool the model called (`InterviewTurn.run_tool`)
"""

import contextlib
import functools
import json
import time
from collections.abc import AsyncIterator
from typing import Any

from runtime import metrics
from runtime.observability import Span, tracer

from .providers.base import ModelRequest, Provider, ProviderError, StreamEvent


class TracedProvider:
    """Wraps a provider: each `stream` call (one Converse request) is a `bedrock.converse` span."""

    def __init__(self, provider: Provider):
        self.inner = provider
        model = getattr(provider, "model_id", None) or getattr(provider, "model", None)
        self.model_id = model or provider.name  # the offline interviewer has no model id

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)  # name, close, ... of the wrapped provider

    async def stream(self, request: ModelRequest) -> AsyncIterator[StreamEvent]:
        tags = [f"model:{self.model_id}", f"provider:{self.inner.name}"]
        with tracer.trace("bedrock.converse", resource=self.model_id, span_type="llm") as span:
            span.set_tags({"model_id": self.model_id, "provider": self.inner.name,
                           "phase": request.state.phase.value})
            started = time.perf_counter()
            stop_reason, usage, output_chars = "incomplete", None, 0
            try:
                # Closed with this stream: a barge-in that closes the turn's stream closes the model's.
                async with contextlib.aclosing(self.inner.stream(request)) as events:
                    async for event in events:
                        if stop := event.get("messageStop"):
                            stop_reason = stop["stopReason"]
                        elif "metadata" in event:
                            usage = event["metadata"].get("usage")
                        elif delta := event.get("contentBlockDelta"):
                            output_chars += len(delta["delta"].get("text", "")) + len(
                                delta["delta"].get("toolUse", {}).get("input", ""))
                        yield event
            except ProviderError as exc:
                stop_reason = "throttled" if exc.retryable else "error"
                raise
            finally:
                latency_ms = (time.perf_counter() - started) * 1000
                if stop_reason not in ("throttled", "error"):
                    estimated = not usage
                    usage = usage or _estimated_usage(request, output_chars)
                    _record_tokens(span, usage, tags, estimated=estimated)
                span.set_tag("stop_reason", stop_reason)
                span.set_metric("latency_ms", latency_ms)
                metrics.histogram("mockmind.bedrock.latency_ms", latency_ms, tags=tags)
                metrics.increment("mockmind.bedrock.calls", tags=[*tags, f"stop_reason:{stop_reason}"])


def _record_tokens(span: Span, usage: dict[str, Any], tags: list[str], *, estimated: bool) -> None:
    span.set_tag("tokens.estimated", str(estimated).lower())
    for direction in ("input", "output"):
        tokens = usage.get(f"{direction}Tokens")
        if tokens is not None:
            span.set_metric(f"{direction}_tokens", tokens)
            metrics.increment("mockmind.bedrock.tokens", tokens,
                              tags=[*tags, f"direction:{direction}", f"estimated:{str(estimated).lower()}"])


def _estimated_usage(request: ModelRequest, output_chars: int) -> dict[str, int]:
    """For a provider that reports no usage (the offline interviewer): about four characters a token."""
    input_chars = len(request.system) + len(json.dumps(request.messages, default=str))
    return {"inputTokens": input_chars // 4, "outputTokens": output_chars // 4}


def traced_turn(run_turn):
    """For `TurnHandler.run_turn(session, command, out) -> TurnResult`: the `interviewer.run_turn` span."""

    @functools.wraps(run_turn)
    async def wrapper(handler, session, command, *args):
        with tracer.trace("interviewer.run_turn", resource=command.action.kind) as span:
            span.set_tags({"session_id": session.id, "turn_id": command.turn_id,
                           "action": command.action.kind})
            started = time.perf_counter()
            result = await run_turn(handler, session, command, *args)
            latency_ms = (time.perf_counter() - started) * 1000
            span.set_tags({"phase": session.phase or "", "stop_reason": result.stop_reason or "",
                           "tool_calls": ",".join(result.tools_called)})
            span.set_metric("turns", result.iterations)  # model calls this turn took
            span.set_metric("tool_calls.count", len(result.tools_called))
            if result.error:
                span.error = 1
                span.set_tag("error.message", result.error)
        metrics.histogram("mockmind.agent.turn_latency_ms", latency_ms,
                          tags=[f"action:{command.action.kind}", f"phase:{session.phase or 'none'}"])
        return result

    return wrapper


def traced_tool(run_tool):
    """For `InterviewTurn.run_tool(name, tool_input) -> ToolOutcome`: an `agent.tool` span and a count."""

    @functools.wraps(run_tool)
    async def wrapper(turn, name, tool_input):
        phase = turn.state.phase.value
        metrics.increment("mockmind.agent.tool_calls", tags=[f"tool:{name}", f"phase:{phase}"])
        with tracer.trace("agent.tool", resource=name) as span:
            span.set_tags({"tool": name, "phase": phase})
            outcome = await run_tool(turn, name, tool_input)
            if not outcome.ok:
                span.error = 1
            return outcome

    return wrapper
