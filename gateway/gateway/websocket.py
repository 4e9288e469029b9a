"""`WS /ws/{session_id}`: the browser's real-time channel.

The first frame authenticates: `{"type": "authenticate", "payload": {"token": …, "last_seq": N}}` (the
token never travels in the URL, which proxies and servers log). Missing after `WS_AUTH_TIMEOUT_S`, or
wrong: closed with 4401; another session's token: 4403; an unknown session: 4404.

Then the socket is attached to the hub (so no live event is missed), every logged event after
`last_seq` is replayed, and live events follow in order. Each later text frame is one client event; a
bad frame gets an `error` event and the connection carries on.
"""

import asyncio
import contextlib
import json
import logging
from urllib.parse import urlsplit

from pydantic import ValidationError
from starlette.websockets import WebSocket, WebSocketDisconnect

from contracts.bus import TurnRequested, VoiceCut
from contracts.events import (
    CLIENT_EVENT_TYPES,
    AudioChunk,
    AudioEnd,
    Authenticate,
    AuthenticatePayload,
    BargeIn,
    CandidateMessagePayload,
    CodeSnapshot,
    ErrorPayload,
    Heartbeat,
    RunCode,
    SendMessage,
    SendVoice,
    ServerEvent,
    ServerEventType,
    SessionReadyPayload,
    SetVoice,
    client_event_adapter,
    server_event,
)
from contracts.topology import RoutingKey
from persistence.store import MessageIdReused, UnknownSession
from runtime import metrics
from runtime.tracing import new_trace

from .commands import event_digest, session_scoped_id, to_command, utterance_audio
from .hub import ClientConnection
from .state import Gateway
from .tokens import TokenError

log = logging.getLogger("gateway.ws")


def _error(session_id: str, code: str, message: str, ref: str | None = None) -> ServerEvent:
    return server_event(session_id, ServerEventType.ERROR, ErrorPayload(code=code, message=message, ref_message_id=ref))


async def interview_socket(websocket: WebSocket) -> None:
    gateway: Gateway = websocket.app.state.gateway
    session_id = websocket.path_params["session_id"]
    await websocket.accept()
    if not origin_allowed(websocket, gateway.settings.allowed_origins):
        await _refuse(websocket, session_id, "origin_not_allowed",
                      f"origin {websocket.headers.get('origin')} may not open this socket", 4403)
        return
    try:
        credentials = await _authenticate(websocket, gateway.settings.ws_auth_timeout_s)
        gateway.tokens.check(credentials.token, session_id)
        session = await gateway.store.get_session(session_id)
        last_seq = credentials.last_seq
    except TokenError as exc:
        await _refuse(websocket, session_id, exc.code, exc.message, 4401 if exc.status == 401 else 4403)
        return
    except UnknownSession:
        await _refuse(websocket, session_id, "unknown_session", f"no session {session_id}", 4404)
        return
    except WebSocketDisconnect:
        return

    connection = ClientConnection(websocket, session_id, gateway.store, last_seq, gateway.settings.max_outbox_events)
    await gateway.hub.attach(connection)
    await _seen(gateway, session_id)
    _count_connections(gateway)
    writer: asyncio.Task | None = None
    try:
        await websocket.send_text(
            server_event(session_id, ServerEventType.SESSION_READY, _ready_payload(session, last_seq)).model_dump_json()
        )
        await connection.replay()
        writer = asyncio.create_task(connection.write_loop())
        await _read_loop(websocket, gateway, connection)
    except WebSocketDisconnect:
        pass
    finally:
        await gateway.hub.detach(connection)
        await _seen(gateway, session_id)  # the abandonment clock starts from here
        _count_connections(gateway)
        connection.close()
        if writer is not None:
            with contextlib.suppress(Exception):
                await writer


async def _seen(gateway: Gateway, session_id: str) -> None:
    """Stamp the session as having a socket now (see `Gateway.stamp_open_sockets`)."""
    try:
        await gateway.store.touch_sockets([session_id])
    except Exception:  # a missed stamp only delays nothing: the periodic one follows
        log.exception("could not stamp the socket of session %s", session_id)


