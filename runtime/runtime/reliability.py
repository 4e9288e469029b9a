"""What makes a handler safe to run again: derived ids, bounded retries and dead-lettering.

- `DerivedIdsMiddleware`: while a message is handled, new ids derive from its id (see
  `contracts.base`), so a redelivery after a crash emits the same ids and the stores dedupe them.
- `RetryPolicy`: a handler that raises is retried through the retry tiers (1 s, 4 s, 16 s); after the
  last one, or at once for a message that cannot even be decoded, the message goes to the dead-letter
  queue with the reason, a log line and a metric. Either way the original is acknowledged, so the
  service keeps consuming.
"""

import logging

from faststream import BaseMiddleware
from faststream.rabbit import RabbitBroker
from faststream.rabbit.publisher import RabbitPublisher
from pydantic import ValidationError

from contracts.base import derive_ids_from, reset_id_scope
from contracts.topology import (
    DEAD_LETTER_QUEUE,
    DEAD_LETTERS,
    DEFER_EXCHANGE,
    DEFER_QUEUE,
    RETRY_DELAYS_S,
    retry_exchange,
    retry_queue,
)

from . import metrics
from .topology import rabbit_exchange, rabbit_queue

ATTEMPT_HEADER = "x-mockmind-attempt"
DEFERRALS_HEADER = "x-mockmind-deferrals"
log = logging.getLogger("mockmind.reliability")


class Deferred(Exception):
    """Raised by a handler whose message must wait a moment (not a failure: no retry is spent)."""


class DerivedIdsMiddleware(BaseMiddleware):
    async def consume_scope(self, call_next, msg):
        token = derive_ids_from(msg.message_id)
        try:
            return await call_next(msg)
        finally:
            reset_id_scope(token)


class RetryPolicy:
    def __init__(self, delays_s: tuple[int, ...] = RETRY_DELAYS_S):
        self.delays_s = delays_s
        self.broker: RabbitBroker | None = None
        self.deferred: RabbitPublisher | None = None
        self.retries: dict[int, RabbitPublisher] = {}
        self.dead_letters: RabbitPublisher | None = None
        policy = self

        class RetryMiddleware(BaseMiddleware):
            async def consume_scope(self, call_next, msg):
                try:
                    return await call_next(msg)
                except Deferred as exc:
                    if policy.deferred is None:  # no way back to the commands exchange: a failure
                        await policy.handle_failure(msg, exc)
                    else:
                        await policy.defer(msg)
                    return None
                except Exception as exc:  # noqa: BLE001 - every failure is retried or buried, never lost
                    await policy.handle_failure(msg, exc)
                    return None

        self.middleware = RetryMiddleware

    def attach(self, broker: RabbitBroker) -> None:
        """Declare where failed and deferred messages go, on the broker whose handlers this policy guards.
        Each republishes the original body, routing key and headers, whatever the command. A policy without
        retry tiers (the sandbox worker's) has no deferral either: both lead back to the commands exchange,
        which that service's broker user may not touch (`runtime.broker_users`); it only dead-letters."""
        self.broker = broker
        if self.delays_s:
            self.deferred = broker.publisher(
                exchange=rabbit_exchange(DEFER_EXCHANGE), persist=True, title=DEFER_EXCHANGE.name,
                description="A command that must wait its turn; it comes back to the commands exchange shortly.",
            )
        self.retries = {delay: broker.publisher(
            exchange=rabbit_exchange(retry_exchange(delay)), persist=True, title=retry_exchange(delay).name,
            description=f"A failed command, retried after {delay} s through the commands exchange.",
        ) for delay in self.delays_s}
        self.dead_letters = broker.publisher(
            exchange=rabbit_exchange(DEAD_LETTERS), persist=True, title=DEAD_LETTERS.name,
            description="A command that failed every retry or could not be decoded, with the reason in its headers.",
        )

    async def defer(self, msg) -> None:
        raw = msg.raw_message
        queue = await self.broker.declare_queue(rabbit_queue(DEFER_QUEUE))
        await queue.bind(await self.broker.declare_exchange(rabbit_exchange(DEFER_EXCHANGE)))
        headers = dict(msg.headers or {})
        headers[DEFERRALS_HEADER] = int(headers.get(DEFERRALS_HEADER, 0)) + 1
        await self.deferred.publish(
            raw.body, routing_key=raw.routing_key or "", headers=headers,
            message_id=msg.message_id, correlation_id=raw.correlation_id, reply_to=raw.reply_to or None,
            content_type=raw.content_type,
        )

    async def handle_failure(self, msg, exc: Exception) -> None:
        raw = msg.raw_message
        attempt = int((msg.headers or {}).get(ATTEMPT_HEADER, 0)) + 1
        malformed = isinstance(exc, ValidationError)
        if malformed or attempt > len(self.delays_s):
            await self._bury(msg, exc, attempt, malformed)
            return
        delay = self.delays_s[attempt - 1]
        log.warning("handling %s from %s failed (attempt %d): %r; retrying in %d s",
                    msg.message_id, raw.routing_key, attempt, exc, delay)
        await self._declare_retry_tier(delay)
        await self.retries[delay].publish(
            raw.body, routing_key=raw.routing_key or "",
            headers={**(msg.headers or {}), ATTEMPT_HEADER: attempt}, message_id=msg.message_id,
            correlation_id=raw.correlation_id, reply_to=raw.reply_to or None,
            content_type=raw.content_type,
        )
        metrics.increment("mockmind.bus.retried", tags=[f"routing_key:{raw.routing_key}"])

    async def _bury(self, msg, exc: Exception, attempt: int, malformed: bool) -> None:
        raw = msg.raw_message
        reason = "malformed message" if malformed else f"failed {attempt - 1} retries"
        log.error("dead-lettering %s from %s (%s): %r", msg.message_id, raw.routing_key, reason, exc)
        await declare_dead_letters(self.broker)
        await self.dead_letters.publish(
            raw.body, routing_key=raw.routing_key or "",
            headers={**(msg.headers or {}), ATTEMPT_HEADER: attempt, "x-mockmind-error": repr(exc)[:500],
                     "x-mockmind-reason": reason, "x-mockmind-exchange": raw.exchange or ""},
            message_id=msg.message_id, content_type=raw.content_type,
        )
        metrics.increment("mockmind.bus.dead_lettered", tags=[f"routing_key:{raw.routing_key}", f"malformed:{malformed}"])

    async def _declare_retry_tier(self, delay_s: int) -> None:
        queue = await self.broker.declare_queue(rabbit_queue(retry_queue(delay_s)))
        await queue.bind(await self.broker.declare_exchange(rabbit_exchange(retry_exchange(delay_s))))


async def declare_dead_letters(broker: RabbitBroker) -> None:
    """The dead-letter queue and its exchange: where `_bury` sends a message, and where a work queue
    dead-letters one that exceeded its delivery limit (at-least-once: it must route somewhere)."""
    queue = await broker.declare_queue(rabbit_queue(DEAD_LETTER_QUEUE))
    await queue.bind(await broker.declare_exchange(rabbit_exchange(DEAD_LETTERS)))
