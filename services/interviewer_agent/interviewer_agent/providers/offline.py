"""The embedded offline interviewer: deterministic and rule-based, but a real participant.

It is a `Provider` like Bedrock: the same loop calls it, and it answers with text and toolUse blocks
(get_question, get_hint, run_code, assess_solution) that the loop runs exactly as it would for a model.
Instead of reading the prompt it reads the interview state and the last message: the candidate's input,
or the results of the tools it asked for. It answers clarifying questions from the problem's own data,
gives hints on request or after silence, runs and assesses code, and wraps up. `make dev`, `make smoke`
and the tests run it when no model is configured.
"""

import json
import re
from collections.abc import AsyncIterator
from typing import Any

from contracts.base import new_id
from contracts.bus import CandidateMessageAction, CodeRunAction, SilenceCheckAction, StartAction
from contracts.events import Phase, RunMode
from contracts.questions import Question
from question_bank.bank import QuestionBank

from ..phases import asks_for_hint, states_a_plan
from .base import END_TURN, TOOL_USE, InterviewState, Message, ModelRequest, StreamEvent, events_for_message

SIZE_WORDS = re.compile(r"\b(size|large|big|constraint|range|limit|how many|length|bounds?)\b", re.I)
EXAMPLE_WORDS = re.compile(r"\b(example|sample|for instance)\b", re.I)
COMPLEXITY_WORDS = re.compile(r"\b(complexity|big ?o|how fast|efficient|optimal)\b", re.I)

Reply = tuple[list[dict[str, Any]], str]


class OfflineInterviewer:
    name = "offline"

    def __init__(self, bank: QuestionBank):
        self.bank = bank

    async def stream(self, request: ModelRequest) -> AsyncIterator[StreamEvent]:
        content, stop_reason = self.reply(request)
        for event in events_for_message(content, stop_reason):
            yield event

    def reply(self, request: ModelRequest) -> Reply:
        results = tool_results_by_name(request.messages)
        if results:
            return self._after_tools(request.state, results)
        return self._answer(request.state)

    # --- the candidate's input ----------------------------------------------------------------------

    def _answer(self, state: InterviewState) -> Reply:
        action = state.action
        if state.question_id is None:
            return self._greet()
        match action:
            case StartAction():
                return _say("We're already under way. Take another look at the problem, and ask me anything about it.")
            case CandidateMessageAction(text=text):
                return self._answer_message(state, text)
            case CodeRunAction(mode=RunMode.SUBMIT):
                return [{"text": "Let's see how it does on the full test suite."},
                        self._use("run_code", {"mode": "submit"})], TOOL_USE
            case CodeRunAction():
                return [self._use("run_code", {"mode": "run"})], TOOL_USE
            case SilenceCheckAction():
                return self._check_in(state)
        return _say("Okay.")

    def _greet(self) -> Reply:
        return [{"text": "Hi, thanks for joining! I'll be your interviewer today."},
                self._use("get_question")], TOOL_USE

    def _answer_message(self, state: InterviewState, text: str) -> Reply:
        question = self.bank.question(state.question_id)
        if state.phase is Phase.WRAPPING_UP:
            return _say("We're done with the coding part, thank you. Your feedback report is on its way, and you can "
                        "ask for a fresh one any time.")
        if asks_for_hint(text):
            return [self._use("get_hint")], TOOL_USE
        if answer := faq_answer(question, text):
            return _say(answer)
        if SIZE_WORDS.search(text):
            return _say("Here are the constraints: " + "; ".join(question.constraints) + ".")
        if EXAMPLE_WORDS.search(text):
            first = question.sample_tests[0]
            return _say(f"Take the first example: the input {_inline(first.input)} gives {_inline(first.expected)}. "
                        "Walk me through why.")
        if COMPLEXITY_WORDS.search(text):
            return _say("Aim for the best complexity you can justify. Tell me what yours is and why.")
        if states_a_plan(text):
            return _say("That sounds like a reasonable plan. What time and space complexity do you expect from it? "
                        "Go ahead and code it up when you're ready, and run it against the examples.")
        if text.rstrip().endswith("?"):
            return _say("Good question. Everything you need is in the statement and the examples; "
                        "if it's about the input, think about the edge cases the constraints allow.")
        return _say("Okay. Talk me through how you'd approach it.")

    def _check_in(self, state: InterviewState) -> Reply:
        # A check-in that went unanswered is followed by a hint, while hints remain.
        if state.unanswered_checkins >= 1 and state.hint_level < 3 and state.phase is not Phase.CLARIFYING:
            return [{"text": "Let me give you a nudge."}, self._use("get_hint")], TOOL_USE
        return _say("How is it going? Tell me what you're thinking, or ask for a hint if you're stuck.")

    # --- results of the tools it asked for ------------------------------------------------------------

    def _after_tools(self, state: InterviewState, results: dict[str, dict]) -> Reply:
        if (question := results.get("get_question")) is not None:
            return _say(f"Here's the problem: {question['title']}. I've put the full statement and some examples on "
                        "your screen. Take a minute to read it, and ask me anything about the input before you "
                        "start coding.")
        if (hint := results.get("get_hint")) is not None:
            if hint.get("exhausted"):
                return _say("You've had all three hints. Try writing the code from there; I'll look when you run it.")
            last = " That's the last hint I can give." if hint["level"] == 3 else ""
            return _say(f"Here's a hint. {hint['hint']}{last}")
        if (assessment := results.get("assess_solution")) is not None:
            return self._wrap_up(state, assessment)
        if (run := results.get("run_code")) is not None:
            if run.get("mode") == RunMode.SUBMIT.value and "error" not in run:
                return [self._use("assess_solution")], TOOL_USE
            return _say(describe_sample_run(run))
        return _say("Okay.")

    def _wrap_up(self, state: InterviewState, assessment: dict) -> Reply:
        if "error" in assessment:
            return _say("I couldn't judge that submission. Please submit it again.")
        if state.phase is not Phase.WRAPPING_UP:
            return _say(f"{assessment['summary']} Have another look at the failing cases"
                        f"{_categories(assessment)}. Ask me for a hint if you'd like one.")
        hints = assessment["hints_used"]
        complexity = assessment["expected_complexity"]
        return _say(
            f"{assessment['summary']} Nice work: you solved it with {hints} hint{'s' if hints != 1 else ''}. "
            f"The best known approach runs in {complexity['time']} time and {complexity['space']} space; "
            f"think about how yours compares. A follow-up to consider: {assessment['follow_up']} "
            "Your detailed feedback report is on its way."
        )

    @staticmethod
    def _use(name: str, tool_input: dict[str, Any] | None = None) -> dict[str, Any]:
        return {"toolUse": {"toolUseId": f"tooluse_{new_id()[:20]}", "name": name, "input": tool_input or {}}}