async def _authenticate(websocket: WebSocket, timeout_s: float) -> AuthenticatePayload:
    """The credentials in the socket's first frame, or `TokenError` (closed with 4401)."""
    try:
        raw = await asyncio.wait_for(_receive_frame(websocket), timeout_s)
    except TimeoutError:
        raise TokenError(401, "authentication_timeout",
                         f"authenticate within {timeout_s:g} s: send {AUTHENTICATE_EXAMPLE} first") from None
    try:
        return Authenticate.model_validate_json(raw).payload
    except ValidationError:
        raise TokenError(401, "authentication_required",
                         f"the first frame must be {AUTHENTICATE_EXAMPLE}") from None


async def _receive_frame(websocket: WebSocket) -> str | bytes:
    """The next frame, text or binary; `WebSocketDisconnect` when the browser leaves."""
    message = await websocket.receive()
    if message["type"] == "websocket.disconnect":
        raise WebSocketDisconnect(message.get("code", 1000), message.get("reason"))
    text = message.get("text")
    return text if text is not None else message.get("bytes") or b""


AUTHENTICATE_EXAMPLE = '{"type": "authenticate", "payload": {"token": "…", "last_seq": 0}}'


def _count_connections(gateway: Gateway) -> None:
    metrics.gauge("mockmind.websocket.active_connections", gateway.hub.connection_count,
                  tags=[f"replica:{gateway.replica_id}"])


def origin_allowed(websocket: WebSocket, allowed_origins: str) -> bool:
    origin = websocket.headers.get("origin")
    if origin is None:
        return True
    allowed = {o.strip().rstrip("/") for o in allowed_origins.split(",") if o.strip()}
    if not allowed:
        host = websocket.headers.get("host", "")
        allowed = {f"http://{host}", f"https://{host}"}
        hostname = urlsplit(origin).hostname
        if hostname in ("localhost", "127.0.0.1", "::1"):
            return True
    return origin.rstrip("/") in allowed


def _ready_payload(session, last_seq: int) -> SessionReadyPayload:
    return SessionReadyPayload(
        session_id=session.id, difficulty=session.difficulty, language=session.language,
        phase=session.phase or "greeting", resumed_after_seq=last_seq or None,
    )


async def _refuse(websocket: WebSocket, session_id: str, code: str, message: str, close_code: int) -> None:
    await websocket.send_text(_error(session_id, code, message).model_dump_json())
    await websocket.close(code=close_code, reason=code)


async def _read_loop(websocket: WebSocket, gateway: Gateway, connection: ClientConnection) -> None:
    session_id = connection.session_id
    limit = gateway.settings.max_ws_frame_bytes
    while not connection.overflowed:
        raw = await _receive_frame(websocket)
        if isinstance(raw, bytes):
            connection.push(_error(session_id, "unsupported_frame", "send client events as JSON text frames"))
        elif len(raw) > limit or len(raw.encode()) > limit:
            connection.push(_error(session_id, "frame_too_large",
                                   f"this frame is {len(raw.encode())} bytes; frames are limited to {limit} bytes "
                                   "(and code to 65536 characters)"))
        elif reply := await _handle_frame(gateway, connection, raw):
            connection.push(reply)


async def _record(gateway: Gateway, session_id: str, event) -> None:
    """Keep what the candidate did in the session's record, before any service acts on it: their words
    (logged and sent to every socket of the session) and their code (the snapshot a run is made of, too).
    Ids derive from the client's, so a retried event is recorded once."""
    record_id = session_scoped_id(session_id, f"record:{event.message_id}")
    match event:
        case SendMessage(payload=p) | SendVoice(payload=p):
            spoken = isinstance(event, SendVoice)
            words = CandidateMessagePayload(text=p.transcript if spoken else p.text, spoken=spoken,
                                            ref_message_id=event.message_id)
            logged = server_event(session_id, ServerEventType.CANDIDATE_MESSAGE, words)
            await gateway.events.record(logged.model_copy(update={"message_id": record_id}))
        case CodeSnapshot(payload=p) | RunCode(payload=p):
            # Published like any logged event: a socket's numbers have no gaps (browsers hold events back
            # behind a gap), and a device following the session can apply the edits to what it has.
            if (logged := await gateway.store.code.record(session_id, record_id, p.code, p.language)) is not None:
                await gateway.events.publish(logged)


