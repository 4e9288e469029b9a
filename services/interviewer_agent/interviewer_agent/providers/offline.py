"""The embedded offline interviewer: deterministic, but a real participant that understands the candidate.

It is a `Provider` like Bedrock: the same loop calls it, and it answers with text and toolUse blocks
(get_question, get_hint, run_code, assess_solution) that the loop runs exactly as it would for a model.
Instead of reading the prompt it reads the interview state and the last message: the candidate's input,
or the results of the tools it asked for. Each candidate message is classified by the intent model
(`interviewer_agent.intents`) and answered accordingly: clarifying questions from the problem's own data,
thinking aloud with a question about the technique named, requests for the solution with a friendly
refusal, hints only when asked for or when an offered hint is accepted. `make dev`, `make smoke` and the
tests run it when no model is configured.
"""

from collections.abc import AsyncIterator
from typing import Any

from contracts.base import new_id
from contracts.bus import (
    CandidateMessageAction,
    CodeRunAction,
    HintRequestAction,
    SilenceCheckAction,
    StartAction,
)
from contracts.events import Phase, RunMode
from contracts.questions import Question
from question_bank.bank import QuestionBank

from .. import answers, hints
from ..intents import Intent, classify, other_language, repeats_interviewer
from .base import END_TURN, TOOL_USE, InterviewState, Message, ModelRequest, StreamEvent, events_for_message

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
        said_last = last_interviewer_text(request.messages)
        results = tool_results_by_name(request.messages)
        if results:
            content, stop_reason = self._after_tools(request.state, results)
        else:
            content, stop_reason = self._answer(request.state, said_last, len(request.messages))
        return not_repeating(content, said_last), stop_reason

    # --- the candidate's input ----------------------------------------------------------------------

    def _answer(self, state: InterviewState, said_last: str | None, turn: int) -> Reply:
        action = state.action
        if state.question_id is None:
            return self._greet()
        match action:
            case StartAction():
                return _say("We're already under way. Take another look at the problem, and ask me anything about it.")
            case CandidateMessageAction(text=text):
                return self._answer_message(state, text, said_last)
            case HintRequestAction():
                return self._give_hint(state)
            case CodeRunAction(mode=RunMode.SUBMIT):
                return [{"text": "Let's see how it does on the full test suite."},
                        self._use("run_code", {"mode": "submit"})], TOOL_USE
            case CodeRunAction():
                return [self._use("run_code", {"mode": "run"})], TOOL_USE
            case SilenceCheckAction():
                return self._check_in(state, said_last, turn)
        return _say("Okay.")

    def _greet(self) -> Reply:
        return [{"text": "Hi, thanks for joining! I'll be your interviewer today."},
                self._use("get_question")], TOOL_USE

    def _answer_message(self, state: InterviewState, text: str, said_last: str | None) -> Reply:
        if state.phase is Phase.WRAPPING_UP:
            return _say("We're done with the coding part, thank you. Your feedback report is on its way, and you can "
                        "ask for a fresh one any time.")
        if repeats_interviewer(text, said_last):
            return _say(answers.echo_reply(text))
        language = other_language(text)
        content, stop_reason = self._answer_intent(state, classify(text).intent, text, said_last)
        if language is None:
            return content, stop_reason
        return answers.in_english(language, content, text), stop_reason

    def _answer_intent(self, state: InterviewState, intent: Intent, text: str, said_last: str | None) -> Reply:
        question = self.bank.question(state.question_id)
        if intent.is_clarifying:
            return _say(answers.answer_clarifying(question, intent, text))
        match intent:
            case Intent.HINT_REQUEST:
                return self._give_hint(state)
            case Intent.AFFIRM if hints.is_offer(said_last):
                return self._give_hint(state)
            case Intent.DECLINE if hints.is_offer(said_last):
                return _say(hints.pick(("No problem, take your time. The offer stands whenever you want it.",
                                        "Sure, keep going. Tell me what you're trying as you go."), text))
            case Intent.AFFIRM | Intent.DECLINE:
                return _say(hints.pick(("Okay. What's your next step?", "Alright, go on.",
                                        "Got it. Talk me through what you're doing."), text))
            case Intent.SOLUTION_REQUEST:
                return _say(answers.refuse_solution(text))
            case Intent.THINKING_ALOUD:
                return _say(answers.thinking_aloud_reply(question, text))
            case Intent.REVIEW_REQUEST:
                return self._review(state)
            case Intent.READY_TO_SUBMIT:
                return self._ready(state)
            case Intent.SMALL_TALK:
                return _say(answers.small_talk_reply(text))
        return _say(answers.not_understood_reply(text))

    def _give_hint(self, state: InterviewState) -> Reply:
        if state.phase in (Phase.REVIEWING, Phase.WRAPPING_UP):
            return _say("We're past the hints now; let's look at how your solution did.")
        return [self._use("get_hint")], TOOL_USE

    def _review(self, state: InterviewState) -> Reply:
        if not state.has_code:
            return _say("I don't see any code in the editor yet. Write a first version and I'll run it with you.")
        return [{"text": "Sure, let me run it against the examples."}, self._use("run_code", {"mode": "run"})], TOOL_USE

    def _ready(self, state: InterviewState) -> Reply:
        if not state.has_code:
            return _say("I don't see any code in the editor yet. Write your solution first, then submit it.")
        return _say("Great. Press Submit when you're ready, and I'll run it against the full test suite.")

    def _check_in(self, state: InterviewState, said_last: str | None, turn: int) -> Reply:
        """Silence never spends a hint: after a real stall the interviewer offers one, once."""
        stalled = state.silent_for_s >= state.offer_hint_after_s
        if stalled and state.hint_level < hints.MAX_LEVEL and not hints.is_offer(said_last):
            return _say(hints.offer(turn))
        if hints.is_offer(said_last):
            return _say("Take your time. I'm here when you want to talk it through.")
        if state.unanswered_checkins == 0:
            return _say("How is it going? Tell me what you're thinking, or ask for a hint if you're stuck.")
        return _say(hints.pick(("Still with me? Thinking out loud helps me follow along.",
                                "How are you getting on? Tell me where you are, even if it's rough."),
                               state.unanswered_checkins))

    # --- results of the tools it asked for ------------------------------------------------------------

    def _after_tools(self, state: InterviewState, results: dict[str, dict]) -> Reply:
        if (question := results.get("get_question")) is not None:
            return _say(f"Here's the problem: {question['title']}. I've put the full statement and some examples on "
                        "your screen. Take a minute to read it, and ask me anything about the input before you "
                        "start coding.")
        if (hint := results.get("get_hint")) is not None:
            if "error" in hint:
                return _say("I can't give a hint just yet.")
            if hint.get("exhausted"):
                return _say(hints.exhausted(state.question_id))
            return _say(hints.phrase_hint(hint["hint"], hint["level"], state.question_id or ""))
        if (assessment := results.get("assess_solution")) is not None:
            return self._wrap_up(state, assessment)
        if (run := results.get("run_code")) is not None:
            if run.get("mode") == RunMode.SUBMIT.value and "error" not in run:
                return [self._use("assess_solution")], TOOL_USE
            question = self.bank.question(state.question_id) if state.question_id else None
            return _say(describe_sample_run(run, question))
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


