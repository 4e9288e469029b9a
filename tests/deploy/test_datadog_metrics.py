"""The Datadog dashboard and monitors only query metrics that the code sends (or Datadog computes)."""

import re

from .deploy_facts import ROOT, datadog_queries, monitors

SOURCE_DIRS = ["gateway", "runtime", "services", "sandbox-worker"]
# Suffixes DogStatsD adds to a histogram, and metrics Datadog itself produces.
HISTOGRAM_SUFFIXES = (".median", ".avg", ".max", ".count", ".95percentile", ".99percentile")
EXTERNAL_PREFIXES = ("trace.", "rabbitmq.")


def metric_names(query: str) -> set[str]:
    return set(re.findall(r"(?:avg|sum|max|min):([a-z0-9_.]+)\{", query))


def emitted_metrics() -> set[str]:
    text = "\n".join(p.read_text() for d in SOURCE_DIRS for p in (ROOT / d).rglob("*.py") if "tests" not in p.parts)
    return set(re.findall(r"\"(mockmind\.[a-z_.]+)\"", text))


def test_every_queried_metric_is_sent_by_the_code():
    emitted = emitted_metrics()
    assert "mockmind.agent.turn_latency_ms" in emitted  # the scan finds the code's metrics
    for query in datadog_queries():
        for name in metric_names(query):
            if name.startswith(EXTERNAL_PREFIXES):
                continue
            base = next((name.removesuffix(s) for s in HISTOGRAM_SUFFIXES if name.endswith(s)), name)
            assert base in emitted, f"{name} in {query!r} is not sent by any service"


def test_monitors_cover_what_the_sres_asked_for():
    queries_by_topic = " ".join(m["query"] for m in monitors())
    for needed in ("turn_latency_ms.99percentile", "trace.rabbitmq.consume.errors", "rabbitmq.queue.messages",
                   "verdict:internal_error", "stop_reason:throttled"):
        assert needed in queries_by_topic
    for monitor in monitors():
        assert monitor["type"] == "query alert" and monitor["message"]
        assert monitor["options"]["thresholds"]["critical"] > 0
