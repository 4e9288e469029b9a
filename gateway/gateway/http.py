"""HTTP routes: sessions, code runs, speech, health and the OpenAPI document.

Every route that touches a session requires that session's token (`Authorization: Bearer …`), and
goes over the same bus paths as the WebSocket.
"""

import asyncio
import base64
import logging
import math
import time
from datetime import UTC, datetime
from typing import TypeVar

from pydantic import BaseModel, ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from contracts.bus import SynthesisCompleted, SynthesisRequested
from contracts.events import RunMode
from contracts.http import (
    CandidateProgress,
    CodeRunRequest,
    CodeRunResponse,
    CreateSessionRequest,
    CreateSessionResponse,
    HealthResponse,
    HttpError,
    SessionList,
    SessionView,
    TtsRequest,
)
from contracts.sandbox import FunctionSignature, Language, Limits, SandboxRequest, TestCase, Verdict
from persistence.models import InterviewSession
from persistence.record import AUDIO_KEY_CHARS
from persistence.store import UnknownSession
from runtime import metrics
from runtime.code_runs import judge_and_record
from runtime.tracing import request_reply

from .openapi import documented, openapi_document
from .practice import RULE
from .progress import candidate_history, candidate_id_for_key, recommendation_for
from .state import Gateway
from .tokens import TokenError

log = logging.getLogger("gateway.http")
M = TypeVar("M", bound=BaseModel)
AUDIO_TYPES = {"mp3": "audio/mpeg", "ogg": "audio/ogg", "wav": "audio/wav"}
PAGE_SIZE = 20
MAX_OFFSET = 1_000_000


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


def _error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(HttpError(error=code, message=message).model_dump(), status_code=status, headers=headers)


async def _limit(request: Request, kind: str, subject: str, what: str) -> None:
    """Raise 429 (with `Retry-After`) when `subject` has used up its budget of `kind` on every replica."""
    wait_s = await _gateway(request).rate_limits.wait_s(kind, subject)
    if wait_s > 0:
        raise ApiError(429, "rate_limited", f"too many {what}; retry in {math.ceil(wait_s)} s",
                       headers={"Retry-After": str(math.ceil(wait_s))})


def api(handler):
    """Turn `ApiError`/`TokenError`/`UnknownSession` raised by a handler into clear JSON errors."""

    async def wrapper(request: Request) -> Response:
        try:
            return await handler(request)
        except ApiError as exc:
            return _error(exc.status, exc.code, exc.message, exc.headers)
        except TokenError as exc:
            return _error(exc.status, exc.code, exc.message)
        except UnknownSession as exc:
            return _error(404, "unknown_session", f"no session {exc}")

    wrapper.__name__ = handler.__name__
    wrapper.__doc__ = handler.__doc__
    if hasattr(handler, "__openapi__"):
        wrapper.__openapi__ = handler.__openapi__
    return wrapper


async def _body(request: Request, model: type[M]) -> M:
    try:
        return model.model_validate_json(await request.body())
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'body'}: {e['msg']}" for e in exc.errors()[:5])
        raise ApiError(422, "invalid_request", problems) from None


def _gateway(request: Request) -> Gateway:
    return request.app.state.gateway


def bearer_token(request: Request) -> str | None:
    """The token from `Authorization: Bearer …`, the only place it is read: URLs end up in logs."""
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return None


async def _authorised_session(request: Request, session_id: str) -> InterviewSession:
    gateway = _gateway(request)
    gateway.tokens.check(bearer_token(request), session_id)
    return await gateway.store.get_session(session_id)


# ---- sessions ---------------------------------------------------------------------------------


@documented(summary="Create an interview session (optionally on a chosen problem, or on the candidate's weakest topic)",
            request=CreateSessionRequest, authenticated=False,
            responses={201: CreateSessionResponse, 404: HttpError, 413: HttpError, 422: HttpError, 429: HttpError})
