"""One way to build a broker, so every service gets the same middleware, logging and QoS."""

import logging

from faststream.rabbit import Channel, RabbitBroker

from .observability import configure_logging as _configure_logging
from .reliability import DerivedIdsMiddleware, RetryPolicy
from .settings import ServiceSettings
from .tracing import TraceContextMiddleware


def create_broker(settings: ServiceSettings, *, logger_name: str) -> RabbitBroker:
    retries = RetryPolicy(settings.retry_delays_s)
    broker = RabbitBroker(
        settings.rabbitmq_url,
        # Outermost first: failures are caught after the trace and id scopes have been restored.
        middlewares=[retries.middleware, TraceContextMiddleware, DerivedIdsMiddleware],
        logger=logging.getLogger(logger_name),
        log_level=logging.DEBUG,
        graceful_timeout=30,
        # Bounded prefetch: a replica holds a few messages at most, the rest wait for other replicas.
        default_channel=Channel(prefetch_count=settings.prefetch_count),
    )
    retries.broker = broker
    return broker


def configure_logging(level: str) -> None:
    """Text logs, or JSON with trace ids with `LOG_FORMAT=json` (see `observability`)."""
    _configure_logging(level)
