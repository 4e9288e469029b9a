"""Two gateway replicas and two interviewer replicas, on PostgreSQL, with concurrent sessions:
every event reaches the right socket, none is duplicated or lost."""

import asyncio

import httpx
import pytest

from gateway.client import InterviewClient

from .conftest import stack_env, start_stack
from .interviews import settled_last_seq

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
async def replicated_stack(rabbitmq_url, postgres_url):
    env = stack_env(rabbitmq_url, postgres_url) | {"LOG_LEVEL": "INFO"}
    stack = await start_stack(env, gateways=2, replicas={"interviewer-agent": 2})
    yield stack
    await stack.stop()


async def run_session(base_url: str) -> InterviewClient:
    client = await InterviewClient.create(base_url, difficulty="easy", language="python")
    await client.connect()
    await client.send("start_interview")
    await client.wait_turn_complete(after=0)
    for question in ("Can the input be empty?", "How large can it get?", "I think I'll use a hash map."):
        mark = len(client.events)
        await client.send("send_message", {"text": question})
        await client.wait_turn_complete(after=mark)
    mark = len(client.events)
    await client.send("run_code", {"code": "print('hi')", "language": "python", "mode": "run"})
    await client.wait_turn_complete(after=mark, timeout=60)
    return client


async def test_concurrent_sessions_across_replicas_get_exactly_their_events(replicated_stack):
    first, second = replicated_stack.urls
    clients = await asyncio.gather(run_session(first), run_session(second), run_session(first), run_session(second))
    try:
        async with httpx.AsyncClient() as http:
            for client in clients:
                last_seq = await settled_last_seq(client, http, quiet_s=1.0, timeout=30)
                numbered = [e for e in client.events if e["seq"] is not None]
                assert {e["session_id"] for e in client.events} == {client.session_id}
                assert [e["seq"] for e in numbered] == list(range(1, last_seq + 1)), "a gap, duplicate or reorder"
                assert len({e["message_id"] for e in numbered}) == len(numbered)
                assert sum(e["type"] == "code_result" for e in client.events) == 1
    finally:
        await asyncio.gather(*(c.close() for c in clients))


async def test_both_interviewer_replicas_share_the_work(replicated_stack):
    turns = {name: sum("taking turn" in line for line in lines)
             for name, lines in replicated_stack.group.logs.items() if name.startswith("interviewer-agent")}
    assert len(turns) == 2
    assert all(count > 0 for count in turns.values()), turns  # competing consumers: both replicas answered
    health = httpx.get(f"{replicated_stack.urls[0]}/api/health").json()
    assert health["workers"]["interviewer-agent"]["alive"] == 2