@api
async def create_session(request: Request) -> JSONResponse:
    gateway = _gateway(request)
    await _limit(request, "session_create", request.client.host if request.client else "unknown",
                 "new sessions from this address")
    body = await _body(request, CreateSessionRequest)
    question_id = await _chosen_problem(gateway, body)
    difficulty = gateway.bank.question(question_id).difficulty.value if question_id else body.difficulty.value
    if body.candidate_key:
        candidate_id = candidate_id_for_key(body.candidate_key)
    else:
        candidate_id = _candidate_of(request) or gateway.tokens.new_candidate_id()
    minutes = body.duration_minutes or gateway.settings.interview_minutes
    session = await gateway.store.create_session(
        difficulty=difficulty, language=body.language.value,
        topic=body.topic.value if body.topic else None, candidate_id=candidate_id, duration_s=max(1, round(minutes * 60)),
        # The interviewer presents this problem when the interview starts (`InterviewTools.get_question`).
        agent_state={"chosen_question_id": question_id} if question_id else {},
    )
    metrics.increment("mockmind.sessions.created", tags=[f"difficulty:{difficulty}", f"language:{body.language.value}"])
    token = gateway.tokens.issue(session.id, candidate_id)
    return JSONResponse(CreateSessionResponse(session_id=session.id, token=token).model_dump(), status_code=201)


async def _chosen_problem(gateway: Gateway, body: CreateSessionRequest) -> str | None:
    """The problem the candidate picked, or the one for their weakest topic; None lets the interviewer pick."""
    if body.question_id is not None:
        if body.question_id not in gateway.bank.ids:
            raise ApiError(404, "unknown_problem", f"no problem {body.question_id!r}; see GET /api/problems")
        return body.question_id
    if body.practise_weak_spots:
        if not body.candidate_key:
            raise ApiError(422, "candidate_key_required", "practise_weak_spots needs the candidate_key of your history")
        history = await candidate_history(gateway.store, gateway.bank, body.candidate_key)
        # No history yet: nothing is weak yet, so the interviewer picks as usual.
        return recommendation_for(history, gateway.bank, datetime.now(UTC)).question_id
    return None


def _candidate_of(request: Request) -> str | None:
    """A browser that already holds a token keeps its candidate id, so its sessions list together."""
    token = bearer_token(request)
    if not token:
        return None
    try:
        return _gateway(request).tokens.claims(token).candidate_id or None
    except TokenError:
        return None


@documented(summary="The sessions of the candidate holding this token, newest first",
            responses={200: SessionList, 401: HttpError, 422: HttpError},
            query={"offset": ("skip this many sessions", {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET})})
@api
async def list_sessions(request: Request) -> JSONResponse:
    gateway = _gateway(request)
    claims = gateway.tokens.claims(bearer_token(request))
    try:
        offset = int(request.query_params.get("offset", "0"))
    except ValueError:
        raise ApiError(422, "invalid_request", "offset must be a whole number") from None
    if not 0 <= offset <= MAX_OFFSET:  # the database's integers are bounded: so is what is asked of them
        raise ApiError(422, "invalid_request", f"offset must be between 0 and {MAX_OFFSET}")
    if claims.candidate_id:
        rows = await gateway.store.candidate_sessions(claims.candidate_id, limit=PAGE_SIZE + 1, offset=offset)
    else:
        rows = [await gateway.store.get_session(claims.session_id)] if offset == 0 else []
    page = SessionList(
        sessions=[session_view(r) for r in rows[:PAGE_SIZE]],
        next_offset=offset + PAGE_SIZE if len(rows) > PAGE_SIZE else None,
    )
    return JSONResponse(page.model_dump(mode="json"))


@documented(summary="Read one session", responses={200: SessionView, 401: HttpError, 403: HttpError, 404: HttpError})
@api
async def get_session(request: Request) -> JSONResponse:
    session = await _authorised_session(request, request.path_params["session_id"])
    return JSONResponse(session_view(session).model_dump(mode="json"))


