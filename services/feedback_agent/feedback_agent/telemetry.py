"""Datadog span and DogStatsD metrics of the feedback agent, kept out of its handler's code."""

import functools
import statistics

from contracts.bus import FeedbackRequested
from contracts.events import FeedbackResult
from runtime import metrics
from runtime.observability import tracer


def traced_feedback(handler):
    """For the bus handler `(command: FeedbackRequested) -> None`: the `feedback_agent.run` span."""

    @functools.wraps(handler)  # FastStream reads the message type from the wrapped signature
    async def wrapper(command: FeedbackRequested) -> None:
        with tracer.trace("feedback_agent.run", resource=command.kind) as span:
            span.set_tags({"session_id": command.session_id, "kind": command.kind})
            return await handler(command)

    return wrapper


def record_feedback(command: FeedbackRequested, feedback: FeedbackResult) -> None:
    """Tag the scorecard on the active `feedback_agent.run` span; a final report completes the session."""
    span = tracer.current_span()
    tags = [f"kind:{command.kind}", f"hire_signal:{feedback.hire_signal}"]
    if feedback.scores:
        score = statistics.fmean(s.score for s in feedback.scores)  # 1 (weak) .. 4 (strong)
        metrics.gauge("mockmind.feedback.score", score, tags=tags)
        if span is not None:
            span.set_metric("score", score)
    if span is not None:
        span.set_tag("hire_signal", feedback.hire_signal)
    if command.kind == "final":
        metrics.increment("mockmind.sessions.completed", tags=[f"hire_signal:{feedback.hire_signal}"])
