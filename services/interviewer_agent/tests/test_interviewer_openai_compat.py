"""The OpenAI-compatible provider against a small fake HTTP server speaking the chat-completions protocol
(streamed server-sent events, tool calls split over chunks), as Ollama, vLLM or llama.cpp would."""

import json

import pytest
from aiohttp import web

from interviewer_agent.loop import AgentLoop, ToolOutcome
from interviewer_agent.providers.base import ModelRequest, ProviderError
from interviewer_agent.providers.openai_compat import OpenAICompatProvider, chat_messages
from interviewer_agent.tool_registry import TOOL_SPECS

from .fakes import RecordingSink, ScriptedContext, state


class FakeChatServer:
    """Serves `/v1/chat/completions`: each request gets the next scripted list of chunks (or a status)."""

    def __init__(self):
        self.scripts: list[list[dict] | int] = []
        self.requests: list[dict] = []
        self.url = ""

    async def handle(self, request: web.Request) -> web.StreamResponse:
        self.requests.append(await request.json())
        script = self.scripts.pop(0)
        if isinstance(script, int):
            return web.json_response({"error": {"message": "slow down"}}, status=script)
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        for chunk in script:
            await response.write(f"data: {json.dumps(chunk)}\n\n".encode())
        await response.write(b"data: [DONE]\n\n")
        return response


@pytest.fixture
async def server():
    fake = FakeChatServer()
    app = web.Application()
    app.router.add_post("/v1/chat/completions", fake.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    fake.url = f"http://127.0.0.1:{port}/v1"
    yield fake
    await runner.cleanup()


def chunk(content=None, tool_calls=None, finish=None) -> dict:
    delta = {}
    if content is not None:
        delta["content"] = content
    if tool_calls is not None:
        delta["tool_calls"] = tool_calls
    return {"id": "c1", "object": "chat.completion.chunk", "model": "llama3.1",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


USER = [{"role": "user", "content": [{"text": "I'm stuck, a hint please?"}]}]


@pytest.fixture
async def provider(server):
    provider = OpenAICompatProvider(base_url=server.url, model="llama3.1", api_key="local")
    yield provider
    await provider.close()


async def test_a_tool_call_turn_through_the_chat_protocol(server, provider):
    server.scripts = [
        [chunk(content="Sure. "),
         chunk(tool_calls=[{"index": 0, "id": "call_7", "type": "function",
                            "function": {"name": "get_hint", "arguments": ""}}]),
         chunk(tool_calls=[{"index": 0, "function": {"arguments": "{}"}}]),
         chunk(finish="tool_calls")],
        [chunk(content="Think about "), chunk(content="what you have already seen."), chunk(finish="stop")],
    ]
    context = ScriptedContext(results={"get_hint": ToolOutcome({"level": 1, "hint": "Remember what you saw."})})
    sink = RecordingSink()
    result = await AgentLoop(provider).run_turn(USER, context, sink)

    assert context.calls == [("get_hint", {})] and result.stop_reason == "end_turn"
    assert sink.spoken == ["Sure.", "Think about what you have already seen."]
    first, second = server.requests
    assert first["model"] == "llama3.1" and first["stream"] is True
    assert [t["function"]["name"] for t in first["tools"]] == ["get_question", "run_code", "get_hint",
                                                                "assess_solution"]
    assert first["messages"][0]["role"] == "system"
    # The tool result goes back the chat way: the assistant's tool_calls, then a `tool` message.
    assert second["messages"][-2]["tool_calls"][0]["id"] == "call_7"
    assert second["messages"][-1] == {"role": "tool", "tool_call_id": "call_7",
                                      "content": json.dumps({"level": 1, "hint": "Remember what you saw."})}


@pytest.mark.parametrize("finish, stop_reason", [("stop", "end_turn"), ("length", "max_tokens"),
                                                 ("content_filter", "content_filtered")])
async def test_finish_reasons_map_to_converse_stop_reasons(server, provider, finish, stop_reason):
    server.scripts = [[chunk(content="Hello."), chunk(finish=finish)]]
    request = ModelRequest(system="s", messages=USER, tools=TOOL_SPECS, state=state())
    events = [e async for e in provider.stream(request)]
    assert events[-1] == {"messageStop": {"stopReason": stop_reason}}


async def test_rate_limits_are_retryable_and_retried_by_the_loop(server, provider):
    server.scripts = [429, [chunk(content="Hello."), chunk(finish="stop")]]
    sleeps = []

    async def record(seconds):
        sleeps.append(seconds)

    sink = RecordingSink()
    result = await AgentLoop(provider, sleep=record).run_turn(USER, ScriptedContext(), sink)
    assert result.error is None and sink.spoken == ["Hello."] and sleeps == [0.5]


async def test_a_server_error_is_a_clear_error(server, provider):
    server.scripts = [400]
    request = ModelRequest(system="s", messages=USER, tools=TOOL_SPECS, state=state())
    with pytest.raises(ProviderError) as raised:
        _ = [e async for e in provider.stream(request)]
    assert "400" in str(raised.value) and not raised.value.retryable


def test_converse_tool_results_become_tool_messages():
    messages = [
        {"role": "user", "content": [{"text": "Run it."}]},
        {"role": "assistant", "content": [{"toolUse": {"toolUseId": "t1", "name": "run_code",
                                                       "input": {"mode": "run"}}}]},
        {"role": "user", "content": [{"toolResult": {"toolUseId": "t1", "content": [{"json": {"passed": 2}}]}},
                                     {"text": "And now?"}]},
    ]
    chat = chat_messages("sys", messages)
    assert [m["role"] for m in chat] == ["system", "user", "assistant", "tool", "user"]
    assert chat[2]["tool_calls"][0]["function"] == {"name": "run_code", "arguments": '{"mode": "run"}'}
    assert chat[2]["content"] is None
