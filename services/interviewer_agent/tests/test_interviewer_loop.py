"""The agent loop with scripted provider replies: tools, stop reasons, the iteration cap and errors."""

import pytest

from interviewer_agent.loop import (
    CUT_SHORT_NOTE,
    FILTERED_NOTE,
    PAUSE_NOTE,
    AgentLoop,
    ReplyAssembler,
    ToolOutcome,
)
from interviewer_agent.providers.base import ProviderError, events_for_message, text_block, tool_use_block

from .fakes import FailingMidStream, RecordingSink, ScriptedContext, ScriptedProvider

USER = [{"role": "user", "content": [{"text": "Can you run my code and give me a hint?"}]}]


def no_sleep_loop(provider, **kwargs) -> tuple[AgentLoop, list[float]]:
    sleeps: list[float] = []

    async def record(seconds: float) -> None:
        sleeps.append(seconds)

    return AgentLoop(provider, sleep=record, **kwargs), sleeps


async def test_a_multi_tool_turn_runs_every_tool_and_returns_results_as_one_user_turn():
    provider = ScriptedProvider(
        ([text_block("Sure, one moment."), tool_use_block("t1", "run_code", {"mode": "run"}),
          tool_use_block("t2", "get_hint")], "tool_use"),
        ([text_block("Two samples fail. Here's a hint.")], "end_turn"),
    )
    context = ScriptedContext(results={"run_code": ToolOutcome({"passed": 1, "total": 3}),
                                       "get_hint": ToolOutcome({"level": 1, "hint": "Sort first."})})
    sink = RecordingSink()
    loop, _ = no_sleep_loop(provider)
    result = await loop.run_turn(USER, context, sink)

    assert context.calls == [("run_code", {"mode": "run"}), ("get_hint", {})]
    assert result.tools_called == ["run_code", "get_hint"]
    assert result.iterations == 2 and result.stop_reason == "end_turn"
    # The second call sees: the question, the assistant's tool uses, then ONE user turn of toolResults.
    second = provider.requests[1].messages
    assert [m["role"] for m in second] == ["user", "assistant", "user"]
    assert second[2]["content"] == [
        {"toolResult": {"toolUseId": "t1", "content": [{"json": {"passed": 1, "total": 3}}], "status": "success"}},
        {"toolResult": {"toolUseId": "t2", "content": [{"json": {"level": 1, "hint": "Sort first."}}],
                        "status": "success"}},
    ]
    assert result.new_messages == second[1:] + [{"role": "assistant", "content": [
        {"text": "Two samples fail. Here's a hint."}]}]
    # The candidate sees thinking, the first sentence, each tool running, then the answer.
    assert sink.log[0] == ("thinking", ("thinking", None))
    order = [entry for entry in sink.log if entry[0] in ("sentence", "thinking")]
    assert order == [("thinking", ("thinking", None)), ("sentence", "Sure, one moment."),
                     ("thinking", ("running", "run_code")), ("thinking", ("running", "get_hint")),
                     ("sentence", "Two samples fail."), ("sentence", "Here's a hint.")]


async def test_the_loop_stops_after_five_model_calls_and_drops_unanswered_tool_uses():
    always_a_tool = [([text_block(f"Step {i}."), tool_use_block(f"t{i}", "get_hint")], "tool_use") for i in range(9)]
    provider = ScriptedProvider(*always_a_tool)
    context = ScriptedContext()
    sink = RecordingSink()
    loop, _ = no_sleep_loop(provider)
    result = await loop.run_turn(USER, context, sink)

    assert len(provider.requests) == 5 and result.iterations == 5
    assert len(context.calls) == 4  # the fifth call's tool use has nobody left to read its result
    last = result.new_messages[-1]
    assert last == {"role": "assistant", "content": [{"text": "Step 4."}]}
    assert " ".join(sink.spoken).endswith(PAUSE_NOTE)


@pytest.mark.parametrize("stop_reason, note", [
    ("end_turn", None), ("stop_sequence", None), ("max_tokens", CUT_SHORT_NOTE), ("content_filtered", FILTERED_NOTE),
])
async def test_each_stop_reason_ends_the_turn(stop_reason, note):
    provider = ScriptedProvider(([text_block("The input has at most ten items.")], stop_reason))
    sink = RecordingSink()
    loop, _ = no_sleep_loop(provider)
    result = await loop.run_turn(USER, ScriptedContext(), sink)
    assert result.stop_reason == stop_reason and result.iterations == 1 and result.error is None
    said = " ".join(sink.spoken)
    assert said.startswith("The input has at most ten items.")
    assert (note in said) if note else said == "The input has at most ten items."


async def test_tool_use_stop_reason_without_tool_blocks_does_not_loop():
    provider = ScriptedProvider(([text_block("Hmm.")], "tool_use"))
    loop, _ = no_sleep_loop(provider)
    result = await loop.run_turn(USER, ScriptedContext(), RecordingSink())
    assert result.iterations == 1


