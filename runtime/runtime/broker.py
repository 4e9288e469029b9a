"""One way to build a broker, so every service gets the same middleware, logging, QoS and failover.

A broker is a RabbitMQ cluster: `RABBITMQ_URL` may list several nodes, comma-separated. The client
connects to the first that answers and, when the node it is on dies, reconnects to the next one
(aio-pika's robust connection restores channels, queues, bindings and consumers there). Work queues
are quorum queues (`contracts.topology`), so their messages survive on the other nodes. What does not
survive a node is in flight on a connection: a publish without its confirm and a reply sent to the
requester's reply queue (exclusive to its connection). `ClusterBroker` resends both, which is safe
because every command carries its message id and every handler is idempotent on it
(`runtime.reliability`), and every request on the bus (a sandbox run, a speech synthesis) computes the
same answer twice.
"""

import asyncio
import logging
from collections.abc import Sequence
from functools import partial
from uuid import uuid4

from aio_pika import RobustConnection
from aiormq.exceptions import ChannelInvalidStateError
from faststream.rabbit import Channel, RabbitBroker, RabbitPublisher
from pydantic import BaseModel
from yarl import URL

from contracts.topology import COMMANDS, REPLIES, reply_queue

from .observability import configure_logging as _configure_logging
from .reliability import DerivedIdsMiddleware, RetryPolicy
from .settings import ServiceSettings
from .topology import rabbit_exchange, rabbit_queue
from .tracing import TraceContextMiddleware

log = logging.getLogger("mockmind.broker")

# How long a publish or request keeps trying while the client moves to another node (a node's death
# is noticed by a failed write or by the AMQP heartbeat, then reconnection takes a few seconds).
FAILOVER_PATIENCE_S = 60.0
RETRY_PAUSE_S = 0.5
# What a publish raises when its node is gone: the connection closed under it, or the channel is closed
# until the connection is restored. (Not channel errors such as a missing exchange: those are bugs.)
LOST_CONNECTION = (ConnectionError, ChannelInvalidStateError)


class FailoverConnection(RobustConnection):
    """A robust connection that tries the next node on every connection attempt.

    aio-pika reads `self.url` exactly once per attempt (`Connection.connect`), so the rotation lives in
    that property; `__str__` (used in its log lines) shows the node in use without rotating."""

    def __init__(self, url, *args, node_urls: Sequence[str], **kwargs):
        self._node_urls = [URL(each) for each in node_urls]
        self._attempts = 0
        self._in_use = self._node_urls[0]
        super().__init__(url, *args, **kwargs)
        self._attempts = 0  # __init__ read the url once for its query

    @property
    def url(self) -> URL:
        self._in_use = self._node_urls[self._attempts % len(self._node_urls)]
        self._attempts += 1
        return self._in_use

    @url.setter
    def url(self, _value) -> None:
        """Set once by `Connection.__init__`; the node list is the source of truth."""

    def __str__(self) -> str:
        url = self._in_use
        return str(url.with_password("******") if url.password else url)


class ClusterBroker(RabbitBroker):
    """`RabbitBroker` over several nodes: fails over, and resends what a lost node took with it. Every send
    (`broker.publish`, `broker.request` and each declared publisher) goes through its `FailoverProducer`."""

    def __init__(self, urls: Sequence[str], **kwargs):
        # With one node, a broker that is down at start-up fails the start; with several, the next is tried.
        super().__init__(urls[0], on_reconnected=[self._note_reconnect], fail_fast=len(urls) == 1, **kwargs)
        self._connection_kwargs["connection_class"] = partial(FailoverConnection, node_urls=urls)
        self._reconnect_callbacks: list = []
        self.reconnected = asyncio.Event()  # set, and replaced, at each reconnection
        self._inbox: str | None = None
        self._inbox_lock = asyncio.Lock()
        self.awaiting: dict[str, asyncio.Future] = {}  # correlation id → the request waiting for its reply
        self.config.broker_config.producer = FailoverProducer(self.config.broker_config.producer, self)

    def on_reconnect(self, callback) -> None:
        """Call `callback()` (a coroutine function) after each reconnection, once topology is restored."""
        self._reconnect_callbacks.append(callback)

    async def _note_reconnect(self, connection) -> None:
        log.warning("reconnected to RabbitMQ at %s", connection)
        self.reconnected.set()
        self.reconnected = asyncio.Event()
        for callback in self._reconnect_callbacks:
            try:
                await callback()
            except Exception:  # one failing callback must not stop the others
                log.exception("reconnect callback %r failed", callback)

    async def reply_inbox(self) -> str:
        """This process's reply queue, declared (and consumed) on first use; aio-pika restores it, its
        binding and its consumer after a reconnection."""
        async with self._inbox_lock:
            if self._inbox is None:
                spec = reply_queue(uuid4().hex[:12])
                queue = await self.declare_queue(rabbit_queue(spec))
                await queue.bind(await self.declare_exchange(rabbit_exchange(REPLIES)), routing_key=spec.name)
                await queue.consume(self._on_reply, no_ack=True)
                self._inbox = spec.name
        return self._inbox

    async def _on_reply(self, message) -> None:
        waiting = self.awaiting.get(message.correlation_id)
        if waiting is not None and not waiting.done():
            waiting.set_result(message)  # a late duplicate (the request was sent twice) finds nobody


