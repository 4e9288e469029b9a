"""Bus subscriber of the feedback agent: score the candidate's work on request, beside the interview.

It has its own queue and its own process, so a feedback request (which runs the code many times to
measure it) never blocks an interviewer turn. `kind="final"` (sent on wrap-up) also stores the report.
"""

from faststream.rabbit import RabbitRouter

from contracts.base import utc_now
from contracts.bus import FeedbackRequested
from contracts.events import FeedbackResultPayload
from contracts.sandbox import Language, SandboxRequest, SandboxResult
from contracts.topology import COMMANDS, FEEDBACK_REQUESTS
from persistence.models import FeedbackReport, InterviewSession
from persistence.store import InterviewStore, UnknownSession
from question_bank.bank import QuestionBank
from runtime.sandbox_client import SandboxClient
from runtime.topology import rabbit_exchange, rabbit_queue
from runtime.worker import WorkerRuntime

from .agent import FeedbackAgent
from .providers import ProseWriter
from .telemetry import record_feedback, traced_feedback


def build_router(runtime: WorkerRuntime, bank: QuestionBank, *, writer: ProseWriter | None = None,
                 complexity_budget_s: float = 60.0) -> RabbitRouter:
    router = RabbitRouter()
    agent = FeedbackAgent(bank, writer=writer, complexity_budget_s=complexity_budget_s)
    sandbox_client = SandboxClient(runtime.broker)

    @router.subscriber(rabbit_queue(FEEDBACK_REQUESTS), rabbit_exchange(COMMANDS), title="feedback.requests")
    @traced_feedback
    async def give_feedback(command: FeedbackRequested) -> None:
        """Score the candidate's code and publish a scorecard; on wrap-up, store the report too."""
        store = runtime.store
        try:
            session = await store.get_session(command.session_id)
        except UnknownSession:
            runtime.log.warning("feedback for unknown session %s dropped", command.session_id)
            return
        runtime.log.info("scoring feedback request %s of session %s", command.request_id, session.id)
        code, language = await _code_to_assess(store, session, command)

        async def sandbox(request: SandboxRequest) -> SandboxResult:
            return await sandbox_client.run(session.id, request, timeout_s=runtime.settings.sandbox_timeout_s)

        outcome = await agent.with_sandbox(sandbox).give_feedback(store, session, code=code, language=language, kind=command.kind,
                                            report_id=command.request_id, ended_at=command.timestamp)
        record_feedback(command, outcome.feedback)
        stored = outcome.report.model_dump(mode="json") if outcome.report else outcome.feedback.model_dump(mode="json")
        # The report and its `feedback_result` commit together; the event goes out after the commit.
        async with runtime.events.unit_of_work() as uow:
            interview = uow.interviews.attach(session)
            interview.keep_feedback(
                FeedbackReport(id=command.request_id, session_id=session.id, kind=command.kind, report=stored,
                               created_at=utc_now()),
                FeedbackResultPayload(request_id=command.request_id, feedback=outcome.feedback),
            )
            await uow.commit()

    return router


async def _code_to_assess(store: InterviewStore, session: InterviewSession,
                          command: FeedbackRequested) -> tuple[str, Language]:
    """The code sent with the request, else the editor's latest snapshot, else the last run."""
    code = command.code or session.code or ""
    language = command.language or (Language(session.code_language) if session.code_language else None)
    if not code:
        submissions = await store.submissions(session.id)
        if submissions:
            code, language = submissions[-1].code, language or Language(submissions[-1].language)
    return code, language or Language(session.language)
