"""`make bench`: how long a candidate waits for the interviewer, measured at the browser's edge, in one run.

Every figure is taken by a WebSocket client that speaks exactly what the browser speaks
(`gateway.client.InterviewClient`: authenticate frame, client events, a heartbeat every 5 s), against the
whole platform started with `LocalStack` — gateway, interviewer, feedback, tts and sandbox workers, one
each — on a RabbitMQ vhost, a PostgreSQL database and Redis keys of its own. Interviews do realistic
turns: start, clarifying questions and thinking aloud, code snapshots and runs of the code in the editor,
the hint button.

1. The floor: two bare FastStream hops (publish → a second process echoes → consume) over the same
   RabbitMQ, with pauses between samples (the services idle between turns too).
2. Turn latency with the offline interviewer, then with a paced stand-in model served over the
   OpenAI-compatible API (`interviewer_eval.fake_openai`: first token after 350 ms, then 60 tokens/s),
   at 1 interview at a time and at 100 concurrent interviews: candidate message → first
   `interviewer_msg` delta, and → the `complete` reply. Message turns are the headline (one model call);
   runs and hints are timed and printed apart (their first words follow a tool: the sandbox, a hint).
3. 500 connected sessions (offline interviewer): 100 of them start their interview at random moments
   of a minute, the others stay connected and send heartbeats; every interviewer event's delivery is timed from the moment the interviewer built it (its
   `timestamp`) to its arrival on the socket.

`turn_overhead_ratio` = (paced first delta p50 at 1 interview − the model's own first-token wait p50, as
the stand-in measured it) / the floor's p50: MockMind's part of the wait, in bare bus round trips.
The machine may be shared with other heavy work: the load average is printed beside the figures.
The required figures are the last lines.
"""

import argparse
import asyncio
import contextlib
import json
import os
import random
import resource
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import httpx

from gateway.client import InterviewClient
from runtime.local_stack import LocalStack, free_port
from runtime.percentiles import percentile

POSTGRES_ADMIN_URL = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@localhost:5432/postgres")
RABBIT_HOST = os.environ.get("BENCH_RABBITMQ_HOST", "localhost:5672")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://localhost:6379/0")
SECRET = "bench-secret"
MODEL_FIRST_TOKEN_MS = 350.0
MODEL_TOKENS_PER_S = 60.0
BROWSER_HEARTBEAT_S = 5.0  # web/lib/ws-client.ts
INTERVIEWER_EVENTS = {"interviewer_msg", "agent_thinking", "agent_phase_change", "problem_presented", "hint_given"}

# What a candidate does after the interview has started, in order (then again from the top): questions
# and thinking aloud, the code in the editor saved and run, the hint button.
ACTIONS = ("message", "message", "run", "message", "hint", "message", "message", "run", "message", "hint")
MESSAGES = (
    "How large can the input get?",
    "Can the input be empty?",
    "I'm thinking of sorting first and then scanning once. Would that be fast enough?",
    "What should I return if nothing matches?",
    "Are the values always integers?",
    "So I keep a map from each value to where I saw it, and look up the complement as I go.",
)


# ---- figures -------------------------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f}"


def spread(samples: list[float]) -> str:
    if not samples:
        return "n=0"
    return f"p50={ms(percentile(samples, 0.5))} p99={ms(percentile(samples, 0.99))} max={ms(max(samples))} " \
           f"n={len(samples)}"


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} (cpus={os.cpu_count()})"


def raise_open_files_limit(wanted: int) -> int:
    """Each socket is a file on both ends; the services inherit this limit from us."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def cpu_seconds(pid: int) -> tuple[float, float]:
    """(seconds on a CPU, seconds runnable but waiting for one) of all the process's threads so far,
    from the scheduler's own accounting (/proc/…/schedstat; Linux). A large wait means a starved CPU."""
    running = waiting = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(FileNotFoundError, ProcessLookupError):  # a thread that just ended
            on_cpu, on_queue, _ = (int(n) for n in (task / "schedstat").read_text().split())
            running, waiting = running + on_cpu, waiting + on_queue
    return running / 1e9, waiting / 1e9


