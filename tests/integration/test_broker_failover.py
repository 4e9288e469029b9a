"""`ClusterBroker` over a list of nodes: it starts on the first that answers, and a request whose
connection dropped while it waited (its direct reply-to went with the connection) is sent again."""

import asyncio
import socket
import subprocess

from faststream.rabbit import RabbitBroker, RabbitQueue
from pydantic import BaseModel

from runtime.broker import create_broker
from runtime.settings import ServiceSettings


class Ping(BaseModel):
    n: int


def dead_node_url(rabbitmq_url: str) -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket closes
    vhost = rabbitmq_url.rsplit("/", 1)[1]
    return f"amqp://guest:guest@127.0.0.1:{port}/{vhost}"


async def test_a_client_starts_on_the_first_node_that_answers(own_rabbitmq_url):
    settings = ServiceSettings(rabbitmq_url=f"{dead_node_url(own_rabbitmq_url)},{own_rabbitmq_url}", _env_file=None)
    broker = create_broker(settings, logger_name="failover-test")
    got = asyncio.Queue()

    @broker.subscriber(RabbitQueue("failover.ping", auto_delete=True))
    async def receive(ping: Ping) -> None:
        got.put_nowait(ping.n)

    async with broker:
        await broker.start()
        await broker.publish(Ping(n=1), queue="failover.ping")
        assert await asyncio.wait_for(got.get(), 30) == 1


async def test_a_request_is_sent_again_when_its_connection_drops_while_waiting(own_rabbitmq_url):
    vhost = own_rabbitmq_url.rsplit("/", 1)[1]
    responder = RabbitBroker(own_rabbitmq_url, reconnect_interval=0.5)
    handled = []

    @responder.subscriber(RabbitQueue("failover.rpc", auto_delete=False, durable=True))
    async def respond(ping: Ping) -> Ping:
        handled.append(ping.n)
        if len(handled) == 1:
            # The requester's connection is dropped while it waits: this reply goes nowhere.
            subprocess.run(["rabbitmqctl", "-q", "close_all_connections", "-p", vhost, "failover test"],
                           check=True, capture_output=True, timeout=60)
        return Ping(n=ping.n + 1)

    requester = create_broker(ServiceSettings(rabbitmq_url=own_rabbitmq_url, rabbitmq_reconnect_interval_s=0.5,
                                              _env_file=None), logger_name="failover-test")
    async with responder, requester:
        await responder.start()
        await requester.start()
        reply = await requester.request(Ping(n=1), queue="failover.rpc", timeout=45)
        assert Ping.model_validate_json(reply.body).n == 2
        assert len(handled) >= 2, "answered from the first attempt, so nothing was tested"
