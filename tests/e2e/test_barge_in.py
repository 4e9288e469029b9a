"""Barge-in makes the interviewer yield the turn: against a paced stand-in model (OpenAI-compatible, a
token every 50 ms), a `barge_in` mid-reply closes the model's stream, no delta follows the cut, the reply
is kept as far as it was said and marked interrupted, and the next turn runs. Audio without a barge-in
(a backchannel, which the browser never turns into one) lets the reply run to its end."""

import asyncio
import base64

import pytest

from gateway.client import InterviewClient
from interviewer_eval.fake_openai import FakeChatServer, scripted_interviewer, text_reply

from .conftest import stack_env, start_stack

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

LONG_REPLY = " ".join(f"Point number {n} of my explanation is worth hearing in full." for n in range(1, 11))
ASK_FOR_LONG = "walk me through it"


def responder(request: dict) -> list:
    said = (request["messages"][-1].get("content") or "").lower()
    return text_reply(LONG_REPLY) if ASK_FOR_LONG in said else scripted_interviewer(request)


@pytest.fixture(scope="module")
async def model():
    server = await FakeChatServer(responder, first_token_ms=350, tokens_per_s=20).start()
    yield server
    await server.stop()


@pytest.fixture(scope="module")
async def stack(model, rabbitmq_url, tmp_path_factory):
    database = tmp_path_factory.mktemp("barge") / "mockmind.db"
    env = stack_env(rabbitmq_url, f"sqlite+aiosqlite:///{database}") | {
        "LOG_LEVEL": "INFO", "LLM_PROVIDER": "openai", "OPENAI_BASE_URL": model.url, "OPENAI_MODEL": "paced"}
    # Only what a turn needs: no voice is synthesised or recognised here (the cut is the gateway's and the
    # interviewer's), so no model loads for it.
    stack = await start_stack(env, replicas={"tts": 0, "stt": 0, "feedback-agent": 0, "sandbox-worker": 0})
    yield stack
    await stack.stop()


async def started(stack) -> InterviewClient:
    client = await InterviewClient.create(stack.urls[0])
    await client.connect()
    await client.send("start_interview")
    await client.wait_for(lambda e: e["type"] == "problem_presented", timeout=90)
    await client.wait_turn_complete(after=0, timeout=90)
    return client


def of_turn(client: InterviewClient, turn_id: str, kind: str, after: int = 0) -> list[dict]:
    return [e for e in client.events[after:] if e["type"] == "interviewer_msg"
            and e["payload"]["turn_id"] == turn_id and e["payload"]["kind"] == kind]


async def ask_for_the_long_reply(client: InterviewClient) -> tuple[int, str, int]:
    """Ask, and wait for the first sentence: the model is still writing the rest (about 6 s of tokens)."""
    mark = len(client.events)
    await client.send("send_message", {"text": f"Could you {ASK_FOR_LONG}, step by step?"})
    first = await client.wait_for(lambda e: e["type"] == "interviewer_msg" and e["payload"]["kind"] == "delta",
                                  after=mark, timeout=90)
    return mark, first["payload"]["turn_id"], len(client.events)


async def test_barge_in_mid_reply_closes_the_models_stream_and_the_turn_yields(stack, model):
    client = await started(stack)
    try:
        mark, turn_id, _ = await ask_for_the_long_reply(client)
        streams_before = len(model.cut_after)
        await client.send("barge_in")
        complete = await client.wait_for(lambda e: e["type"] == "interviewer_msg" and e["payload"]["kind"] ==
                                         "complete" and e["payload"]["turn_id"] == turn_id, after=mark, timeout=60)
        done = await client.wait_turn_complete(after=mark, timeout=60)
        assert done["payload"]["turn_id"] == turn_id
        await asyncio.sleep(2)  # what the model would still have written, had it gone on

        # The model's stream was closed mid-reply.
        cut_after = model.cut_after[streams_before - 1]
        assert cut_after is not None, "the model's stream ran to its end"
        assert cut_after < len(LONG_REPLY.split())
        # No delta after the cut: the reply ends with the `complete` frame, which holds what was said.
        deltas = of_turn(client, turn_id, "delta", mark)
        assert client.events.index(complete) > client.events.index(deltas[-1])
        said = "".join(d["payload"]["text"] for d in deltas).strip()
        assert complete["payload"]["interrupted"] is True
        assert complete["payload"]["text"] == said
        assert said and LONG_REPLY.startswith(said) and len(said) < len(LONG_REPLY)
        # The record keeps it, marked: the replay and a reload show the reply as far as it went.
        logged = [e for e in (await client.timeline())["events"] if e["type"] == "interviewer_msg"
                  and e["payload"]["turn_id"] == turn_id and e["payload"]["kind"] == "complete"]
        assert [e["payload"]["interrupted"] for e in logged] == [True]

        # The turn is done for the turn gate: the candidate's next turn runs.
        mark = len(client.events)
        await client.send("send_message", {"text": "Sorry, what about duplicates?"})
        reply = await client.wait_turn_complete(after=mark, timeout=60)
        assert reply["payload"]["turn_id"] != turn_id
        assert of_turn(client, reply["payload"]["turn_id"], "complete", mark)
    finally:
        await client.close()


async def test_audio_without_a_barge_in_does_not_cut_the_reply(stack, model):
    """A backchannel ("mm-hm") is microphone audio the browser does not turn into a barge-in."""
    client = await started(stack)
    try:
        mark, turn_id, _ = await ask_for_the_long_reply(client)
        streams_before = len(model.cut_after)
        hum = base64.b64encode(bytes(6400)).decode()
        for seq in range(3):
            await client.send("audio_chunk", {"utterance_id": "mm-hm", "seq": seq, "pcm16": hum})
        await client.send("audio_end", {"utterance_id": "mm-hm"})
        complete = await client.wait_for(lambda e: e["type"] == "interviewer_msg" and e["payload"]["kind"] ==
                                         "complete" and e["payload"]["turn_id"] == turn_id, after=mark, timeout=60)
        assert complete["payload"]["interrupted"] is False
        assert complete["payload"]["text"] == LONG_REPLY
        assert model.cut_after[streams_before - 1] is None
    finally:
        await client.close()
