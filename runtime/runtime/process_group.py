"""Start several service processes with prefixed, interleaved logs, and stop them all together.

Used by `make dev`, `make smoke`, the benchmarks and the end-to-end tests, so all of them start the
services exactly the same way: `python -m <module>` with the given environment.
"""

import asyncio
import contextlib
import os
import signal
import sys
from dataclasses import dataclass, field


@dataclass
class ServiceSpec:
    name: str  # log prefix, e.g. "gateway-1"
    module: str  # e.g. "gateway.main"
    env: dict[str, str] = field(default_factory=dict)


class ProcessGroup:
    def __init__(self, base_env: dict[str, str] | None = None, *, echo: bool = True):
        self.base_env = {**os.environ, **(base_env or {})}
        self.echo = echo
        self.processes: dict[str, asyncio.subprocess.Process] = {}
        self.logs: dict[str, list[str]] = {}
        self._pumps: list[asyncio.Task] = []

    async def start(self, spec: ServiceSpec) -> asyncio.subprocess.Process:
        env = {**self.base_env, **spec.env, "PYTHONUNBUFFERED": "1"}
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", spec.module,
            env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
            start_new_session=True,  # so a Ctrl-C in the terminal reaches us only, and we stop them in order
        )
        self.processes[spec.name] = process
        self.logs[spec.name] = []
        self._pumps.append(asyncio.create_task(self._pump(spec.name, process)))
        return process

    async def _pump(self, name: str, process: asyncio.subprocess.Process) -> None:
        width = max(len(n) for n in self.processes)
        assert process.stdout is not None
        async for raw in process.stdout:
            line = raw.decode(errors="replace").rstrip()
            self.logs[name].append(line)
            if self.echo:
                print(f"{name:<{width}} | {line}", flush=True)

    def kill(self, name: str, sig: int = signal.SIGKILL) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.processes[name].send_signal(sig)

    async def stop(self, timeout_s: float = 10.0) -> None:
        for process in self.processes.values():
            if process.returncode is None:
                with contextlib.suppress(ProcessLookupError):
                    process.send_signal(signal.SIGTERM)
        for process in self.processes.values():
            try:
                await asyncio.wait_for(process.wait(), timeout_s)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
                await process.wait()
        for pump in self._pumps:
            pump.cancel()
        await asyncio.gather(*self._pumps, return_exceptions=True)

    def failed(self) -> dict[str, int]:
        return {n: p.returncode for n, p in self.processes.items() if p.returncode not in (None, 0)}
