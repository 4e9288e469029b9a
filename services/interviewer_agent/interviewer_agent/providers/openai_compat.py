"""Any OpenAI-compatible chat endpoint with tool calls: Ollama, vLLM, llama.cpp server, LM Studio.

`LLM_PROVIDER=openai OPENAI_BASE_URL=http://localhost:11434/v1 OPENAI_MODEL=llama3.1` runs MockMind on a
local model. Converse-shaped messages are translated to chat messages on the way in, and the streamed
chat chunks (server-sent events) are translated back to ConverseStream events on the way out.
"""

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx

from .base import (
    CONTENT_FILTERED,
    END_TURN,
    MAX_TOKENS,
    TOOL_USE,
    Message,
    ModelRequest,
    ProviderError,
    StreamEvent,
)

FINISH_REASONS = {"stop": END_TURN, "tool_calls": TOOL_USE, "function_call": TOOL_USE, "length": MAX_TOKENS,
                  "content_filter": CONTENT_FILTERED}
RETRYABLE_STATUS = {429, 502, 503, 504}


def chat_messages(system: str, messages: list[Message]) -> list[dict[str, Any]]:
    """Converse messages as chat-completions messages (tool results become `tool` messages)."""
    chat: list[dict[str, Any]] = [{"role": "system", "content": system}]
    for message in messages:
        texts = [b["text"] for b in message["content"] if "text" in b]
        if message["role"] == "assistant":
            calls = [{"id": b["toolUse"]["toolUseId"], "type": "function",
                      "function": {"name": b["toolUse"]["name"], "arguments": json.dumps(b["toolUse"]["input"])}}
                     for b in message["content"] if "toolUse" in b]
            entry: dict[str, Any] = {"role": "assistant", "content": " ".join(texts) or None}
            if calls:
                entry["tool_calls"] = calls
            chat.append(entry)
            continue
        for block in message["content"]:
            if "toolResult" in block:
                result = block["toolResult"]
                content = [c.get("json", c.get("text")) for c in result["content"]]
                chat.append({"role": "tool", "tool_call_id": result["toolUseId"],
                             "content": json.dumps(content[0] if len(content) == 1 else content)})
        if texts:
            chat.append({"role": "user", "content": " ".join(texts)})
    return chat


def chat_tools(tool_specs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"type": "function", "function": {"name": spec["toolSpec"]["name"],
                                              "description": spec["toolSpec"]["description"],
                                              "parameters": spec["toolSpec"]["inputSchema"]["json"]}}
            for spec in tool_specs]


class ChunkTranslator:
    """Chat-completion chunks → ConverseStream events. Text is block 0; tool call i is block i + 1."""

    def __init__(self) -> None:
        self.started_tools: set[int] = set()
        self.text_open = False
        self.stop_reason: str | None = None

    def translate(self, chunk: dict[str, Any]) -> list[StreamEvent]:
        events: list[StreamEvent] = []
        for choice in chunk.get("choices", []):
            delta = choice.get("delta") or {}
            if delta.get("content"):
                self.text_open = True
                events.append({"contentBlockDelta": {"contentBlockIndex": 0, "delta": {"text": delta["content"]}}})
            for call in delta.get("tool_calls") or []:
                index = call.get("index", 0) + 1
                function = call.get("function") or {}
                if index not in self.started_tools:
                    self.started_tools.add(index)
                    events.append({"contentBlockStart": {"contentBlockIndex": index, "start": {"toolUse": {
                        "toolUseId": call.get("id") or f"call_{index}", "name": function.get("name", "")}}}})
                if function.get("arguments"):
                    events.append({"contentBlockDelta": {"contentBlockIndex": index,
                                                         "delta": {"toolUse": {"input": function["arguments"]}}}})
            if choice.get("finish_reason"):
                self.stop_reason = FINISH_REASONS.get(choice["finish_reason"], END_TURN)
        return events

    def finish(self) -> list[StreamEvent]:
        blocks = ([0] if self.text_open else []) + sorted(self.started_tools)
        events: list[StreamEvent] = [{"contentBlockStop": {"contentBlockIndex": i}} for i in blocks]
        stop = self.stop_reason or END_TURN
        if stop == END_TURN and self.started_tools:  # some servers say "stop" even after tool calls
            stop = TOOL_USE
        return [*events, {"messageStop": {"stopReason": stop}}]


class OpenAICompatProvider:
    name = "openai"

    def __init__(self, *, base_url: str, model: str, api_key: str | None = None, max_tokens: int = 1024,
                 temperature: float = 0.5, timeout_s: float = 120.0):
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.model = model
        self.max_tokens = max_tokens
        self.temperature = temperature
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._http = httpx.AsyncClient(timeout=timeout_s, headers=headers)

    async def close(self) -> None:
        await self._http.aclose()

    def body(self, request: ModelRequest) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self.model, "stream": True, "max_tokens": self.max_tokens, "temperature": self.temperature,
            "messages": chat_messages(request.system, request.messages),
        }
        if request.tools:
            body["tools"] = chat_tools(request.tools)
        return body

    async def stream(self, request: ModelRequest) -> AsyncIterator[StreamEvent]:
        translator = ChunkTranslator()
        yield {"messageStart": {"role": "assistant"}}
        try:
            async with self._http.stream("POST", self.url, json=self.body(request)) as response:
                if response.status_code != 200:
                    detail = (await response.aread()).decode(errors="replace")[:300]
                    raise ProviderError(f"{self.url} answered {response.status_code}: {detail}",
                                        retryable=response.status_code in RETRYABLE_STATUS)
                done = False
                # Read to the end of the body even after [DONE] (servers close the stream right after it):
                # a response left unread closes its connection, and every model call would then pay for a
                # new TCP (and, to a hosted model, TLS) handshake before its first token.
                async for line in response.aiter_lines():
                    if done or not line.startswith("data:"):
                        continue
                    data = line[len("data:"):].strip()
                    if data == "[DONE]":
                        done = True
                        continue
                    for event in translator.translate(json.loads(data)):
                        yield event
        except httpx.HTTPError as exc:
            raise ProviderError(f"{self.url}: {type(exc).__name__}: {exc}", retryable=True) from exc
        except json.JSONDecodeError as exc:
            raise ProviderError(f"{self.url} sent a malformed chunk: {exc}") from exc
        for event in translator.finish():
            yield event
