"""Barge-in: a cut turn stops reading the model at once, closes its stream, and keeps what was said."""

import asyncio

import pytest

from interviewer_agent.cut import INTERRUPTED, RunningTurns, TurnCut
from interviewer_agent.loop import AgentLoop, ToolOutcome
from interviewer_agent.providers.base import ModelRequest, text_block, tool_use_block

from .fakes import RecordingSink, ScriptedContext, ScriptedProvider

USER = [{"role": "user", "content": [{"text": "So how would you start?"}]}]


def text(delta: str) -> dict:
    return {"contentBlockDelta": {"contentBlockIndex": 0, "delta": {"text": delta}}}


class SlowModel:
    """Streams two sentences and half a third, then waits for a next token that never comes (a model
    still writing); records whether its stream was closed."""

    name = "slow"

    def __init__(self):
        self.waiting = asyncio.Event()
        self.closed = False
        self.requests = 0

    async def stream(self, request: ModelRequest):
        self.requests += 1
        try:
            yield {"messageStart": {"role": "assistant"}}
            for delta in ("First I'd sort. ", "Then two pointers. ", "And after that"):
                yield text(delta)
            self.waiting.set()
            await asyncio.sleep(3600)
            yield text(" the rest.")
        finally:
            self.closed = True


class SinkThatIsTalkedOver(RecordingSink):
    """A sink during whose second delta the candidate barges in (the cut arrives while a sentence is sent)."""

    def __init__(self, cut: TurnCut):
        super().__init__()
        self.cut = cut

    async def text(self, delta: str) -> None:
        await super().text(delta)
        if len([kind for kind, _ in self.log if kind == "delta"]) == 2:
            self.cut.cut()


async def test_a_cut_while_the_model_writes_closes_its_stream_and_keeps_what_was_said():
    model, sink, cut = SlowModel(), RecordingSink(), TurnCut()
    turn = asyncio.create_task(AgentLoop(model).run_turn(USER, ScriptedContext(), sink, cut=cut))
    await asyncio.wait_for(model.waiting.wait(), 5)
    cut.cut()
    result = await asyncio.wait_for(turn, 5)

    assert model.closed
    assert result.stop_reason == INTERRUPTED
    assert sink.spoken == ["First I'd sort.", "Then two pointers."]  # the unfinished sentence is never said
    assert result.new_messages == [{"role": "assistant", "content": [
        {"text": "First I'd sort. Then two pointers. And after that"}]}]
    assert not sink.errors


async def test_a_cut_while_a_sentence_is_sent_stops_reading_a_stream_that_never_waits():
    """The offline interviewer's stream has its whole reply at once: the cut is seen before the next event."""
    cut = TurnCut()
    sink = SinkThatIsTalkedOver(cut)
    deltas = [text("One. "), text("Two. "), text("Three. "), text("Four.")]
    closed = []

    class AllAtOnce(ScriptedProvider):
        async def stream(self, request):  # four deltas, no waits between them
            self.requests.append(request)
            try:
                yield {"messageStart": {"role": "assistant"}}
                for delta in deltas:
                    yield delta
            finally:
                closed.append(True)

    provider = AllAtOnce()
    result = await AgentLoop(provider).run_turn(USER, ScriptedContext(), sink, cut=cut)
    assert closed == [True]
    assert result.stop_reason == INTERRUPTED
    assert [kind for kind, _ in sink.log].count("delta") == 2


async def test_a_turn_cut_while_its_tools_run_makes_no_further_model_call():
    cut = TurnCut()

    class CutDuringTool(ScriptedContext):
        async def run_tool(self, name, tool_input):
            cut.cut()
            return ToolOutcome({"ok": True})

    provider = ScriptedProvider(([text_block("Let me run it."), tool_use_block("t1", "run_code", {"mode": "run"})],
                                 "tool_use"), ([text_block("All pass.")], "end_turn"))
    result = await AgentLoop(provider).run_turn(USER, CutDuringTool(), RecordingSink(), cut=cut)
    assert len(provider.requests) == 1
    assert result.stop_reason == INTERRUPTED


async def test_a_cancellation_that_is_not_a_cut_still_cancels_the_turn():
    model = SlowModel()
    turn = asyncio.create_task(AgentLoop(model).run_turn(USER, ScriptedContext(), RecordingSink(), cut=TurnCut()))
    await asyncio.wait_for(model.waiting.wait(), 5)
    turn.cancel()
    with pytest.raises(asyncio.CancelledError):
        await turn
    assert model.closed


def test_a_cut_that_arrives_before_its_turn_starts_here_is_applied_when_it_starts():
    running = RunningTurns()
    assert running.cut("t1") is False
    early, other = TurnCut(), TurnCut()
    running.start("t1", early)
    running.start("t2", other)
    assert early.is_cut and not other.is_cut
    assert running.cut("t2") is True and other.is_cut
    running.end("t2")
