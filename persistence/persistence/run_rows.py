"""Code runs and feedback reports, each a row of its session."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from contracts.base import utc_now as _now

from .errors import MessageIdReused
from .models import CodeSubmission, FeedbackReport
from .rows import Rows


async def keep_session_row(db: AsyncSession, row: CodeSubmission | FeedbackReport) -> None:
    """Insert or update (a redelivery) a row of its session. An id held by another session's row raises
    `MessageIdReused`: a row never moves between sessions."""
    model = type(row)
    owner = await db.scalar(select(model.session_id).where(model.id == row.id).with_for_update())
    if owner is not None and owner != row.session_id:
        raise MessageIdReused(f"{model.__tablename__} id {row.id} belongs to another session")
    await db.merge(row)


class RunRows(Rows):
    # ---- code and feedback -------------------------------------------------------------------

    async def record_submission(
        self, session_id: str, *, submission_id: str, language: str, mode: str, code: str,
        verdict: str | None, result: dict[str, Any] | None,
    ) -> None:
        """Keep a run in the session's code history (a redelivery updates the same row). An id held by
        another session's submission raises `MessageIdReused`: a row never moves between sessions."""
        async with self._sessions.begin() as db:
            await keep_session_row(db, CodeSubmission(
                id=submission_id, session_id=session_id, language=language, mode=mode, code=code,
                verdict=verdict, result=result, created_at=_now(),
            ))

    async def submission(self, session_id: str, submission_id: str) -> CodeSubmission | None:
        """One run of the session, or None."""
        async with self._statements() as db:
            return await db.scalar(select(CodeSubmission).where(CodeSubmission.id == submission_id,
                                                                CodeSubmission.session_id == session_id))

    async def submissions(self, session_id: str) -> list[CodeSubmission]:
        return await self._session_rows(CodeSubmission, session_id, CodeSubmission.created_at)

    async def save_feedback(self, session_id: str, *, report_id: str, kind: str, report: dict[str, Any]) -> None:
        async with self._sessions.begin() as db:
            await keep_session_row(db, FeedbackReport(id=report_id, session_id=session_id, kind=kind, report=report,
                                                      created_at=_now()))

    async def feedback_reports(self, session_id: str) -> list[FeedbackReport]:
        return await self._session_rows(FeedbackReport, session_id, FeedbackReport.created_at)