async def _handle_frame(gateway: Gateway, connection: ClientConnection, raw: str) -> ServerEvent | None:
    """Publish the command a frame asks for; return the connection-local reply, if any."""
    session_id = connection.session_id
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        return _error(session_id, "bad_json", f"frame is not valid JSON: {exc.msg}")
    ref = data.get("message_id") if isinstance(data, dict) and isinstance(data.get("message_id"), str) else None
    if not isinstance(data, dict) or data.get("type") not in CLIENT_EVENT_TYPES:
        kind = data.get("type") if isinstance(data, dict) else None
        return _error(session_id, "unknown_event_type",
                      f"unknown event type {kind!r}; expected one of {', '.join(CLIENT_EVENT_TYPES)}", ref)
    try:
        event = client_event_adapter.validate_python(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:5])
        return _error(session_id, "invalid_event", f"invalid {data['type']}: {problems}", ref)
    if not await gateway.rate_limits.allow_event(session_id, data["type"]):
        return _error(session_id, "rate_limited", f"too many {data['type']} events; slow down and retry shortly", ref)
    if isinstance(event, Heartbeat):
        return server_event(session_id, ServerEventType.HEARTBEAT_ACK)
    if isinstance(event, SetVoice):
        await gateway.store.update_session(session_id, voice_muted=event.payload.muted)
        return None
    if isinstance(event, BargeIn):
        for turn_id in connection.cut_voice():
            # The audio is cut on this socket already; this saves tts work and makes the interviewer yield.
            with contextlib.suppress(Exception):
                await gateway.voice_cuts.publish(VoiceCut(session_id=session_id, turn_id=turn_id))
        return None
    if isinstance(event, AudioChunk | AudioEnd):
        return await _forward_audio(gateway, connection, event, ref)
    command = to_command(session_id, event)
    try:  # a retry keeps its turn number; another event under a used id is refused, never dropped
        number = await gateway.store.admit_client_event(session_id, event.message_id, event_digest(event),
                                                        numbered=command is not None and
                                                        isinstance(command[1], TurnRequested))
    except MessageIdReused:
        return _error(session_id, "duplicate_message_id",
                      f"message_id {event.message_id!r} was already used in this session for another event; "
                      "use a new id for each event (the same id only to retry the same event)", ref)
    await _record(gateway, session_id, event)
    if command is None:
        return None
    routing_key, command = command
    if isinstance(command, TurnRequested):
        command.turn_number = number  # turns run in this order
    # Each candidate action starts its own trace: the turn it triggers, across every service.
    with new_trace("gateway.client_event", resource=data["type"]) as span:
        # The id the browser chose is what an SRE has in hand; the bus id is derived from it per session.
        span.set_tags({"session_id": session_id, "client_event.message_id": event.message_id,
                       "bus.message_id": command.message_id})
        try:
            await gateway.commands[routing_key].publish(command, message_id=command.message_id)
        except Exception:  # the broker is reconnecting: tell the browser, which may retry with the same id
            log.exception("publish of %s failed", data["type"])
            return _error(session_id, "bus_unavailable", "the interview service is briefly unavailable; retry", ref)
    if isinstance(command, TurnRequested):
        # Published: the turn exists, so the interviewer's gap timeout will wait for it however long.
        await gateway.store.note_turn_published(session_id, command.turn_number)
    return None


async def _forward_audio(gateway: Gateway, connection: ClientConnection, event: AudioChunk | AudioEnd,
                         ref: str | None) -> ServerEvent | None:
    """Microphone audio goes straight to the stt service: chunks are not client messages to number or
    remember (there are several a second), and a lost chunk only costs a few words of one utterance."""
    command = utterance_audio(connection.session_id, event, connection.utterance_chunks)
    try:
        await gateway.commands[RoutingKey.UTTERANCE_AUDIO].publish(command, message_id=command.message_id)
    except Exception:
        log.exception("publish of %s failed", event.type)
        return _error(connection.session_id, "bus_unavailable", "speech recognition is briefly unavailable", ref)
    return None
