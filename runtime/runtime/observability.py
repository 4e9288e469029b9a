"""Datadog APM and logging set-up shared by every service.

Import ddtrace in MockMind code through this module (`from runtime.observability import tracer`):
ddtrace reads its configuration from the environment once, when it is first imported, and the
defaults below must be in place by then.

Tracing is on only when a Datadog agent is configured (`DD_AGENT_HOST` or `DD_TRACE_AGENT_URL`, or
`DD_TRACE_ENABLED=true`). Without one, spans are still created in memory, so trace ids still flow
across the bus and into the logs, but nothing is sent, nothing waits and nothing logs send errors.

A service calls `start_observability("mockmind-<name>")` first thing in its entry point: that names
the service (unless `DD_SERVICE` says otherwise), switches on ddtrace's integrations when tracing is on
(the same as `import ddtrace.auto`), and sets up the log format.
"""

import json
import logging
import os
import time
from importlib import metadata


def _apply_environment_defaults() -> None:
    agent_configured = any(os.environ.get(name) for name in ("DD_AGENT_HOST", "DD_TRACE_AGENT_URL"))
    os.environ.setdefault("DD_TRACE_ENABLED", "true" if agent_configured else "false")
    if os.environ["DD_TRACE_ENABLED"].lower() not in ("true", "1"):
        # No agent: no telemetry or remote-configuration calls to it either.
        os.environ.setdefault("DD_INSTRUMENTATION_TELEMETRY_ENABLED", "false")
        os.environ.setdefault("DD_REMOTE_CONFIGURATION_ENABLED", "false")
    os.environ.setdefault("DD_ENV", "dev")
    os.environ.setdefault("DD_VERSION", _mockmind_version())
    os.environ.setdefault("DD_LOGS_INJECTION", "true")


def _mockmind_version() -> str:
    try:
        return metadata.version("mockmind-runtime")
    except metadata.PackageNotFoundError:
        return "dev"


_apply_environment_defaults()

# After the defaults above, on purpose.
from ddtrace import config as dd_config  # noqa: E402
from ddtrace.propagation.http import HTTPPropagator  # noqa: E402
from ddtrace.trace import Context, Span, tracer  # noqa: E402

__all__ = ["Context", "HTTPPropagator", "Span", "configure_logging", "start_observability", "tracer",
           "tracing_enabled"]


def tracing_enabled() -> bool:
    return os.environ.get("DD_TRACE_ENABLED", "").lower() in ("true", "1")


if tracer.enabled and not tracing_enabled():
    # ddtrace was imported before this module (its pytest plugin does that), so it never saw the default.
    tracer.enabled = False


def start_observability(service: str) -> None:
    """Name this process for APM, logs and metrics; call before the service starts its work."""
    os.environ.setdefault("DD_SERVICE", service)
    dd_config.service = os.environ["DD_SERVICE"]  # ddtrace may have read the environment before this
    if tracing_enabled():
        import ddtrace.auto  # noqa: F401  (patches starlette, asyncpg, httpx, botocore, logging, ...)


class JsonLogFormatter(logging.Formatter):
    """One JSON object per line, with the trace and span ids Datadog uses to link a log to its trace."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "timestamp": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "status": record.levelname.lower(),
            "logger": {"name": record.name},
            "message": record.getMessage(),
        }
        # Passing the active span explicitly gives ids even when nothing is sent to an agent.
        correlation = tracer.get_log_correlation_context(active=tracer.context_provider.active())
        entry["dd"] = {key.removeprefix("dd."): value for key, value in correlation.items() if value not in ("", "0")}
        if record.exc_info:
            entry["error"] = {"stack": self.formatException(record.exc_info)}
        return json.dumps(entry, default=str)


def configure_logging(level: str) -> None:
    """`LOG_FORMAT=json` (what Datadog collects in containers) or the default human-readable text."""
    handler = logging.StreamHandler()
    if os.environ.get("LOG_FORMAT", "text").lower() == "json":
        formatter = JsonLogFormatter()
        formatter.converter = time.gmtime  # the timestamp says Z
        handler.setFormatter(formatter)
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=level, handlers=[handler], force=True)
