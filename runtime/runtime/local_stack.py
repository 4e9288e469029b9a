"""Run the whole platform on this machine: gateway replica(s) and worker replicas as processes.

`make dev` runs it in the foreground; `make smoke`, the benchmarks and the end-to-end tests start it
programmatically, each with its own RabbitMQ vhost, database and port when they need isolation.
"""

import argparse
import asyncio
import contextlib
import os
import signal
import socket
import time
from uuid import uuid4

import httpx

from .process_group import ProcessGroup, ServiceSpec

WORKER_MODULES = {
    "interviewer-agent": "interviewer_agent.main",
    "feedback-agent": "feedback_agent.main",
    "tts": "tts.main",
    "stt": "stt.main",
    "sandbox-worker": "sandbox_worker.main",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stack_specs(gateway_ports: list[int], replicas: dict[str, int] | None = None,
                kind_env: dict[str, dict[str, str]] | None = None) -> list[ServiceSpec]:
    """`kind_env` adds variables to one kind of service (e.g. its own broker credentials)."""
    replicas = {kind: 1 for kind in WORKER_MODULES} | (replicas or {})
    kind_env = kind_env or {}
    specs = [
        ServiceSpec(f"gateway-{i + 1}", "gateway.main",
                    {"PORT": str(port), "REPLICA_ID": f"gw{i + 1}-{uuid4().hex[:8]}"} | kind_env.get("gateway", {}))
        for i, port in enumerate(gateway_ports)
    ]
    for kind, module in WORKER_MODULES.items():
        specs += [ServiceSpec(f"{kind}-{i + 1}", module, kind_env.get(kind, {})) for i in range(replicas.get(kind, 0))]
    return specs


async def _first_of(main: asyncio.Future, guard) -> None:
    guard_task = asyncio.ensure_future(guard)
    done, _ = await asyncio.wait({main, guard_task}, return_when=asyncio.FIRST_COMPLETED)
    for task in (main, guard_task):
        if task not in done:
            task.cancel()
    for task in done:
        task.result()


async def wait_healthy(base_url: str, *, need_workers: dict[str, int] | None = None, timeout_s: float = 60.0) -> dict:
    """Poll /api/health until RabbitMQ and the database are up and the wanted workers are seen (a stack
    started without some worker kinds answers 503, yet is what the caller asked for)."""
    need_workers = need_workers if need_workers is not None else {kind: 1 for kind in WORKER_MODULES}
    deadline = time.monotonic() + timeout_s
    last: dict | str = "no answer"
    async with httpx.AsyncClient(timeout=3) as http:
        while time.monotonic() < deadline:
            with contextlib.suppress(httpx.HTTPError):
                response = await http.get(f"{base_url}/api/health")
                last = response.json()
                alive = {k: v["alive"] for k, v in last.get("workers", {}).items()}
                ready = last.get("rabbitmq") == "ok" and last.get("database") == "ok"
                if ready and all(alive.get(k, 0) >= n for k, n in need_workers.items()):
                    return last
            await asyncio.sleep(0.25)
    raise TimeoutError(f"{base_url} not healthy after {timeout_s:.0f} s; last health: {last}")


class LocalStack:
    def __init__(self, *, env: dict[str, str] | None = None, gateway_ports: list[int] | None = None,
                 replicas: dict[str, int] | None = None, kind_env: dict[str, dict[str, str]] | None = None,
                 echo: bool = True):
        self.gateway_ports = gateway_ports or [8000]
        self.replicas = {kind: 1 for kind in WORKER_MODULES} | (replicas or {})
        self.specs = stack_specs(self.gateway_ports, self.replicas, kind_env)
        self.group = ProcessGroup(env, echo=echo)

    @property
    def urls(self) -> list[str]:
        return [f"http://127.0.0.1:{port}" for port in self.gateway_ports]

    async def start(self, timeout_s: float = 180.0) -> None:
        await self._migrate()
        for spec in self.specs:
            await self.group.start(spec)
        wanted = {k: n for k, n in self.replicas.items() if n}
        healthy = asyncio.gather(*(wait_healthy(url, need_workers=wanted, timeout_s=timeout_s) for url in self.urls))
        try:
            await _first_of(healthy, self._any_exit())
        except (TimeoutError, RuntimeError) as error:
            # Whoever started the stack (a test, a bench) sees why it did not start, with no code of its own.
            error.add_note(f"the last lines of each process:\n{self.log_tail()}")
            await self.stop()
            raise

    def log_tail(self, lines: int = 20) -> str:
        """The last `lines` of every process's log, prefixed with its name: what explains a failed start."""
        return "\n".join(f"{name}: {line}" for name, logged in self.group.logs.items() for line in logged[-lines:])

    async def _any_exit(self) -> None:
        """Raise as soon as a service process dies during start-up, instead of waiting for the timeout."""
        while not (failed := self.group.failed()):
            await asyncio.sleep(0.2)
        raise RuntimeError(f"service(s) exited during start-up: {failed}")

    async def _migrate(self) -> None:
        # Once, before any service starts, so replicas don't all race to create the schema.
        migrator = await self.group.start(ServiceSpec("migrate", "persistence.database"))
        if await migrator.wait() != 0:
            raise RuntimeError("database migration failed:\n" + "\n".join(self.group.logs["migrate"]))

    async def stop(self) -> None:
        await self.group.stop()


async def _run_forever(args: argparse.Namespace) -> None:
    replicas = {kind: args.replicas for kind in WORKER_MODULES}
    stack = LocalStack(gateway_ports=[args.port], replicas=replicas)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stack.start()
    print(f"\nMockMind is running at {stack.urls[0]}  (Ctrl-C stops everything)\n", flush=True)
    await stop.wait()
    print("\nstopping…", flush=True)
    await stack.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description="Run every MockMind service locally.")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--replicas", type=int, default=1, help="replicas of each worker")
    asyncio.run(_run_forever(parser.parse_args()))


if __name__ == "__main__":
    main()
