"""One stack, real processes, real RabbitMQ: an interview as the browser drives it, and bad input."""

import asyncio
import json

import httpx
import pytest
import websockets

from contracts.sandbox import Language
from gateway.client import InterviewClient
from interviewer_agent.hints import phrase_hint
from question_bank.bank import default_bank

pytestmark = pytest.mark.e2e


async def started_interview(base_url: str) -> tuple[InterviewClient, dict]:
    client = await InterviewClient.create(base_url, difficulty="easy", language="python")
    await client.connect()
    await client.send("start_interview")
    await client.wait_turn_complete(after=0)
    problem = await client.wait_for(lambda e: e["type"] == "problem_presented")
    return client, problem["payload"]


async def test_a_whole_interview_reaches_the_right_events_in_order(stack):
    client, problem = await started_interview(stack.urls[0])
    bank = default_bank()
    question = bank.question(problem["question_id"])
    try:
        mark = len(client.events)
        await client.send("send_message", {"text": "I'm stuck, can I get a hint?"})
        await client.wait_turn_complete(after=mark)
        reply = await client.wait_for(lambda e: e["type"] == "interviewer_msg" and e["payload"]["kind"] == "complete", after=mark)
        # The level-1 hint, phrased for the conversation, and announced for the screen's hint counter.
        assert reply["payload"]["text"] == phrase_hint(question.hints[0], 1, question.id)
        given = next(e for e in client.events[mark:] if e["type"] == "hint_given")["payload"]
        assert given == {"level": 1, "hints_used": 1, "max_level": 3}

        # The hint button gives the next level exactly as words would.
        mark = len(client.events)
        await client.send("request_hint")
        await client.wait_turn_complete(after=mark)
        given = next(e for e in client.events[mark:] if e["type"] == "hint_given")["payload"]
        assert given == {"level": 2, "hints_used": 2, "max_level": 3}

        mark = len(client.events)
        await client.send("run_code", {"code": bank.reference_source(question.id, Language.PYTHON),
                                       "language": "python", "mode": "submit"})
        await client.wait_turn_complete(after=mark, timeout=90)
        result = next(e for e in client.events[mark:] if e["type"] == "code_result")["payload"]["result"]
        assert result["verdict"] == "accepted"
        assert result["total"] == len(bank.all_tests(question.id))

        mark = len(client.events)
        await client.send("request_feedback")
        feedback = await client.wait_for(lambda e: e["type"] == "feedback_result", after=mark, timeout=90)
        assert {s["dimension"] for s in feedback["payload"]["feedback"]["scores"]} == {
            "problem_solving", "coding", "verification", "communication"}
    finally:
        await client.close()

    types = [e["type"] for e in client.events]
    assert types[0] == "session_ready"
    assert types.index("problem_presented") < types.index("code_result") < types.index("feedback_result")
    seqs = [e["seq"] for e in client.events if e["seq"] is not None]
    assert seqs == list(range(1, len(seqs) + 1))
    phases = [e["payload"]["to_phase"] for e in client.events if e["type"] == "agent_phase_change"]
    assert phases == ["greeting", "clarifying", "nudging", "reviewing", "wrapping_up"]
    assert any(e["type"] == "voice_audio" for e in client.events)


async def test_hidden_tests_never_reach_the_browser(stack):
    client, problem = await started_interview(stack.urls[0])
    bank = default_bank()
    question = bank.question(problem["question_id"])
    wrong = f"def {question.signature.name}(*args):\n    return None\n"
    try:
        mark = len(client.events)
        await client.send("run_code", {"code": wrong, "language": "python", "mode": "submit"})
        await client.wait_turn_complete(after=mark, timeout=90)
    finally:
        await client.close()
    wire = json.dumps(client.events)
    hidden = [t for t in bank.all_tests(question.id) if t.hidden]
    assert hidden, "the problem has hidden tests"
    leaked = [t.id for t in hidden if json.dumps(t.input) in wire or json.dumps(t.expected) in wire
              and len(json.dumps(t.expected)) > 8]
    assert leaked == []
    submitted = next(e for e in client.events[mark:] if e["type"] == "code_result")["payload"]["result"]
    assert all(t["actual"] is None for t in submitted["tests"] if t["hidden"])


