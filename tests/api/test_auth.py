"""Tokens never travel in URLs: the socket is authenticated by its first frame, HTTP routes by the
`Authorization` header only (INTERFACES.md 5)."""

import asyncio
import json

import httpx
import pytest
import websockets
from websockets.exceptions import ConnectionClosed

from .conftest import new_session, open_socket, receive


async def closed_with(socket) -> tuple[int, list[dict]]:
    """Every event until the server closes the socket, and its close code."""
    events = []
    with pytest.raises(ConnectionClosed):
        while True:
            events.append(await receive(socket))
    return socket.close_code, events


async def test_the_first_frame_authenticates_the_socket(gateway):
    session_id, token = await new_session(gateway)
    async with await open_socket(gateway, session_id, token) as socket:
        ready = await receive(socket)
        assert ready["type"] == "session_ready" and ready["payload"]["session_id"] == session_id


async def test_a_token_in_the_url_alone_does_not_open_the_socket(gateway):
    session_id, token = await new_session(gateway)
    async with websockets.connect(f"{gateway.ws_url}/ws/{session_id}?token={token}") as socket:
        await socket.send(json.dumps({"type": "heartbeat"}))
        code, events = await closed_with(socket)
    assert code == 4401
    assert events[-1]["payload"]["code"] == "authentication_required"


async def test_no_first_frame_within_the_deadline_closes_with_4401(rabbitmq_url, sqlite_url):
    from .conftest import ServedGateway, declare_commands_exchange, gateway_settings

    await declare_commands_exchange(rabbitmq_url)
    async with ServedGateway(gateway_settings(rabbitmq_url, sqlite_url, ws_auth_timeout_s=0.3)) as gateway:
        session_id, _token = await new_session(gateway)
        async with websockets.connect(f"{gateway.ws_url}/ws/{session_id}") as socket:
            code, events = await asyncio.wait_for(closed_with(socket), 5)
    assert code == 4401 and events[-1]["payload"]["code"] == "authentication_timeout"


async def test_a_wrong_token_closes_with_4401_and_another_sessions_with_4403(gateway):
    session_id, _token = await new_session(gateway)
    _other, other_token = await new_session(gateway)
    async with await open_socket(gateway, session_id, "forged") as socket:
        assert (await closed_with(socket))[0] == 4401
    async with await open_socket(gateway, session_id, other_token) as socket:
        assert (await closed_with(socket))[0] == 4403


async def test_http_routes_take_the_token_only_from_the_authorization_header(gateway):
    session_id, token = await new_session(gateway)
    async with httpx.AsyncClient(base_url=gateway.url) as http:
        assert (await http.get(f"/api/sessions/{session_id}", params={"token": token})).status_code == 401
        assert (await http.get(f"/api/sessions/{session_id}",
                               headers={"Authorization": f"Bearer {token}"})).status_code == 200
