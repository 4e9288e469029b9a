"""A small fake OpenAI-compatible chat server (`POST /v1/chat/completions`, streamed server-sent events,
tool calls split over chunks), as Ollama, vLLM or llama.cpp would answer.

Each request gets the next scripted list of chunks (or an HTTP status) from `scripts`; when the scripts run
out, `responder` decides (by default `scripted_interviewer`, a fixed rule per kind of last message that
drives whole interviews with real tool calls). The interviewer's provider tests script it request by
request; `make eval-interviewer PROVIDER=openai --fake-openai` runs whole interviews against it.

Paced (`first_token_ms`, `tokens_per_s`; `--first-token-ms`, `--tokens-per-s` on the command line) it stands
in for a real model's timing: the first token after a fixed wait, then one token (a word of text, or one
tool-call chunk) at a steady rate. `make bench` times MockMind's turns against it (scripts/bench.py).
Unpaced (the default), every chunk is written at once, as the tests expect.
"""

import argparse
import asyncio
import json
import re
from collections.abc import Callable
from typing import Any

from aiohttp import web

Chunk = dict[str, Any]
Responder = Callable[[dict[str, Any]], list[Chunk]]


def chunk(content: str | None = None, tool_calls: list[dict] | None = None, finish: str | None = None) -> Chunk:
    delta: dict[str, Any] = {}
    if content is not None:
        delta["content"] = content
    if tool_calls is not None:
        delta["tool_calls"] = tool_calls
    return {"id": "c1", "object": "chat.completion.chunk", "model": "fake",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


def tool_call(name: str, arguments: dict[str, Any] | None = None, text: str | None = None) -> list[Chunk]:
    """Chunks of one tool call, its arguments split in two as real servers stream them."""
    arguments_json = json.dumps(arguments or {})
    half = len(arguments_json) // 2
    chunks = [chunk(content=text)] if text else []
    return chunks + [
        chunk(tool_calls=[{"index": 0, "id": f"call_{name}", "type": "function",
                           "function": {"name": name, "arguments": arguments_json[:half]}}]),
        chunk(tool_calls=[{"index": 0, "function": {"arguments": arguments_json[half:]}}]),
        chunk(finish="tool_calls"),
    ]


def text_reply(text: str) -> list[Chunk]:
    words = text.split(" ")
    return [chunk(content=" ".join(words[:3]) + " "), chunk(content=" ".join(words[3:])), chunk(finish="stop")]


def scripted_interviewer(request: dict[str, Any]) -> list[Chunk]:
    """A rule per kind of last message, so an interview moves through every tool: greet and get_question,
    get_hint when asked, run_code for runs and submissions, assess_solution after a submission."""
    messages = request["messages"]
    last = messages[-1]
    if last["role"] == "tool":
        return _after_tool(messages)
    said = (last.get("content") or "").lower()
    asked_for_question = any(call["function"]["name"] == "get_question"
                             for m in messages if m["role"] == "assistant" for call in m.get("tool_calls") or [])
    if not asked_for_question:
        return tool_call("get_question", text="Hi, I'm your interviewer today.")
    if "submitted their" in said:
        return tool_call("run_code", {"mode": "submit"})
    if "ran their" in said:
        return tool_call("run_code", {"mode": "run"})
    if "hint" in said:
        return tool_call("get_hint")
    if "silent for" in said:
        return text_reply("How is it going? Tell me what you're thinking.")
    return text_reply("Thanks. Tell me more about how you'd approach it.")


def _after_tool(messages: list[dict[str, Any]]) -> list[Chunk]:
    calls = {c["id"]: c["function"]["name"] for m in messages if m["role"] == "assistant"
             for c in m.get("tool_calls") or []}
    name = calls.get(messages[-1]["tool_call_id"], "")
    result = json.loads(messages[-1]["content"] or "{}")
    result = result if isinstance(result, dict) else {}
    if name == "get_question":
        return text_reply("Here's the problem; the statement is on your screen. Ask me anything about it.")
    if name == "get_hint":
        return text_reply("Here's a nudge: think about what you could remember as you go.")
    if name == "run_code" and result.get("mode") == "submit":
        return tool_call("assess_solution")
    if name == "run_code":
        return text_reply(f"{result.get('passed', 0)} of {result.get('total', 0)} sample tests pass.")
    if name == "assess_solution":
        return text_reply(f"{result.get('summary', 'I have assessed it.')} Your report is on its way.")
    return text_reply("Okay.")


def as_tokens(script: list[Chunk]) -> list[Chunk]:
    """The script with its text split into one chunk per word (with its spaces), the unit a paced server
    streams at its token rate; tool-call and finish chunks stay as they are."""
    tokens: list[Chunk] = []
    for part in script:
        text = part["choices"][0]["delta"].get("content")
        if not text:
            tokens.append(part)
            continue
        tokens += [chunk(content=word) for word in re.findall(r"\s*\S+\s*|\s+", text)]
    return tokens


class FakeChatServer:
    """Serves `/v1/chat/completions`: each request gets the next script (chunks, or an HTTP status), then
    whatever `responder` answers. With `first_token_ms` / `tokens_per_s`, chunks are paced like a model's
    tokens (see the module docstring), and the time each request really waited for its first chunk is kept
    in `first_token_delays_s` (served at `GET /stats`), so a caller can subtract the model's own wait."""

    def __init__(self, responder: Responder | None = None, *, first_token_ms: float = 0.0,
                 tokens_per_s: float | None = None):
        self.scripts: list[list[Chunk] | int] = []
        self.requests: list[dict] = []
        self.peers: list[tuple | None] = []  # the client's address of each request: one per connection
        self.responder = responder
        self.first_token_s = first_token_ms / 1000
        self.token_interval_s = 1 / tokens_per_s if tokens_per_s else 0.0
        self.first_token_delays_s: list[float] = []
        # Per streamed request: how many of its chunks were written before the client closed the stream
        # (a barge-in), or None when it was written to its end.
        self.cut_after: list[int | None] = []
        self.url = ""
        self._runner: web.AppRunner | None = None

    @property
    def paced(self) -> bool:
        return bool(self.first_token_s or self.token_interval_s)

    async def handle(self, request: web.Request) -> web.StreamResponse:
        arrived = asyncio.get_running_loop().time()
        body = await request.json()
        self.requests.append(body)
        self.peers.append(request.transport.get_extra_info("peername") if request.transport else None)
        if self.scripts:
            script = self.scripts.pop(0)
        elif self.responder is not None:
            script = self.responder(body)
        else:
            return web.json_response({"error": {"message": "no scripted reply left"}}, status=500)
        if isinstance(script, int):
            return web.json_response({"error": {"message": "slow down"}}, status=script)
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        written = [0]
        self.cut_after.append(None)
        mine = len(self.cut_after) - 1
        try:
            if self.paced:
                await self._write_paced(response, as_tokens(script), arrived, written)
            else:
                for part in script:
                    await response.write(f"data: {json.dumps(part)}\n\n".encode())
                    written[0] += 1
            await response.write(b"data: [DONE]\n\n")
        except (ConnectionError, asyncio.CancelledError):  # the client closed the stream mid-reply
            self.cut_after[mine] = written[0]
            raise
        return response

    async def _write_paced(self, response: web.StreamResponse, tokens: list[Chunk], started: float,
                           written: list[int]) -> None:
        """Token i goes out at `first_token_s + i * token_interval_s` after the request arrived (on a
        schedule, so a late wake-up is not carried into every later token)."""
        loop = asyncio.get_running_loop()
        for i, token in enumerate(tokens):
            await asyncio.sleep(max(0.0, started + self.first_token_s + i * self.token_interval_s - loop.time()))
            await response.write(f"data: {json.dumps(token)}\n\n".encode())
            written[0] += 1
            if i == 0:
                self.first_token_delays_s.append(loop.time() - started)

    async def models(self, request: web.Request) -> web.Response:
        """What the interviewer's health check asks (`GET {base}/models`)."""
        return web.json_response({"object": "list", "data": [{"id": "fake", "object": "model"}]})

    async def stats(self, request: web.Request) -> web.Response:
        return web.json_response({"first_token_delays_s": self.first_token_delays_s})

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> "FakeChatServer":
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self.handle)
        app.router.add_get("/v1/models", self.models)
        app.router.add_get("/stats", self.stats)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        bound = site._server.sockets[0].getsockname()[1]
        self.url = f"http://{host}:{bound}/v1"
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


async def _serve(port: int, first_token_ms: float, tokens_per_s: float | None) -> None:
    server = await FakeChatServer(scripted_interviewer, first_token_ms=first_token_ms,
                                  tokens_per_s=tokens_per_s).start(port=port)
    print(f"fake OpenAI-compatible server at {server.url}", flush=True)
    await asyncio.Event().wait()


def main() -> None:
    parser = argparse.ArgumentParser(description="A fake OpenAI-compatible chat server (scripted interviewer).")
    parser.add_argument("port", type=int, nargs="?", default=11435)
    parser.add_argument("--first-token-ms", type=float, default=0.0, help="wait before the first token")
    parser.add_argument("--tokens-per-s", type=float, default=None, help="token rate after the first (unpaced if unset)")
    args = parser.parse_args()
    asyncio.run(_serve(args.port, args.first_token_ms, args.tokens_per_s))


if __name__ == "__main__":
    main()
