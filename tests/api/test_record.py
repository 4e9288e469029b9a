"""What the gateway keeps by itself in the session's record (no worker running): the candidate's words
as they arrive, the editor's snapshots as line edits without a turn, the code of a run; the timeline and
the audio routes."""

import asyncio
import json

import aio_pika
import httpx

from contracts.topology import COMMANDS, RoutingKey
from persistence.store import InterviewStore

from .conftest import new_session, open_socket, receive


async def turns_queue(rabbitmq_url: str, session_id: str):
    """A queue of its own catching this session's interviewer turns, as the interviewer's queue would."""
    connection = await aio_pika.connect(rabbitmq_url)
    channel = await connection.channel()
    exchange = await channel.declare_exchange(COMMANDS.name, aio_pika.ExchangeType.TOPIC, durable=True)
    queue = await channel.declare_queue(exclusive=True)
    await queue.bind(exchange, routing_key=RoutingKey.TURN_REQUESTED)
    return connection, queue


async def turns_of(queue, session_id: str) -> list[str]:
    kinds = []
    while (message := await queue.get(no_ack=True, fail=False)) is not None:
        body = json.loads(message.body)
        if body["session_id"] == session_id:
            kinds.append(body["action"]["kind"])
    return kinds


async def test_words_and_code_are_recorded_and_a_snapshot_is_no_turn(gateway, rabbitmq_url):
    session_id, token = await new_session(gateway)
    connection, queue = await turns_queue(rabbitmq_url, session_id)
    async with connection, await open_socket(gateway, session_id, token) as socket:
        assert (await receive(socket))["type"] == "session_ready"
        await socket.send(json.dumps({"type": "send_message", "payload": {"text": "Can it be empty?"}}))
        said = await receive(socket)
        assert (said["type"], said["seq"], said["payload"]["text"], said["payload"]["spoken"]) == \
            ("candidate_message", 1, "Can it be empty?", False)
        for code in ("def f(a):\n", "def f(a):\n    return a\n"):
            await socket.send(json.dumps({"type": "code_snapshot", "payload": {"code": code, "language": "python"}}))
        await socket.send(json.dumps({"type": "run_code", "payload": {"code": "def f(a):\n    return a or []\n",
                                                                      "language": "python"}}))
        await socket.send(json.dumps({"type": "send_voice", "payload": {"transcript": "running it now"}}))
        received = [await receive(socket) for _ in range(4)]  # every logged event, numbers without gaps
        assert [(e["seq"], e["type"]) for e in received] == [
            (2, "code_snapshot"), (3, "code_snapshot"), (4, "code_snapshot"), (5, "candidate_message")]
        assert received[1]["payload"] == {"language": "python", "edits": [[1, 1, "    return a\n"]]}
        assert received[3]["payload"]["spoken"] is True

        await asyncio.sleep(0.3)
        assert await turns_of(queue, session_id) == ["message", "run_code", "message"]

    async with httpx.AsyncClient(base_url=gateway.url) as http:
        response = await http.get(f"/api/sessions/{session_id}/timeline", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 200, response.text
        body = response.json()
        forbidden = await http.get(f"/api/sessions/{session_id}/timeline")
        assert forbidden.status_code == 401
    assert body["session"]["session_id"] == session_id
    assert [(e["seq"], e["type"]) for e in body["events"]] == [
        (1, "candidate_message"), (2, "code_snapshot"), (3, "code_snapshot"), (4, "code_snapshot"),
        (5, "candidate_message")]
    assert [e["payload"]["code"] for e in body["events"][1:4]] == [
        "def f(a):\n", "def f(a):\n    return a\n", "def f(a):\n    return a or []\n"]
    assert all(e["at"] for e in body["events"])


async def test_audio_is_served_by_its_key_and_cacheable(gateway):
    store = await InterviewStore.open(gateway.settings.database_url)
    try:
        key = await store.audio.keep(b"ID3 not really an mp3", "mp3")
    finally:
        await store.close()
    async with httpx.AsyncClient(base_url=gateway.url) as http:
        found = await http.get(f"/api/audio/{key}")
        missing = await http.get("/api/audio/" + "0" * 32)
    assert found.status_code == 200
    assert (found.content, found.headers["content-type"]) == (b"ID3 not really an mp3", "audio/mpeg")
    assert "immutable" in found.headers["cache-control"]
    assert missing.status_code == 404