async def test_throttling_is_retried_with_growing_backoff_then_succeeds():
    throttled = ProviderError("ThrottlingException", retryable=True)
    provider = ScriptedProvider(throttled, throttled, ([text_block("Hello.")], "end_turn"))
    sink = RecordingSink()
    loop, sleeps = no_sleep_loop(provider)
    result = await loop.run_turn(USER, ScriptedContext(), sink)
    assert result.error is None and sink.spoken == ["Hello."]
    assert sleeps == [0.5, 1.0]


async def test_throttling_retries_are_bounded_and_end_in_a_clear_error():
    throttled = ProviderError("ThrottlingException", retryable=True)
    provider = ScriptedProvider(throttled, throttled, throttled, ([text_block("never")], "end_turn"))
    sink = RecordingSink()
    loop, sleeps = no_sleep_loop(provider)
    result = await loop.run_turn(USER, ScriptedContext(), sink)
    assert len(provider.requests) == 3 and len(sleeps) == 2
    assert sink.errors == ["interviewer_unavailable"] and result.error


async def test_other_provider_errors_are_not_retried():
    provider = ScriptedProvider(ProviderError("AccessDeniedException"), ([text_block("never")], "end_turn"))
    sink = RecordingSink()
    loop, sleeps = no_sleep_loop(provider)
    result = await loop.run_turn(USER, ScriptedContext(), sink)
    assert len(provider.requests) == 1 and sleeps == []
    assert sink.errors == ["interviewer_unavailable"] and "AccessDenied" in result.error


async def test_throttling_after_text_was_streamed_is_not_retried():
    provider = FailingMidStream("Let me think about", ProviderError("throttled", retryable=True))
    sink = RecordingSink()
    loop, sleeps = no_sleep_loop(provider)
    await loop.run_turn(USER, ScriptedContext(), sink)
    assert len(provider.requests) == 1 and sleeps == [] and sink.errors == ["interviewer_unavailable"]


async def test_an_error_after_a_tool_round_keeps_the_completed_round():
    provider = ScriptedProvider(([tool_use_block("t1", "get_question")], "tool_use"), ProviderError("boom"))
    loop, _ = no_sleep_loop(provider)
    result = await loop.run_turn(USER, ScriptedContext(), RecordingSink())
    assert [m["role"] for m in result.new_messages] == ["assistant", "user"]
    assert result.tools_called == ["get_question"] and result.error == "boom"


async def test_a_failing_tool_is_reported_to_the_model_as_an_error_result():
    provider = ScriptedProvider(([tool_use_block("t1", "run_code", {"mode": "run"})], "tool_use"),
                                ([text_block("The sandbox is down.")], "end_turn"))
    context = ScriptedContext(results={"run_code": RuntimeError("sandbox unreachable")})
    loop, _ = no_sleep_loop(provider)
    result = await loop.run_turn(USER, context, RecordingSink())
    tool_result = provider.requests[1].messages[-1]["content"][0]["toolResult"]
    assert tool_result["status"] == "error" and "sandbox unreachable" in tool_result["content"][0]["json"]["error"]
    assert result.stop_reason == "end_turn"


async def test_the_system_prompt_is_rebuilt_for_every_call():
    """A tool can change the phase mid-turn; the next call must see the new prompt."""
    provider = ScriptedProvider(([tool_use_block("t1", "assess_solution")], "tool_use"),
                                ([text_block("Well done.")], "end_turn"))
    context = ScriptedContext()

    async def accept(name, tool_input):
        context.system = "WRAPPING_UP prompt"
        return ToolOutcome({"verdict": "accepted"})

    context.run_tool = accept
    loop, _ = no_sleep_loop(provider)
    await loop.run_turn(USER, context, RecordingSink())
    assert [r.system for r in provider.requests] == ["system prompt", "WRAPPING_UP prompt"]


def test_the_assembler_joins_streamed_tool_input_and_text():
    assembler = ReplyAssembler()
    events = events_for_message([text_block("Hi."), tool_use_block("t", "run_code", {"mode": "submit"})], "tool_use")
    # Split the tool input JSON over two deltas, as Bedrock does.
    delta = next(e for e in events if "toolUse" in e.get("contentBlockDelta", {}).get("delta", {}))
    raw = delta["contentBlockDelta"]["delta"]["toolUse"]["input"]
    index = events.index(delta)
    events[index:index + 1] = [
        {"contentBlockDelta": {"contentBlockIndex": 1, "delta": {"toolUse": {"input": raw[:4]}}}},
        {"contentBlockDelta": {"contentBlockIndex": 1, "delta": {"toolUse": {"input": raw[4:]}}}},
    ]
    for event in events:
        assembler.feed(event)
    assert assembler.message() == {"role": "assistant", "content": [
        {"text": "Hi."}, {"toolUse": {"toolUseId": "t", "name": "run_code", "input": {"mode": "submit"}}}]}
    assert assembler.stop_reason == "tool_use"