class FailoverProducer:
    """FastStream's producer, wrapped: every send of the process goes through it, the declared publishers'
    too. A publish is retried while the connection moves to another node (consumers dedupe by message
    id). A request waits for its reply in the process's own reply queue and is sent again when the
    connection moved meanwhile (the reply, sent to the lost connection's queue, is gone; see module doc)."""

    def __init__(self, inner, broker: ClusterBroker):
        self._inner = inner
        self._broker = broker

    def __getattr__(self, name):  # connect, disconnect, publish_batch, the parser...: FastStream's own
        return getattr(self._inner, name)

    async def publish(self, cmd):
        loop = asyncio.get_running_loop()
        deadline = loop.time() + FAILOVER_PATIENCE_S
        while True:
            try:
                return await self._inner.publish(cmd)
            except LOST_CONNECTION as exc:
                if loop.time() > deadline:
                    raise
                log.warning("publish failed (%r); retrying while the broker connection recovers", exc)
                await asyncio.sleep(RETRY_PAUSE_S)

    async def request(self, cmd):
        broker = self._broker
        # `queue|exchange`: FastStream responders publish the reply to that exchange (not the default one).
        cmd.reply_to = f"{await broker.reply_inbox()}|{REPLIES.name}"
        cmd.correlation_id = cmd.correlation_id or uuid4().hex
        loop = asyncio.get_running_loop()
        reply = loop.create_future()
        broker.awaiting[cmd.correlation_id] = reply
        timeout = cmd.timeout or 0.5
        deadline = loop.time() + timeout
        try:
            while (remaining := deadline - loop.time()) > 0:
                reconnected = broker.reconnected
                await self.publish(cmd)
                moved = asyncio.ensure_future(reconnected.wait())
                await asyncio.wait({reply, moved}, timeout=remaining, return_when=asyncio.FIRST_COMPLETED)
                moved.cancel()
                if reply.done():
                    return reply.result()
                if reconnected.is_set():
                    log.warning("reconnected while waiting for a reply; sending the request again")
        finally:
            broker.awaiting.pop(cmd.correlation_id, None)
        raise TimeoutError(f"no reply within {timeout:.0f} s")


def create_broker(settings: ServiceSettings, *, logger_name: str) -> ClusterBroker:
    retries = RetryPolicy(settings.retry_delays_s)
    broker = ClusterBroker(
        settings.broker_urls(),
        # Outermost first: failures are caught after the trace and id scopes have been restored.
        middlewares=[retries.middleware, TraceContextMiddleware, DerivedIdsMiddleware],
        logger=logging.getLogger(logger_name),
        log_level=logging.DEBUG,
        graceful_timeout=30,
        # Bounded prefetch: a replica holds a few messages at most, the rest wait for other replicas.
        default_channel=Channel(prefetch_count=settings.prefetch_count),
        reconnect_interval=settings.rabbitmq_reconnect_interval_s,
    )
    retries.attach(broker)
    return broker


def command_publisher(broker: RabbitBroker, routing_key: str, schema: type[BaseModel], *,
                      persist: bool = True) -> RabbitPublisher:
    """The declared send of one command to the commands exchange, so the AsyncAPI document lists it; its
    description is the command's docstring. Not persisted: a request whose caller waits for the reply."""
    return broker.publisher(exchange=rabbit_exchange(COMMANDS), routing_key=routing_key, persist=persist,
                            title=routing_key, schema=schema)


def configure_logging(level: str) -> None:
    """Text logs, or JSON with trace ids with `LOG_FORMAT=json` (see `observability`)."""
    _configure_logging(level)
