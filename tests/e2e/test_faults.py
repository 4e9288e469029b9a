"""Faults over real RabbitMQ: a replica of each worker killed mid-work (kill -9), the broker dropping
every connection, the gateway restarting, and a poison message. The candidate sees exactly one reply,
no gaps, no duplicates, and the interview goes on."""

import asyncio
import subprocess

import pytest
from faststream.rabbit import RabbitBroker

from contracts.topology import COMMANDS, DEAD_LETTER_QUEUE, DEAD_LETTERS, RoutingKey
from gateway.client import InterviewClient
from question_bank.bank import default_bank
from runtime.process_group import ServiceSpec
from runtime.topology import rabbit_exchange, rabbit_queue

from .conftest import stack_env, start_stack

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

REPLICAS = {"interviewer-agent": 2, "sandbox-worker": 2, "tts": 2, "feedback-agent": 2}


@pytest.fixture(scope="module")
async def stack(rabbitmq_url, postgres_url):
    env = stack_env(rabbitmq_url, postgres_url) | {"LOG_LEVEL": "INFO"}
    stack = await start_stack(env, replicas=REPLICAS)
    stack.rabbitmq_url = rabbitmq_url
    yield stack
    await stack.stop()


async def started(stack) -> tuple[InterviewClient, str]:
    client = await InterviewClient.create(stack.urls[0], difficulty="easy", language="python")
    await client.connect()
    await client.send("start_interview")
    problem = await client.wait_for(lambda e: e["type"] == "problem_presented", timeout=60)
    await client.wait_turn_complete(after=0, timeout=60)
    return client, problem["payload"]["question_id"]


def slow_solution(question_id: str) -> str:
    name = default_bank().question(question_id).signature.name
    return f"import time\ndef {name}(*args):\n    time.sleep(0.4)\n    return None\n"


def replica_that_logged(stack, prefix: str, needle: str) -> str:
    holders = [name for name, lines in stack.group.logs.items()
               if name.startswith(prefix) and any(needle in line for line in lines)]
    assert holders, f"no {prefix} replica logged {needle!r}"
    return holders[-1]


async def respawn(stack, name: str) -> None:
    """Bring a killed replica back, so later tests have two of each again."""
    module = next(spec.module for spec in stack.specs if spec.name == name)
    await stack.group.start(ServiceSpec(name, module))


def assert_clean_stream(client: InterviewClient) -> None:
    numbered = [e for e in client.events if e["seq"] is not None]
    assert [e["seq"] for e in numbered] == list(range(1, len(numbered) + 1)), "gap or duplicate"
    assert len({e["message_id"] for e in numbered}) == len(numbered)


async def test_an_interviewer_killed_mid_turn_is_replaced_and_the_reply_comes_once(stack):
    client, question_id = await started(stack)
    try:
        mark = len(client.events)
        await client.send("run_code", {"code": slow_solution(question_id), "language": "python", "mode": "submit"})
        running = await client.wait_for(lambda e: e["type"] == "agent_thinking" and e["payload"]["tool"] == "run_code",
                                        after=mark, timeout=60)
        turn_id = running["payload"]["turn_id"]
        victim = replica_that_logged(stack, "interviewer-agent", f"taking turn {turn_id}")
        stack.group.kill(victim)
        await client.wait_for(lambda e: e["type"] == "agent_thinking" and e["payload"]["status"] == "done"
                              and e["payload"]["turn_id"] == turn_id, after=mark, timeout=180)
        await asyncio.sleep(1)
        turn = [e for e in client.events[mark:] if e["payload"].get("turn_id") == turn_id]
        assert sum(e["type"] == "interviewer_msg" and e["payload"]["kind"] == "complete" for e in turn) == 1
        assert sum(e["type"] == "code_result" for e in client.events[mark:]) == 1
        assert_clean_stream(client)
        survivor = "interviewer-agent-1" if victim.endswith("2") else "interviewer-agent-2"
        assert any(f"taking turn {turn_id}" in line for line in stack.group.logs[survivor])
    finally:
        await client.close()
        await respawn(stack, victim)


async def test_a_sandbox_worker_killed_mid_run_is_replaced(stack):
    client, question_id = await started(stack)
    try:
        mark = len(client.events)
        await client.send("run_code", {"code": slow_solution(question_id), "language": "python", "mode": "run"})
        await client.wait_for(lambda e: e["type"] == "agent_thinking" and e["payload"]["tool"] == "run_code",
                              after=mark, timeout=60)
        await asyncio.sleep(0.5)
        victim = replica_that_logged(stack, "sandbox-worker", f"of session {client.session_id}")
        stack.group.kill(victim)
        await client.wait_turn_complete(after=mark, timeout=180)
        results = [e for e in client.events[mark:] if e["type"] == "code_result"]
        assert len(results) == 1 and results[0]["payload"]["result"]["verdict"] != "internal_error"
        assert_clean_stream(client)
    finally:
        await client.close()
        await respawn(stack, victim)


