"""The embedded offline interviewer: deterministic and rule-based, but a real participant.

It follows the same phases and calls the same tools as a model-driven interviewer would, answers
clarifying questions from the problem's own data, hands out hints on request, runs and assesses code,
and wraps up. It is what `make dev`, `make smoke` and the tests run when no model is configured.
"""

import re

from contracts.bus import (
    CandidateAction,
    CandidateMessageAction,
    CodeRunAction,
    CodeSnapshotAction,
    SilenceCheckAction,
    StartAction,
)
from contracts.events import Phase, RunMode
from contracts.questions import Question
from contracts.sandbox import Language, SandboxResult, Verdict
from persistence.models import InterviewSession

from .tools import InterviewTools
from .turn import TurnOutput

HINT_WORDS = re.compile(r"\b(hint|stuck|help|no idea|not sure|clue)\b", re.I)
PLAN_WORDS = re.compile(r"\b(i('| wi)ll|i would|i'd|my (plan|approach|idea)|let me|i think|going to|approach)\b", re.I)
SIZE_WORDS = re.compile(r"\b(size|large|big|constraint|range|limit|how many|length|bounds?)\b", re.I)


class OfflineInterviewer:
    def __init__(self, tools: InterviewTools):
        self.tools = tools

    async def respond(self, session: InterviewSession, action: CandidateAction, out: TurnOutput) -> None:
        phase = Phase(session.phase) if session.phase else None
        match action:
            case StartAction():
                await self._greet(session, phase, out)
            case CandidateMessageAction() if session.question_id is None:
                await self._greet(session, phase, out)
            case CandidateMessageAction(text=text):
                await self._answer(session, phase, text, out)
            case CodeRunAction(code=code, language=language, mode=mode):
                await self._run(session, phase, code, language, mode, out)
            case SilenceCheckAction():
                await self._check_in(session, phase, out)
            case CodeSnapshotAction():
                pass  # stored by the turn handler; no reply needed

    async def _greet(self, session: InterviewSession, phase: Phase | None, out: TurnOutput) -> None:
        if session.question_id is not None:
            await out.say("We're already under way. Take another look at the problem, and ask me anything about it.")
            return
        await out.change_phase(phase, Phase.GREETING)
        await out.say("Hi, thanks for joining! I'll be your interviewer today.")
        await out.tool_running("get_question")
        question = await self.tools.get_question(session)
        await out.say(
            f"Here's the problem: {question.title}. I've put the full statement and some examples on your screen. "
            "Take a minute to read it, and ask me anything about the input before you start coding."
        )
        await out.change_phase(Phase.GREETING, Phase.CLARIFYING)

    async def _answer(self, session: InterviewSession, phase: Phase | None, text: str, out: TurnOutput) -> None:
        question = self.tools.bank.question(session.question_id)
        if phase is Phase.WRAPPING_UP:
            await out.say("We're done with the coding part. You can ask for a feedback report any time.")
        elif HINT_WORDS.search(text):
            await self._hint(session, phase, out)
        elif answer := self._faq_answer(question, text):
            await out.say(answer)
        elif SIZE_WORDS.search(text):
            await out.say("Here are the constraints: " + "; ".join(question.constraints) + ".")
        elif PLAN_WORDS.search(text):
            await out.say(
                "That sounds like a reasonable plan. What time and space complexity do you expect from it? "
                "Go ahead and code it up when you're ready, and run it against the examples."
            )
            await out.change_phase(phase, Phase.OBSERVING)
        elif text.rstrip().endswith("?"):
            await out.say(
                "Good question. Everything you need is in the statement and the examples; "
                "if it's about the input, think about the edge cases the constraints allow."
            )
        else:
            await out.say("Okay. Talk me through how you'd approach it.")

    @staticmethod
    def _faq_answer(question: Question, text: str) -> str | None:
        lowered = text.lower()
        best = max(question.faq, key=lambda f: sum(k.lower() in lowered for k in f.keywords), default=None)
        if best and any(k.lower() in lowered for k in best.keywords):
            return best.answer
        return None

    async def _hint(self, session: InterviewSession, phase: Phase | None, out: TurnOutput) -> None:
        await out.change_phase(phase, Phase.NUDGING)
        await out.tool_running("get_hint")
        hint = await self.tools.get_hint(session)
        if hint is None:
            await out.say("You've had all three hints. Try writing the code from there; I'll look when you run it.")
            return
        level, text = hint
        await out.say(f"Here's a hint. {text}")
        if level == 3:
            await out.say("That's the last hint I can give.")

    async def _run(self, session: InterviewSession, phase: Phase | None, code: str, language: Language,
                   mode: RunMode, out: TurnOutput) -> None:
        if session.question_id is None:
            await out.say("Let's start the interview first, so you have a problem to solve.")
            return
        if mode is RunMode.RUN:
            await out.tool_running("run_code")
            result = await self.tools.run_code(session, code, language, RunMode.RUN)
            await out.say(self._describe_sample_run(result))
            return
        await out.change_phase(phase, Phase.REVIEWING)
        await out.tool_running("run_code")
        result = await self.tools.run_code(session, code, language, RunMode.SUBMIT)
        await out.tool_running("assess_solution")
        assessment = self.tools.assess_solution(result)
        await out.say(assessment.summary)
        if assessment.verdict is Verdict.ACCEPTED:
            await out.change_phase(Phase.REVIEWING, Phase.WRAPPING_UP)
            hints = session.hint_level
            await out.say(
                f"Nice work: you solved it with {hints} hint{'s' if hints != 1 else ''}. "
                "In a real interview I'd now ask about complexity and follow-ups. "
                "You can request a feedback report for a detailed scorecard."
            )
        else:
            await out.change_phase(Phase.REVIEWING, Phase.NUDGING)
            await out.say("Have another look at the failing cases. Ask me for a hint if you'd like one.")

    @staticmethod
    def _describe_sample_run(result: SandboxResult) -> str:
        if result.verdict is Verdict.ACCEPTED:
            return f"All {result.total} sample tests pass. When you're confident, submit it for the full test suite."
        if result.verdict is Verdict.COMPILATION_ERROR:
            return "It doesn't compile yet; check the compiler output under the editor."
        first = next((t for t in result.tests if t.verdict is not Verdict.ACCEPTED), None)
        detail = f" The first failure is {first.test_id}: {first.verdict.value.replace('_', ' ')}." if first else ""
        return f"{result.passed} of {result.total} sample tests pass.{detail}"

    async def _check_in(self, session: InterviewSession, phase: Phase | None, out: TurnOutput) -> None:
        if phase in (Phase.OBSERVING, Phase.NUDGING, Phase.CLARIFYING):
            await out.say("How is it going? Tell me what you're thinking, or ask for a hint if you're stuck.")
