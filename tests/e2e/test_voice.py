"""Voice over real RabbitMQ: each sentence is spoken as soon as it is complete, in order; muted
sessions get no synthesis; spoken input is a turn like typed input, recorded as spoken."""

import asyncio

import pytest

from gateway.client import InterviewClient
from persistence.store import InterviewStore
from question_bank.bank import default_bank

pytestmark = pytest.mark.e2e


async def started(stack) -> tuple[InterviewClient, str]:
    client = await InterviewClient.create(stack.urls[0])
    await client.connect()
    await client.send("start_interview")
    problem = await client.wait_for(lambda e: e["type"] == "problem_presented", timeout=60)
    await client.wait_turn_complete(after=0, timeout=60)
    return client, problem["payload"]["question_id"]


def turn_events(client: InterviewClient, turn_id: str) -> list[dict]:
    return [e for e in client.events if e["payload"].get("turn_id") == turn_id]


async def test_each_sentence_is_voiced_in_order_and_the_first_before_the_turn_ends(stack):
    client, question_id = await started(stack)
    name = default_bank().question(question_id).signature.name
    slow = f"import time\ndef {name}(*args):\n    time.sleep(0.05)\n    return None\n"
    try:
        mark = len(client.events)
        await client.send("run_code", {"code": slow, "language": "python", "mode": "submit"})
        done = await client.wait_turn_complete(after=mark, timeout=120)
        turn_id = done["payload"]["turn_id"]
        sentences = [e for e in turn_events(client, turn_id)
                     if e["type"] == "interviewer_msg" and e["payload"]["kind"] == "delta"]
        assert len(sentences) >= 3
        for _ in range(60):
            voiced = [e for e in turn_events(client, turn_id) if e["type"] == "voice_audio"]
            if len(voiced) == len(sentences):
                break
            await asyncio.sleep(0.5)
        # One chunk per sentence, each with its index. Sentences are synthesized concurrently, so they may
        # arrive out of order; the browser's VoiceQueue plays them by index (web/tests/voice-queue.test.ts).
        by_index = sorted(voiced, key=lambda v: v["payload"]["index"])
        assert [v["payload"]["index"] for v in by_index] == list(range(len(sentences)))
        assert all(v["payload"]["text"] for v in by_index)  # what was spoken travels with the audio
        # The first sentence was spoken while the interviewer was still working on the turn: its audio
        # was logged before the turn's last event.
        first = by_index[0]
        assert first["seq"] < done["seq"]
        code_result = next(e for e in client.events[mark:] if e["type"] == "code_result")
        assert first["seq"] < code_result["seq"]
    finally:
        await client.close()


async def test_a_muted_session_gets_no_speech(stack):
    control, _ = await started(stack)  # an unmuted session, so we know tts logs what it speaks
    await control.close()
    client = await InterviewClient.create(stack.urls[0])
    await client.connect()
    try:
        await client.send("set_voice", {"muted": True})
        await client.send("heartbeat")
        await client.wait_for(lambda e: e["type"] == "heartbeat_ack")
        await client.send("start_interview")
        await client.wait_turn_complete(after=0, timeout=60)
        await asyncio.sleep(2)
        assert any(e["type"] == "interviewer_msg" for e in client.events)
        assert not any(e["type"] == "voice_audio" for e in client.events)
        turn_ids = {e["payload"]["turn_id"] for e in client.events if e["type"] == "interviewer_msg"}
        tts_logs = [line for name, lines in stack.group.logs.items() if name.startswith("tts") for line in lines]
        control_turn = next(e["payload"]["turn_id"] for e in control.events if e["type"] == "interviewer_msg")
        assert any(f"of turn {control_turn}" in line for line in tts_logs)  # tts logs what it speaks...
        assert not any(f"of turn {turn_id}" in line for turn_id in turn_ids for line in tts_logs)  # ...not this
    finally:
        await client.close()


async def test_spoken_input_is_a_turn_and_is_recorded_as_spoken(stack):
    client, _ = await started(stack)
    try:
        mark = len(client.events)
        await client.send("send_voice", {"transcript": "Can the input be empty?", "confidence": 0.82,
                                         "language": "en-US"})
        await client.wait_turn_complete(after=mark, timeout=60)
        assert any(e["type"] == "interviewer_msg" for e in client.events[mark:])
    finally:
        await client.close()
    store = await InterviewStore.open(stack.database_url, run_migrations=False)
    try:
        spoken = [m for m in await store.transcript(client.session_id) if m.role == "candidate"]
    finally:
        await store.close()
    assert [(m.content, m.extra.get("spoken")) for m in spoken] == [("Can the input be empty?", True)]
