"""Voice over real RabbitMQ: each sentence is spoken as soon as it is complete, in order; muted
sessions get no synthesis; spoken input is a turn like typed input, recorded as spoken."""

import asyncio
import base64
import json

import httpx
import pytest

from gateway.client import InterviewClient
from persistence.store import InterviewStore
from question_bank.bank import default_bank

from .conftest import stack_env, start_stack

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
async def stack(rabbitmq_url, tmp_path_factory):
    """espeak-ng speaks here: these tests are about when and whether sentences are voiced relative to the
    turn, which a ~35 ms engine shows whatever the load; Piper's ~0.5 s a sentence (seconds on a loaded box)
    would outlast the offline interviewer's whole turn. Piper is exercised in test_speech_recognition.py."""
    database = tmp_path_factory.mktemp("voice") / "mockmind.db"
    env = stack_env(rabbitmq_url, f"sqlite+aiosqlite:///{database}") | {"LOG_LEVEL": "INFO", "TTS_ENGINE": "espeak"}
    stack = await start_stack(env)
    stack.database_url = f"sqlite+aiosqlite:///{database}"
    yield stack
    await stack.stop()


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
                     if e["type"] == "interviewer_msg" and e["payload"]["kind"] == "delta"
                     and e["payload"]["ends_sentence"]]  # a sentence's first words may go out before it ends
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


async def test_a_reload_with_only_the_token_gets_the_whole_record_without_audio(stack):
    """Another browser (or a cleared one) holding just the token: the same transcript, the candidate's
    words included, the same code and results, and the voice by URL only, never as audio to replay."""
    client, question_id = await started(stack)
    name = default_bank().question(question_id).signature.name
    code = f"def {name}(*args):\n    return None\n"
    try:
        mark = len(client.events)
        await client.send("send_message", {"text": "Can the input be empty?"})
        await client.wait_turn_complete(after=mark, timeout=60)
        await client.send("code_snapshot", {"code": f"def {name}(*args):\n", "language": "python"})
        mark = len(client.events)
        await client.send("run_code", {"code": code, "language": "python"})
        await client.wait_turn_complete(after=mark, timeout=120)
        await client.wait_for(lambda e: e["type"] == "voice_audio", timeout=60)
    finally:
        await client.close()
    # Live, a sentence carries its audio inline and plays at once. One that reached the gateway after a
    # later event was already read from the log to fill the gap, so it came by URL only (the page fetches it).
    voiced_live = [e for e in client.events if e["type"] == "voice_audio"]
    assert all(e["payload"]["url"] for e in voiced_live)
    inline = [e for e in voiced_live if e["payload"].get("audio_b64")]
    assert inline, "no sentence arrived with its audio inline"
    live_audio = inline[0]

    reloaded = InterviewClient(stack.urls[0], client.session_id, client.token)
    await reloaded.connect()
    try:
        record = await reloaded.timeline()
        await reloaded.wait_for(lambda e: e.get("seq") == client.last_seq, timeout=30)  # the socket's replay
    finally:
        await reloaded.close()
    # Up to where the first browser left, the socket replays the log (sentences still being spoken may
    # arrive live after that, audio included, as they would in the room).
    replayed_audio = [e for e in reloaded.events if e["type"] == "voice_audio" and e["seq"] <= client.last_seq]
    assert replayed_audio and not any(e["payload"].get("audio_b64") for e in replayed_audio)

    events = record["events"]
    said = [e["payload"]["text"] for e in events if e["type"] == "candidate_message"]
    assert said == ["Can the input be empty?"]
    live_replies = [e["payload"]["text"] for e in client.events
                    if e["type"] == "interviewer_msg" and e["payload"]["kind"] == "complete"]
    assert [e["payload"]["text"] for e in events if e["type"] == "interviewer_msg"] == live_replies
    assert [e["payload"]["code"] for e in events if e["type"] == "code_snapshot"] == [f"def {name}(*args):\n", code]
    live_results = [e["payload"] for e in client.events if e["type"] == "code_result"]
    assert [e["payload"] for e in events if e["type"] == "code_result"] == live_results
    assert [e["seq"] for e in events] == sorted(e["seq"] for e in events)
    assert "audio_b64" not in json.dumps(record)
    voiced = [e for e in events if e["type"] == "voice_audio"]
    assert voiced and all(e["payload"]["url"].startswith("/api/audio/") for e in voiced)
    async with httpx.AsyncClient(base_url=stack.urls[0]) as http:
        clip = await http.get(live_audio["payload"]["url"])
    assert clip.status_code == 200 and clip.content == base64.b64decode(live_audio["payload"]["audio_b64"])
