"""Judge a candidate's code for a session and record it: one path for the editor's Run/Submit (through
the interviewer) and for `POST /api/code/run` (through the gateway)."""

from faststream.rabbit import RabbitBroker

from contracts.base import new_id
from contracts.events import CodeResultPayload, RunMode, ServerEventType
from contracts.questions import Question
from contracts.sandbox import Language, SandboxRequest, SandboxResult, TestCase

from .event_log import EventLog
from .sandbox_client import run_in_sandbox


async def judge_and_record(
    *, broker: RabbitBroker, events: EventLog, session_id: str, question: Question, tests: list[TestCase],
    code: str, language: Language, mode: RunMode, timeout_s: float,
) -> tuple[str, SandboxResult]:
    """Run `code` against `tests` in the sandbox worker, store it in the session's code history and
    send the browser a `code_result` (hidden tests reduced to their verdicts). Returns (id, result)."""
    request = SandboxRequest(
        language=language, source=code, signature=question.signature, tests=tests, limits=question.limits
    )
    result = await run_in_sandbox(broker, session_id, request, timeout_s=timeout_s)
    submission_id = new_id()
    await events.store.record_submission(
        session_id, submission_id=submission_id, language=language.value, mode=mode.value, code=code,
        verdict=result.verdict.value, result=result.model_dump(mode="json"),
    )
    await events.emit(
        session_id,
        ServerEventType.CODE_RESULT,
        CodeResultPayload(submission_id=submission_id, mode=mode, language=language, result=result.public_view()),
    )
    return submission_id, result
