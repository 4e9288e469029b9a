"""Phase machine, history rebuilding and the solution guard: pure rules, no transport."""

from types import SimpleNamespace

from contracts.bus import CandidateMessageAction, CodeRunAction, SilenceCheckAction, StartAction
from contracts.events import Phase, RunMode
from contracts.sandbox import Language
from interviewer_agent.guard import WITHHELD, SolutionGuard
from interviewer_agent.history import bounded, rebuild
from interviewer_agent.phases import phase_after_tool, phase_after_turn, phase_for_input

SUBMIT = CodeRunAction(code="x", language=Language.PYTHON, mode=RunMode.SUBMIT)


def test_phases_follow_the_interview():
    assert phase_for_input(None, StartAction(), has_question=False, started_coding=False) is Phase.GREETING
    assert phase_after_turn(Phase.GREETING, StartAction(), has_question=True) is Phase.CLARIFYING
    plan = CandidateMessageAction(text="I think I'll use two pointers")
    assert phase_after_turn(Phase.CLARIFYING, plan, has_question=True) is Phase.OBSERVING
    stuck = CandidateMessageAction(text="I'm stuck")
    assert phase_for_input(Phase.OBSERVING, stuck, has_question=True, started_coding=True) is Phase.NUDGING
    assert phase_for_input(Phase.NUDGING, SUBMIT, has_question=True, started_coding=True) is Phase.REVIEWING
    assert phase_after_tool(Phase.REVIEWING, "assess_solution", {"verdict": "accepted"}) is Phase.WRAPPING_UP
    assert phase_after_tool(Phase.REVIEWING, "assess_solution", {"verdict": "wrong_answer"}) is Phase.REVIEWING
    assert phase_after_turn(Phase.REVIEWING, SUBMIT, has_question=True) is Phase.OBSERVING
    assert phase_after_tool(Phase.OBSERVING, "get_hint", {"level": 1}) is Phase.NUDGING


def test_silence_and_wrap_up_do_not_move_the_phase():
    silence = SilenceCheckAction(since_seq=3)
    assert phase_for_input(Phase.OBSERVING, silence, has_question=True, started_coding=True) is Phase.OBSERVING
    talk = CandidateMessageAction(text="help me understand the feedback")
    assert phase_for_input(Phase.WRAPPING_UP, talk, has_question=True, started_coding=True) is Phase.WRAPPING_UP


def row(role, content="", converse=None):
    return SimpleNamespace(role=role, content=content, extra={"converse": converse} if converse else {})


def test_history_is_rebuilt_from_rows_with_tool_turns_kept_whole():
    tool_turn = [
        {"role": "assistant", "content": [{"text": "Hi."}, {"toolUse": {"toolUseId": "t1", "name": "get_question",
                                                                          "input": {}}}]},
        {"role": "user", "content": [{"toolResult": {"toolUseId": "t1", "content": [{"json": {}}]}}]},
        {"role": "assistant", "content": [{"text": "Here's the problem."}]},
    ]
    rows = [row("action", "[start]", {"role": "user", "content": [{"text": "[start]"}]}),
            row("interviewer", "Hi. Here's the problem.", tool_turn),
            row("candidate", "How big is n?")]
    messages = rebuild(rows)
    assert [m["role"] for m in messages] == ["user", "assistant", "user", "assistant", "user"]
    assert messages[1:4] == tool_turn and messages[-1]["content"] == [{"text": "How big is n?"}]


def test_bounded_history_starts_with_a_user_text_and_has_no_orphan_tool_blocks():
    messages = [
        {"role": "user", "content": [{"text": "a"}]},
        {"role": "assistant", "content": [{"toolUse": {"toolUseId": "t1", "name": "get_hint", "input": {}}}]},
        {"role": "user", "content": [{"toolResult": {"toolUseId": "t1", "content": [{"json": {}}]}}]},
        {"role": "assistant", "content": [{"text": "b"}, {"toolUse": {"toolUseId": "t2", "name": "get_hint",
                                                                      "input": {}}}]},  # never answered
        {"role": "user", "content": [{"text": "c"}]},
    ]
    # The last three would start with a tool result whose tool use was cut off: trimmed to the candidate's text.
    assert bounded(messages, max_messages=3) == [{"role": "user", "content": [{"text": "c"}]}]
    full = bounded(messages)
    assert [m["role"] for m in full] == ["user", "assistant", "user", "assistant", "user"]
    assert full[3]["content"] == [{"text": "b"}]


REFERENCE = """def first_repeat(nums):
    seen = set()
    for index, value in enumerate(nums):
        if value in seen:
            return index
        seen.add(value)
    return -1
"""


def test_the_guard_never_pastes_the_whole_reference():
    level = {"hint": 1}
    guard = SolutionGuard([REFERENCE], hint_level=lambda: level["hint"])
    pasted = f"```python\n{REFERENCE}```"
    assert guard.check(pasted) == WITHHELD
    assert guard.check("Think about a set of values you have seen.") == "Think about a set of values you have seen."
    level["hint"] = 3  # even the last hint is the approach, not the code (see test_guard.py for the ladder)
    assert guard.check(pasted) == WITHHELD
