"""The shared middleware carries the Datadog trace across real RabbitMQ hops (ddtrace's propagator)."""

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

    async def publish_in_a_trace() -> TraceContext:
        origin = start_trace()
        await broker.publish(Ping(hop=1), queue=first)
        return origin

    async with broker:
        await broker.start()
        origin = await asyncio.create_task(publish_in_a_trace())  # its own task: the trace stays in it
        await asyncio.wait_for(done.wait(), 10)

    assert seen[1].trace_id == seen[2].trace_id == origin.trace_id
    assert len({origin.span_id, seen[1].span_id, seen[2].span_id}) == 3  # each hop is its own span


async def test_a_message_published_outside_a_trace_starts_its_own(rabbitmq_url):
    broker = create_broker(ServiceSettings(rabbitmq_url=rabbitmq_url), logger_name="trace-test")
    received: asyncio.Queue = asyncio.Queue()

    @broker.subscriber(RabbitQueue("trace.none", auto_delete=True))
    async def on_message(ping: Ping, message: RabbitMessage) -> None:
        received.put_nowait((current_trace(), dict(message.headers)))

    async def publish_untraced(hop: int) -> None:
        assert current_trace() is None
        await broker.publish(Ping(hop=hop), queue="trace.none")

    async with broker:
        await broker.start()
        for hop in (1, 2):
            await asyncio.create_task(publish_untraced(hop))  # fresh tasks: no trace inherited
        (first, first_headers), (second, _) = [await asyncio.wait_for(received.get(), 10) for _ in range(2)]
    assert first is not None and second is not None
    assert first.trace_id != second.trace_id  # one trace per message, not one for everything
    # The trace id travels in Datadog's header (its lower 64 bits) and the W3C one.
    assert int(first_headers["x-datadog-trace-id"]) == first.trace_id & (2**64 - 1)
    assert f"{first.trace_id:032x}" in first_headers["traceparent"]
