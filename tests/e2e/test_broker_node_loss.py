"""A broker node dies mid-turn (`kill -9`), later a worker replica too: every interview carries on, every
turn completes exactly once, and each browser gets every event once, in order.

The stack runs two replicas of each worker against its own three-node RabbitMQ cluster
(`rabbit_cluster`); every process lists the three nodes in `RABBITMQ_URL` and starts on the first, so
killing that node moves every connection and every quorum queue's leader."""

import asyncio

import httpx
import pytest

from gateway.client import InterviewClient
from runtime.local_stack import WORKER_MODULES

from .conftest import stack_env, start_stack
from .interviews import settled_last_seq
from .rabbit_cluster import RabbitCluster

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.cluster, pytest.mark.timeout(900)]

# Speech recognition is left out here: its replicas share utterances through Redis, which this test does
# not run; tests/e2e/test_speech_recognition.py kills an stt replica mid-utterance instead.
REPLICAS = {kind: 0 if kind == "stt" else 2 for kind in WORKER_MODULES}
INTERVIEWS = 3
RUN = {"code": "print('hi')", "language": "python", "mode": "run"}


@pytest.fixture(scope="module")
async def cluster(tmp_path_factory):
    cluster = RabbitCluster(tmp_path_factory.mktemp("rabbit-cluster"))
    try:
        await asyncio.to_thread(cluster.start)
    except BaseException:
        cluster.stop()
        raise
    yield cluster
    await asyncio.to_thread(cluster.stop)


@pytest.fixture(scope="module")
async def stack(cluster, postgres_url):
    # espeak-ng, not Piper: two tts replicas synthesising with Piper kept the CPU too busy to reconnect in time
    env = stack_env(cluster.urls(), postgres_url) | {"LOG_LEVEL": "INFO", "TTS_ENGINE": "espeak"}
    stack = await start_stack(env, replicas=REPLICAS, timeout_s=300)  # nine processes on a loaded 2-core machine
    yield stack
    await stack.stop()


class Interview:
    """One candidate: remembers every turn it asked for, to check each completed exactly once."""

    def __init__(self, client: InterviewClient):
        self.client = client
        self.turns = 0
        self.runs = 0

    async def turn(self, event_type: str, payload: dict, *, timeout: float = 180) -> None:
        mark = len(self.client.events)
        await self.client.send(event_type, payload)
        self.turns += 1
        self.runs += event_type == "run_code"
        await self.client.wait_turn_complete(after=mark, timeout=timeout)

    async def started(self) -> "Interview":
        await self.client.connect()
        await self.turn("start_interview", {})
        return self


async def interview(base_url: str) -> Interview:
    client = await InterviewClient.create(base_url, difficulty="easy", language="python")
    return await Interview(client).started()


def running_turn(stack, interview: Interview, mark: int):
    return interview.client.wait_for(lambda e: e["type"] == "agent_thinking" and e["payload"]["status"] != "done",
                                     after=mark, timeout=120)


async def test_a_broker_node_and_a_worker_die_mid_interview_and_nothing_is_lost_or_doubled(stack, cluster):
    url = stack.urls[0]
    interviews = await asyncio.gather(*(interview(url) for _ in range(INTERVIEWS)))
    first = interviews[0]
    try:
        # Every interview is mid-turn when the node everyone is connected to dies.
        marks = [len(i.client.events) for i in interviews]
        turns = [asyncio.create_task(i.turn("send_message", {"text": "Can the input be empty? And how large?"}))
                 for i in interviews]
        await asyncio.gather(*(running_turn(stack, i, m) for i, m in zip(interviews, marks, strict=True)))
        await asyncio.to_thread(cluster.kill, cluster.nodes[0])
        await asyncio.gather(*turns)
        moved = {name for name, lines in stack.group.logs.items() if any("reconnected to RabbitMQ" in line for line in lines)}
        assert moved >= {spec.name for spec in stack.specs}, "every process moved to a surviving node"

        # After the failover: code runs (a sandbox request/reply) and more messages, on every interview.
        await asyncio.gather(*(i.turn("run_code", RUN) for i in interviews))

        # A worker replica dies mid-turn too: its unacknowledged turn goes to the other replica.
        mark = len(first.client.events)
        turn = asyncio.create_task(first.turn("send_message", {"text": "I think I'll use a hash map."}))
        running = await running_turn(stack, first, mark)
        victim = next((name for name, lines in stack.group.logs.items() if name.startswith("interviewer-agent")
                       and any(f"taking turn {running['payload']['turn_id']}" in line for line in lines)),
                      "interviewer-agent-1")
        stack.group.kill(victim)
        await turn
        await asyncio.gather(*(i.turn("send_message", {"text": "Then I will sort first."}) for i in interviews))

        async with httpx.AsyncClient() as http:
            for each in interviews:
                await settled_last_seq(each.client, http, quiet_s=2.0, timeout=60)
                assert_delivered_once(each)
    finally:
        await asyncio.gather(*(i.client.close() for i in interviews))


def assert_delivered_once(interview: Interview) -> None:
    events = interview.client.events
    numbered = [e for e in events if e["seq"] is not None]
    assert [e["seq"] for e in numbered] == list(range(1, len(numbered) + 1)), "a gap, duplicate or reorder"
    assert len({e["message_id"] for e in numbered}) == len(numbered)
    done = [e["payload"]["turn_id"] for e in events if e["type"] == "agent_thinking" and e["payload"]["status"] == "done"]
    assert len(done) == len(set(done)) == interview.turns, "a turn completed twice, or not at all"
    replies = [e["payload"].get("turn_id") for e in events
               if e["type"] == "interviewer_msg" and e["payload"]["kind"] == "complete"]
    assert len(replies) == len(set(replies)), "a turn's reply arrived twice"
    assert sum(e["type"] == "code_result" for e in events) == interview.runs
