"""Bus subscriber of the feedback agent: score the candidate's work on request, beside the interview."""

from faststream.rabbit import RabbitRouter

from contracts.bus import FeedbackRequested
from contracts.events import FeedbackResultPayload, ServerEventType
from contracts.sandbox import Language, SandboxRequest
from contracts.topology import COMMANDS, FEEDBACK_REQUESTS
from persistence.store import UnknownSession
from question_bank.bank import QuestionBank
from runtime.sandbox_client import run_in_sandbox
from runtime.worker import WorkerRuntime

from .scorecard import build_scorecard


def build_router(runtime: WorkerRuntime, bank: QuestionBank) -> RabbitRouter:
    router = RabbitRouter()

    @router.subscriber(FEEDBACK_REQUESTS, COMMANDS, title="feedback.requests")
    async def give_feedback(command: FeedbackRequested) -> None:
        """Run the candidate's code against every test and publish a scorecard."""
        store = runtime.store
        try:
            session = await store.get_session(command.session_id)
        except UnknownSession:
            runtime.log.warning("feedback for unknown session %s dropped", command.session_id)
            return
        code = command.code or session.agent_state.get("latest_code", "")
        language = command.language or Language(session.agent_state.get("latest_language", session.language))
        question = bank.question(session.question_id) if session.question_id else None
        result = None
        if question is not None and code.strip():
            request = SandboxRequest(language=language, source=code, signature=question.signature,
                                     tests=bank.all_tests(question.id), limits=question.limits)
            result = await run_in_sandbox(runtime.broker, session.id, request,
                                          timeout_s=runtime.settings.sandbox_timeout_s)
        transcript = await store.transcript(session.id)
        feedback = build_scorecard(
            question, result, hints_used=session.hint_level,
            candidate_messages=sum(1 for m in transcript if m.role == "candidate"),
        )
        await store.save_feedback(session.id, report_id=command.request_id, kind="on_demand",
                                  report=feedback.model_dump(mode="json"))
        await runtime.events.emit(
            session.id, ServerEventType.FEEDBACK_RESULT,
            FeedbackResultPayload(request_id=command.request_id, feedback=feedback),
        )

    return router
