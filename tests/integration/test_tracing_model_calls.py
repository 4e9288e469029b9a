"""`bedrock.converse` spans and the Bedrock metrics around every model call, throttled ones included."""

from contracts.bus import StartAction
from contracts.events import Phase
from contracts.sandbox import Language
from interviewer_agent import telemetry
from interviewer_agent.loop import AgentLoop
from interviewer_agent.providers.base import (
    InterviewState,
    ModelRequest,
    ProviderError,
    events_for_message,
    text_block,
)
from runtime.observability import tracer


class ThrottledOnce:
    """A Bedrock-like provider: throttles the first call, then answers with usage."""

    name = "bedrock"
    model_id = "anthropic.test-model"

    def __init__(self) -> None:
        self.calls = 0
        self.active_spans: list[str] = []

    async def stream(self, request: ModelRequest):
        self.calls += 1
        self.active_spans.append(tracer.current_span().name)
        if self.calls == 1:
            raise ProviderError("Bedrock ThrottlingException", retryable=True)
        for event in events_for_message([text_block("Hello!")], "end_turn", {"inputTokens": 120, "outputTokens": 7}):
            yield event


class Context:
    state = InterviewState(phase=Phase.GREETING, action=StartAction(), question_id=None, hint_level=0,
                           language=Language.PYTHON)

    def system_prompt(self) -> str:
        return "You are an interviewer."

    def tool_specs(self):
        return []

    async def run_tool(self, name, tool_input):
        raise AssertionError("no tools here")


class Sink:
    async def thinking(self, status="thinking", tool=None): ...
    async def text(self, delta): ...
    async def end_text(self): ...
    async def error(self, code, message): ...


async def test_each_call_is_a_span_and_throttling_is_counted(monkeypatch):
    sent: list[tuple[str, float, list[str]]] = []
    monkeypatch.setattr(telemetry.metrics, "increment", lambda m, v=1, tags=None: sent.append((m, v, tags)))
    monkeypatch.setattr(telemetry.metrics, "histogram", lambda m, v, tags=None: sent.append((m, v, tags)))
    provider = ThrottledOnce()

    async def no_wait(_seconds: float) -> None: ...

    result = await AgentLoop(telemetry.TracedProvider(provider), sleep=no_wait).run_turn(
        [{"role": "user", "content": [{"text": "hi"}]}], Context(), Sink())

    assert result.stop_reason == "end_turn" and provider.calls == 2
    assert provider.active_spans == ["bedrock.converse", "bedrock.converse"]  # one span per Converse call
    calls = [tags for metric, _, tags in sent if metric == "mockmind.bedrock.calls"]
    assert [t for t in calls if "stop_reason:throttled" in t] and [t for t in calls if "stop_reason:end_turn" in t]
    assert all("model:anthropic.test-model" in t for t in calls)
    tokens = {(v, next(t for t in tags if t.startswith("direction:"))) for m, v, tags in sent
              if m == "mockmind.bedrock.tokens"}
    assert tokens == {(120, "direction:input"), (7, "direction:output")}  # reported usage, not an estimate
    assert len([m for m, _, _ in sent if m == "mockmind.bedrock.latency_ms"]) == 2