async def test_bad_frames_get_clear_errors_and_the_socket_survives(stack):
    client = await InterviewClient.create(stack.urls[0])
    await client.connect()
    try:
        await client._socket.send("{not json")
        await client.send("launch_rockets")
        await client.send("send_message", {"text": ""})
        await client.send("run_code", {"code": "x" * (70 * 1024), "language": "python"})
        await client.send("heartbeat")
        await client.wait_for(lambda e: e["type"] == "heartbeat_ack")
        errors = [e["payload"]["code"] for e in client.events if e["type"] == "error"]
        assert errors == ["bad_json", "unknown_event_type", "invalid_event", "invalid_event"]
        assert all(e["seq"] is None for e in client.events if e["type"] in ("error", "heartbeat_ack"))
    finally:
        await client.close()


async def test_wrong_tokens_and_unknown_sessions_are_refused(stack):
    base = stack.urls[0]
    mine = await InterviewClient.create(base)
    theirs = await InterviewClient.create(base)
    async with httpx.AsyncClient(base_url=base) as http:
        ok = await http.get(f"/api/sessions/{mine.session_id}", headers={"Authorization": f"Bearer {mine.token}"})
        assert ok.status_code == 200 and ok.json()["session_id"] == mine.session_id
        assert (await http.get(f"/api/sessions/{mine.session_id}")).status_code == 401
        other = await http.get(f"/api/sessions/{mine.session_id}", headers={"Authorization": f"Bearer {theirs.token}"})
        assert other.status_code == 403
        unknown = await http.get("/api/sessions/nope", headers={"Authorization": f"Bearer {mine.token}"})
        assert unknown.status_code == 403  # a token only ever opens its own session
        bad = await http.post("/api/sessions", json={"difficulty": "impossible", "language": "python"})
        assert bad.status_code == 422 and bad.json()["error"] == "invalid_request"

    for first_frame, close_code in [
        (theirs.authenticate_frame(), 4403),
        (json.dumps({"type": "heartbeat"}), 4401),
    ]:
        async with websockets.connect(mine.ws_url) as socket:
            await socket.send(first_frame)
            error = json.loads(await socket.recv())
            assert error["type"] == "error"
            with pytest.raises(websockets.ConnectionClosed) as closed:
                await socket.recv()
            assert closed.value.rcvd.code == close_code


async def test_unknown_session_with_a_valid_token_shape_is_refused(stack):
    from gateway.tokens import SessionTokens

    from .conftest import TEST_SECRET

    ghost = InterviewClient(stack.urls[0], "ghost", SessionTokens(TEST_SECRET, 60).issue("ghost"))
    async with websockets.connect(ghost.ws_url) as socket:
        await socket.send(ghost.authenticate_frame())
        error = json.loads(await socket.recv())
        assert error["payload"]["code"] == "unknown_session"
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await socket.recv()
        assert closed.value.rcvd.code == 4404


async def test_a_reconnecting_browser_gets_what_it_missed_in_order(stack):
    client = await InterviewClient.create(stack.urls[0])
    await client.connect()
    await client.wait_for(lambda e: e["type"] == "session_ready")
    await client.send("start_interview")
    await client.close()  # gone before the interviewer answers

    await asyncio.sleep(3)
    resumed = InterviewClient(client.base_url, client.session_id, client.token)
    await resumed.connect()
    try:
        await resumed.wait_turn_complete(after=0)
        first_seqs = [e["seq"] for e in resumed.events if e["seq"]]
        assert first_seqs == list(range(1, len(first_seqs) + 1))
        keep = first_seqs[len(first_seqs) // 2]
    finally:
        await resumed.close()

    partial = InterviewClient(client.base_url, client.session_id, client.token)
    partial.last_seq = keep
    await partial.connect()
    try:
        await partial.wait_for(lambda e: e["seq"] == first_seqs[-1])
        ready = partial.events[0]
        assert ready["type"] == "session_ready" and ready["payload"]["resumed_after_seq"] == keep
        replayed = [e["seq"] for e in partial.events if e["seq"]]
        # Exactly what came after `keep`, in order; trailing voice events may follow.
        assert replayed == list(range(keep + 1, keep + 1 + len(replayed)))
        assert replayed[-1] >= first_seqs[-1]
    finally:
        await partial.close()


async def test_health_names_every_dependency_and_worker(stack):
    async with httpx.AsyncClient() as http:
        response = await http.get(f"{stack.urls[0]}/api/health")
    body = response.json()
    assert response.status_code == 200
    assert body["rabbitmq"] == "ok" and body["database"] == "ok"
    assert {k: v["alive"] for k, v in body["workers"].items()} == {
        "interviewer-agent": 1, "feedback-agent": 1, "tts": 1, "stt": 1, "sandbox-worker": 1}
