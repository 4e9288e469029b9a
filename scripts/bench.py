"""`make bench`: the bus round trip and 500 concurrent WebSocket sessions, on loopback, in one run.

Starts a gateway and the embedded (offline) interviewer as real processes with `LocalStack`, on a
RabbitMQ vhost and a PostgreSQL database of their own (both removed at the end), then measures:

1. bus round trip, gateway → interviewer → gateway: from sending `send_message` on a WebSocket to the
   first `agent_thinking` event of the turn it starts. One message in flight at a time, so this is the
   latency of one hop pair (the gateway numbers the turn and publishes it, the interviewer consumes it,
   takes the session's lease and logs its `agent_thinking` in one statement and publishes it, the
   gateway consumes it and writes the socket).
   Beside it, the pure bus hop (publish → consume through loopback RabbitMQ with a FastStream broker)
   and the floor under the round trip: two such hops through a second process that echoes, with and
   without a pause between samples (processes that have gone idle take longer to answer).
2. 500 WebSocket sessions against that one gateway: sessions created over HTTP, 500 sockets open at
   once, each sending a heartbeat about once a second and timing it to its `heartbeat_ack` (one in flight
   per socket, so the reply that matches is the next ack); 25 of the sockets also send one `send_message`
   each, timed to its first `agent_thinking` (bounded by the one interviewer process, reported apart).
   The CPU time the gateway and this client used during the load is printed: on a shared 2-core machine
   that, not the network, is what bounds the figures.

The machine may be shared with other heavy work: the load average is printed with the figures.
The required figures are the last lines: bus_rtt_p50_ms, bus_rtt_p99_ms, ws_sessions, ws_event_p99_ms, ws_errors.
"""

import argparse
import asyncio
import contextlib
import json
import math
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import httpx
import websockets

from runtime.local_stack import LocalStack, free_port

POSTGRES_ADMIN_URL = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@localhost:5432/postgres")
RABBIT_HOST = os.environ.get("BENCH_RABBITMQ_HOST", "localhost:5672")
SECRET = "bench-secret"


# ---- figures -------------------------------------------------------------------------------------


def percentile(samples: list[float], fraction: float) -> float:
    """Nearest-rank percentile: the smallest sample with at least `fraction` of all samples at or below it."""
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    rank = math.ceil(round(fraction * len(ordered), 9))  # round: 0.99 * 300 must be 297, not 297.0000001
    return ordered[max(1, rank) - 1]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f}"


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


# ---- a private vhost and database ------------------------------------------------------------------


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


@contextlib.asynccontextmanager
async def sqlite_database(directory: str):
    """For comparison: the same run with SQLite shows how much of the round trip is database round trips."""
    yield f"sqlite+aiosqlite:///{directory}/mockmind.db"


# ---- a timing WebSocket client ----------------------------------------------------------------------


@dataclass
class Arrival:
    at: float  # perf_counter, for latencies
    wall: float  # time.time, to compare with the `timestamp` a service put in the event
    event: dict

    def created_wall(self) -> float:
        """When the service built the event (before numbering it in the database and publishing it)."""
        return datetime.fromisoformat(self.event["timestamp"]).timestamp()


@dataclass
class TimedSocket:
    """One session's socket; every frame is stamped with its arrival time as it is read."""

    base_url: str
    session_id: str
    token: str
    socket: websockets.ClientConnection | None = None
    arrivals: asyncio.Queue = field(default_factory=asyncio.Queue)
    errors: list[str] = field(default_factory=list)
    closed_cleanly: bool = False
    _reader: asyncio.Task | None = None

    @classmethod
    async def create(cls, http: httpx.AsyncClient, base_url: str) -> "TimedSocket":
        response = await http.post(f"{base_url}/api/sessions", json={"difficulty": "easy", "language": "python"})
        response.raise_for_status()
        body = response.json()
        return cls(base_url, body["session_id"], body["token"])

    async def connect(self) -> None:
        url = f"{self.base_url.replace('http://', 'ws://')}/ws/{self.session_id}?token={self.token}"
        self.socket = await websockets.connect(url, max_size=2**24, open_timeout=60, ping_interval=None)
        self._reader = asyncio.create_task(self._read())
        await self.next_of("session_ready", timeout=60)

    async def _read(self) -> None:
        try:
            async for frame in self.socket:
                event = json.loads(frame)
                if event["type"] == "error":
                    self.errors.append(f"error event: {event['payload'].get('code')}")
                await self.arrivals.put(Arrival(time.perf_counter(), time.time(), event))
        except websockets.ConnectionClosed as exc:
            if not self.closed_cleanly:
                self.errors.append(f"closed unexpectedly: {exc}")

    async def send(self, event_type: str, payload: dict | None = None) -> float:
        frame = json.dumps({"type": event_type, "message_id": uuid.uuid4().hex, "payload": payload or {}})
        sent_at = time.perf_counter()
        await self.socket.send(frame)
        return sent_at

    async def next_of(self, wanted: str, *, timeout: float = 30.0, status: str | None = None) -> "Arrival":
        """The next frame of type `wanted` (and agent_thinking `status`), skipping others."""
        async with asyncio.timeout(timeout):
            while True:
                arrival = await self.arrivals.get()
                event = arrival.event
                if event["type"] == wanted and (status is None or event["payload"].get("status") == status):
                    return arrival

    async def close(self) -> None:
        self.closed_cleanly = True
        if self.socket is not None:
            await self.socket.close()
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)