def _categories(assessment: dict) -> str:
    categories = [c for c in assessment.get("failing_categories", []) if c]
    return f" ({', '.join(categories[:3])})" if categories else ""


def describe_sample_run(run: dict, question: Question | None = None) -> str:
    if "error" in run:
        return f"I couldn't run that: {run['error']}."
    if run["verdict"] == "accepted":
        return f"All {run['total']} sample tests pass. When you're confident, submit it for the full test suite."
    if run["verdict"] == "compilation_error":
        return "It doesn't compile yet; check the compiler output under the editor."
    first = run["failures"][0] if run.get("failures") else None
    detail = (f" {test_label(first['test_id'], question)} fails: {first['verdict'].replace('_', ' ')}."
              if first else "")
    return f"{run['passed']} of {run['total']} sample tests pass.{detail}"


def test_label(test_id: str, question: Question | None) -> str:
    """A sample test as the candidate's screen names it: "Test 1", "Test 2", … in the problem's order."""
    ids = [t.id for t in question.sample_tests] if question else []
    return f"Test {ids.index(test_id) + 1}" if test_id in ids else "One test"


def last_interviewer_text(messages: list[Message]) -> str | None:
    """What the interviewer said most recently, before the input this turn answers."""
    for message in reversed(messages[:-1]):
        if message["role"] == "assistant":
            text = " ".join(b["text"] for b in message["content"] if "text" in b).strip()
            if text:
                return text
    return None


def not_repeating(content: list[dict[str, Any]], said_last: str | None) -> list[dict[str, Any]]:
    """Never the exact same message twice in a row: a repeated answer is marked as one."""
    texts = [b["text"] for b in content if "text" in b]
    if said_last is None or texts != [said_last]:
        return content
    return [{"text": f"Like I said: {said_last[0].lower()}{said_last[1:]}"} if "text" in b else b for b in content]


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
