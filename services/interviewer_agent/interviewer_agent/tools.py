"""The interviewer's four tools. They read the question bank and the session, never hard-coded text,
and they tell the browser what it must see (the problem, code results) as they run."""

from dataclasses import dataclass

from contracts.events import ProblemPresentedPayload, PublicTest, RunMode
from contracts.questions import Question
from contracts.sandbox import Language, SandboxResult, Verdict
from persistence.models import InterviewSession
from question_bank.bank import QuestionBank
from runtime.code_runs import judge_and_record
from runtime.sandbox_client import SandboxClient
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
        self.sandbox = SandboxClient(runtime.broker)

    # Looked up on use: the runtime opens its store only once the service has started.
    store = property(lambda self: self.runtime.store)
    events = property(lambda self: self.runtime.events)

    async def get_question(self, session: InterviewSession) -> Question:
        seen = session.agent_state.get("seen_questions", [])
        chosen = session.agent_state.get("chosen_question_id")  # picked by the candidate at creation
        if chosen and chosen not in seen:
            question = self.bank.question(chosen)
        else:
            question = self.bank.pick(session.difficulty, session.topic, exclude_ids=seen, seed=session.id)
        language = Language(session.language)
        async with self.events.unit_of_work() as uow:  # the problem and its announcement commit together
            uow.interviews.attach(session).present_problem(ProblemPresentedPayload(
                question_id=question.id,
                title=question.title,
                difficulty=question.difficulty,
                statement_md=question.statement_md,
                starter_code=question.starter_code[language],
                language=language,
                sample_tests=[PublicTest(id=t.id, input=t.input, expected=t.expected) for t in question.sample_tests],
            ))
            await uow.commit()
        return question

    async def get_hint(self, session: InterviewSession) -> tuple[int, str] | None:
        """The next hint level's text, recorded on the session and announced (`hint_given`); None once all
        three are used. Only called when the candidate asked for a hint or accepted an offered one."""
        async with self.events.unit_of_work() as uow:  # the level and its `hint_given` commit together
            level = uow.interviews.attach(session).give_hint(MAX_HINT_LEVEL)
            if level is None:
                return None
            await uow.commit()
        return level, self.bank.hint(session.question_id, level)

    async def run_code(self, session: InterviewSession, code: str, language: Language, mode: RunMode, *,
                       run_id: str | None = None) -> SandboxResult:
        question = self.bank.question(session.question_id) if session.question_id else None
        if question is None:
            return SandboxResult(verdict=Verdict.INTERNAL_ERROR, message="no problem has been presented yet")
        tests = question.sample_tests if mode is RunMode.RUN else self.bank.all_tests(question.id)
        _, result = await judge_and_record(
            sandbox=self.sandbox, events=self.events, session_id=session.id, question=question, tests=list(tests),
            code=code, language=language, mode=mode, timeout_s=self.sandbox_timeout_s, submission_id=run_id,
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
