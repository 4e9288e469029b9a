"""HTTP routes for the final interview report (stored by the feedback agent when the interview ends).

    GET /api/sessions/{id}/report      → `contracts.reports.InterviewReport` as JSON
    GET /api/sessions/{id}/report.md   → the same report as a Markdown download

Both need the session's token. Before the report exists they say why, never 404 for a known session:
202 `preparing` once the interview has ended (Finish, time limit, abandonment or an accepted
submission) and the feedback agent is writing it; 409 `in_progress` while the interview runs.
"""

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from contracts.events import Phase
from contracts.http import HttpError, ReportStatus
from contracts.reports import InterviewReport, report_markdown
from persistence.models import InterviewSession

from .http import _authorised_session, _gateway, api
from .openapi import documented

MARKDOWN_TYPE = "text/markdown"
PREPARING = ReportStatus(status="preparing", message="the interview has ended; its report is being prepared")
IN_PROGRESS = ReportStatus(status="in_progress", message="the interview is still running; end it to get the report")


async def _final_report(request: Request) -> InterviewReport | ReportStatus:
    session_id = request.path_params["session_id"]
    session = await _authorised_session(request, session_id)
    stored = [r for r in await _gateway(request).store.feedback_reports(session_id) if r.kind == "final"]
    if stored:
        return InterviewReport.model_validate(stored[-1].report)  # the latest, should wrap-up happen twice
    return PREPARING if has_ended(session) else IN_PROGRESS


def has_ended(session: InterviewSession) -> bool:
    return session.ended_at is not None or session.phase == Phase.WRAPPING_UP.value


def _status_code(status: ReportStatus) -> int:
    return 202 if status.status == "preparing" else 409


@documented(summary="The final interview report of a session (202 while it is prepared, 409 while the interview runs)",
            responses={200: InterviewReport, 202: ReportStatus, 401: HttpError, 403: HttpError, 404: HttpError,
                       409: ReportStatus})
@api
async def get_report(request: Request) -> JSONResponse:
    report = await _final_report(request)
    if isinstance(report, ReportStatus):
        return JSONResponse(report.model_dump(), status_code=_status_code(report),
                            headers={"Retry-After": "2"} if report.status == "preparing" else {})
    return JSONResponse(report.model_dump(mode="json"))


@documented(summary="The final interview report as Markdown (202 while it is prepared, 409 while the interview runs)",
            responses={200: MARKDOWN_TYPE, 202: "text/plain", 401: HttpError, 403: HttpError, 404: HttpError,
                       409: "text/plain"})
@api
async def get_report_markdown(request: Request) -> Response:
    report = await _final_report(request)
    if isinstance(report, ReportStatus):
        return PlainTextResponse(f"{report.status}: {report.message}\n", status_code=_status_code(report),
                                 headers={"Retry-After": "2"} if report.status == "preparing" else {})
    filename = f"mockmind-report-{report.session_id}.md"
    return Response(report_markdown(report), media_type=f"{MARKDOWN_TYPE}; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
