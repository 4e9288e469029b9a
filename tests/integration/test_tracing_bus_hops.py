"""The bus middleware's spans on real RabbitMQ: RPC round trips, messages back from a delay queue, and
heartbeats (which are not traced)."""

import asyncio

from faststream.rabbit import ExchangeType, RabbitExchange, RabbitQueue
from faststream.rabbit.annotations import RabbitMessage
from pydantic import BaseModel

from contracts.topology import HEARTBEATS
from runtime.broker import create_broker
from runtime.observability import tracer
from runtime.settings import ServiceSettings
from runtime.topology import rabbit_exchange
from runtime.tracing import current_trace, start_trace


class Ping(BaseModel):
    hop: int


def settings(rabbitmq_url: str) -> ServiceSettings:
    return ServiceSettings(rabbitmq_url=rabbitmq_url)


async def test_an_rpc_reply_continues_the_responders_span_and_the_caller_keeps_its_own(rabbitmq_url):
    broker = create_broker(settings(rabbitmq_url), logger_name="trace-test")
    seen = {}

    @broker.subscriber(RabbitQueue("trace.rpc", auto_delete=True))
    async def respond(ping: Ping) -> Ping:
        span = tracer.current_span()
        seen["responder"] = (span.name, span.resource, span.trace_id, span.parent_id, span.span_id)
        return Ping(hop=ping.hop + 1)

    async def call() -> None:
        with tracer.trace("caller") as caller:
            reply = await broker.request(Ping(hop=1), queue="trace.rpc", timeout=10)
            seen["after"] = current_trace()
            seen["caller"] = (caller.trace_id, caller.span_id)
            seen["reply_headers"] = dict(reply.headers)

    async with broker:
        await broker.start()
        await asyncio.create_task(call())

    name, resource, trace_id, parent_id, responder_span_id = seen["responder"]
    caller_trace, caller_span = seen["caller"]
    assert (name, resource) == ("rabbitmq.consume", "trace.rpc")
    assert trace_id == caller_trace and parent_id not in (None, caller_span)  # under the `rabbitmq.request` span
    assert seen["after"].span_id == caller_span  # the reply did not take over the caller's context
    # The reply was published inside the responder's consume span.
    assert int(seen["reply_headers"]["x-datadog-trace-id"]) == caller_trace & (2**64 - 1)
    assert int(seen["reply_headers"]["x-datadog-parent-id"]) != responder_span_id  # its own producer span


async def test_a_message_back_from_a_delay_queue_starts_a_new_trace_linked_to_the_old(rabbitmq_url):
    broker = create_broker(settings(rabbitmq_url), logger_name="trace-test")
    back = RabbitExchange("trace.back", type=ExchangeType.FANOUT, auto_delete=True)
    delay = RabbitQueue("trace.delay", auto_delete=False, durable=False,
                        arguments={"x-message-ttl": 50, "x-dead-letter-exchange": "trace.back"})
    received = asyncio.get_running_loop().create_future()

    @broker.subscriber(RabbitQueue("trace.after-delay", auto_delete=True), back)
    async def after_delay(ping: Ping, message: RabbitMessage) -> None:
        span = tracer.current_span()
        links = [link.trace_id for link in span._get_links()]
        received.set_result((span.trace_id, span.parent_id, links, "x-death" in message.headers))

    async def park() -> int:
        origin = start_trace()
        await broker.declare_queue(delay)
        await broker.publish(Ping(hop=1), queue=delay)
        return origin.trace_id

    async with broker:
        await broker.start()
        origin_trace = await asyncio.create_task(park())
        trace_id, parent_id, links, dead_lettered = await asyncio.wait_for(received, 10)

    assert dead_lettered
    assert trace_id != origin_trace and parent_id is None
    assert origin_trace in links


async def test_heartbeats_carry_no_trace(rabbitmq_url):
    broker = create_broker(settings(rabbitmq_url), logger_name="trace-test")
    received = asyncio.get_running_loop().create_future()

    @broker.subscriber(RabbitQueue("trace.heartbeats", auto_delete=True, exclusive=True), rabbit_exchange(HEARTBEATS))
    async def on_beat(ping: Ping, message: RabbitMessage) -> None:
        if not received.done():
            received.set_result((current_trace(), dict(message.headers)))

    async def beat() -> None:
        with tracer.trace("heartbeat loop"):
            await broker.publish(Ping(hop=0), exchange=rabbit_exchange(HEARTBEATS))

    async with broker:
        await broker.start()
        await asyncio.create_task(beat())
        context, headers = await asyncio.wait_for(received, 10)
    assert context is None
    assert not any(key.startswith("x-datadog") or key == "traceparent" for key in headers)
