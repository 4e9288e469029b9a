"""DogStatsD metrics. With no Datadog agent listening nothing breaks and nothing blocks: DogStatsD is
fire-and-forget UDP. `DD_AGENT_HOST` / `DD_DOGSTATSD_PORT` point it at an agent."""

import os

from datadog.dogstatsd import DogStatsd

_client = DogStatsd(
    host=os.environ.get("DD_AGENT_HOST", "localhost"),
    port=int(os.environ.get("DD_DOGSTATSD_PORT", "8125")),
    constant_tags=[t for t in (f"env:{os.environ.get('DD_ENV', 'dev')}",) if t],
    disable_telemetry=True,
)


def increment(metric: str, value: float = 1, tags: list[str] | None = None) -> None:
    _client.increment(metric, value, tags=tags)


def histogram(metric: str, value: float, tags: list[str] | None = None) -> None:
    _client.histogram(metric, value, tags=tags)


def gauge(metric: str, value: float, tags: list[str] | None = None) -> None:
    _client.gauge(metric, value, tags=tags)
