"""Hostile input at the gateway: rate limits, origins, secrets in logs, and fuzzed HTTP bodies and
WebSocket frames (no 500s, no crash, no hang)."""

import json
import time

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from websockets.sync.client import connect

from gateway.client import InterviewClient

from .conftest import TEST_SECRET

pytestmark = pytest.mark.e2e

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=20,
)
event_types = st.sampled_from(["start_interview", "send_message", "send_voice", "run_code", "code_snapshot",
                               "request_feedback", "heartbeat", "nope", ""])
frames = st.one_of(
    st.text(max_size=200),
    json_values.map(json.dumps),
    st.builds(lambda t, p: json.dumps({"type": t, "payload": p}), event_types, json_values),
)
FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


async def test_flooding_messages_is_rate_limited_with_a_clear_error(stack):
    client = await InterviewClient.create(stack.urls[0])
    await client.connect()
    try:
        for i in range(15):
            await client.send("code_snapshot", {"code": f"x = {i}", "language": "python"})
        for i in range(8):
            await client.send("run_code", {"code": f"x = {i}", "language": "python", "mode": "run"})
        limited = await client.wait_for(lambda e: e["type"] == "error" and e["payload"]["code"] == "rate_limited")
        assert "run_code" in limited["payload"]["message"] or "code_snapshot" in limited["payload"]["message"]
        await client.send("heartbeat")
        await client.wait_for(lambda e: e["type"] == "heartbeat_ack")  # the socket still works
    finally:
        await client.close()


async def test_a_foreign_browser_origin_cannot_open_the_socket(stack):
    client = await InterviewClient.create(stack.urls[0])
    url = client.ws_url
    with connect(url, additional_headers={"Origin": "https://evil.example"}) as socket:
        error = json.loads(socket.recv(timeout=10))
        assert error["payload"]["code"] == "origin_not_allowed"
    port = stack.urls[0].rsplit(":", 1)[1]
    with connect(url, additional_headers={"Origin": f"http://localhost:{port}"}) as socket:
        socket.send(client.authenticate_frame())
        assert json.loads(socket.recv(timeout=10))["type"] == "session_ready"


def test_the_session_secret_never_reaches_the_logs(stack):
    logs = "\n".join(line for lines in stack.group.logs.values() for line in lines)
    assert TEST_SECRET not in logs


def test_fuzzed_http_bodies_never_cause_server_errors(stack):
    token = httpx.post(f"{stack.urls[0]}/api/sessions", json={"difficulty": "easy", "language": "python"}).json()["token"]
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    paths = ["/api/sessions", "/api/code/run", "/api/voice/tts"]

    @FUZZ
    @given(path=st.sampled_from(paths), body=st.one_of(st.binary(max_size=300), json_values.map(lambda v: json.dumps(v).encode())))
    def post_anything(path, body):
        response = httpx.post(f"{stack.urls[0]}{path}", content=body, headers=headers, timeout=30)
        assert response.status_code < 500, (path, body, response.text)

    post_anything()


def test_fuzzed_websocket_frames_get_errors_and_never_break_the_socket(stack):
    created = httpx.post(f"{stack.urls[0]}/api/sessions", json={"difficulty": "easy", "language": "python"}).json()
    client = InterviewClient(stack.urls[0], created["session_id"], created["token"])
    with connect(client.ws_url, max_size=2**24) as socket:
        socket.send(client.authenticate_frame())
        assert json.loads(socket.recv(timeout=10))["type"] == "session_ready"

        @FUZZ
        @given(frame=frames)
        def send_anything(frame):
            socket.send(frame)

        send_anything()
        time.sleep(1.5)  # let the heartbeat budget refill: fuzzed heartbeats may have spent it
        socket.send(json.dumps({"type": "heartbeat"}))
        while True:  # the socket survived every frame and still answers, in time
            event = json.loads(socket.recv(timeout=30))
            assert event["type"] != "error" or event["payload"]["code"] in {
                "bad_json", "unknown_event_type", "invalid_event", "rate_limited", "bus_unavailable",
                "duplicate_message_id", "frame_too_large", "unsupported_frame"}
            if event["type"] == "heartbeat_ack":
                break


async def test_no_token_reaches_any_services_log_after_a_scripted_interview(stack):
    """A whole interview through the public API, at INFO; also a legacy client that still puts its token
    in URLs (refused). Then every process's log output is searched for the tokens."""
    client = await InterviewClient.create(stack.urls[0])
    await client.connect()
    tokens = [client.token]
    try:
        await client.send("start_interview")
        await client.wait_for(lambda e: e["type"] == "problem_presented", timeout=60)
        await client.wait_turn_complete(after=0, timeout=60)
        mark = len(client.events)
        await client.send("send_message", {"text": "Can the input be empty?"})
        await client.wait_turn_complete(after=mark, timeout=60)
        mark = len(client.events)
        await client.send("run_code", {"code": "def f():\n    return 1\n", "language": "python", "mode": "run"})
        await client.wait_for(lambda e: e["type"] == "code_result", after=mark, timeout=60)
        async with httpx.AsyncClient(base_url=stack.urls[0], timeout=30) as http:
            bearer = {"Authorization": f"Bearer {client.token}"}
            assert (await http.get(f"/api/sessions/{client.session_id}", headers=bearer)).status_code == 200
            assert (await http.get("/api/sessions", headers=bearer)).status_code == 200
            await http.get(f"/api/sessions/{client.session_id}/report", headers=bearer)
            legacy = (await http.post("/api/sessions", json={"difficulty": "easy", "language": "python"})).json()
            tokens.append(legacy["token"])
            refused = await http.get(f"/api/sessions/{legacy['session_id']}", params={"token": legacy["token"]})
            assert refused.status_code == 401  # the URL is no place for a token, and it is not read there
        legacy_socket_url = f"{stack.urls[0].replace('http://', 'ws://')}/ws/{legacy['session_id']}?token={legacy['token']}"
        with connect(legacy_socket_url) as socket:
            socket.send(json.dumps({"type": "heartbeat"}))
            assert json.loads(socket.recv(timeout=10))["payload"]["code"] == "authentication_required"
    finally:
        await client.close()
    time.sleep(1)  # let the processes' last lines reach the captured output
    logs = {name: "\n".join(lines) for name, lines in stack.group.logs.items()}
    assert any("GET /api/sessions/" in text for text in logs.values()), "the access log is not on: nothing to check"
    for name, text in logs.items():
        for token in tokens:
            assert token not in text, f"{name} logged a session token"