# ---- 1. bus round trip -------------------------------------------------------------------------------


@dataclass
class RoundTrip:
    total: float  # WS send → first agent_thinking on the WS
    inbound: float  # WS send → the interviewer builds its announcement: gateway, turn numbered, bus hop in
    outbound: float  # announcement built → on the WS: lease and log (one statement), bus hop out, gateway, socket


async def bus_round_trips(base_url: str, samples: int, per_session: int = 8) -> list[RoundTrip]:
    """send_message → first agent_thinking, one at a time. Sessions are rotated so the candidate's
    message rate limit (burst 10, including start_interview) is never hit."""
    trips: list[RoundTrip] = []
    async with httpx.AsyncClient(timeout=30) as http:
        while len(trips) < samples:
            client = await TimedSocket.create(http, base_url)
            await client.connect()
            try:
                await client.send("start_interview")
                await client.next_of("agent_thinking", status="done")
                for _ in range(min(per_session, samples - len(trips))):
                    sent_wall = time.time()
                    sent_at = await client.send("send_message", {"text": "How large can the input get?"})
                    first = await client.next_of("agent_thinking")
                    trips.append(RoundTrip(first.at - sent_at, first.created_wall() - sent_wall,
                                           first.wall - first.created_wall()))
                    await client.next_of("agent_thinking", status="done")
                if client.errors:
                    raise RuntimeError(f"bus round trip: {client.errors}")
                print(f"  … {len(trips)}/{samples}", flush=True)
            finally:
                await client.close()
    return trips


async def pure_bus_hops(rabbitmq_url: str, samples: int) -> list[float]:
    """Publish → consume on one loopback RabbitMQ queue through FastStream, no service code in between."""
    from faststream.rabbit import RabbitBroker, RabbitQueue

    broker = RabbitBroker(rabbitmq_url, log_level=0)
    queue = RabbitQueue(f"bench.hop.{uuid.uuid4().hex[:8]}", auto_delete=True)
    arrived: asyncio.Queue[tuple[float, float]] = asyncio.Queue()

    @broker.subscriber(queue)
    async def consume(body: dict) -> None:
        arrived.put_nowait((body["sent_at"], time.perf_counter()))

    async with broker:
        await broker.start()
        hops = []
        for _ in range(samples):
            await broker.publish({"sent_at": time.perf_counter()}, queue=queue)
            sent_at, received_at = await asyncio.wait_for(arrived.get(), 10)
            hops.append(received_at - sent_at)
    return hops


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
    """The floor under the bus round trip: publish → a second process echoes it back → consume, through
    FastStream and loopback RabbitMQ, with no middleware, database or service code; `pause_s` between
    samples lets the processes go idle, as ours do while they wait on each other within a turn."""
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
        await asyncio.wait_for(echo.stdout.readline(), 30)  # "ready": its queue exists
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


# ---- 2. many sockets ----------------------------------------------------------------------------------


@dataclass
class LoadResult:
    sessions: int = 0
    heartbeat_times: list[float] = field(default_factory=list)
    turn_times: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


async def open_sessions(base_url: str, count: int, result: LoadResult) -> list[TimedSocket]:
    limit = asyncio.Semaphore(25)  # HTTP creations and handshakes in flight; all sockets stay open after

    async def one(http: httpx.AsyncClient) -> TimedSocket | None:
        async with limit:
            try:
                client = await TimedSocket.create(http, base_url)
                await client.connect()
                return client
            except Exception as exc:  # noqa: BLE001 - a failed connect is a counted error, not a crash
                result.errors.append(f"connect failed: {exc!r}")
                return None

    async with httpx.AsyncClient(timeout=60, limits=httpx.Limits(max_connections=25)) as http:
        clients = await asyncio.gather(*(one(http) for _ in range(count)))
    return [c for c in clients if c is not None]