def _say(text: str) -> Reply:
    return [{"text": text}], END_TURN


def _inline(value: Any) -> str:
    text = json.dumps(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _categories(assessment: dict) -> str:
    categories = [c for c in assessment.get("failing_categories", []) if c]
    return f" ({', '.join(categories[:3])})" if categories else ""


def faq_answer(question: Question, text: str) -> str | None:
    lowered = text.lower()
    best = max(question.faq, key=lambda f: sum(k.lower() in lowered for k in f.keywords), default=None)
    if best and any(k.lower() in lowered for k in best.keywords):
        return best.answer
    return None


def describe_sample_run(run: dict) -> str:
    if "error" in run:
        return f"I couldn't run that: {run['error']}."
    if run["verdict"] == "accepted":
        return f"All {run['total']} sample tests pass. When you're confident, submit it for the full test suite."
    if run["verdict"] == "compilation_error":
        return "It doesn't compile yet; check the compiler output under the editor."
    first = run["failures"][0] if run.get("failures") else None
    detail = f" The first failure is {first['test_id']}: {first['verdict'].replace('_', ' ')}." if first else ""
    return f"{run['passed']} of {run['total']} sample tests pass.{detail}"


def tool_results_by_name(messages: list[Message]) -> dict[str, dict]:
    """The tool results in the last message, by tool name (names come from the tool uses before them)."""
    if len(messages) < 2 or messages[-1]["role"] != "user" or any("text" in b for b in messages[-1]["content"]):
        return {}
    names = {b["toolUse"]["toolUseId"]: b["toolUse"]["name"] for b in messages[-2]["content"] if "toolUse" in b}
    results = {}
    for block in messages[-1]["content"]:
        if "toolResult" in block:
            result = block["toolResult"]
            payload = next((c["json"] for c in result["content"] if "json" in c), {})
            results[names.get(result["toolUseId"], "?")] = payload
    return results