async def test_a_tts_replica_killed_mid_turn_loses_no_sentence(stack):
    client, _ = await started(stack)
    try:
        mark = len(client.events)
        await client.send("send_message", {"text": "I think I'll use a hash map. What complexity should I aim for?"})
        first = await client.wait_for(lambda e: e["type"] == "interviewer_msg", after=mark, timeout=60)
        turn_id = first["payload"]["turn_id"]
        victim = replica_that_logged(stack, "tts", f"of turn {turn_id}") if any(
            f"of turn {turn_id}" in line for n, lines in stack.group.logs.items() if n.startswith("tts")
            for line in lines) else "tts-1"
        stack.group.kill(victim)
        await client.wait_turn_complete(after=mark, timeout=60)
        sentences = sum(e["type"] == "interviewer_msg" and e["payload"]["kind"] == "delta"
                        and e["payload"]["ends_sentence"] and e["payload"]["turn_id"] == turn_id
                        for e in client.events)

        def voiced() -> list[int]:
            return sorted(e["payload"]["index"] for e in client.events
                          if e["type"] == "voice_audio" and e["payload"]["turn_id"] == turn_id)

        for _ in range(60):
            if len(voiced()) >= sentences:
                break
            await asyncio.sleep(0.5)
        assert voiced() == list(range(sentences))
        assert_clean_stream(client)
    finally:
        await client.close()
        await respawn(stack, victim)


async def test_a_feedback_agent_killed_mid_request_still_answers_once(stack):
    client, question_id = await started(stack)
    try:
        mark = len(client.events)
        await client.send("request_feedback", {"code": slow_solution(question_id), "language": "python"})
        for _ in range(100):
            if any(f"of session {client.session_id}" in line for n, lines in stack.group.logs.items()
                   if n.startswith("feedback-agent") for line in lines):
                break
            await asyncio.sleep(0.1)
        victim = replica_that_logged(stack, "feedback-agent", f"of session {client.session_id}")
        stack.group.kill(victim)
        await client.wait_for(lambda e: e["type"] == "feedback_result", after=mark, timeout=240)
        await asyncio.sleep(2)
        assert sum(e["type"] == "feedback_result" for e in client.events[mark:]) == 1
        assert_clean_stream(client)
    finally:
        await client.close()
        await respawn(stack, victim)


async def test_every_service_reconnects_after_the_broker_drops_all_connections(stack):
    client, _ = await started(stack)
    await client.close()
    vhost = stack.rabbitmq_url.rsplit("/", 1)[1]
    subprocess.run(["rabbitmqctl", "-q", "close_all_connections", "-p", vhost, "fault test"], check=True,
                   capture_output=True, timeout=60)
    await asyncio.sleep(8)  # reconnects back off for a few seconds
    resumed = InterviewClient(client.base_url, client.session_id, client.token)
    resumed.last_seq = client.last_seq
    await resumed.connect()
    try:
        mark = len(resumed.events)
        await resumed.send("send_message", {"text": "Can the input be empty?"})
        await resumed.wait_turn_complete(after=mark, timeout=90)
        assert any(e["type"] == "interviewer_msg" for e in resumed.events[mark:])
    finally:
        await resumed.close()


async def test_a_restarted_gateway_lets_the_browser_resume_in_order(stack):
    client, _ = await started(stack)
    before = list(client.events)
    await client.send("send_message", {"text": "How large can the input be?"})
    await client.wait_for(lambda e: e["type"] == "agent_thinking", after=len(before), timeout=60)
    stack.group.kill("gateway-1")
    await client.close()
    await stack.group.processes["gateway-1"].wait()
    await stack.group.start(next(s for s in stack.specs if s.name == "gateway-1"))
    resumed = InterviewClient(client.base_url, client.session_id, client.token)
    resumed.last_seq = client.last_seq
    for _ in range(120):  # until the new gateway process listens
        try:
            await resumed.connect()
            break
        except OSError:
            await asyncio.sleep(0.5)
    try:
        await resumed.wait_turn_complete(after=0, timeout=90)
        seen = [e["seq"] for e in client.events if e["seq"]] + [e["seq"] for e in resumed.events if e["seq"]]
        assert seen == list(range(1, len(seen) + 1))
    finally:
        await resumed.close()


async def test_a_poison_message_is_dead_lettered_and_the_interviewer_keeps_consuming(stack):
    broker = RabbitBroker(stack.rabbitmq_url)
    buried: asyncio.Queue = asyncio.Queue()

    @broker.subscriber(rabbit_queue(DEAD_LETTER_QUEUE), rabbit_exchange(DEAD_LETTERS))
    async def graveyard(body: dict) -> None:
        await buried.put(body)

    async with broker:
        await broker.start()
        await broker.publish({"garbage": True}, exchange=rabbit_exchange(COMMANDS), routing_key=RoutingKey.TURN_REQUESTED)
        assert await asyncio.wait_for(buried.get(), 30) == {"garbage": True}
    logs = "\n".join(line for name, lines in stack.group.logs.items() if name.startswith("interviewer")
                     for line in lines)
    assert "dead-lettering" in logs and "malformed message" in logs
    client, _ = await started(stack)  # and the interviewer still answers
    await client.close()