@contextlib.contextmanager
def cpu_report(stack: LocalStack, tally: "Tally") -> Iterator[None]:
    """After the block: CPU each process used per turn of `tally`, and how long it waited for a CPU."""
    pids = {name: p.pid for name, p in stack.group.processes.items() if name != "migrate"}
    pids["bench client"] = os.getpid()
    before = {name: cpu_seconds(pid) for name, pid in pids.items()}
    yield
    parts, turns = [], len(tally.turns)
    for name, pid in pids.items():
        with contextlib.suppress(FileNotFoundError):
            ran, waited = (a - b for a, b in zip(cpu_seconds(pid), before[name], strict=True))
            parts.append(f"{name} {ms(ran / max(turns, 1))}/{ms(waited / max(turns, 1))}")
    print(f"    CPU per turn, on a CPU/waiting for one (ms): {', '.join(parts)}", flush=True)


# ---- a private vhost, database and Redis keys --------------------------------------------------------


def rabbitmqctl(*args: str) -> None:
    subprocess.run(["rabbitmqctl", "-q", *args], check=True, capture_output=True, timeout=60)


@contextlib.contextmanager
def private_vhost():
    vhost = f"mockmind-bench-{uuid.uuid4().hex[:10]}"
    rabbitmqctl("add_vhost", vhost)
    rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*")
    try:
        yield f"amqp://guest:guest@{RABBIT_HOST}/{vhost}"
    finally:
        rabbitmqctl("delete_vhost", vhost)


@contextlib.asynccontextmanager
async def private_database():
    import asyncpg

    name = f"mockmind_bench_{uuid.uuid4().hex[:10]}"

    async def admin(sql: str) -> None:
        conn = await asyncpg.connect(POSTGRES_ADMIN_URL)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    await admin(f'CREATE DATABASE "{name}"')
    try:
        yield POSTGRES_ADMIN_URL.replace("postgresql://", "postgresql+asyncpg://").rsplit("/", 1)[0] + f"/{name}"
    finally:
        await admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def stack_env(rabbitmq_url: str, database_url: str, provider: str, model_url: str | None) -> dict[str, str]:
    run = uuid.uuid4().hex[:10]
    env = {
        "RABBITMQ_URL": rabbitmq_url, "DATABASE_URL": database_url, "SESSION_SECRET": SECRET,
        "REDIS_URL": REDIS_URL, "LIMITS_KEY_PREFIX": f"mockmind:bench:{run}", "TTS_CACHE_TTL_S": "600",
        "LOG_LEVEL": "WARNING", "DD_TRACE_ENABLED": "false", "LLM_PROVIDER": provider,
        "FEEDBACK_LLM_PROVIDER": "offline",
        # One client address opens hundreds of sessions, and the interviews run back to back: the limits
        # meant for one person would refuse the bench.
        "RATE_LIMITS": json.dumps({kind: [1_000_000, 100_000] for kind in
                                   ("session_create", "message", "code_run", "snapshot", "heartbeat")}),
        # No check-ins or hint offers in the middle of the timed turns.
        "SILENCE_CHECKIN_S": "3600", "HINT_OFFER_AFTER_S": "3600",
    }
    if model_url:
        env |= {"OPENAI_BASE_URL": model_url, "OPENAI_MODEL": "paced-stand-in", "OPENAI_API_KEY": "bench"}
    return env


@contextlib.asynccontextmanager
async def running_stack(rabbitmq_url: str, provider: str, model_url: str | None = None):
    async with private_database() as database_url:
        stack = LocalStack(env=stack_env(rabbitmq_url, database_url, provider, model_url),
                           gateway_ports=[free_port()], echo=False)
        await stack.start(timeout_s=180)
        try:
            yield stack
        finally:
            await stack.stop()


@contextlib.asynccontextmanager
async def paced_model():
    """The stand-in model in a process of its own (its pacing must not wait for the bench's event loop)."""
    port = free_port()
    server = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "interviewer_eval.fake_openai", str(port), "--first-token-ms", str(MODEL_FIRST_TOKEN_MS),
        "--tokens-per-s", str(MODEL_TOKENS_PER_S), stdout=asyncio.subprocess.PIPE)
    try:
        line = (await asyncio.wait_for(server.stdout.readline(), 60)).decode()
        if "server at" not in line:
            raise RuntimeError(f"the stand-in model did not start: {line!r}")
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        server.kill()
        await server.wait()


async def model_first_token_waits(model_url: str) -> list[float]:
    async with httpx.AsyncClient(timeout=30) as http:
        response = await http.get(model_url.removesuffix("/v1") + "/stats")
        return response.json()["first_token_delays_s"]


# ---- 1. the floor: two bare FastStream hops ----------------------------------------------------------


