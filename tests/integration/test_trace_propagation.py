"""The shared middleware carries trace context across two real RabbitMQ hops."""

import asyncio

from faststream.rabbit import RabbitQueue
from faststream.rabbit.annotations import RabbitMessage
from pydantic import BaseModel

from runtime.broker import create_broker
from runtime.settings import ServiceSettings
from runtime.tracing import TraceContext, current_trace, start_trace


class Ping(BaseModel):
    hop: int


async def test_trace_context_follows_a_message_through_two_hops(rabbitmq_url):
    broker = create_broker(ServiceSettings(rabbitmq_url=rabbitmq_url), logger_name="trace-test")
    seen: dict[int, TraceContext | None] = {}
    done = asyncio.Event()
    first, second = RabbitQueue("trace.first", auto_delete=True), RabbitQueue("trace.second", auto_delete=True)

    @broker.subscriber(first)
    async def on_first(ping: Ping) -> None:
        seen[1] = current_trace()
        await broker.publish(Ping(hop=2), queue=second)

    @broker.subscriber(second)
    async def on_second(ping: Ping) -> None:
        seen[2] = current_trace()
        done.set()

    async with broker:
        await broker.start()
        origin = start_trace()
        await broker.publish(Ping(hop=1), queue=first)
        await asyncio.wait_for(done.wait(), 10)

    assert seen[1].trace_id == seen[2].trace_id == origin.trace_id
    assert len({origin.span_id, seen[1].span_id, seen[2].span_id}) == 3  # each hop is its own span


async def test_messages_published_outside_a_trace_carry_none(rabbitmq_url):
    broker = create_broker(ServiceSettings(rabbitmq_url=rabbitmq_url), logger_name="trace-test")
    received = asyncio.get_running_loop().create_future()

    @broker.subscriber(RabbitQueue("trace.none", auto_delete=True))
    async def on_message(ping: Ping, message: RabbitMessage) -> None:
        received.set_result((current_trace(), dict(message.headers)))

    async def publish_untraced() -> None:
        await broker.publish(Ping(hop=1), queue="trace.none")

    async with broker:
        await broker.start()
        await asyncio.create_task(publish_untraced())  # a fresh task: no context inherited from other tests
        context, headers = await asyncio.wait_for(received, 10)
    assert context is None
    assert "x-datadog-trace-id" not in headers
