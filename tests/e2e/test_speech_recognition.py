"""The candidate speaks over the interview's socket, as a browser's microphone does (real-time chunks of
Piper speech), to real stt replicas sharing utterances through Redis: partial then final transcripts,
several utterances in a row, each a turn; backchannels are not turns; bad audio frames get an `error`;
an stt replica killed mid-utterance loses no transcript; barge-in stops the reply's audio."""

import asyncio
import re

import pytest

from gateway.client import InterviewClient
from tts.piper import microphone_pcm

from .conftest import stack_env, start_stack
from .interviews import greeted_interview

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

REDIS_URL = "redis://localhost:6379/0"


@pytest.fixture(scope="module")
async def stack(rabbitmq_url, tmp_path_factory):
    database = tmp_path_factory.mktemp("stt") / "mockmind.db"
    env = stack_env(rabbitmq_url, f"sqlite+aiosqlite:///{database}") | {"LOG_LEVEL": "INFO", "REDIS_URL": REDIS_URL}
    stack = await start_stack(env, replicas={"stt": 2})
    yield stack
    await stack.stop()


def words(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9' ]", " ", text.lower()).split()


def final_of(client: InterviewClient, utterance_id: str) -> dict | None:
    return next((e for e in client.events if e["type"] == "transcript_final"
                 and e["payload"]["utterance_id"] == utterance_id), None)


async def say(client: InterviewClient, text: str | bytes, utterance_id: str, **options) -> dict:
    """Speak `text` (or its audio) and keep the microphone on until its final transcript arrives."""
    speech = microphone_pcm(text) if isinstance(text, str) else text
    await client.stream_speech(speech, utterance_id=utterance_id,
                               until=lambda: final_of(client, utterance_id) is not None, **options)
    return await client.wait_for(lambda e: e["type"] == "transcript_final"
                                 and e["payload"]["utterance_id"] == utterance_id, timeout=60)


async def test_three_utterances_in_a_row_each_become_a_turn_with_partials_and_timed_words(stack):
    said = ["Can I assume the input array is never empty?",
            "I think a hash map from each value to its index would give us linear time overall.",
            "What should the function return when there is no valid answer?"]
    async with greeted_interview(stack.urls[0], timeout=90) as client:
        for number, text in enumerate(said):
            mark = len(client.events)
            final = (await say(client, text, f"utt-{number}"))["payload"]
            heard = words(final["text"])
            expected = words(text)
            assert len(set(heard) & set(expected)) >= 0.8 * len(set(expected)), (text, final["text"])
            assert final["words"] and final["duration_ms"] > 1000 and not final["backchannel"]
            assert all(w["start_ms"] <= w["end_ms"] <= final["duration_ms"] + 300 for w in final["words"])
            # the final transcript becomes the candidate's turn, which the interviewer answers
            await client.wait_turn_complete(after=mark, timeout=90)
        # Partials while speaking (on a loaded machine only while recognition keeps up: at least the first)
        partials = [e for e in client.events if e["type"] == "transcript_partial"]
        assert partials and all(p["seq"] is None for p in partials)  # never logged
        for partial in partials:
            final = final_of(client, partial["payload"]["utterance_id"])
            assert client.events.index(partial) < client.events.index(final)


async def test_a_backchannel_is_shown_but_is_not_a_turn(stack):
    async with greeted_interview(stack.urls[0], timeout=90) as client:
        mark = len(client.events)
        final = (await say(client, "Okay.", "nod"))["payload"]
        assert final["backchannel"], final
        await asyncio.sleep(3)
        assert not any(e["type"] == "agent_thinking" for e in client.events[mark:])


@pytest.mark.parametrize("payload, complaint", [
    ({"utterance_id": "u", "seq": 0, "pcm16": "%%%not base64"}, "base64"),
    ({"utterance_id": "u", "seq": 0, "pcm16": "AAAB"}, "odd number of bytes"),
    ({"utterance_id": "u", "seq": 0, "pcm16": "A" * 21_400}, "at most"),
    ({"utterance_id": "u", "seq": 0, "pcm16": ""}, "no audio"),
    ({"utterance_id": "no spaces allowed", "seq": 0, "pcm16": "AAAA"}, "utterance_id"),
    ({"utterance_id": "u", "seq": -1, "pcm16": "AAAA"}, "seq"),
])
async def test_bad_audio_frames_get_a_clear_error_and_the_socket_stays_open(stack, payload, complaint):
    client = await InterviewClient.create(stack.urls[0])
    await client.connect()
    try:
        mark = len(client.events)
        sent = await client.send("audio_chunk", payload)
        error = await client.wait_for(lambda e: e["type"] == "error", after=mark, timeout=10)
        assert error["payload"]["code"] == "invalid_event" and error["payload"]["ref_message_id"] == sent
        assert complaint in error["payload"]["message"], error["payload"]["message"]
        await client.send("heartbeat")
        await client.wait_for(lambda e: e["type"] == "heartbeat_ack", after=mark, timeout=10)
    finally:
        await client.close()


async def test_an_stt_replica_killed_mid_utterance_loses_no_transcript(stack):
    text = ("First I would sort the array, then walk two pointers inwards from both ends until they meet, "
            "which takes n log n time for the sort.")
    async with greeted_interview(stack.urls[0], timeout=90) as client:
        speaking = asyncio.create_task(say(client, microphone_pcm(text), "long-one"))
        await asyncio.sleep(2.5)  # mid-sentence
        victims = [name for name, lines in stack.group.logs.items()
                   if name.startswith("stt") and any("hearing utterance long-one" in line for line in lines)]
        assert victims, f"no stt replica took the utterance: {stack.group.logs.get('stt-1', [])[-5:]}"
        stack.group.kill(victims[0])
        final = (await asyncio.wait_for(speaking, 120))["payload"]
        heard, expected = set(words(final["text"])), set(words(text))
        assert len(heard & expected) >= 0.8 * len(expected), final["text"]
        assert sum(1 for e in client.events if e["type"] == "transcript_final"
                   and e["payload"]["utterance_id"] == "long-one") == 1


async def test_barge_in_stops_the_rest_of_the_replys_audio(stack):
    async with greeted_interview(stack.urls[0], timeout=90) as client:
        mark = len(client.events)
        await client.send("send_message", {"text": "Can you explain the problem again, with an example?"})
        reply = await client.wait_for(lambda e: e["type"] == "interviewer_msg", after=mark, timeout=90)
        turn_id = reply["payload"]["turn_id"]
        await client.wait_for(lambda e: e["type"] == "voice_audio" and e["payload"]["turn_id"] == turn_id,
                              after=mark, timeout=90)
        await client.send("barge_in")
        # Audio already on its way when the gateway read `barge_in` may still arrive; frames are read in
        # order, so what the socket sends after this heartbeat's ack was sent after the cut.
        sent_before = len(client.events)
        await client.send("heartbeat")
        ack = await client.wait_for(lambda e: e["type"] == "heartbeat_ack", after=sent_before, timeout=30)
        cut = client.events.index(ack) + 1
        await client.wait_turn_complete(after=mark, timeout=90)
        await asyncio.sleep(4)  # time for the rest of the reply to be synthesised
        spoken = [e for e in client.events[mark:] if e["type"] == "interviewer_msg"
                  and e["payload"]["turn_id"] == turn_id and e["payload"]["kind"] == "delta"]
        later = [e for e in client.events[cut:] if e["type"] == "voice_audio" and e["payload"]["turn_id"] == turn_id]
        assert len(spoken) >= 2, "the reply should have had more to say"
        assert later == []
        # and the tts replicas were told: what was left of the reply was not synthesised
        skipped = [line for name, lines in stack.group.logs.items() if name.startswith("tts") for line in lines
                   if f"turn {turn_id}: the candidate talked over it" in line]
        voiced = [line for name, lines in stack.group.logs.items() if name.startswith("tts") for line in lines
                  if "speaking sentence" in line and turn_id in line]
        assert skipped or len(voiced) == len(spoken), (len(voiced), len(spoken))