async def echo_forever(rabbitmq_url: str, queue_name: str, reply_queue: str) -> None:
    """The far end of `bare_round_trips`, in a process of its own: sends every message straight back."""
    from faststream.rabbit import RabbitBroker, RabbitQueue

    broker = RabbitBroker(rabbitmq_url, log_level=0)

    @broker.subscriber(RabbitQueue(queue_name, auto_delete=True))
    async def echo(body: dict) -> None:
        await broker.publish(body, queue=reply_queue)

    async with broker:
        await broker.start()
        print("ready", flush=True)
        await asyncio.Event().wait()


async def bare_round_trips(rabbitmq_url: str, samples: int, pause_s: float) -> list[float]:
    """Publish → a second process echoes it back → consume, through FastStream and the same RabbitMQ,
    with no middleware, database or service code; `pause_s` between samples lets the processes go idle,
    as ours do between the hops of a turn."""
    from faststream.rabbit import RabbitBroker, RabbitQueue

    queue_name, reply = (f"bench.{part}.{uuid.uuid4().hex[:8]}" for part in ("echo", "reply"))
    echo = await asyncio.create_subprocess_exec(
        sys.executable, __file__, "--echo", rabbitmq_url, queue_name, reply, stdout=asyncio.subprocess.PIPE)
    broker = RabbitBroker(rabbitmq_url, log_level=0)
    arrived: asyncio.Queue[float] = asyncio.Queue()

    @broker.subscriber(RabbitQueue(reply, auto_delete=True))
    async def back(body: dict) -> None:
        arrived.put_nowait(time.perf_counter())

    try:
        await asyncio.wait_for(echo.stdout.readline(), 60)  # "ready": its queue exists
        async with broker:
            await broker.start()
            trips = []
            for _ in range(samples):
                await asyncio.sleep(pause_s)
                sent_at = time.perf_counter()
                await broker.publish({}, queue=queue_name)
                trips.append(await asyncio.wait_for(arrived.get(), 10) - sent_at)
        return trips
    finally:
        echo.kill()
        await echo.wait()


# ---- 2. interviews, as a browser drives them ---------------------------------------------------------


@dataclass
class Turn:
    kind: str  # start, message, run, hint
    sent_at: float
    first_delta: float | None = None  # seconds after sending
    complete: float | None = None
    # Where the first delta's wait went (event timestamps; same machine, same clock): send → the
    # interviewer announced the turn; → it built the first delta; → the delta arrived.
    to_announced: float | None = None
    to_built: float | None = None
    to_arrival: float | None = None


@dataclass
class Tally:
    turns: list[Turn] = field(default_factory=list)
    deliveries: list[float] = field(default_factory=list)  # interviewer event built → on the socket
    errors: list[str] = field(default_factory=list)
    sessions: int = 0

    def of(self, kind: str, figure: str) -> list[float]:
        return [getattr(t, figure) for t in self.turns if t.kind == kind and getattr(t, figure) is not None]


def built_at(event: dict) -> float:
    """When the service built the event (wall clock, seconds)."""
    return datetime.fromisoformat(event["timestamp"]).timestamp()


