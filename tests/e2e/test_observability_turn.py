"""Datadog observability of a real stack: Datadog's own test agent (`ddapm-test-agent`) receives the
traces and a local UDP socket plays the DogStatsD agent.

- One candidate turn that runs code is one trace, holding spans of the gateway, the interviewer, the
  sandbox worker and the bus hops between them, with the tags the dashboards and monitors use.
- Every `mockmind.*` metric arrives, with its tags, from a whole interview.
"""

import asyncio
import contextlib
import json
import socket
import subprocess
import sys
import threading
import time
from collections import defaultdict

import httpx
import pytest

from contracts.sandbox import Language
from gateway.client import InterviewClient
from question_bank.bank import default_bank
from runtime.local_stack import free_port

from .conftest import stack_env, start_stack

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


class DogStatsdListener:
    """A UDP socket that records every DogStatsD datagram: `name:value|type|#tag,tag` lines."""

    def __init__(self) -> None:
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.socket.bind(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.lines: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._receive, daemon=True)
        self._thread.start()

    def _receive(self) -> None:
        while not self._stop.is_set():
            with contextlib.suppress(TimeoutError):
                self.lines += self.socket.recv(65535).decode().splitlines()

    def tags_by_metric(self) -> dict[str, list[set[str]]]:
        found: dict[str, list[set[str]]] = defaultdict(list)
        for line in list(self.lines):
            name, _, rest = line.partition(":")
            tags = next((field[1:] for field in rest.split("|") if field.startswith("#")), "")
            found[name].append(set(tags.split(",")) if tags else set())
        return found

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.socket.close()


class DatadogTestAgent:
    """`ddapm-test-agent` on a free local port; `traces()` is what the services sent it."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-c", "import sys; from ddapm_test_agent.agent import main; main(sys.argv[1:])",
             f"--port={self.port}", f"--otlp-http-port={free_port()}", f"--otlp-grpc-port={free_port()}",
             "--max-requests=100000", "--log-level=WARNING"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )

    async def wait_ready(self, timeout_s: float = 30) -> None:
        deadline = time.monotonic() + timeout_s
        async with httpx.AsyncClient() as http:
            while time.monotonic() < deadline:
                with contextlib.suppress(httpx.HTTPError):
                    if (await http.get(f"{self.url}/info")).status_code == 200:
                        return
                await asyncio.sleep(0.2)
        raise TimeoutError(f"ddapm-test-agent did not start: {self.process.stderr.read().decode()[-2000:]}")

    async def traces(self) -> list[list[dict]]:
        async with httpx.AsyncClient(timeout=30) as http:
            return (await http.get(f"{self.url}/test/traces")).json()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


@pytest.fixture(scope="module")
async def observed(rabbitmq_url, tmp_path_factory):
    """A stack whose services trace to the test agent and send metrics to the UDP listener."""
    agent, statsd = DatadogTestAgent(), DogStatsdListener()
    database = tmp_path_factory.mktemp("observability") / "mockmind.db"
    env = stack_env(rabbitmq_url, f"sqlite+aiosqlite:///{database}") | {
        "DD_TRACE_AGENT_URL": agent.url,
        "DD_AGENT_HOST": "127.0.0.1",
        "DD_DOGSTATSD_PORT": str(statsd.port),
        "DD_ENV": "e2e",
        "DD_TRACE_ENABLED": "true",
        "DD_INSTRUMENTATION_TELEMETRY_ENABLED": "false",
        "DD_REMOTE_CONFIGURATION_ENABLED": "false",
        "DD_TRACE_STARTUP_LOGS": "false",
        "LOG_FORMAT": "json",
        "LOG_LEVEL": "INFO",
    }
    try:
        await agent.wait_ready()
        stack = await start_stack(env)
    except BaseException:
        agent.stop()
        statsd.close()
        raise
    yield stack, agent, statsd
    await stack.stop()
    agent.stop()
    statsd.close()


async def run_one_code_turn(base_url: str) -> tuple[InterviewClient, str]:
    """Start an interview, then one turn that runs the reference solution; returns the turn's message id."""
    client = await InterviewClient.create(base_url, difficulty="easy", language="python")
    await client.connect()
    await client.send("start_interview")
    await client.wait_turn_complete(after=0)
    problem = await client.wait_for(lambda e: e["type"] == "problem_presented")
    bank = default_bank()
    source = bank.reference_source(problem["payload"]["question_id"], Language.PYTHON)
    mark = len(client.events)
    message_id = await client.send("run_code", {"code": source, "language": "python", "mode": "run"})
    await client.wait_turn_complete(after=mark, timeout=90)
    await client.wait_for(lambda e: e["type"] == "code_result", after=mark)
    return client, message_id


