"""The OpenAI-compatible provider against the fake chat-completions server (`interviewer_eval.fake_openai`:
streamed server-sent events, tool calls split over chunks), as Ollama, vLLM or llama.cpp would answer."""

import asyncio
import json

import pytest

from interviewer_agent.loop import AgentLoop, ToolOutcome
from interviewer_agent.providers.base import ModelRequest, ProviderError
from interviewer_agent.providers.openai_compat import OpenAICompatProvider, chat_messages
from interviewer_agent.tool_registry import TOOL_SPECS
from interviewer_eval.fake_openai import FakeChatServer, chunk

from .fakes import RecordingSink, ScriptedContext, state


@pytest.fixture
async def server():
    fake = await FakeChatServer().start()
    yield fake
    await fake.stop()


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


async def test_a_paced_server_streams_word_by_word_after_its_first_token_wait():
    """The stand-in model `make bench` times turns against: first token after a wait, then a steady rate."""
    paced = await FakeChatServer(first_token_ms=150, tokens_per_s=20).start()
    paced.scripts = [[chunk(content="Thanks. Tell me more."), chunk(finish="stop")]]
    provider = OpenAICompatProvider(base_url=paced.url, model="stand-in")
    try:
        arrivals: list[tuple[float, str]] = []
        started = asyncio.get_running_loop().time()
        request = ModelRequest(system="s", messages=USER, tools=[], state=state())
        async for event in provider.stream(request):
            if delta := event.get("contentBlockDelta"):
                arrivals.append((asyncio.get_running_loop().time() - started, delta["delta"]["text"]))
    finally:
        await provider.close()
        await paced.stop()
    assert [text for _, text in arrivals] == ["Thanks. ", "Tell ", "me ", "more."]
    assert arrivals[0][0] >= 0.15  # never before the first-token wait
    # one word every 1/20 s after it: the last cannot come before the wait and three intervals (a loaded
    # machine can only make it later; the gaps seen by the client can shrink when the first word is late)
    assert arrivals[-1][0] >= 0.15 + 3 * 0.05 - 0.005
    assert len(paced.first_token_delays_s) == 1 and paced.first_token_delays_s[0] >= 0.15


async def test_model_calls_reuse_one_connection(server, provider):
    """A reply read to its end returns the connection to the pool: no new handshake before each call."""
    server.scripts = [[chunk(content="One."), chunk(finish="stop")], [chunk(content="Two."), chunk(finish="stop")]]
    for _ in range(2):
        request = ModelRequest(system="s", messages=USER, tools=[], state=state())
        assert [e async for e in provider.stream(request)]
    assert len(server.peers) == 2 and server.peers[0] == server.peers[1]
