"""The agent loop: one candidate turn = up to five model calls, with the tools run in between.

    call the model ─▶ stream its text ─▶ stop reason?
        tool_use   ─▶ run each tool, append the results as a `user` turn of toolResult blocks, call again
        end_turn   ─▶ done
        max_tokens / content_filtered ─▶ done, with a short note to the candidate
    throttled ─▶ retry the same call after a growing pause (a few times); other errors ─▶ an `error` event

The loop knows nothing about RabbitMQ or the database: it talks to a `Provider`, a `TurnContext` (the
prompt, the tools, the phase) and a `TurnSink` (what the candidate sees).
"""

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from .cut import INTERRUPTED, TurnCut, TurnInterrupted
from .providers.base import (
    CONTENT_FILTERED,
    END_TURN,
    MAX_TOKENS,
    TOOL_USE,
    InterviewState,
    Message,
    ModelRequest,
    Provider,
    ProviderError,
    StreamEvent,
)

log = logging.getLogger("interviewer-agent")

MAX_ITERATIONS = 5
MAX_ATTEMPTS = 3  # per model call, when throttled
FIRST_BACKOFF_S = 0.5

CUT_SHORT_NOTE = "Sorry, I cut myself off there. Ask me to go on if you'd like the rest."
FILTERED_NOTE = "Let's keep our conversation on the interview problem."
PAUSE_NOTE = "Let me pause there. What would you like to do next?"


@dataclass
class ToolOutcome:
    content: dict[str, Any]
    ok: bool = True


class TurnContext(Protocol):
    """The interview side of a turn: what to tell the model and how to run its tools."""

    state: InterviewState

    def system_prompt(self) -> str: ...

    def tool_specs(self) -> list[dict[str, Any]]: ...

    async def run_tool(self, name: str, tool_input: dict[str, Any]) -> ToolOutcome: ...


class TurnSink(Protocol):
    """Where the candidate sees the turn happen."""

    async def thinking(self, status: str = "thinking", tool: str | None = None) -> None: ...

    async def text(self, delta: str) -> None: ...

    async def end_text(self) -> None: ...

    async def error(self, code: str, message: str) -> None: ...


@dataclass
class TurnResult:
    new_messages: list[Message] = field(default_factory=list)  # assistant and toolResult turns, in order
    stop_reason: str | None = None
    iterations: int = 0
    tools_called: list[str] = field(default_factory=list)
    error: str | None = None


class ReplyAssembler:
    """Builds the assistant message from ConverseStream events."""

    def __init__(self) -> None:
        self.blocks: dict[int, dict[str, Any]] = {}
        self.stop_reason: str | None = None
        self.usage: dict[str, Any] = {}

    def feed(self, event: StreamEvent) -> str | None:
        """Take one event; returns the text it adds, if any."""
        if start := event.get("contentBlockStart"):
            tool_use = start["start"].get("toolUse")
            if tool_use:
                self.blocks[start["contentBlockIndex"]] = {
                    "toolUse": {"toolUseId": tool_use["toolUseId"], "name": tool_use["name"], "input": ""}}
        elif delta_event := event.get("contentBlockDelta"):
            index, delta = delta_event["contentBlockIndex"], delta_event["delta"]
            if "text" in delta:
                block = self.blocks.setdefault(index, {"text": ""})
                block["text"] += delta["text"]
                return delta["text"]
            if "toolUse" in delta:
                self.blocks[index]["toolUse"]["input"] += delta["toolUse"].get("input", "")
        elif stop := event.get("messageStop"):
            self.stop_reason = stop["stopReason"]
        elif metadata := event.get("metadata"):
            self.usage = metadata.get("usage", {})
        return None

    def message(self) -> Message:
        content = []
        for _, block in sorted(self.blocks.items()):
            if "toolUse" in block:
                tool_use = block["toolUse"]
                content.append({"toolUse": {**tool_use, "input": _parse_tool_input(tool_use["input"])}})
            elif block["text"]:
                content.append({"text": block["text"]})
        return {"role": "assistant", "content": content}


def _parse_tool_input(raw: str) -> dict[str, Any]:
    try:
        parsed = json.loads(raw) if raw.strip() else {}
    except json.JSONDecodeError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


def tool_uses(message: Message) -> list[dict[str, Any]]:
    return [block["toolUse"] for block in message["content"] if "toolUse" in block]


def tool_result_block(tool_use_id: str, outcome: ToolOutcome) -> dict[str, Any]:
    return {"toolResult": {"toolUseId": tool_use_id, "content": [{"json": outcome.content}],
                           "status": "success" if outcome.ok else "error"}}