def session_view(session: InterviewSession) -> SessionView:
    return SessionView(
        session_id=session.id, difficulty=session.difficulty, language=session.language, topic=session.topic,
        status=session.status, phase=session.phase, question_id=session.question_id,
        hint_level=session.hint_level, last_seq=session.last_seq,
        # SQLite hands back naive datetimes (stored in UTC): the API always says which zone (RFC 3339).
        created_at=_utc(session.created_at), duration_s=session.duration_s, ended_at=_utc(session.ended_at),
        end_reason=session.end_reason,
    )


# ---- progress ---------------------------------------------------------------------------------

CANDIDATE_KEY_HEADER = "x-candidate-key"


@documented(summary="A candidate's finished interviews, weakest topic and the problem to practise next "
                    "(header X-Candidate-Key, no session token)",
            authenticated=False, responses={200: CandidateProgress, 401: HttpError})
@api
async def get_progress(request: Request) -> JSONResponse:
    gateway = _gateway(request)
    key = request.headers.get(CANDIDATE_KEY_HEADER, "")
    if not 16 <= len(key) <= 128:
        raise ApiError(401, "missing_candidate_key", "send your candidate key (16–128 characters) in X-Candidate-Key")
    interviews = await candidate_history(gateway.store, gateway.bank, key)
    chosen = recommendation_for(interviews, gateway.bank, datetime.now(UTC))
    body = CandidateProgress(interviews=interviews, weakest_topic=chosen.weakest_topic,
                             recommended_question_id=chosen.question_id, rule=RULE)
    return JSONResponse(body.model_dump(mode="json"))


# ---- code and voice ---------------------------------------------------------------------------


@documented(summary="Run code against the problem's sample tests", request=CodeRunRequest,
            responses={200: CodeRunResponse, 401: HttpError, 403: HttpError, 409: HttpError, 413: HttpError,
                       422: HttpError, 429: HttpError})
@api
async def run_code(request: Request) -> JSONResponse:
    gateway = _gateway(request)
    body = await _body(request, CodeRunRequest)
    session = await _authorised_session(request, body.session_id)
    await _limit(request, "code_run", session.id, "code runs")
    if session.question_id is None:
        raise ApiError(409, "no_problem_yet", "start the interview first: no problem has been presented")
    question = gateway.bank.question(session.question_id)
    submission_id, result = await judge_and_record(
        sandbox=gateway.sandbox, events=gateway.events, session_id=session.id, question=question,
        tests=list(question.sample_tests), code=body.code, language=body.language, mode=RunMode.RUN,
        timeout_s=gateway.settings.sandbox_timeout_s,
    )
    return JSONResponse(CodeRunResponse(submission_id=submission_id, result=result.public_view()).model_dump(mode="json"))


@documented(summary="Speak text with the interviewer's voice", request=TtsRequest,
            responses={200: "audio/mpeg", 401: HttpError, 403: HttpError, 413: HttpError, 422: HttpError,
                       429: HttpError, 503: HttpError})
@api
async def speak(request: Request) -> Response:
    gateway = _gateway(request)
    session_id = request.query_params.get("session_id") or request.headers.get("x-session-id", "")
    claims = gateway.tokens.claims(bearer_token(request))
    if session_id and session_id != claims.session_id:
        raise TokenError(403, "wrong_session", "this token belongs to another session")
    await _limit(request, "tts", claims.session_id, "speech requests")
    body = await _body(request, TtsRequest)
    command = SynthesisRequested(session_id=claims.session_id, text=body.text, voice=body.voice)
    timeout_s = gateway.settings.tts_timeout_s
    try:
        reply = await request_reply(gateway.synthesis, command, message_id=command.message_id, timeout=timeout_s)
    except TimeoutError:
        raise ApiError(503, "tts_unavailable", f"no tts worker answered within {timeout_s:g} s") from None
    except Exception:  # the bus is reconnecting or refused the request: a clear 503, never a 500
        log.exception("speech request failed")
        raise ApiError(503, "tts_unavailable", "the speech service is briefly unavailable; retry") from None
    audio = SynthesisCompleted.model_validate_json(reply.body)
    if audio.error:
        raise ApiError(422, "unspeakable", audio.error)
    return Response(base64.b64decode(audio.audio_b64), media_type=AUDIO_TYPES.get(audio.format, "application/octet-stream"))


