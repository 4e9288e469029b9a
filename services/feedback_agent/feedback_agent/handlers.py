"""Bus subscriber of the feedback agent: score the candidate's work on request, beside the interview.

It has its own queue and its own process, so a feedback request (which runs the code many times to
measure it) never blocks an interviewer turn. `kind="final"` (sent on wrap-up) also stores the report.
"""

from faststream.rabbit import RabbitRouter

from contracts.bus import FeedbackRequested
from contracts.events import FeedbackResultPayload, ServerEventType
from contracts.sandbox import Language, SandboxRequest, SandboxResult
from contracts.topology import COMMANDS, FEEDBACK_REQUESTS
from persistence.models import InterviewSession
from persistence.store import InterviewStore, UnknownSession
from question_bank.bank import QuestionBank
from runtime.sandbox_client import run_in_sandbox
from runtime.worker import WorkerRuntime

from .agent import FeedbackAgent
from .providers import ProseWriter
from .telemetry import record_feedback, traced_feedback


def build_router(runtime: WorkerRuntime, bank: QuestionBank, *, writer: ProseWriter | None = None,
                 complexity_budget_s: float = 60.0) -> RabbitRouter:
    router = RabbitRouter()
    agent = FeedbackAgent(bank, writer=writer, complexity_budget_s=complexity_budget_s)

    @router.subscriber(FEEDBACK_REQUESTS, COMMANDS, title="feedback.requests")
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
            return await run_in_sandbox(runtime.broker, session.id, request,
                                        timeout_s=runtime.settings.sandbox_timeout_s)

        outcome = await agent.with_sandbox(sandbox).give_feedback(store, session, code=code, language=language, kind=command.kind,
                                            report_id=command.request_id, ended_at=command.timestamp)
        record_feedback(command, outcome.feedback)
        stored = outcome.report.model_dump(mode="json") if outcome.report else outcome.feedback.model_dump(mode="json")
        await store.save_feedback(session.id, report_id=command.request_id, kind=command.kind, report=stored)
        await runtime.events.emit(
            session.id, ServerEventType.FEEDBACK_RESULT,
            FeedbackResultPayload(request_id=command.request_id, feedback=outcome.feedback),
        )

    return router


async def _code_to_assess(store: InterviewStore, session: InterviewSession,
                          command: FeedbackRequested) -> tuple[str, Language]:
    """The code sent with the request, else the editor's latest snapshot, else the last run."""
    state = session.agent_state
    code = command.code or state.get("latest_code", "")
    language = command.language or (Language(state["latest_language"]) if state.get("latest_language") else None)
    if not code:
        submissions = await store.submissions(session.id)
        if submissions:
            code, language = submissions[-1].code, language or Language(submissions[-1].language)
    return code, language or Language(session.language)
