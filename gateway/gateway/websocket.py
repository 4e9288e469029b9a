"""`WS /ws/{session_id}?token=…&last_seq=N`: the browser's real-time channel.

On connect the socket is attached to the hub (so no live event is missed), then every logged event
after `last_seq` is replayed, then live events follow in order. Each text frame from the browser is
one client event; a bad frame gets an `error` event and the connection carries on.
"""

import asyncio
import contextlib
import json
import logging
from urllib.parse import urlsplit

from pydantic import ValidationError
from starlette.websockets import WebSocket, WebSocketDisconnect

from contracts.bus import TurnRequested
from contracts.events import (
    CLIENT_EVENT_TYPES,
    ErrorPayload,
    Heartbeat,
    ServerEvent,
    ServerEventType,
    SessionReadyPayload,
    SetVoice,
    client_event_adapter,
    server_event,
)
from contracts.topology import COMMANDS
from persistence.store import UnknownSession
from runtime import metrics
from runtime.tracing import new_trace

from .commands import to_command
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
        gateway.tokens.check(websocket.query_params.get("token"), session_id)
        session = await gateway.store.get_session(session_id)
        last_seq = max(0, int(websocket.query_params.get("last_seq", "0")))
    except TokenError as exc:
        await _refuse(websocket, session_id, exc.code, exc.message, 4401 if exc.status == 401 else 4403)
        return
    except UnknownSession:
        await _refuse(websocket, session_id, "unknown_session", f"no session {session_id}", 4404)
        return
    except ValueError:
        await _refuse(websocket, session_id, "bad_last_seq", "last_seq must be a whole number", 4400)
        return

    connection = ClientConnection(websocket, session_id, gateway.store, last_seq)
    await gateway.hub.attach(connection)
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
        _count_connections(gateway)
        connection.close()
        if writer is not None:
            with contextlib.suppress(Exception):
                await writer


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
    while True:
        raw = await websocket.receive_text()
        if len(raw.encode()) > gateway.settings.max_ws_frame_bytes:
            connection.push(_error(session_id, "frame_too_large", f"frames are limited to {gateway.settings.max_ws_frame_bytes} bytes"))
            continue
        reply = await _handle_frame(gateway, session_id, raw)
        if reply is not None:
            connection.push(reply)


async def _handle_frame(gateway: Gateway, session_id: str, raw: str) -> ServerEvent | None:
    """Publish the command a frame asks for; return the connection-local reply, if any."""
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
    if not gateway.rate_limits.allow(session_id, data["type"]):
        return _error(session_id, "rate_limited", f"too many {data['type']} events; slow down and retry shortly", ref)
    if isinstance(event, Heartbeat):
        return server_event(session_id, ServerEventType.HEARTBEAT_ACK)
    if isinstance(event, SetVoice):
        await gateway.store.update_session(session_id, voice_muted=event.payload.muted)
        return None
    routing_key, command = to_command(session_id, event)
    if isinstance(command, TurnRequested):
        command.turn_number = await gateway.store.issue_turn(session_id)  # turns run in this order
    # Each candidate action starts its own trace: the turn it triggers, across every service.
    with new_trace("gateway.client_event", resource=data["type"]) as span:
        span.set_tags({"session_id": session_id, "client_event.message_id": command.message_id})
        try:
            await gateway.broker.publish(command, exchange=COMMANDS, routing_key=routing_key,
                                         message_id=command.message_id, persist=True)
        except Exception:  # the broker is reconnecting: tell the browser, which may retry with the same id
            log.exception("publish of %s failed", data["type"])
            return _error(session_id, "bus_unavailable", "the interview service is briefly unavailable; retry", ref)
    return None
