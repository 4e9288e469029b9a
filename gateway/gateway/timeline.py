"""A session's timeline, and read-only share links to its replay.

    GET  /api/sessions/{id}/timeline   (session token)  → `Timeline`
    POST /api/sessions/{id}/share      (session token)  → `ShareLink` to `/replay?share=<token>`
    GET  /api/replay/{token}/timeline  (the share token) → `Timeline`; 410 expired, 403 forged
"""

import time
from datetime import UTC, datetime

from starlette.requests import Request
from starlette.responses import JSONResponse

from contracts.http import HttpError, ShareLink, ShareRequest, Timeline
from persistence.models import InterviewSession
from persistence.record import timeline
from persistence.store import InterviewStore

from .http import _authorised_session, _body, _gateway, api, session_view
from .openapi import documented


async def session_timeline(store: InterviewStore, session: InterviewSession) -> Timeline:
    """The session's record as `persistence.record.timeline` reads it back from the event log."""
    events = await store.events_after(session.id, 0, limit=None)
    return Timeline(session=session_view(session), events=timeline(events))


@documented(summary="The session's whole record in order: transcript, code, results, hints, phases, audio URLs",
            responses={200: Timeline, 401: HttpError, 403: HttpError, 404: HttpError})
@api
async def get_timeline(request: Request) -> JSONResponse:
    session = await _authorised_session(request, request.path_params["session_id"])
    return JSONResponse((await session_timeline(_gateway(request).store, session)).model_dump(mode="json"))


@documented(summary="A signed, expiring, read-only link to this session's replay", request=ShareRequest,
            responses={201: ShareLink, 401: HttpError, 403: HttpError, 404: HttpError, 422: HttpError})
@api
async def share_session(request: Request) -> JSONResponse:
    session = await _authorised_session(request, request.path_params["session_id"])
    raw = await request.body()
    body = await _body(request, ShareRequest) if raw.strip() else ShareRequest()
    expires_at = time.time() + body.ttl_s
    token = _gateway(request).shares.issue(session.id, expires_at)
    link = ShareLink(url=f"/replay?share={token}", token=token, expires_at=datetime.fromtimestamp(int(expires_at), UTC))
    return JSONResponse(link.model_dump(mode="json"), status_code=201)


@documented(summary="A shared replay's timeline (read-only; 410 when the link expired, 403 when it is not valid)",
            authenticated=False, responses={200: Timeline, 403: HttpError, 404: HttpError, 410: HttpError})
@api
async def get_shared_timeline(request: Request) -> JSONResponse:
    gateway = _gateway(request)
    session_id = gateway.shares.session_of(request.path_params["share_token"])
    record = await session_timeline(gateway.store, await gateway.store.get_session(session_id))
    return JSONResponse(record.model_dump(mode="json"))