class Browser:
    """One candidate's tab: a session, its socket, a heartbeat every 5 s like the web client."""

    wall_offset = time.time() - time.perf_counter()  # perf_counter → wall clock, to compare with timestamps

    def __init__(self, client: InterviewClient, tally: Tally):
        self.client = client
        self.tally = tally
        self.starter_code = ""
        self.actions_done = 0
        self._heartbeat: asyncio.Task | None = None
        self._delivered = 0

    @classmethod
    async def open(cls, http: httpx.AsyncClient, base_url: str, tally: Tally) -> "Browser":
        response = await http.post(f"{base_url}/api/sessions", json={"difficulty": "easy", "language": "python"})
        response.raise_for_status()
        body = response.json()
        client = InterviewClient(base_url, body["session_id"], body["token"])
        await client.connect(open_timeout=60, ping_interval=None)  # browsers send no pings
        browser = cls(client, tally)
        await client.wait_for(lambda e: e["type"] == "session_ready", timeout=60)
        browser._heartbeat = asyncio.create_task(browser._beat())
        return browser

    async def _beat(self) -> None:
        with contextlib.suppress(Exception):  # the socket closed: the read side reports it
            while True:
                await asyncio.sleep(BROWSER_HEARTBEAT_S * random.uniform(0.9, 1.1))
                await self.client.send("heartbeat")

    async def act(self, kind: str, timeout: float = 180.0) -> Turn:
        """Do one thing a candidate does and wait for the interviewer to finish its turn."""
        client = self.client
        mark = len(client.events)
        if kind == "run":  # the editor saves the code as it is typed, then the candidate presses Run
            await client.send("code_snapshot", {"code": self.starter_code, "language": "python"})
        sent_at = time.perf_counter()
        match kind:
            case "start":
                await client.send("start_interview")
            case "message":
                await client.send("send_message", {"text": MESSAGES[self.actions_done % len(MESSAGES)]})
            case "run":
                await client.send("run_code", {"code": self.starter_code, "language": "python", "mode": "run"})
            case "hint":
                await client.send("request_hint")
        self.actions_done += 1
        announced = await client.wait_for(lambda e: e["type"] == "agent_thinking", after=mark, timeout=timeout)
        turn_id = announced["payload"]["turn_id"]
        await client.wait_for(lambda e: e["type"] == "agent_thinking" and e["payload"]["turn_id"] == turn_id
                              and e["payload"]["status"] == "done", after=mark, timeout=timeout)
        if kind == "start":
            problem = next(e for e in client.events[mark:] if e["type"] == "problem_presented")
            self.starter_code = problem["payload"]["starter_code"]
        return self._timed(kind, sent_at, mark, turn_id, announced)

    def _timed(self, kind: str, sent_at: float, mark: int, turn_id: str, announced: dict) -> Turn:
        turn = Turn(kind, sent_at)
        events, arrived = self.client.events, self.client.arrived_at
        for index in range(mark, len(events)):
            event = events[index]
            if event["type"] == "error":
                self.tally.errors.append(f"error event: {event['payload'].get('code')}")
            if event["type"] != "interviewer_msg" or event["payload"]["turn_id"] != turn_id:
                continue
            if event["payload"]["kind"] == "delta" and turn.first_delta is None:
                turn.first_delta = arrived[index] - sent_at
                sent_wall = sent_at + self.wall_offset
                turn.to_announced = built_at(announced) - sent_wall
                turn.to_built = built_at(event) - built_at(announced)
                turn.to_arrival = arrived[index] + self.wall_offset - built_at(event)
            elif event["payload"]["kind"] == "complete":
                turn.complete = arrived[index] - sent_at
        self.tally.turns.append(turn)
        return turn

    def record_deliveries(self) -> None:
        """Every interviewer event that arrived since the last call: built → on the socket."""
        events, arrived = self.client.events, self.client.arrived_at
        for index in range(self._delivered, len(events)):
            if events[index]["type"] in INTERVIEWER_EVENTS and events[index].get("seq"):
                self.tally.deliveries.append(arrived[index] + self.wall_offset - built_at(events[index]))
        self._delivered = len(events)

    async def close(self) -> None:
        already_failed = any(e.startswith(f"session {self.client.session_id}:") for e in self.tally.errors)
        if not self.client.connected and not already_failed:  # one failing session is one error
            self.tally.errors.append(f"session {self.client.session_id}: socket closed by the server")
        if self._heartbeat is not None:
            self._heartbeat.cancel()
        await self.client.close()


async def open_browsers(base_url: str, count: int, tally: Tally) -> list[Browser]:
    limit = asyncio.Semaphore(25)  # HTTP creations and handshakes in flight; all sockets stay open after

    async def one(http: httpx.AsyncClient) -> Browser | None:
        async with limit:
            try:
                return await Browser.open(http, base_url, tally)
            except Exception as exc:  # noqa: BLE001 - a failed connect is a counted error, not a crash
                tally.errors.append(f"connect failed: {exc!r}")
                return None

    async with httpx.AsyncClient(timeout=60, limits=httpx.Limits(max_connections=25)) as http:
        browsers = await asyncio.gather(*(one(http) for _ in range(count)))
    opened = [b for b in browsers if b is not None]
    tally.sessions = len(opened)
    return opened


async def interview(browser: Browser, actions: int, think_s: tuple[float, float]) -> None:
    """Start, then `actions` of ACTIONS, thinking a while before each (as a candidate reads and types)."""
    try:
        await browser.act("start")
        for i in range(actions):
            await asyncio.sleep(random.uniform(*think_s))
            await browser.act(ACTIONS[i % len(ACTIONS)])
    except (TimeoutError, ConnectionError, OSError) as exc:
        browser.tally.errors.append(f"session {browser.client.session_id}: {exc!r}"[:300])


