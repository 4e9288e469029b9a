"""Run one command inside a bubblewrap sandbox and supervise it.

Isolation (each layer is proven by tests/test_hostile.py):
- bwrap namespaces: new user, pid, net (only a private loopback), ipc, uts and cgroup namespaces;
  the candidate is uid 65534 inside and, when the worker runs as root, an unprivileged host uid too.
- File system: read-only /usr (the language runtimes) and the submission's own directory at /box;
  a fresh size-capped tmpfs at /tmp as the work dir; a private /proc and a minimal /dev. Nothing of
  /etc, /home, /root, the repo or the worker's files is visible.
- Environment: emptied; only PATH, HOME, LANG and the language's own variables are set.
- rlimits (CPU, address space, processes, file size, open files, no core dumps), set by the worker on
  bwrap's tree while it waits on --block-fd, or by a prlimit process where the worker may not do that.
- The worker supervises wall time and the CPU of the whole process tree per test, caps stdout,
  stderr and the harness's record stream, and on any limit SIGKILLs bwrap; `--die-with-parent`
  plus the pid namespace then take the whole process tree down with it.
"""

import asyncio
import atexit
import json
import os
import resource
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from .cgroup import CgroupPool, MemoryCgroup, memory_cgroup_root

BOX = "/box"  # where the submission's directory appears inside the sandbox
WORK = "/tmp"  # the fresh tmpfs work dir inside the sandbox
RECORD_STREAM_CAP = 32 * 1024 * 1024  # harness records carry actual results, which can be large
POLL_INTERVAL_S = 0.05
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class SandboxUnavailable(RuntimeError):
    """bwrap cannot run here; refuse to run untrusted code unless explicitly allowed."""


@dataclass
class RunLimits:
    """Limits for one sandboxed process. Per-test limits restart at each harness `start` record."""

    test_cpu_s: float
    test_wall_s: float
    startup_wall_s: float  # allowance before the first test starts (JVM start, imports)
    process_cpu_s: int  # RLIMIT_CPU backstop for any single process
    address_space_mb: int | None  # RLIMIT_AS; None for runtimes that reserve huge virtual ranges
    memory_mb: int | None  # cgroup memory cap for the whole tree, where the host allows cgroups
    max_processes: int
    file_size_kb: int
    open_files: int
    output_bytes: int
    tmpfs_mb: int
    # Runtimes that reserve huge virtual ranges (JVM, V8, Go) get RLIMIT_AS only as a loose backstop
    # for hosts without a memory cgroup; where the cgroup caps the tree, RLIMIT_AS is left off.
    address_space_only_without_cgroup: bool = False


@dataclass
class RunSpec:
    argv: list[str]  # as seen inside the sandbox; paths under BOX and WORK
    box_dir: Path
    limits: RunLimits
    env: dict[str, str] = field(default_factory=dict)
    box_writable: bool = False  # compilers write their output next to the source
    stdin: bytes = b""
    single_test: bool = False  # a whole program run as test 0: per-test limits apply from the start


@dataclass
class RunOutcome:
    records: list[dict]
    stdout: bytes
    stderr: bytes
    exit_code: int | None  # None when killed by a signal
    signal: int | None
    killed_for: str | None  # "wall" | "cpu" | "output" when the worker killed it
    killed_test: int | None  # the test running when it was killed or died
    wall_ms: float
    output_overflow: bool = False
    peak_memory_kb: int = 0  # of the whole tree, from the cgroup when there is one
    oom_killed: bool = False


@dataclass
class _Supervision:
    records: list[dict] = field(default_factory=list)
    current_test: int | None = None
    test_started: float = 0.0
    test_cpu_start: float | None = None  # taken at the first poll of a test: short tests cost no /proc reads
    killed_for: str | None = None


