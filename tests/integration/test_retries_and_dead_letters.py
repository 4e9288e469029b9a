"""Failed handlers are retried through the bus with a delay, then dead-lettered; a malformed message
is dead-lettered at once; either way the consumer keeps going."""

import asyncio
import time

from faststream.rabbit import RabbitQueue
from faststream.rabbit.annotations import RabbitMessage
from pydantic import BaseModel

from contracts.topology import COMMANDS, DEAD_LETTER_QUEUE, DEAD_LETTERS
from runtime.broker import create_broker
from runtime.settings import ServiceSettings
from runtime.topology import rabbit_exchange, rabbit_queue


class Job(BaseModel):
    name: str


async def test_a_failing_handler_is_retried_then_dead_lettered_and_others_still_flow(rabbitmq_url):
    broker = create_broker(ServiceSettings(rabbitmq_url=rabbitmq_url, retry_delays_s=(1, 1)), logger_name="retry-test")
    attempts: dict[str, list[float]] = {}
    handled = asyncio.Event()
    dead: asyncio.Queue = asyncio.Queue()

    @broker.subscriber(RabbitQueue("test.jobs", durable=True, routing_key="test.job"), rabbit_exchange(COMMANDS))
    async def work(job: Job) -> None:
        attempts.setdefault(job.name, []).append(time.monotonic())
        if job.name.startswith("flaky") and len(attempts[job.name]) < 2:
            raise RuntimeError("transient failure")
        if job.name == "poison":
            raise RuntimeError("always fails")
        if job.name == "after":
            handled.set()

    @broker.subscriber(rabbit_queue(DEAD_LETTER_QUEUE), rabbit_exchange(DEAD_LETTERS))
    async def graveyard(body: dict, message: RabbitMessage) -> None:
        # The dead-letter queue is durable and shared by the vhost's earlier tests: only this test's jobs count.
        if message.raw_message.routing_key == "test.job":
            await dead.put((body, dict(message.headers)))

    async with broker:
        await broker.start()
        publish = lambda body: broker.publish(body, exchange=rabbit_exchange(COMMANDS), routing_key="test.job")  # noqa: E731
        await publish(Job(name="flaky-1"))
        await publish(Job(name="poison"))
        await publish({"not": "a job"})
        await publish(Job(name="after"))

        first_dead = await asyncio.wait_for(dead.get(), 15)
        second_dead = await asyncio.wait_for(dead.get(), 15)
        await asyncio.wait_for(handled.wait(), 15)
        await asyncio.sleep(2.5)  # a flaky job needs its retry delay to come back

    bodies = {str(first_dead[0]): first_dead[1], str(second_dead[0]): second_dead[1]}
    malformed = bodies[str({"not": "a job"})]
    assert malformed["x-mockmind-reason"] == "malformed message"
    poisoned = bodies[str({"name": "poison"})]
    assert poisoned["x-mockmind-reason"] == "failed 2 retries"
    assert len(attempts["poison"]) == 3  # first try + two retries
    assert len(attempts["flaky-1"]) == 2  # succeeded on its retry...
    assert attempts["flaky-1"][1] - attempts["flaky-1"][0] >= 0.9  # ...after the bus held it back