async def drive_socket(client: TimedSocket, seconds: float, turns: int, result: LoadResult) -> None:
    """About one heartbeat a second (within the 2/s limit), each timed to its ack; `turns` messages
    at random moments of the run, each timed to its turn's first agent_thinking."""
    await asyncio.sleep(random.uniform(0, 1))  # spread the sockets over the second
    deadline = time.perf_counter() + seconds
    turn_at = sorted(random.uniform(0, seconds * 0.6) for _ in range(turns))
    start = time.perf_counter()
    try:
        while time.perf_counter() < deadline:
            if turn_at and time.perf_counter() - start >= turn_at[0]:
                turn_at.pop(0)
                sent_at = await client.send("send_message", {"text": "Can the input be empty?"})
                result.turn_times.append((await client.next_of("agent_thinking", timeout=60)).at - sent_at)
                continue
            sent_at = await client.send("heartbeat")
            result.heartbeat_times.append((await client.next_of("heartbeat_ack", timeout=30)).at - sent_at)
            await asyncio.sleep(max(0.0, 1.0 - (time.perf_counter() - sent_at)))
    except (TimeoutError, websockets.ConnectionClosed) as exc:
        result.errors.append(f"session {client.session_id}: {exc!r}")


def cpu_seconds(pid: int) -> tuple[float, float]:
    """(seconds on a CPU, seconds runnable but waiting for one) of all the process's threads so far,
    from the scheduler's own accounting (/proc/…/schedstat; Linux). A large wait means a starved CPU."""
    running = waiting = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(FileNotFoundError):  # a thread that just ended
            on_cpu, on_queue, _ = (int(n) for n in (task / "schedstat").read_text().split())
            running, waiting = running + on_cpu, waiting + on_queue
    return running / 1e9, waiting / 1e9


async def websocket_load(base_url: str, gateway_pid: int, sessions: int, seconds: float,
                         turn_sessions: int) -> LoadResult:
    """All sockets send heartbeats; the first `turn_sessions` of them also send one send_message each,
    so the gateway carries bus traffic too without queueing more turns than one interviewer can take."""
    result = LoadResult()
    clients = await open_sessions(base_url, sessions, result)
    result.sessions = len(clients)
    print(f"  {len(clients)} sockets open at once; driving them for {seconds:.0f} s  load={load_average()}", flush=True)
    # Per-process scheduler accounting: is the gateway slow, or waiting for a CPU someone else holds?
    gateway_before, own_before, started = cpu_seconds(gateway_pid), cpu_seconds(os.getpid()), time.perf_counter()
    try:
        await asyncio.gather(*(drive_socket(c, seconds, int(i < turn_sessions), result) for i, c in enumerate(clients)))
        wall = time.perf_counter() - started
        frames = len(result.heartbeat_times) + len(result.turn_times)
        for who, pid, before in (("gateway", gateway_pid, gateway_before), ("bench client", os.getpid(), own_before)):
            ran, waited = (after - b for after, b in zip(cpu_seconds(pid), before, strict=True))
            print(f"  {who} over {wall:.1f} s: on a CPU {ran:.1f} s ({1e6 * ran / max(frames, 1):.0f} µs per client "
                  f"frame), runnable but waiting for a CPU {waited:.1f} s", flush=True)
    finally:
        await asyncio.gather(*(c.close() for c in clients))
    result.errors += [e for c in clients for e in c.errors]
    return result


# ---- the run ------------------------------------------------------------------------------------------


async def run(args: argparse.Namespace) -> int:
    print(f"open files limit: {raise_open_files_limit(4 * args.sessions + 1024)}")
    print(f"load average before: {load_average()}  database={args.database}", flush=True)
    with private_vhost() as rabbitmq_url, tempfile.TemporaryDirectory() as scratch:
        database = private_database() if args.database == "postgres" else sqlite_database(scratch)
        async with database as database_url:
            env = {
                "RABBITMQ_URL": rabbitmq_url, "DATABASE_URL": database_url, "SESSION_SECRET": SECRET,
                "LOG_LEVEL": "WARNING", "LLM_PROVIDER": "offline", "DD_TRACE_ENABLED": "false",
            }
            stack = LocalStack(env=env, gateway_ports=[free_port()], echo=False,
                               replicas={"interviewer-agent": 1, "feedback-agent": 0, "tts": 0, "sandbox-worker": 0})
            try:
                await stack.start(timeout_s=120)
            except (TimeoutError, RuntimeError):
                for name, lines in stack.group.logs.items():
                    print("\n".join(f"{name}: {line}" for line in lines[-20:]), file=sys.stderr)
                raise
            try:
                return await measure(stack, rabbitmq_url, args)
            finally:
                await stack.stop()


