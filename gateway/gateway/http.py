"""HTTP routes: create and read sessions, and health."""

import asyncio

from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse

from contracts.http import CreateSessionRequest, CreateSessionResponse, SessionView
from persistence.models import InterviewSession
from persistence.store import UnknownSession

from .state import Gateway
from .tokens import TokenError


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status)


def _gateway(request: Request) -> Gateway:
    return request.app.state.gateway


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.query_params.get("token")


async def create_session(request: Request) -> JSONResponse:
    gateway = _gateway(request)
    try:
        body = CreateSessionRequest.model_validate_json(await request.body())
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'body'}: {e['msg']}" for e in exc.errors()[:5])
        return _error(422, "invalid_request", problems)
    session = await gateway.store.create_session(
        difficulty=body.difficulty.value, language=body.language.value, topic=body.topic.value if body.topic else None
    )
    response = CreateSessionResponse(session_id=session.id, token=gateway.tokens.issue(session.id))
    return JSONResponse(response.model_dump(), status_code=201)


async def get_session(request: Request) -> JSONResponse:
    gateway = _gateway(request)
    session_id = request.path_params["session_id"]
    try:
        gateway.tokens.check(bearer_token(request), session_id)
        session = await gateway.store.get_session(session_id)
    except TokenError as exc:
        return _error(exc.status, exc.code, exc.message)
    except UnknownSession:
        return _error(404, "unknown_session", f"no session {session_id}")
    return JSONResponse(session_view(session).model_dump(mode="json"))


def session_view(session: InterviewSession) -> SessionView:
    return SessionView(
        session_id=session.id, difficulty=session.difficulty, language=session.language, topic=session.topic,
        status=session.status, phase=session.phase, question_id=session.question_id,
        hint_level=session.hint_level, last_seq=session.last_seq, created_at=session.created_at,
    )


async def health(request: Request) -> JSONResponse:
    gateway = _gateway(request)
    rabbitmq, database = await asyncio.gather(_check_rabbitmq(gateway), _check_database(gateway))
    workers = gateway.workers.alive()
    healthy = rabbitmq == "ok" and database == "ok"
    body = {
        "status": "ok" if healthy and all(workers.values()) else "degraded" if healthy else "down",
        "rabbitmq": rabbitmq,
        "database": database,
        "workers": {kind: {"alive": count, "status": "ok" if count else "missing"} for kind, count in workers.items()},
        "replica_id": gateway.replica_id,
    }
    return JSONResponse(body, status_code=200 if healthy else 503)


async def _check_rabbitmq(gateway: Gateway) -> str:
    try:
        return "ok" if await gateway.broker.ping(timeout=2.0) else "unreachable"
    except Exception as exc:  # health reports failures, it never raises them
        return f"error: {exc}"


async def _check_database(gateway: Gateway) -> str:
    try:
        await asyncio.wait_for(gateway.store.ping(), 2.0)
        return "ok"
    except Exception as exc:
        return f"error: {exc}"
