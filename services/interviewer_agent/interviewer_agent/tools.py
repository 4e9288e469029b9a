"""The interviewer's four tools. They read the question bank and the session, never hard-coded text,
and they tell the browser what it must see (the problem, code results) as they run."""

from dataclasses import dataclass

from contracts.events import (
    ProblemPresentedPayload,
    PublicTest,
    RunMode,
    ServerEventType,
)
from contracts.questions import Question
from contracts.sandbox import Language, SandboxResult, Verdict
from persistence.models import InterviewSession
from question_bank.bank import QuestionBank
from runtime.code_runs import judge_and_record
from runtime.worker import WorkerRuntime

MAX_HINT_LEVEL = 3


@dataclass
class Assessment:
    verdict: Verdict
    passed: int
    total: int
    summary: str


class InterviewTools:
    def __init__(self, *, bank: QuestionBank, runtime: WorkerRuntime, sandbox_timeout_s: float):
        self.bank = bank
        self.runtime = runtime
        self.sandbox_timeout_s = sandbox_timeout_s

    # Looked up on use: the runtime opens its store only once the service has started.
    store = property(lambda self: self.runtime.store)
    events = property(lambda self: self.runtime.events)
    broker = property(lambda self: self.runtime.broker)

    async def get_question(self, session: InterviewSession) -> Question:
        seen = session.agent_state.get("seen_questions", [])
        question = self.bank.pick(session.difficulty, session.topic, exclude_ids=seen, seed=session.id)
        state = {**session.agent_state, "seen_questions": [*seen, question.id]}
        await self.store.update_session(session.id, question_id=question.id, hint_level=0, agent_state=state)
        session.question_id, session.hint_level, session.agent_state = question.id, 0, state
        language = Language(session.language)
        await self.events.emit(
            session.id,
            ServerEventType.PROBLEM_PRESENTED,
            ProblemPresentedPayload(
                question_id=question.id,
                title=question.title,
                difficulty=question.difficulty,
                statement_md=question.statement_md,
                starter_code=question.starter_code[language],
                language=language,
                sample_tests=[PublicTest(id=t.id, input=t.input, expected=t.expected) for t in question.sample_tests],
            ),
        )
        return question

    async def get_hint(self, session: InterviewSession) -> tuple[int, str] | None:
        """The next hint level's text, recorded on the session; None once all three are used."""
        if session.question_id is None or session.hint_level >= MAX_HINT_LEVEL:
            return None
        level = session.hint_level + 1
        await self.store.update_session(session.id, hint_level=level)
        session.hint_level = level
        return level, self.bank.hint(session.question_id, level)

    async def run_code(self, session: InterviewSession, code: str, language: Language, mode: RunMode) -> SandboxResult:
        question = self.bank.question(session.question_id) if session.question_id else None
        if question is None:
            return SandboxResult(verdict=Verdict.INTERNAL_ERROR, message="no problem has been presented yet")
        tests = question.sample_tests if mode is RunMode.RUN else self.bank.all_tests(question.id)
        _, result = await judge_and_record(
            broker=self.broker, events=self.events, session_id=session.id, question=question, tests=list(tests),
            code=code, language=language, mode=mode, timeout_s=self.sandbox_timeout_s,
        )
        return result

    @staticmethod
    def assess_solution(result: SandboxResult) -> Assessment:
        failing = [t for t in result.tests if t.verdict is not Verdict.ACCEPTED]
        if result.verdict is Verdict.ACCEPTED:
            summary = f"All {result.total} tests pass, including the hidden edge cases and the large input."
        elif result.verdict is Verdict.COMPILATION_ERROR:
            summary = "The code does not compile yet."
        else:
            kinds = sorted({t.verdict.value.replace("_", " ") for t in failing})
            summary = f"{result.passed} of {result.total} tests pass; the others end in: {', '.join(kinds)}."
        return Assessment(result.verdict, result.passed, result.total, summary)