async def one_at_a_time(base_url: str, message_turns: int, per_interview: int, tally: Tally) -> Tally:
    """Interviews one after another, no pause between turns, until `message_turns` message turns are timed."""
    while len(tally.of("message", "first_delta")) < message_turns:
        [browser] = await open_browsers(base_url, 1, tally)
        try:
            await interview(browser, per_interview, (0.0, 0.0))
        finally:
            await browser.close()
        if tally.errors:
            break
    return tally


async def concurrently(base_url: str, interviews: int, actions: int, think_s: tuple[float, float],
                       tally: Tally) -> Tally:
    """`interviews` at once, their starts spread over the first think time."""
    browsers = await open_browsers(base_url, interviews, tally)

    async def staggered(browser: Browser) -> None:
        await asyncio.sleep(random.uniform(0, think_s[1]))
        await interview(browser, actions, think_s)

    try:
        await asyncio.gather(*(staggered(b) for b in browsers))
    finally:
        await asyncio.gather(*(b.close() for b in browsers))
    return tally


def print_turns(label: str, tally: Tally) -> None:
    print(f"  {label}  load={load_average()}", flush=True)
    for kind, what in (("message", "candidate message"), ("run", "Run pressed (sandbox, then words)"),
                       ("hint", "hint button (get_hint, then words)"), ("start", "start (greeting, problem)")):
        first, complete = tally.of(kind, "first_delta"), tally.of(kind, "complete")
        if first:
            print(f"    {what}: → first delta {spread(first)}; → complete reply {spread(complete)}", flush=True)
    hops = [(name, tally.of("message", name)) for name in ("to_announced", "to_built", "to_arrival")]
    if all(samples for _, samples in hops):
        print("    where a message turn's first-delta wait goes (p50, ms): "
              f"sent → turn announced by the interviewer {ms(percentile(hops[0][1], 0.5))}, "
              f"→ first delta built {ms(percentile(hops[1][1], 0.5))}, "
              f"→ on the socket {ms(percentile(hops[2][1], 0.5))}", flush=True)
    for error in tally.errors[:5]:
        print(f"    error: {error}", flush=True)


async def turn_latency(stack: LocalStack, label: str, args: argparse.Namespace) -> tuple[Tally, Tally]:
    base_url = stack.urls[0]
    warm = Tally()
    [browser] = await open_browsers(base_url, 1, warm)  # imports, pools, query plans, the intent model
    await interview(browser, 4, (0.0, 0.0))
    await browser.close()
    single, many = Tally(), Tally()
    with cpu_report(stack, single):
        await one_at_a_time(base_url, args.samples, len(ACTIONS), single)
    print_turns(f"{label}, 1 interview at a time:", single)
    with cpu_report(stack, many):
        await concurrently(base_url, args.concurrent, args.actions, (args.think_s / 2, args.think_s * 1.5), many)
    print_turns(f"{label}, {args.concurrent} concurrent interviews (think time "
                f"{args.think_s / 2:.1f}–{args.think_s * 1.5:.1f} s before each action):", many)
    return single, many


# ---- 3. many connected sessions -----------------------------------------------------------------------


async def connected_sessions(stack: LocalStack, sessions: int, acting: int, seconds: float) -> Tally:
    """`sessions` sockets open at once, each sending the browser's heartbeats; `acting` of them start
    their interview at a random moment within `seconds` (the greeting, the problem, the phase change: a
    burst of events per session), and every interviewer event is timed from when it was built to its
    arrival. (One interviewer replica on a shared 2-core machine takes a few starts a second.)"""
    tally = Tally()
    browsers = await open_browsers(stack.urls[0], sessions, tally)
    print(f"  {len(browsers)} sockets open at once; interviews start over {seconds:.0f} s  load={load_average()}",
          flush=True)

    async def candidate(browser: Browser) -> None:
        await asyncio.sleep(random.uniform(0, seconds))
        if browsers.index(browser) >= acting:
            await asyncio.sleep(seconds)  # connected, heartbeating, idle
            return
        try:
            await browser.act("start", timeout=300)
        except (TimeoutError, ConnectionError, OSError) as exc:
            tally.errors.append(f"session {browser.client.session_id}: {exc!r}"[:300])

    try:
        with cpu_report(stack, tally):
            await asyncio.gather(*(candidate(b) for b in browsers))
    finally:
        for browser in browsers:
            browser.record_deliveries()
        await asyncio.gather(*(b.close() for b in browsers))
    return tally


# ---- the run ------------------------------------------------------------------------------------------


