"""Judge a candidate's code for a session and record it: one path for the editor's Run/Submit (through
the interviewer) and for `POST /api/code/run` (through the gateway)."""

from contracts.base import new_id, utc_now
from contracts.events import CodeResultPayload, RunMode
from contracts.questions import Question
from contracts.sandbox import Language, SandboxRequest, SandboxResult, TestCase
from persistence.models import CodeSubmission

from .event_log import EventLog
from .sandbox_client import SandboxClient


async def judge_and_record(
    *, sandbox: SandboxClient, events: EventLog, session_id: str, question: Question, tests: list[TestCase],
    code: str, language: Language, mode: RunMode, timeout_s: float, submission_id: str | None = None,
) -> tuple[str, SandboxResult]:
    """Run `code` against `tests` in the sandbox worker, store it in the session's code history and
    send the browser a `code_result` (hidden tests reduced to their verdicts). Returns (id, result).

    A run already recorded under `submission_id` (its turn is being redone after a failure) is not run
    again: its recorded result is returned, and its `code_result`, committed with it, is already on its way."""
    if submission_id is not None and (done := await events.store.submission(session_id, submission_id)) is not None:
        return submission_id, SandboxResult.model_validate(done.result)
    request = SandboxRequest(
        language=language, source=code, signature=question.signature, tests=tests, limits=question.limits
    )
    result = await sandbox.run(session_id, request, timeout_s=timeout_s)
    submission_id = submission_id or new_id()
    run = CodeSubmission(id=submission_id, session_id=session_id, language=language.value, mode=mode.value, code=code,
                         verdict=result.verdict.value, result=result.recorded_view().model_dump(mode="json"),
                         created_at=utc_now())
    # The run and its `code_result` commit together; the event goes out after the commit.
    async with events.unit_of_work() as uow:
        interview = await uow.interviews.get(session_id)
        interview.record_run(run, CodeResultPayload(submission_id=submission_id, mode=mode, language=language,
                                                    result=result.public_view()))
        await uow.commit()
    return submission_id, result