async def measure(stack: LocalStack, rabbitmq_url: str, args: argparse.Namespace) -> int:
    base_url = stack.urls[0]
    print("pure bus hop (FastStream publish → consume, loopback RabbitMQ):", flush=True)
    hops = await pure_bus_hops(rabbitmq_url, args.samples)
    print(f"  bus_hop_p50_ms={ms(percentile(hops, 0.5))} bus_hop_p99_ms={ms(percentile(hops, 0.99))} "
          f"n={len(hops)}  load={load_average()}", flush=True)

    print("bare two-hop round trip (FastStream publish → echo in another process → consume; the floor):", flush=True)
    for pause_s in (0.0, 0.005):
        trips = await bare_round_trips(rabbitmq_url, args.samples, pause_s)
        print(f"  {pause_s * 1000:.0f} ms between samples: p50={ms(percentile(trips, 0.5))} "
              f"p99={ms(percentile(trips, 0.99))}  load={load_average()}", flush=True)

    print("bus round trip (WS send_message → gateway → interviewer → gateway → WS agent_thinking):", flush=True)
    await bus_round_trips(base_url, 8)  # warm-up: imports, connection pools, query plans
    pids = {name: stack.group.processes[f"{name}-1"].pid for name in ("gateway", "interviewer-agent")}
    before = {name: cpu_seconds(pid) for name, pid in pids.items()}
    trips = await bus_round_trips(base_url, args.samples)
    rtts = [t.total for t in trips]
    print(f"  n={len(rtts)} min={ms(min(rtts))} max={ms(max(rtts))}  load={load_average()}", flush=True)
    for name, pid in pids.items():
        ran, waited = ((after - b) / len(trips) for after, b in zip(cpu_seconds(pid), before[name], strict=True))
        print(f"  {name} per sample (a whole turn, start turns included): on a CPU {ms(ran)} ms, "
              f"runnable but waiting for a CPU {ms(waited)} ms", flush=True)
    for part, what in (("inbound", "WS send → announcement built by the interviewer"),
                       ("outbound", "announcement built → leased, logged, on the WS")):
        times = [getattr(t, part) for t in trips]
        print(f"  {part} ({what}): p50={ms(percentile(times, 0.5))} p99={ms(percentile(times, 0.99))}", flush=True)

    print(f"{args.sessions} concurrent WebSocket sessions on one gateway:", flush=True)
    load = await websocket_load(base_url, stack.group.processes["gateway-1"].pid, args.sessions, args.seconds,
                                args.turn_sessions)
    print(f"  heartbeat→ack n={len(load.heartbeat_times)} p50={ms(percentile(load.heartbeat_times, 0.5))} "
          f"max={ms(max(load.heartbeat_times))}", flush=True)
    if load.turn_times:
        print(f"  send_message→agent_thinking under load (one interviewer process) n={len(load.turn_times)} "
              f"p50={ms(percentile(load.turn_times, 0.5))} p99={ms(percentile(load.turn_times, 0.99))}")
    for error in load.errors[:10]:
        print(f"  error: {error}")
    print(f"load average after: {load_average()}", flush=True)

    print(f"bus_rtt_p50_ms={ms(percentile(rtts, 0.5))}")
    print(f"bus_rtt_p99_ms={ms(percentile(rtts, 0.99))}")
    print(f"ws_sessions={load.sessions}")
    print(f"ws_event_p99_ms={ms(percentile(load.heartbeat_times, 0.99))}")
    print(f"ws_errors={len(load.errors)}", flush=True)
    return 0 if not load.errors and load.sessions == args.sessions else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", type=int, default=100, help="bus round trips (and pure hops) to time")
    parser.add_argument("--sessions", type=int, default=500, help="concurrent WebSocket sessions")
    parser.add_argument("--seconds", type=float, default=20.0, help="how long the sockets send heartbeats")
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--turn-sessions", type=int, default=25,
                        help="sockets that also send one send_message during the load")
    parser.add_argument("--echo", nargs=3, metavar=("RABBITMQ_URL", "QUEUE", "REPLY_QUEUE"),
                        help=argparse.SUPPRESS)  # the echo process of the bare round trip
    args = parser.parse_args()
    if args.echo:
        asyncio.run(echo_forever(*args.echo))
    sys.exit(asyncio.run(run(args)))


if __name__ == "__main__":
    main()