async def trace_of(agent: DatadogTestAgent, is_root, *, wanted, timeout_s: float = 30) -> list[dict]:
    """The spans of the trace whose root matches, once `wanted(spans)` holds (services flush every second)."""
    deadline = time.monotonic() + timeout_s
    spans: list[dict] = []
    while time.monotonic() < deadline:
        by_trace: dict[int, list[dict]] = defaultdict(list)
        for trace in await agent.traces():
            for span in trace:
                by_trace[span["trace_id"]].append(span)
        spans = next((s for s in by_trace.values() if any(is_root(span) for span in s)), [])
        if spans and wanted(spans):
            return spans
        await asyncio.sleep(1)
    return spans


def summary(spans: list[dict]) -> str:
    return "\n".join(f"{s['service']} {s['name']} {s['resource']} {s['span_id']}<-{s['parent_id']}" for s in spans)


def named(spans: list[dict], name: str, resource: str | None = None) -> list[dict]:
    return [s for s in spans if s["name"] == name and (resource is None or s["resource"] == resource)]


def parent_of(spans: list[dict], span: dict) -> dict:
    return next(s for s in spans if s["span_id"] == span["parent_id"])


def ancestors(spans: list[dict], span: dict) -> list[dict]:
    by_id = {s["span_id"]: s for s in spans}
    found = []
    while (span := by_id.get(span["parent_id"])) is not None:
        found.append(span)
    return found


async def test_a_turn_that_runs_code_is_one_trace_across_the_services(observed):
    stack, agent, _ = observed
    client, message_id = await run_one_code_turn(stack.urls[0])
    await client.close()

    def is_root(span):
        return span["name"] == "gateway.client_event" and span["meta"].get("client_event.message_id") == message_id

    def complete(spans):  # each service flushes its part of the trace every second, once that part is done
        return named(spans, "sandbox.run") and named(spans, "interviewer.run_turn")

    spans = await trace_of(agent, is_root, wanted=complete)
    assert spans, "no trace starts at the gateway's span for the run_code frame"
    services = {s["service"] for s in spans}
    assert {"mockmind-gateway", "mockmind-interviewer", "mockmind-sandbox"} <= services, summary(spans)

    # gateway → bus → interviewer
    [root] = [s for s in spans if is_root(s)]
    assert root["service"] == "mockmind-gateway" and root["resource"] == "run_code"
    assert root["meta"]["session_id"] == client.session_id
    [turn_publish] = [s for s in named(spans, "rabbitmq.publish", "interviewer.turn") if s["parent_id"] == root["span_id"]]
    assert turn_publish["meta"]["span.kind"] == "producer"
    turn_consumes = named(spans, "rabbitmq.consume", "interviewer.turn")
    assert all(c["service"] == "mockmind-interviewer" and c["meta"]["span.kind"] == "consumer" for c in turn_consumes)
    [turn_consume] = [c for c in turn_consumes if c["parent_id"] == turn_publish["span_id"]]
    # A turn that found the previous one still running went through the defer queue and was consumed
    # again: still one trace, each later consume below the first.
    assert all(turn_consume in ancestors(spans, c) for c in turn_consumes if c is not turn_consume), summary(spans)

    [run_turn] = named(spans, "interviewer.run_turn")
    assert any(c in ancestors(spans, run_turn) for c in turn_consumes), summary(spans)
    assert run_turn["meta"]["session_id"] == client.session_id
    assert run_turn["meta"]["phase"] and "run_code" in run_turn["meta"]["tool_calls"]
    assert run_turn["metrics"]["turns"] >= 1 and run_turn["metrics"]["tool_calls.count"] >= 1

    converse = named(spans, "bedrock.converse")
    assert converse and all(parent_of(spans, c)["name"] == "interviewer.run_turn" for c in converse)
    for call in converse:
        assert call["meta"]["model_id"] and call["meta"]["stop_reason"]
        assert {"input_tokens", "output_tokens", "latency_ms"} <= call["metrics"].keys()
    assert {c["meta"]["stop_reason"] for c in converse} >= {"tool_use"}

    # interviewer → bus (RPC) → sandbox worker → reply
    [tool] = named(spans, "agent.tool", "run_code")
    [request] = named(spans, "rabbitmq.request", "sandbox.run")
    assert request["parent_id"] == tool["span_id"]
    [sandbox_consume] = named(spans, "rabbitmq.consume", "sandbox.run")
    assert sandbox_consume["service"] == "mockmind-sandbox" and sandbox_consume["parent_id"] == request["span_id"]
    [sandbox_run] = named(spans, "sandbox.run")
    assert sandbox_run["parent_id"] == sandbox_consume["span_id"]
    assert sandbox_run["meta"]["language"] == "python" and sandbox_run["meta"]["verdict"] == "accepted"
    assert sandbox_run["metrics"]["time_ms"] > 0
    [reply] = named(spans, "rabbitmq.publish", "rpc.reply")
    assert reply["service"] == "mockmind-sandbox" and reply["parent_id"] == sandbox_consume["span_id"]

    # interviewer → bus → gateway: the turn's events come back to the socket's gateway in the same trace
    event_hops = named(spans, "rabbitmq.consume", "session.*")
    assert all(hop["service"] == "mockmind-gateway" for hop in event_hops)
    assert {parent_of(spans, hop)["service"] for hop in event_hops} >= {"mockmind-interviewer"}

    # every span of the turn is tagged for unified service tagging
    assert {s["meta"].get("env") for s in spans} == {"e2e"}
    assert all(s["meta"].get("version") for s in spans if s["service"].startswith("mockmind-"))


