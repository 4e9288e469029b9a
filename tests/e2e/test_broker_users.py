"""Each service on its own RabbitMQ user (`runtime.broker_users`): an interview works end to end, and the
sandbox worker's user — the one beside untrusted code — can reach nothing it does not need."""

import subprocess
import uuid

import aio_pika
import pytest
from aiormq.exceptions import ChannelAccessRefused

from contracts import topology as t
from gateway.client import InterviewClient
from runtime.broker_users import SERVICES, ensure_user, new_password, user_name

from .conftest import stack_env, start_stack

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture
def vhost_url(own_rabbitmq_url):
    return own_rabbitmq_url


@pytest.fixture
def service_users(vhost_url):
    """{service: (user, password)} on the test's own vhost; the users are deleted afterwards."""
    vhost = vhost_url.rsplit("/", 1)[1]
    prefix = f"mmtest-{uuid.uuid4().hex[:8]}"
    users = {}
    try:
        for service in SERVICES:
            password = new_password()
            users[service] = (ensure_user(service, password, vhost, prefix), password)
        yield users
    finally:
        for service in SERVICES:
            subprocess.run(["rabbitmqctl", "-q", "delete_user", user_name(service, prefix)], capture_output=True)


def as_user(url: str, user: str, password: str) -> str:
    return url.replace("guest:guest@", f"{user}:{password}@")


async def declare_topology(url: str) -> None:
    """What the other services would have declared (as guest), so a refusal is about rights, not absence."""
    connection = await aio_pika.connect(url)
    async with connection:
        channel = await connection.channel()
        for exchange in (t.COMMANDS, t.EVENTS, t.HEARTBEATS, t.retry_exchange(1), t.DEFER_EXCHANGE):
            await channel.declare_exchange(exchange.name, exchange.kind.value, durable=True)
        await channel.declare_queue(t.INTERVIEWER_TURNS.name, durable=True, arguments=t.INTERVIEWER_TURNS.arguments)


async def refused(url: str, action) -> bool:
    connection = await aio_pika.connect(url)
    try:
        channel = await connection.channel()
        try:
            await action(channel)
        except ChannelAccessRefused:
            return True
        return False
    finally:
        await connection.close()


def publish_to(exchange: str, routing_key: str):
    async def action(channel):
        target = await channel.get_exchange(exchange, ensure=False) if exchange else channel.default_exchange
        await target.publish(aio_pika.Message(b"{}"), routing_key=routing_key)
    return action


async def test_the_sandbox_workers_user_reaches_only_its_own_queue(vhost_url, service_users):
    await declare_topology(vhost_url)
    sandbox = as_user(vhost_url, *service_users["sandbox-worker"])
    assert await refused(sandbox, publish_to(t.EVENTS.name, "session.any")), "could forge session events"
    assert await refused(sandbox, publish_to(t.COMMANDS.name, t.RoutingKey.TURN_REQUESTED)), "could issue commands"
    assert await refused(sandbox, publish_to("", t.INTERVIEWER_TURNS.name)), \
        "could put a turn straight into the interviewer's queue through the default exchange"
    assert await refused(sandbox, publish_to(t.retry_exchange(1).name, t.RoutingKey.TURN_REQUESTED)), \
        "could reach the commands exchange through a retry tier"
    assert await refused(sandbox, publish_to(t.DEFER_EXCHANGE.name, t.RoutingKey.TURN_REQUESTED)), \
        "could reach the commands exchange through the defer queue"

    async def consume_turns(channel):
        queue = await channel.get_queue(t.INTERVIEWER_TURNS.name, ensure=False)
        await queue.get(fail=False)
    assert await refused(sandbox, consume_turns), "could read candidates' turns"

    async def own_queue(channel):
        queue = await channel.declare_queue(t.SANDBOX_RUNS.name, durable=True, arguments=t.SANDBOX_RUNS.arguments)
        await queue.bind(t.COMMANDS.name, routing_key=t.RoutingKey.SANDBOX_RUN)
        await queue.get(fail=False)
    assert not await refused(sandbox, own_queue)


async def test_the_feedback_agents_user_cannot_take_the_interviewers_queue(vhost_url, service_users):
    await declare_topology(vhost_url)
    feedback = as_user(vhost_url, *service_users["feedback-agent"])

    async def consume_turns(channel):
        queue = await channel.get_queue(t.INTERVIEWER_TURNS.name, ensure=False)
        await queue.get(fail=False)
    assert await refused(feedback, consume_turns)


async def test_an_interview_runs_with_every_service_on_its_own_user(vhost_url, service_users, postgres_url):
    kind_env = {service: {"RABBITMQ_USER": user, "RABBITMQ_PASSWORD": password}
                for service, (user, password) in service_users.items()}
    stack = await start_stack(stack_env(vhost_url, postgres_url) | {"LOG_LEVEL": "INFO"}, kind_env=kind_env)
    client = await InterviewClient.create(stack.urls[0], difficulty="easy", language="python")
    try:
        await client.connect()
        await client.send("start_interview")
        await client.wait_turn_complete(after=0, timeout=90)
        mark = len(client.events)
        await client.send("run_code", {"code": "print('hi')", "language": "python", "mode": "run"})
        await client.wait_turn_complete(after=mark, timeout=90)
        results = [e for e in client.events[mark:] if e["type"] == "code_result"]
        assert len(results) == 1 and results[0]["payload"]["result"]["verdict"] != "internal_error"
        refusals = [line for lines in stack.group.logs.values() for line in lines if "ACCESS_REFUSED" in line]
        assert not refusals, refusals[:5]
    finally:
        await client.close()
        await stack.stop()