class AgentLoop:
    def __init__(self, provider: Provider, *, max_iterations: int = MAX_ITERATIONS, max_attempts: int = MAX_ATTEMPTS,
                 first_backoff_s: float = FIRST_BACKOFF_S,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep):
        self.provider = provider
        self.max_iterations = max_iterations
        self.max_attempts = max_attempts
        self.first_backoff_s = first_backoff_s
        self.sleep = sleep

    async def run_turn(self, history: list[Message], context: TurnContext, sink: TurnSink,
                       cut: TurnCut | None = None) -> TurnResult:
        """One candidate turn. `history` ends with the candidate's input as a `user` message. A `cut`
        (barge-in) ends it where it is, with the stop reason `interrupted`."""
        result = TurnResult()
        messages = list(history)
        cut = cut or TurnCut()
        await sink.thinking()
        while result.iterations < self.max_iterations:
            if cut.is_cut:  # talked over while its tools ran: no further model call
                result.stop_reason = INTERRUPTED
                break
            result.iterations += 1
            request = ModelRequest(system=context.system_prompt(), messages=messages,
                                   tools=context.tool_specs(), state=context.state)
            try:
                reply = await self.call_model(request, sink, cut)
            except ProviderError as exc:
                log.warning("model call failed (%s): %s", self.provider.name, exc)
                result.error = str(exc)
                await sink.error("interviewer_unavailable",
                                 "The interviewer could not answer just now. Please try again in a moment.")
                break
            result.stop_reason = reply.stop_reason
            message = reply.message()
            if reply.stop_reason == INTERRUPTED:
                # What was said so far is kept; a tool call the model had begun is dropped, unrun.
                said = [b for b in message["content"] if "text" in b]
                if said:
                    result.new_messages.append({"role": "assistant", "content": said})
                break
            if reply.stop_reason != TOOL_USE or not tool_uses(message):
                if message["content"]:
                    result.new_messages.append(message)
                await self._close_text(reply.stop_reason, sink)
                break
            if result.iterations == self.max_iterations:
                # No call left to read the results: keep the text, drop the unanswered tool uses.
                text_only = [b for b in message["content"] if "text" in b]
                if text_only:
                    result.new_messages.append({"role": "assistant", "content": text_only})
                await sink.text(PAUSE_NOTE)
                await sink.end_text()
                break
            results = await self._run_tools(message, context, sink, result)
            result.new_messages += [message, results]
            messages += [message, results]
        return result

    async def call_model(self, request: ModelRequest, sink: TurnSink, cut: TurnCut | None = None) -> ReplyAssembler:
        """One model call, streaming its text to the candidate; throttling is retried with backoff
        as long as nothing has been streamed yet (a retry would otherwise repeat what was said). A cut
        closes the model's stream and returns what came so far (stop reason `interrupted`)."""
        delay = self.first_backoff_s
        cut = cut or TurnCut()
        for attempt in range(1, self.max_attempts + 1):
            reply = ReplyAssembler()
            try:
                async with contextlib.aclosing(self.provider.stream(request)) as stream:
                    async for event in cut.events(stream):
                        if text := reply.feed(event):
                            await sink.text(text)
                await sink.end_text()
                return reply
            except TurnInterrupted:
                reply.stop_reason = INTERRUPTED  # the unfinished sentence in the sink is never said
                return reply
            except ProviderError as exc:
                streamed = any("text" in b or "toolUse" in b for b in reply.blocks.values())
                if not exc.retryable or streamed or attempt == self.max_attempts:
                    raise
                log.info("model throttled (attempt %d of %d); retrying in %.1f s", attempt, self.max_attempts, delay)
                await self.sleep(delay)
                delay *= 2
        raise AssertionError("unreachable")

    async def _run_tools(self, message: Message, context: TurnContext, sink: TurnSink, result: TurnResult) -> Message:
        blocks = []
        for tool_use in tool_uses(message):
            name = tool_use["name"]
            result.tools_called.append(name)
            await sink.thinking("running", name)
            try:
                outcome = await context.run_tool(name, tool_use.get("input") or {})
            except Exception as exc:  # a failing tool is reported to the model, not to the candidate
                log.exception("tool %s failed", name)
                outcome = ToolOutcome({"error": f"{type(exc).__name__}: {exc}"}, ok=False)
            blocks.append(tool_result_block(tool_use["toolUseId"], outcome))
        return {"role": "user", "content": blocks}

    @staticmethod
    async def _close_text(stop_reason: str | None, sink: TurnSink) -> None:
        note = {MAX_TOKENS: CUT_SHORT_NOTE, CONTENT_FILTERED: FILTERED_NOTE}.get(stop_reason or END_TURN)
        if note:
            await sink.text(note)
            await sink.end_text()
