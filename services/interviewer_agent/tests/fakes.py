"""Test doubles for the agent loop: a provider that plays a script, a context, a recording sink."""

from dataclasses import dataclass, field
from typing import Any

from contracts.bus import CandidateMessageAction
from contracts.events import Phase
from contracts.sandbox import Language
from interviewer_agent.loop import ToolOutcome
from interviewer_agent.providers.base import InterviewState, ModelRequest, ProviderError, events_for_message
from interviewer_agent.speech import SentenceBuffer
from interviewer_agent.tool_registry import TOOL_SPECS


def state(phase: Phase = Phase.CLARIFYING, **overrides) -> InterviewState:
    values = dict(phase=phase, action=CandidateMessageAction(text="hello"), question_id="q", hint_level=0,
                  language=Language.PYTHON)
    return InterviewState(**(values | overrides))


class ScriptedProvider:
    """Answers each call with the next scripted reply: (content blocks, stop reason) or an exception."""

    name = "scripted"

    def __init__(self, *replies):
        self.replies = list(replies)
        self.requests: list[ModelRequest] = []

    async def stream(self, request: ModelRequest):
        # Snapshot: the loop keeps appending to the same list.
        self.requests.append(ModelRequest(request.system, [dict(m) for m in request.messages], request.tools,
                                          request.state))
        reply = self.replies.pop(0)
        if isinstance(reply, Exception):
            raise reply
        content, stop_reason = reply
        for event in events_for_message(content, stop_reason):
            if isinstance(event, Exception):
                raise event
            yield event


class FailingMidStream(ScriptedProvider):
    """Streams `text` then fails: a retry would repeat what the candidate already heard."""

    def __init__(self, text: str, error: ProviderError):
        super().__init__()
        self.text, self.error = text, error

    async def stream(self, request: ModelRequest):
        self.requests.append(request)
        yield {"contentBlockDelta": {"contentBlockIndex": 0, "delta": {"text": self.text}}}
        raise self.error


@dataclass
class ScriptedContext:
    """A TurnContext whose tools return canned results and record their calls."""

    results: dict[str, ToolOutcome] = field(default_factory=dict)
    state: InterviewState = field(default_factory=state)
    system: str = "system prompt"
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def system_prompt(self) -> str:
        return self.system

    def tool_specs(self):
        return TOOL_SPECS

    async def run_tool(self, name: str, tool_input: dict[str, Any]) -> ToolOutcome:
        self.calls.append((name, tool_input))
        outcome = self.results.get(name, ToolOutcome({"ok": True}))
        if isinstance(outcome, Exception):
            raise outcome
        return outcome


class RecordingSink:
    """Records what the candidate would see, in order, as (kind, value) pairs."""

    def __init__(self):
        self.log: list[tuple[str, Any]] = []
        self._buffer = SentenceBuffer()

    async def thinking(self, status: str = "thinking", tool: str | None = None) -> None:
        self.log.append(("thinking", (status, tool)))

    async def text(self, delta: str) -> None:
        self.log.append(("delta", delta))
        for sentence in self._buffer.feed(delta):
            self.log.append(("sentence", sentence))

    async def end_text(self) -> None:
        for sentence in self._buffer.flush():
            self.log.append(("sentence", sentence))

    async def error(self, code: str, message: str) -> None:
        self.log.append(("error", code))

    @property
    def spoken(self) -> list[str]:
        return [value for kind, value in self.log if kind == "sentence"]

    @property
    def errors(self) -> list[str]:
        return [value for kind, value in self.log if kind == "error"]