async def run(args: argparse.Namespace) -> int:
    print(f"open files limit: {raise_open_files_limit(4 * args.sessions + 1024)}")
    print(f"load average before: {load_average()}", flush=True)
    with private_vhost() as rabbitmq_url:
        async with running_stack(rabbitmq_url, "offline") as stack:
            print("offline interviewer (every worker kind running, one replica each):", flush=True)
            offline_single, offline_many = await turn_latency(stack, "offline", args)
            print(f"{args.sessions} connected sessions on one gateway, {args.acting} of them starting their "
                  "interview (offline interviewer):", flush=True)
            crowd = await connected_sessions(stack, args.sessions, args.acting, args.seconds)
            print(f"  interviewer event built → on the socket: {spread(crowd.deliveries)}", flush=True)
            print_turns(f"turns among {args.sessions} sessions:", crowd)
        async with paced_model() as model_url, running_stack(rabbitmq_url, "openai", model_url) as stack:
            print(f"the floor: two bare FastStream hops (publish → echo in another process → consume), "
                  f"{args.pause_ms:.0f} ms between samples:", flush=True)
            floor = await bare_round_trips(rabbitmq_url, args.floor_samples, args.pause_ms / 1000)
            print(f"  {spread(floor)}  load={load_average()}", flush=True)
            print(f"paced stand-in model over the OpenAI-compatible API (first token after {MODEL_FIRST_TOKEN_MS:.0f} "
                  f"ms, {MODEL_TOKENS_PER_S:.0f} tokens/s):", flush=True)
            single, many = await turn_latency(stack, "paced model", args)
            model_waits = await model_first_token_waits(model_url)
            print(f"  the model's own first-token wait (as the stand-in measured it): {spread(model_waits)}", flush=True)
    print(f"load average after: {load_average()}", flush=True)

    first, first_100 = single.of("message", "first_delta"), many.of("message", "first_delta")
    model_wait = percentile(model_waits, 0.5)
    overhead = percentile(first, 0.5) - model_wait
    print(f"turn_complete_p50_ms={ms(percentile(single.of('message', 'complete'), 0.5))}")
    print(f"turn_complete_p99_ms_100={ms(percentile(many.of('message', 'complete'), 0.99))}")
    print(f"turn_first_delta_offline_p99_ms_100={ms(percentile(offline_many.of('message', 'first_delta'), 0.99))}")
    print(f"turn_first_delta_p99_ms_100_above_model={ms(percentile(first_100, 0.99) - model_wait)}")
    print(f"floor_p50_ms={ms(percentile(floor, 0.5))} model_first_token_p50_ms={ms(model_wait)} "
          f"mockmind_first_delta_p50_ms={ms(overhead)}")
    print(f"turn_first_delta_p50_ms={ms(percentile(first, 0.5))}")
    print(f"turn_first_delta_p99_ms={ms(percentile(first, 0.99))}")
    print(f"turn_first_delta_p99_ms_100={ms(percentile(first_100, 0.99))}")
    print(f"turn_overhead_ratio={overhead / percentile(floor, 0.5):.2f}")
    print(f"ws_event_p99_ms={ms(percentile(crowd.deliveries, 0.99))}")
    print(f"ws_sessions={crowd.sessions}")
    print(f"ws_errors={len(crowd.errors)}", flush=True)
    turn_errors = offline_single.errors + offline_many.errors + single.errors + many.errors
    return 0 if not crowd.errors and not turn_errors and crowd.sessions == args.sessions else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", type=int, default=200, help="message turns timed at 1 interview at a time")
    parser.add_argument("--concurrent", type=int, default=100, help="interviews at once")
    parser.add_argument("--actions", type=int, default=5, help="actions of each concurrent interview after its start")
    parser.add_argument("--think-s", type=float, default=20.0, help="mean think time before each concurrent action")
    parser.add_argument("--sessions", type=int, default=500, help="connected WebSocket sessions")
    parser.add_argument("--acting", type=int, default=100, help="of those, sessions that start their interview")
    parser.add_argument("--seconds", type=float, default=60.0, help="window over which those sessions start")
    parser.add_argument("--floor-samples", type=int, default=300, help="bare two-hop round trips")
    parser.add_argument("--pause-ms", type=float, default=20.0, help="pause between floor samples")
    parser.add_argument("--echo", nargs=3, metavar=("RABBITMQ_URL", "QUEUE", "REPLY_QUEUE"),
                        help=argparse.SUPPRESS)  # the echo process of the floor
    args = parser.parse_args()
    if args.echo:
        asyncio.run(echo_forever(*args.echo))
    sys.exit(asyncio.run(run(args)))


if __name__ == "__main__":
    main()