async def test_logs_are_json_with_the_trace_id_of_the_turn(observed):
    stack, agent, _ = observed
    client, message_id = await run_one_code_turn(stack.urls[0])
    await client.close()
    spans = await trace_of(agent, lambda s: s["meta"].get("client_event.message_id") == message_id,
                           wanted=lambda spans: named(spans, "interviewer.run_turn"))
    trace_id = spans[0]["trace_id"]
    logged = [json.loads(line) for line in stack.group.logs["interviewer-agent-1"] if line.startswith("{")]
    in_turn = [entry for entry in logged if client.session_id in entry["message"]]
    assert in_turn, "the interviewer logged nothing about the turn"
    assert any(int(entry["dd"].get("trace_id", "0"), 16) & (2**64 - 1) == trace_id for entry in in_turn)
    assert all(entry["dd"]["service"] == "mockmind-interviewer" and entry["dd"]["env"] == "e2e" for entry in logged)


# Every metric the issue lists, with the tags each must carry.
EXPECTED_METRICS = {
    "mockmind.bedrock.latency_ms": {"model"},
    "mockmind.bedrock.calls": {"model", "stop_reason"},
    "mockmind.bedrock.tokens": {"model", "direction"},
    "mockmind.agent.tool_calls": {"tool", "phase"},
    "mockmind.agent.turn_latency_ms": {"action", "phase"},
    "mockmind.feedback.score": {"kind"},
    "mockmind.sandbox.run_ms": {"language", "verdict"},
    "mockmind.sessions.created": {"difficulty", "language"},
    "mockmind.sessions.completed": {"hire_signal"},
    "mockmind.websocket.active_connections": {"replica"},
    "mockmind.bus.consume_lag_ms": {"topic"},
}


async def test_every_metric_arrives_over_dogstatsd_with_its_tags(observed):
    stack, _, statsd = observed
    client, _ = await run_one_code_turn(stack.urls[0])
    bank = default_bank()
    try:
        problem = next(e for e in client.events if e["type"] == "problem_presented")["payload"]
        mark = len(client.events)
        await client.send("run_code", {"code": bank.reference_source(problem["question_id"], Language.PYTHON),
                                       "language": "python", "mode": "submit"})  # on to wrap-up: a final report
        await client.wait_for(lambda e: e["type"] == "feedback_result", after=mark, timeout=90)
    finally:
        await client.close()

    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not EXPECTED_METRICS.keys() <= statsd.tags_by_metric().keys():
        await asyncio.sleep(0.5)
    received = statsd.tags_by_metric()
    assert EXPECTED_METRICS.keys() - received.keys() == set()
    for metric, tag_names in EXPECTED_METRICS.items():
        for tags in received[metric]:
            names = {tag.split(":", 1)[0] for tag in tags}
            assert tag_names <= names, f"{metric} arrived with tags {tags}"
            assert "env:e2e" in tags and any(t.startswith("service:mockmind-") for t in tags), (metric, tags)
    assert any("stop_reason:tool_use" in tags for tags in received["mockmind.bedrock.calls"])
    assert {"direction:input", "direction:output"} <= set().union(*received["mockmind.bedrock.tokens"])
    assert any("tool:run_code" in tags for tags in received["mockmind.agent.tool_calls"])
    assert any({"language:python", "verdict:accepted"} <= tags for tags in received["mockmind.sandbox.run_ms"])
    assert any("topic:interviewer.turn" in tags for tags in received["mockmind.bus.consume_lag_ms"])
