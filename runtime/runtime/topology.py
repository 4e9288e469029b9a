"""The FastStream objects for `contracts.topology`'s exchanges and queues (the contracts stay transport-free).

`rabbit_exchange(COMMANDS)` and `rabbit_queue(INTERVIEWER_TURNS)` are what subscribers, publishers and
declarations use; each spec maps to one object, so FastStream's declarer caches it once.
"""

from functools import cache

from faststream.rabbit import ExchangeType, RabbitExchange, RabbitQueue
from faststream.rabbit.schemas.queue import QueueType

from contracts.topology import Exchange, Queue

_EXCHANGE_TYPES = {"topic": ExchangeType.TOPIC, "fanout": ExchangeType.FANOUT, "direct": ExchangeType.DIRECT}


@cache
def rabbit_exchange(spec: Exchange) -> RabbitExchange:
    return RabbitExchange(spec.name, type=_EXCHANGE_TYPES[spec.kind], durable=spec.durable)


@cache
def rabbit_queue(spec: Queue) -> RabbitQueue:
    if spec.quorum:
        arguments = {k: v for k, v in spec.arguments.items() if k != "x-queue-type"}
        return RabbitQueue(spec.name, durable=True, queue_type=QueueType.QUORUM,
                           routing_key=spec.routing_key, arguments=arguments)
    return RabbitQueue(spec.name, durable=spec.durable, exclusive=spec.exclusive, auto_delete=spec.auto_delete,
                       routing_key=spec.routing_key, arguments=dict(spec.arguments) or None)
