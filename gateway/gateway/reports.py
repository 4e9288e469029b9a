"""HTTP routes for the final interview report (stored by the feedback agent at wrap-up).

    GET /api/sessions/{id}/report      → `contracts.reports.InterviewReport` as JSON
    GET /api/sessions/{id}/report.md   → the same report as a Markdown download

Both need the session's token and answer 404 `report_not_ready` until the report exists.
"""

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from contracts.http import HttpError
from contracts.reports import InterviewReport, report_markdown

from .http import ApiError, _authorised_session, _gateway, api
from .openapi import documented

MARKDOWN_TYPE = "text/markdown"


async def _final_report(request: Request) -> InterviewReport:
    session_id = request.path_params["session_id"]
    await _authorised_session(request, session_id)
    stored = [r for r in await _gateway(request).store.feedback_reports(session_id) if r.kind == "final"]
    if not stored:
        raise ApiError(404, "report_not_ready", "the interview has not been wrapped up yet, so there is no report")
    return InterviewReport.model_validate(stored[-1].report)  # the latest, should wrap-up happen twice


@documented(summary="The final interview report of a session",
            responses={200: InterviewReport, 401: HttpError, 403: HttpError, 404: HttpError})
@api
async def get_report(request: Request) -> JSONResponse:
    report = await _final_report(request)
    return JSONResponse(report.model_dump(mode="json"))


@documented(summary="The final interview report as Markdown",
            responses={200: MARKDOWN_TYPE, 401: HttpError, 403: HttpError, 404: HttpError})
@api
async def get_report_markdown(request: Request) -> Response:
    report = await _final_report(request)
    filename = f"mockmind-report-{report.session_id}.md"
    return Response(report_markdown(report), media_type=f"{MARKDOWN_TYPE}; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
