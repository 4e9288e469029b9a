"""The interviewer's four tools as the model sees them (Bedrock `toolSpec` schemas) and their dispatch.

Each result is JSON for the model only: the browser sees what the tools themselves publish (the problem
statement, code results), never a tool result, so the results may carry expected complexity and the
categories of hidden tests, but never hidden test data or the reference solution.
"""

from dataclasses import dataclass, field
from typing import Any

from contracts.base import session_scoped_id
from contracts.events import RunMode
from contracts.sandbox import Language, SandboxResult, Verdict
from persistence.models import InterviewSession

from .loop import ToolOutcome
from .tools import InterviewTools

MAX_OUTPUT_CHARS = 600

TOOL_SPECS: list[dict[str, Any]] = [
    {"toolSpec": {
        "name": "get_question",
        "description": "Choose the interview problem for this session and show it to the candidate (statement, "
                       "examples, starter code). Returns the problem's data. Call it once, when the interview "
                       "starts; later calls return the problem already chosen.",
        "inputSchema": {"json": {"type": "object", "properties": {}}},
    }},
    {"toolSpec": {
        "name": "run_code",
        "description": "Run the candidate's current code in the sandbox. mode=run: the sample tests (the candidate "
                       "sees each result). mode=submit: every test including hidden ones (only verdicts are shown).",
        "inputSchema": {"json": {"type": "object", "properties": {
            "mode": {"type": "string", "enum": ["run", "submit"], "description": "run: samples; submit: all tests"},
        }, "required": ["mode"]}},
    }},
    {"toolSpec": {
        "name": "get_hint",
        "description": "Get the next hint for the problem; levels go 1 (gentle) to 3 (nearly the approach). Each "
                       "call uses up one level. Paraphrase the hint for the candidate.",
        "inputSchema": {"json": {"type": "object", "properties": {}}},
    }},
    {"toolSpec": {
        "name": "assess_solution",
        "description": "Judge the candidate's submitted solution against the hidden tests and summarise the verdict, "
                       "the failing test categories, hints used and the expected complexity.",
        "inputSchema": {"json": {"type": "object", "properties": {}}},
    }},
]
TOOL_NAMES = [spec["toolSpec"]["name"] for spec in TOOL_SPECS]


@dataclass
class ToolCall:
    """What a tool may use besides its input: the session, the code the candidate has right now, and the
    turn (a turn redone after a failure reaches the same runs by the same ids)."""

    session: InterviewSession
    code: str | None
    language: Language
    turn_id: str
    last_submission: SandboxResult | None = field(default=None)
    runs: int = 0  # sandbox runs made so far in this turn

    def next_run_id(self) -> str:
        """The id of this turn's next run: the same on a redo of the turn, so a run already recorded is not
        judged and recorded again (the candidate would see two results for one press of Run)."""
        self.runs += 1
        return session_scoped_id(self.session.id, f"{self.turn_id}:run:{self.runs}")


class ToolRegistry:
    def __init__(self, tools: InterviewTools):
        self.tools = tools

    async def dispatch(self, name: str, tool_input: dict[str, Any], call: ToolCall) -> ToolOutcome:
        handler = {
            "get_question": self._get_question,
            "run_code": self._run_code,
            "get_hint": self._get_hint,
            "assess_solution": self._assess_solution,
        }.get(name)
        if handler is None:
            return ToolOutcome({"error": f"unknown tool {name!r}; the tools are {', '.join(TOOL_NAMES)}"}, ok=False)
        return await handler(tool_input, call)

    async def _get_question(self, _input: dict, call: ToolCall) -> ToolOutcome:
        session = call.session
        if session.question_id:
            question = self.tools.bank.question(session.question_id)
            already = True
        else:
            question = await self.tools.get_question(session)
            already = False
        return ToolOutcome({
            "question_id": question.id,
            "title": question.title,
            "difficulty": question.difficulty.value,
            "statement_md": question.statement_md,
            "constraints": question.constraints,
            "examples": [{"input": t.input, "expected": t.expected} for t in question.sample_tests],
            "expected_complexity": question.complexity.model_dump(),
            "already_presented": already,
        })

    async def _run_code(self, tool_input: dict, call: ToolCall) -> ToolOutcome:
        try:
            mode = RunMode(tool_input.get("mode", "run"))
        except ValueError:
            return ToolOutcome({"error": "mode must be 'run' or 'submit'"}, ok=False)
        if call.session.question_id is None:
            return ToolOutcome({"error": "no problem has been presented yet; call get_question first"}, ok=False)
        if not call.code:
            return ToolOutcome({"error": "the candidate has not written any code yet"}, ok=False)
        result = await self.tools.run_code(call.session, call.code, call.language, mode, run_id=call.next_run_id())
        if mode is RunMode.SUBMIT:
            call.last_submission = result
        return ToolOutcome(describe_run(mode, result))

    async def _get_hint(self, _input: dict, call: ToolCall) -> ToolOutcome:
        if call.session.question_id is None:
            return ToolOutcome({"error": "no problem has been presented yet"}, ok=False)
        hint = await self.tools.get_hint(call.session)
        if hint is None:
            return ToolOutcome({"level": call.session.hint_level, "exhausted": True,
                                "note": "all three hints are used; encourage the candidate instead"})
        level, text = hint
        return ToolOutcome({"level": level, "hint": text, "hints_remaining": 3 - level})

    async def _assess_solution(self, _input: dict, call: ToolCall) -> ToolOutcome:
        if call.last_submission is None:
            outcome = await self._run_code({"mode": "submit"}, call)
            if not outcome.ok:
                return outcome
        result = call.last_submission
        assessment = self.tools.assess_solution(result)
        question = self.tools.bank.question(call.session.question_id)
        failing = sorted({t.category or ("hidden" if t.hidden else t.test_id)
                          for t in result.tests if t.verdict is not Verdict.ACCEPTED})
        return ToolOutcome({
            "verdict": assessment.verdict.value,
            "passed": assessment.passed,
            "total": assessment.total,
            "failing_categories": failing,
            "summary": assessment.summary,
            "hints_used": call.session.hint_level,
            "expected_complexity": question.complexity.model_dump(),
            "follow_up": question.follow_ups[0],
        })


def describe_run(mode: RunMode, result: SandboxResult) -> dict[str, Any]:
    """The model's view of a run: sample failures in full, hidden ones by verdict and category only."""
    failures = []
    for test in result.tests:
        if test.verdict is Verdict.ACCEPTED:
            continue
        entry: dict[str, Any] = {"test_id": test.test_id, "verdict": test.verdict.value}
        if test.hidden:
            entry["category"] = test.category
        else:
            entry["actual"] = test.actual
            if test.error:
                entry["error"] = f"{test.error.type}: {test.error.message}"[:MAX_OUTPUT_CHARS]
        failures.append(entry)
    described: dict[str, Any] = {"mode": mode.value, "verdict": result.verdict.value,
                                 "passed": result.passed, "total": result.total, "failures": failures[:5]}
    if result.compile_output:
        described["compile_output"] = result.compile_output[:MAX_OUTPUT_CHARS]
    if result.message:
        described["message"] = result.message[:MAX_OUTPUT_CHARS]
    return described
