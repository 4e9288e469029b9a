"""The one interface every model backend implements.

Requests and replies are shaped like Amazon Bedrock's Converse API, whatever the backend:

- a message is `{"role": "user" | "assistant", "content": [block, ...]}`, a block being `{"text": ...}`,
  `{"toolUse": {"toolUseId", "name", "input"}}` or `{"toolResult": {"toolUseId", "content", "status"}}`;
- a reply is a stream of ConverseStream events: `messageStart`, `contentBlockStart` (a tool use's id and
  name), `contentBlockDelta` (text, or a piece of a tool use's JSON input), `contentBlockStop`,
  `messageStop` (the stop reason) and `metadata` (token usage).

So the agent loop is the same for Bedrock, an OpenAI-compatible server and the embedded interviewer.
"""

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, Protocol

from contracts.bus import CandidateAction
from contracts.events import Phase
from contracts.sandbox import Language

Message = dict[str, Any]
StreamEvent = dict[str, Any]

# Converse stop reasons the loop acts on.
END_TURN = "end_turn"
TOOL_USE = "tool_use"
MAX_TOKENS = "max_tokens"
CONTENT_FILTERED = "content_filtered"
STOP_SEQUENCE = "stop_sequence"


@dataclass
class InterviewState:
    """Where the interview stands during a turn. Model providers only read the prompt built from it;
    the embedded offline interviewer, which has no language model, reads it directly."""

    phase: Phase
    action: CandidateAction
    question_id: str | None
    hint_level: int
    language: Language
    unanswered_checkins: int = 0  # silence check-ins in a row the candidate has not answered
    has_code: bool = False  # the editor holds more than the starter code
    silent_for_s: float = 0.0  # on a silence check: how long the candidate has neither written nor typed
    offer_hint_after_s: float = 180.0  # a stall this long earns the offer of a hint (never a hint itself)


@dataclass
class ModelRequest:
    system: str
    messages: list[Message]
    tools: list[dict[str, Any]]  # Bedrock `toolSpec` entries
    state: InterviewState


class ProviderError(Exception):
    """The model could not answer. `retryable` errors (throttling, a busy service) may succeed later."""

    def __init__(self, message: str, *, retryable: bool = False):
        super().__init__(message)
        self.retryable = retryable


class Provider(Protocol):
    name: str

    def stream(self, request: ModelRequest) -> AsyncIterator[StreamEvent]:
        """ConverseStream-shaped events of the model's reply; raises `ProviderError`."""
        ...


def events_for_message(content: list[dict[str, Any]], stop_reason: str,
                       usage: dict[str, int] | None = None) -> list[StreamEvent]:
    """A complete assistant message as the stream events that would have produced it."""
    events: list[StreamEvent] = [{"messageStart": {"role": "assistant"}}]
    for index, block in enumerate(content):
        if "toolUse" in block:
            tool_use = block["toolUse"]
            events.append({"contentBlockStart": {"contentBlockIndex": index, "start": {"toolUse": {
                "toolUseId": tool_use["toolUseId"], "name": tool_use["name"]}}}})
            delta = {"toolUse": {"input": json.dumps(tool_use.get("input", {}))}}
        else:
            delta = {"text": block["text"]}
        events.append({"contentBlockDelta": {"contentBlockIndex": index, "delta": delta}})
        events.append({"contentBlockStop": {"contentBlockIndex": index}})
    events.append({"messageStop": {"stopReason": stop_reason}})
    if usage:
        events.append({"metadata": {"usage": usage}})
    return events


def text_block(text: str) -> dict[str, Any]:
    return {"text": text}


def tool_use_block(tool_use_id: str, name: str, tool_input: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"toolUse": {"toolUseId": tool_use_id, "name": name, "input": tool_input or {}}}