class Sandbox:
    """Builds the bwrap command line once per worker and runs specs under it."""

    def __init__(self, bwrap: str | None = None, allow_unisolated: bool | None = None, uid_base: int = 61000):
        self.bwrap = shutil.which(bwrap or os.environ.get("SANDBOX_BWRAP", "bwrap"))
        if allow_unisolated is None:
            allow_unisolated = os.environ.get("SANDBOX_ALLOW_UNISOLATED") == "1"
        self.uid_base = uid_base
        self.prlimit = shutil.which("prlimit")
        self.isolated = self.bwrap is not None and self._bwrap_works()
        if not self.isolated and not allow_unisolated:
            raise SandboxUnavailable(
                f"bubblewrap is not usable (SANDBOX_BWRAP={self.bwrap!r}); refusing to run untrusted code. "
                "Install bubblewrap, or set SANDBOX_ALLOW_UNISOLATED=1 on a development machine."
            )
        self._free_slots: list[int] = list(range(256))
        # Setting the rlimits of bwrap's blocked tree from here saves an exec per run, but needs CAP_SYS_RESOURCE
        # when the sandbox runs as another uid; without it a prlimit process wraps the command instead.
        self.worker_sets_rlimits = self.isolated and (os.geteuid() != 0 or _has_capability(CAP_SYS_RESOURCE))
        self.cgroup_root = memory_cgroup_root() if self.isolated and os.environ.get("SANDBOX_CGROUP") != "off" else None
        self.cgroups = CgroupPool(self.cgroup_root) if self.cgroup_root else None
        if self.cgroups:
            atexit.register(self.cgroups.close)

    def _bwrap_works(self) -> bool:
        return bwrap_probe([self.bwrap, "--unshare-all", *self._root_layout()], self._host_uid(0))

    # ---- command line --------------------------------------------------------------------------

    def _host_uid(self, slot: int) -> tuple[int, int] | None:
        """As root, run each concurrent sandbox as its own unprivileged host uid (like isolate's boxes)."""
        if os.geteuid() != 0:
            return None
        return self.uid_base + slot, self.uid_base + slot

    def _root_layout(self) -> list[str]:
        args = ["--ro-bind", "/usr", "/usr"]
        for top in ("/bin", "/lib", "/lib32", "/lib64", "/libx32", "/sbin"):
            if os.path.islink(top):
                args += ["--symlink", os.readlink(top), top]
            elif os.path.isdir(top):
                args += ["--ro-bind", top, top]
        return args

    def command(self, spec: RunSpec, extra_ro: list[str], block_fd: int | None = None,
                in_cgroup: bool = False) -> list[str]:
        inner = self._with_rlimits(spec, in_cgroup)
        if not self.isolated:
            return inner
        lim = spec.limits
        args = [self.bwrap] + (["--block-fd", str(block_fd)] if block_fd is not None else [])
        args += ["--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL"]
        args += ["--uid", "65534", "--gid", "65534", "--hostname", "sandbox"]
        args += self._root_layout()
        for path in extra_ro:
            if os.path.exists(path):
                args += ["--ro-bind", path, path]
        args += ["--proc", "/proc", "--dev", "/dev"]
        args += ["--size", str(lim.tmpfs_mb * 1024 * 1024), "--tmpfs", WORK]
        args += ["--bind" if spec.box_writable else "--ro-bind", str(spec.box_dir), BOX]
        args += ["--chdir", WORK, "--clearenv"]
        for key, value in self._env(spec).items():
            args += ["--setenv", key, value]
        return args + ["--"] + inner

    def _env(self, spec: RunSpec) -> dict[str, str]:
        return {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": WORK, "LANG": "C.UTF-8", **spec.env}

    def _with_rlimits(self, spec: RunSpec, in_cgroup: bool) -> list[str]:
        """Under bwrap the worker sets rlimits itself while bwrap waits on --block-fd (no extra process);
        only the unisolated development mode needs the prlimit command."""
        argv = [_unbox(a, spec.box_dir, self.isolated) for a in spec.argv]
        if self.worker_sets_rlimits or self.prlimit is None:
            return argv
        options = {resource.RLIMIT_CPU: "--cpu", resource.RLIMIT_NPROC: "--nproc", resource.RLIMIT_FSIZE: "--fsize",
                   resource.RLIMIT_NOFILE: "--nofile", resource.RLIMIT_CORE: "--core", resource.RLIMIT_AS: "--as"}
        return [self.prlimit, *(f"{options[r]}={value}" for r, value in _rlimits(spec.limits, in_cgroup).items()),
                "--", *argv]

    # ---- running -------------------------------------------------------------------------------

    async def run(self, spec: RunSpec, extra_ro: list[str] = ()) -> RunOutcome:
        slot = self._free_slots.pop(0)
        try:
            return await self._run(spec, list(extra_ro), slot)
        finally:
            self._free_slots.append(slot)

    async def _run(self, spec: RunSpec, extra_ro: list[str], slot: int) -> RunOutcome:
        record_read, record_write = os.pipe()
        cgroup = self._cgroup_for(spec.limits)
        block_read, block_write = os.pipe() if self.isolated else (None, None)
        owner = self._host_uid(slot)
        if owner and spec.box_writable:
            _chown_tree(spec.box_dir, owner)
        started = time.monotonic()
        argv = self.command(spec, extra_ro, block_read, in_cgroup=cgroup is not None)
        argv = [a.replace("{RECORD_FD}", str(record_write)) for a in argv]
        try:
            process = await asyncio.create_subprocess_exec(
                *argv,
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
                pass_fds=(record_write,) + ((block_read,) if block_read is not None else ()),
                env=self._env(spec) if not self.isolated else {},
                cwd=str(spec.box_dir) if not self.isolated else None,
                start_new_session=True,
                **({"user": owner[0], "group": owner[1], "extra_groups": []} if owner else {}),
            )
        except BaseException:
            os.close(record_read)
            if block_write is not None:
                os.close(block_write)
            if cgroup:
                self.cgroups.release(cgroup)
            raise
        finally:
            os.close(record_write)
            if block_read is not None:
                os.close(block_read)
        if block_write is not None:
            # bwrap waits on --block-fd, before it starts the command, until the tree is confined.
            try:
                _confine_tree(process.pid, cgroup,
                              _rlimits(spec.limits, cgroup is not None) if self.worker_sets_rlimits else {})
            except BaseException:  # never let the command start unconfined
                _kill(process)
                os.close(block_write)
                os.close(record_read)
                raise
            os.write(block_write, b"go")
            os.close(block_write)
        try:
            state = _Supervision(test_started=started, current_test=0 if spec.single_test else None,
                                 test_cpu_start=0.0 if spec.single_test else None)
            outcome = await self._watch(process, spec, state=state, started=started, record_read=record_read)
        finally:
            if cgroup:
                outcome_peak, oom = cgroup.peak_kb(), cgroup.oom_killed()
                self.cgroups.release(cgroup)
        if cgroup:
            outcome.peak_memory_kb, outcome.oom_killed = outcome_peak, oom
        return outcome

    def _cgroup_for(self, limits: RunLimits) -> MemoryCgroup | None:
        if self.cgroup_root is None or limits.memory_mb is None:
            return None
        try:
            return self.cgroups.acquire(limits.memory_mb * 1024 * 1024)
        except OSError:
            return None

    async def _watch(self, process, spec: RunSpec, state: _Supervision, started: float, record_read: int):
        output_overflow = asyncio.Event()
        readers = [
            asyncio.create_task(self._read_records(record_read, state, process, output_overflow)),
            asyncio.create_task(_read_capped(process.stdout, spec.limits.output_bytes, output_overflow)),
            asyncio.create_task(_read_capped(process.stderr, spec.limits.output_bytes, output_overflow)),
        ]
        asyncio.create_task(_feed_stdin(process, spec.stdin))
        try:
            await self._supervise(process, spec.limits, state, output_overflow, started)
        finally:
            if process.returncode is None:
                _kill(process)
                await process.wait()
        done, pending = await asyncio.wait(readers, timeout=2)
        for task in pending:
            task.cancel()
        stdout = readers[1].result() if readers[1] in done else b""
        stderr = readers[2].result() if readers[2] in done else b""
        code = process.returncode
        return RunOutcome(
            records=state.records,
            stdout=stdout,
            stderr=stderr,
            exit_code=code if code >= 0 else None,
            signal=-code if code < 0 else None,
            killed_for=state.killed_for,
            killed_test=state.current_test,
            wall_ms=(time.monotonic() - started) * 1000,
            output_overflow=output_overflow.is_set(),
        )

    async def _supervise(self, process, limits: RunLimits, state: _Supervision, overflow, started) -> None:
        waiter = asyncio.create_task(process.wait())
        while True:
            done, _ = await asyncio.wait({waiter}, timeout=POLL_INTERVAL_S)
            if done:
                return
            now = time.monotonic()
            reason = None
            if overflow.is_set():
                reason = "output"
            elif state.current_test is None:
                if now - state.test_started > limits.startup_wall_s:
                    reason = "wall"
            elif now - state.test_started > limits.test_wall_s:
                reason = "wall"
            elif state.test_cpu_start is None:
                state.test_cpu_start = _tree_cpu_seconds(process.pid)
            elif _tree_cpu_seconds(process.pid) - state.test_cpu_start > limits.test_cpu_s:
                reason = "cpu"
            if reason:
                state.killed_for = reason
                _kill(process)
                await waiter
                return

    async def _read_records(self, fd: int, state: _Supervision, process, overflow: asyncio.Event) -> None:
        loop = asyncio.get_running_loop()
        reader = asyncio.StreamReader(limit=RECORD_STREAM_CAP)
        transport, _ = await loop.connect_read_pipe(
            lambda: asyncio.StreamReaderProtocol(reader), os.fdopen(fd, "rb", buffering=0)
        )
        total = 0
        try:
            while line := await reader.readline():
                total += len(line)
                if total > RECORD_STREAM_CAP:
                    overflow.set()
                    return
                record = _parse_record(line)
                if record is None:
                    continue
                state.records.append(record)
                if record.get("t") == "start":
                    state.current_test = record.get("i")
                    state.test_started = time.monotonic()
                    state.test_cpu_start = None
                elif record.get("t") == "done":
                    state.current_test = None
                    state.test_started = time.monotonic()
        except (ValueError, asyncio.LimitOverrunError):
            overflow.set()
        finally:
            transport.close()


def _parse_record(line: bytes) -> dict | None:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        return None  # the candidate shares the harness's process and may scribble on the fd
    return record if isinstance(record, dict) else None


async def _read_capped(stream: asyncio.StreamReader, cap: int, overflow: asyncio.Event) -> bytes:
    chunks, size = [], 0
    while chunk := await stream.read(65536):  # keep draining past the cap so the pipe can close
        if size < cap:
            chunks.append(chunk[: cap - size])
        size += len(chunk)
        if size > cap:
            overflow.set()
    return b"".join(chunks)


async def _feed_stdin(process, data: bytes) -> None:
    try:
        if data:
            process.stdin.write(data)
            await process.stdin.drain()
        process.stdin.close()
    except (BrokenPipeError, ConnectionResetError):
        pass


def _kill(process) -> None:
    """SIGKILL bwrap's process group; its pid namespace and --die-with-parent end everything inside."""
    for kill in (lambda: os.killpg(process.pid, signal.SIGKILL), lambda: process.kill()):
        try:
            kill()
        except (ProcessLookupError, PermissionError):
            pass


def _child_pids(pid: int) -> list[int]:
    children = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                children.extend(int(child) for child in f.read().split())
    except (OSError, ValueError):
        pass
    return children


CAP_SYS_RESOURCE = 24


def _has_capability(number: int) -> bool:
    try:
        with open("/proc/self/status") as f:
            effective = next(line for line in f if line.startswith("CapEff:")).split()[1]
        return bool(int(effective, 16) >> number & 1)
    except (OSError, StopIteration, ValueError):
        return False


def _rlimits(lim: RunLimits, in_cgroup: bool) -> dict[int, int]:
    limits = {
        resource.RLIMIT_CPU: lim.process_cpu_s,
        resource.RLIMIT_NPROC: lim.max_processes,
        resource.RLIMIT_FSIZE: lim.file_size_kb * 1024,
        resource.RLIMIT_NOFILE: lim.open_files,
        resource.RLIMIT_CORE: 0,
    }
    if lim.address_space_mb is not None and not (in_cgroup and lim.address_space_only_without_cgroup):
        limits[resource.RLIMIT_AS] = lim.address_space_mb * 1024 * 1024
    return limits


def _confine_tree(pid: int, cgroup: MemoryCgroup | None, rlimits: dict[int, int]) -> None:
    """Move bwrap's (blocked) process tree into the cgroup and set its rlimits, which the command inherits.
    Each parent is confined before its children are listed, so nothing forked meanwhile is missed."""
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            if cgroup:
                cgroup.add(current)
            for limit, value in rlimits.items():
                _set_rlimit(current, limit, value)
        except (ProcessLookupError, FileNotFoundError):
            continue  # already gone
        except OSError as exc:
            if not os.path.exists(f"/proc/{current}"):
                continue
            raise SandboxUnavailable(f"cannot confine sandbox process {current}: {exc}") from exc
        stack.extend(_child_pids(current))


def _set_rlimit(pid: int, limit: int, value: int) -> None:
    try:
        resource.prlimit(pid, limit, (value, value))
    except ValueError:  # above the hard limit and we may not raise it (unprivileged worker): keep the hard one
        _, hard = resource.prlimit(pid, limit)
        resource.prlimit(pid, limit, (min(value, hard), hard))


def _tree_cpu_seconds(pid: int) -> float:
    """User+system CPU of a process and all its live descendants (and their reaped children)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
        except (OSError, ValueError, IndexError):
            continue
        stack.extend(_child_pids(current))
    return total / CLOCK_TICKS


def _unbox(arg: str, box_dir: Path, isolated: bool) -> str:
    """Without bwrap (dev only) paths under /box point at the host directory instead."""
    if isolated:
        return arg
    return arg.replace(BOX, str(box_dir))


def _chown_tree(root: Path, owner: tuple[int, int]) -> None:
    for dirpath, dirnames, filenames in os.walk(root):
        os.chown(dirpath, *owner)
        for name in filenames:
            os.chown(os.path.join(dirpath, name), *owner)


def bwrap_probe(bwrap_args: list[str], owner: tuple[int, int] | None) -> bool:
    try:
        result = subprocess.run(
            [*bwrap_args, "--", "/usr/bin/true"],
            capture_output=True,
            timeout=10,
            env={},
            **({"user": owner[0], "group": owner[1], "extra_groups": []} if owner else {}),
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0