@documented(summary="One clip of the interviewer's voice, by the key in a `voice_audio` URL", authenticated=False,
            responses={200: "audio/mpeg", 404: HttpError})
@api
async def get_audio(request: Request) -> Response:
    """Keys are content hashes (128 bits): unguessable, and the bytes behind one never change, so the
    clip is cacheable for good. No token: an `<audio src>` cannot send one, and the key is the secret."""
    key = request.path_params["key"]
    clip = await _gateway(request).store.audio.get(key) if len(key) == AUDIO_KEY_CHARS else None
    if clip is None:
        raise ApiError(404, "unknown_audio", f"no audio {key}")
    return Response(clip.data, media_type=AUDIO_TYPES.get(clip.format, "application/octet-stream"),
                    headers={"Cache-Control": "public, max-age=31536000, immutable"})


# ---- health and docs --------------------------------------------------------------------------

_SANDBOX_PROBE = SandboxRequest(
    language=Language.PYTHON, source="def probe():\n    return 1\n",
    signature=FunctionSignature(name="probe", params=[], returns="int"),
    tests=[TestCase(id="probe", input={}, expected=1)], limits=Limits(cpu_time_s=1, wall_time_s=2),
)
_SANDBOX_CACHE_S = 5.0


@documented(summary="Health of the platform and of each part", authenticated=False,
            responses={200: HealthResponse, 503: HealthResponse})
async def health(request: Request) -> JSONResponse:
    gateway = _gateway(request)
    rabbitmq, database, sandbox = await asyncio.gather(
        _check_rabbitmq(gateway), _check_database(gateway), _check_sandbox(gateway))
    alive = gateway.workers.alive()
    llm = gateway.workers.details("interviewer-agent").get("llm") or (
        "unknown" if alive["interviewer-agent"] else "no interviewer-agent running")
    can_interview = (rabbitmq == database == sandbox == "ok" and alive["interviewer-agent"] > 0
                     and (llm == "ok" or llm == "offline-default" or llm == "unknown"))
    body = HealthResponse(
        status="down" if not can_interview else "ok" if all(alive.values()) else "degraded",
        rabbitmq=rabbitmq, database=database, sandbox=sandbox, llm=llm,
        workers={kind: {"alive": n, "status": "ok" if n else "missing"} for kind, n in alive.items()},
        replica_id=gateway.replica_id,
    )
    return JSONResponse(body.model_dump(), status_code=200 if can_interview else 503)


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


async def _check_sandbox(gateway: Gateway) -> str:
    """A trivial run answered within 2 s; cached briefly so probes don't load the workers."""
    checked_at, status = gateway.sandbox_status
    if time.monotonic() - checked_at < _SANDBOX_CACHE_S:
        return status
    if not gateway.workers.alive()["sandbox-worker"]:
        status = "no sandbox-worker running"
    else:
        result = await gateway.sandbox.run("health-probe", _SANDBOX_PROBE, timeout_s=2.0)
        status = "ok" if result.verdict is Verdict.ACCEPTED else f"error: {result.verdict.value} {result.message}".strip()
    gateway.sandbox_status = (time.monotonic(), status)
    return status


async def openapi(request: Request) -> JSONResponse:
    return JSONResponse(openapi_document(request.app.routes, title="MockMind gateway", version="0.1.0"))


def _utc(moment: datetime | None) -> datetime | None:
    return moment if moment is None or moment.tzinfo else moment.replace(tzinfo=UTC)
