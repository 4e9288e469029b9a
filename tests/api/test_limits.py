"""Limits that hold across gateway replicas (Redis), body sizes, the per-socket outbox and oversized frames."""

import asyncio
import json
from uuid import uuid4

import httpx
import pytest
import websockets

from contracts.events import ServerEventType, server_event
from gateway.body_limits import limit_for

from .conftest import (
    ServedGateway,
    declare_commands_exchange,
    gateway_settings,
    new_session,
    open_socket,
    receive,
)

REDIS_URL = "redis://localhost:6379/0"


@pytest.fixture
async def two_replicas(rabbitmq_url, sqlite_url):
    """Two gateway replicas sharing one Redis (their own key prefix, so parallel tests don't meet)."""
    await declare_commands_exchange(rabbitmq_url)
    shared = {"redis_url": REDIS_URL, "limits_key_prefix": f"test-limits-{uuid4().hex}"}
    async with ServedGateway(gateway_settings(rabbitmq_url, sqlite_url, **shared)) as first, \
            ServedGateway(gateway_settings(rabbitmq_url, sqlite_url, **shared)) as second:
        yield first, second


async def test_session_creation_per_address_is_limited_across_replicas(two_replicas):
    statuses = []
    async with httpx.AsyncClient(timeout=10) as http:
        for i in range(60):
            replica = two_replicas[i % 2]
            response = await http.post(f"{replica.url}/api/sessions", json={"difficulty": "easy", "language": "python"})
            statuses.append(response.status_code)
            if response.status_code == 429:
                assert response.json()["error"] == "rate_limited"
                assert int(response.headers["retry-after"]) >= 1
    assert statuses[0] == 201 and 429 in statuses
    assert statuses.count(201) <= 25, f"one address created {statuses.count(201)} sessions across two replicas"


async def test_messages_of_one_session_are_limited_across_replicas(two_replicas):
    session_id, token = await new_session(two_replicas[0])
    limited = 0
    for replica in two_replicas:  # the same session on two replicas draws on one budget
        async with await open_socket(replica, session_id, token) as socket:
            assert (await receive(socket))["type"] == "session_ready"
            for _ in range(8):
                await socket.send(json.dumps({"type": "send_message", "payload": {"text": "hello"}}))
            await socket.send(json.dumps({"type": "heartbeat"}))
            while (event := await receive(socket))["type"] != "heartbeat_ack":
                limited += event["type"] == "error" and event["payload"]["code"] == "rate_limited"
    assert limited >= 16 - 10  # burst of 10 messages per session, whichever replica holds the socket


async def test_speech_requests_are_limited_per_session(gateway):
    session_id, token = await new_session(gateway)
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=gateway.url, timeout=30) as http:
        statuses = [(await http.post("/api/voice/tts", json={"text": ""}, headers=headers)).status_code
                    for _ in range(12)]
    assert 429 in statuses, statuses


async def test_code_runs_over_http_are_limited_per_session(gateway):
    session_id, token = await new_session(gateway)
    headers = {"Authorization": f"Bearer {token}"}
    body = {"session_id": session_id, "code": "x = 1", "language": "python"}
    async with httpx.AsyncClient(base_url=gateway.url, timeout=30) as http:
        statuses = [(await http.post("/api/code/run", json=body, headers=headers)).status_code for _ in range(8)]
    assert 429 in statuses, statuses  # (409 before: no problem presented yet, yet each try counts)


async def raw_post(gateway: ServedGateway, path: str, token: str, *, content_length: int | None,
                   chunks: int) -> bytes:
    """POST `chunks` of 64 KiB (of a body declared `content_length` long, or chunked without an end) and
    read what the server answers."""
    reader, writer = await asyncio.open_connection("127.0.0.1", gateway.port)
    length = f"Content-Length: {content_length}" if content_length is not None else "Transfer-Encoding: chunked"
    writer.write(f"POST {path} HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                 f"Authorization: Bearer {token}\r\n{length}\r\n\r\n".encode())
    chunk = b" " * 65536
    for _ in range(chunks):
        writer.write(chunk if content_length is not None else b"%x\r\n%s\r\n" % (len(chunk), chunk))
    await writer.drain()
    answer = await asyncio.wait_for(reader.read(4096), 10)
    writer.close()
    return answer


@pytest.mark.parametrize("path", ["/api/sessions", "/api/code/run", "/api/voice/tts"])
async def test_a_huge_body_is_refused_with_413_before_it_is_read(gateway, path):
    _session_id, token = await new_session(gateway)
    declared = await raw_post(gateway, path, token, content_length=1 << 30, chunks=0)  # a 1 GiB promise
    assert declared.startswith(b"HTTP/1.1 413"), declared[:200]
    assert b"body_too_large" in declared
    # No length declared: refused as soon as what arrived passes the route's limit (here under 512 KiB).
    streamed = await raw_post(gateway, path, token, content_length=None, chunks=limit_for(path) // 65536 + 1)
    assert streamed.startswith(b"HTTP/1.1 413"), streamed[:200]


async def test_code_larger_than_the_protocol_limit_used_to_be_gets_an_error_event(gateway):
    session_id, token = await new_session(gateway)
    async with await open_socket(gateway, session_id, token) as socket:
        assert (await receive(socket))["type"] == "session_ready"
        huge = {"type": "run_code", "payload": {"code": "x" * (600 * 1024), "language": "python"}}
        await socket.send(json.dumps(huge))
        error = await receive(socket)
        assert error["type"] == "error" and error["payload"]["code"] == "frame_too_large"
        await socket.send(json.dumps({"type": "heartbeat"}))
        assert (await receive(socket))["type"] == "heartbeat_ack"  # still open


async def test_a_binary_frame_gets_an_error_event(gateway):
    session_id, token = await new_session(gateway)
    async with await open_socket(gateway, session_id, token) as socket:
        assert (await receive(socket))["type"] == "session_ready"
        await socket.send(b"\x00\x01binary")
        assert (await receive(socket))["payload"]["code"] == "unsupported_frame"
        await socket.send(json.dumps({"type": "heartbeat"}))
        assert (await receive(socket))["type"] == "heartbeat_ack"


async def test_a_socket_that_does_not_read_is_closed_with_4429_when_its_outbox_overflows(rabbitmq_url, sqlite_url):
    await declare_commands_exchange(rabbitmq_url)
    async with ServedGateway(gateway_settings(rabbitmq_url, sqlite_url, max_outbox_events=50)) as gateway:
        session_id, token = await new_session(gateway)
        socket = await websockets.connect(f"{gateway.ws_url}/ws/{session_id}", max_size=2**24, max_queue=1)
        await socket.send(json.dumps({"type": "authenticate", "payload": {"token": token}}))
        await asyncio.sleep(0.5)
        hub = gateway.server.config.app.state.gateway.hub
        padding = "x" * 65536
        for _ in range(2000):  # far more than the socket's buffers hold while the browser reads nothing
            hub.deliver(server_event(session_id, ServerEventType.ERROR, None).model_copy(
                update={"payload": {"code": "padding", "message": padding}}))
            await asyncio.sleep(0)
        with pytest.raises(websockets.ConnectionClosed):
            while True:
                await asyncio.wait_for(socket.recv(), 30)
        assert socket.close_code == 4429
