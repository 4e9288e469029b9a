"""Run one command inside a bubblewrap sandbox and supervise it.

Isolation (each layer is proven by tests/test_hostile.py):
- bwrap namespaces: new user, pid, net (only a private loopback), ipc, uts and cgroup namespaces;
  the candidate is uid 65534 inside and, when the worker runs as root, an unprivileged host uid too.
- seccomp (seccomp.py): io_uring, bpf, perf_event_open, ptrace, keyrings, new namespaces, mounts, kexec
  and modules are denied to every process in the sandbox; other architectures and the x32 ABI too.
- File system: read-only /usr (the language runtimes) and the submission's own directory at /box;
  a fresh size-capped tmpfs at /tmp as the work dir; a private /proc and a minimal /dev. Nothing of
  /etc, /home, /root, the repo or the worker's files is visible.
- Environment: emptied; only PATH, HOME, LANG and the language's own variables are set.
- rlimits (CPU, address space, processes, file size, open files, no core dumps), set by the worker on
  bwrap's tree while it waits on --block-fd, or by a prlimit process where the worker may not do that;
  for a runtime that waits for its go line (warm.py: Python's harness, pre-started or started for the run),
  by that runtime itself before it reads the candidate's code (lowering a limit needs no privilege), once
  the worker has moved its tree into its memory cgroup.
- The worker supervises wall time and the CPU of the whole process tree per test, caps stdout,
  stderr and the harness's record stream, and on any limit SIGKILLs bwrap; `--die-with-parent`
  plus the pid namespace then take the whole process tree down with it. When the harness reports its end
  (END_RECORD) the tree is SIGKILLed at once and the verdict returned; the host uid, the cgroup and the box
  are given back only once the tree has been reaped.
"""

import asyncio
import atexit
import json
import logging
import os
import resource
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from .cgroup import CgroupPool, MemoryCgroup, memory_cgroup_root
from .children import watch_children_with_pidfds
from .seccomp import filter_program
from .warm import WarmPool

log = logging.getLogger(__name__)

BOX = "/box"  # where the submission's directory appears inside the sandbox
WORK = "/tmp"  # the fresh tmpfs work dir inside the sandbox
RECORD_STREAM_CAP = 32 * 1024 * 1024  # harness records carry actual results, which can be large
POLL_INTERVAL_S = 0.05
WARM_POOL_DEFAULT = 4  # pre-started sandboxes per worker (SANDBOX_WARM_POOL); 0 disables the pool
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


@dataclass(frozen=True)
class WarmStart:
    """How to start a run's runtime ahead of the run (see warm.py). `argv` starts it in a box that holds only
    `files`; once up it writes WAITING_RECORD on its record fd, then waits for one line on stdin,
    {"rlimits": [[resource, value], ...]}, lowers its own rlimits to those, and goes on exactly as
    `RunSpec.argv` would, reading the files the run brings."""

    argv: tuple[str, ...]
    files: tuple[tuple[str, str], ...]  # (name, text): trusted files the waiting runtime needs (its harness)


@dataclass
class RunSpec:
    argv: list[str]  # as seen inside the sandbox; paths under BOX and WORK
    box_dir: Path
    limits: RunLimits
    env: dict[str, str] = field(default_factory=dict)
    box_writable: bool = False  # compilers write their output next to the source
    stdin: bytes = b""
    single_test: bool = False  # a whole program run as test 0: per-test limits apply from the start
    warm: WarmStart | None = None  # this run may take a pre-started sandbox instead of starting one


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
class _WarmSlot:
    """A started sandbox whose runtime waits on stdin; used by one run, then discarded."""

    process: asyncio.subprocess.Process
    record_read: int
    box_dir: Path  # its own /box; the run's files are copied in when it is handed over
    uid_slot: int
    cgroup: MemoryCgroup | None
    warm_files: frozenset[str]
    loop: asyncio.AbstractEventLoop  # the one whose child watcher and pipes serve it
    confined: asyncio.Future  # its tree in its cgroup: done before the run is handed over


@dataclass
class _Supervision:
    records: list[dict] = field(default_factory=list)
    current_test: int | None = None
    test_started: float = 0.0
    test_cpu_start: float | None = None  # taken at the first poll of a test: short tests cost no /proc reads
    killed_for: str | None = None
    ended: asyncio.Event = field(default_factory=asyncio.Event)  # the harness wrote END_RECORD


class Sandbox:
    """Builds the bwrap command line once per worker and runs specs under it."""

    def __init__(self, bwrap: str | None = None, allow_unisolated: bool | None = None, uid_base: int = 61000,
                 warm_pool_size: int | None = None):
        self.bwrap = shutil.which(bwrap or os.environ.get("SANDBOX_BWRAP", "bwrap"))
        if allow_unisolated is None:
            allow_unisolated = os.environ.get("SANDBOX_ALLOW_UNISOLATED") == "1"
        self.uid_base = uid_base
        self.prlimit = shutil.which("prlimit")
        self.setpriv = shutil.which("setpriv")
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
        if warm_pool_size is None:
            warm_pool_size = int(os.environ.get("SANDBOX_WARM_POOL") or WARM_POOL_DEFAULT)
        self.warm = WarmPool(warm_pool_size if self.isolated else 0, start=self._start_warm_slot,
                             discard=self._discard_warm_slot, alive=lambda slot: slot.process.returncode is None)
        atexit.register(self.warm.close)  # registered after the cgroups' close, so it runs before it
        self.warm_runs = 0  # runs handed a sandbox the pool had started ahead (the benchmark and tests report it)
        watch_children_with_pidfds()
        self._reaping: set[asyncio.Task] = set()

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
                in_cgroup: bool = False, rlimits_by_command: bool = True) -> list[str]:
        inner = self._with_rlimits(spec, in_cgroup) if rlimits_by_command else list(spec.argv)
        if not self.isolated:
            return inner
        lim = spec.limits
        args = [self.bwrap] + (["--block-fd", str(block_fd)] if block_fd is not None else [])
        args += ["--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL"]
        args += ["--seccomp", "{SECCOMP_FD}"]
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
        extra_ro = list(extra_ro)
        if spec.warm is None:
            return await self._run_cold(spec, extra_ro)
        try:
            slot = await self.warm.take(self._warm_key(spec, extra_ro), (spec, extra_ro))
            outcome = await self._run_warm(slot, spec) if slot is not None else None
            if outcome is not None:
                self.warm_runs += 1
                return outcome
            # None started ahead (or it died before taking the run): start one now and hand it the run at once.
            # The same path as a pre-started one, minus the wait: the runtime lowers its own rlimits (no prlimit
            # process in front of it) and reads the go line as soon as it is up.
            slot = await self._start_warm_slot((spec, extra_ro), until_up=False)
            outcome = await self._run_warm(slot, spec)
            return outcome if outcome is not None else await self._run_cold(spec, extra_ro)
        finally:
            self.warm.refill()

    async def _run_cold(self, spec: RunSpec, extra_ro: list[str]) -> RunOutcome:
        slot = self._free_slots.pop(0)
        cgroup = self._cgroup_for(spec.limits)
        process = None
        try:
            owner = self._host_uid(slot)
            if owner and spec.box_writable:
                _chown_tree(spec.box_dir, owner)
            started = time.monotonic()
            process, record_read = await self._spawn(spec, extra_ro, slot, cgroup, rlimits_by_command=True)
            state = _Supervision(test_started=started, current_test=0 if spec.single_test else None,
                                 test_cpu_start=0.0 if spec.single_test else None)
            outcome = await self._watch(process, spec, state=state, started=started, record_read=record_read,
                                        stdin=spec.stdin)
            if cgroup:
                outcome.peak_memory_kb, outcome.oom_killed = cgroup.peak_kb(), cgroup.oom_killed()
            return outcome
        finally:
            self._release_once_gone(process, slot, cgroup, box=None)

    async def _spawn(self, spec: RunSpec, extra_ro: list[str], slot: int, cgroup: MemoryCgroup | None,
                     rlimits_by_command: bool, confine_first: bool = True) -> tuple[asyncio.subprocess.Process, int]:
        """Start bwrap for `spec`, confined (cgroup, and rlimits unless the command sets them) before its
        command starts. Returns the process and the read end of the record pipe. `confine_first=False`: bwrap
        starts at once and the caller confines the tree (a runtime that waits for its go line before it reads
        any candidate code: the tree is confined while it starts, and before the go line is written)."""
        record_read, record_write = os.pipe()
        block_read, block_write = os.pipe() if self.isolated and confine_first else (None, None)
        seccomp_fd = _seccomp_fd() if self.isolated else None
        owner = self._host_uid(slot)
        argv = self.command(spec, extra_ro, block_read, in_cgroup=cgroup is not None,
                            rlimits_by_command=rlimits_by_command)
        argv = [a.replace("{RECORD_FD}", str(record_write)).replace("{SECCOMP_FD}", str(seccomp_fd)) for a in argv]
        switch_uid = {}
        if owner and self.setpriv:
            # setpriv drops to the sandbox's uid in the child. Popen(user=...) would do it too, but then
            # it cannot vfork: it forks the whole worker, ~10 ms with the event loop stalled, per sandbox.
            argv = [self.setpriv, f"--reuid={owner[0]}", f"--regid={owner[1]}", "--clear-groups", "--", *argv]
        elif owner:
            switch_uid = {"user": owner[0], "group": owner[1], "extra_groups": []}
        try:
            process = await asyncio.create_subprocess_exec(
                *argv,
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
                pass_fds=tuple(fd for fd in (record_write, block_read, seccomp_fd) if fd is not None),
                env=self._env(spec) if not self.isolated else {},
                cwd=str(spec.box_dir) if not self.isolated else None,
                start_new_session=True,
                **switch_uid,
            )
        except BaseException:
            os.close(record_read)
            if block_write is not None:
                os.close(block_write)
            raise
        finally:
            os.close(record_write)
            if block_read is not None:
                os.close(block_read)
            if seccomp_fd is not None:
                os.close(seccomp_fd)
        if block_write is not None:
            # bwrap waits on --block-fd, before it starts the command, until the tree is confined.
            worker_rlimits = self.worker_sets_rlimits and rlimits_by_command
            try:
                await _confine(process, cgroup, _rlimits(spec.limits, cgroup is not None) if worker_rlimits else {})
            except BaseException:  # never let the command start unconfined
                os.close(block_write)
                os.close(record_read)
                raise
            os.write(block_write, b"go")
            os.close(block_write)
        return process, record_read

    # ---- pre-started sandboxes (warm.py) -------------------------------------------------------

    def _warm_key(self, spec: RunSpec, extra_ro: list[str]) -> tuple:
        """What is fixed once bwrap has started; everything else (rlimits, memory cap, time limits) is per run."""
        return (spec.warm, tuple(sorted(spec.env.items())), tuple(extra_ro), spec.limits.tmpfs_mb,
                spec.limits.memory_mb is not None)

    async def _start_warm_slot(self, template: tuple[RunSpec, list[str]], until_up: bool = True) -> _WarmSlot:
        spec, extra_ro = template
        box = new_box_dir("mockmind-warm-")
        uid_slot = self._free_slots.pop(0)
        cgroup = None
        try:
            write_box_files(box, dict(spec.warm.files))
            cgroup = self._cgroup_for(spec.limits)
            warm_spec = replace(spec, argv=list(spec.warm.argv), box_dir=box, box_writable=False, stdin=b"")
            process, record_read = await self._spawn(warm_spec, extra_ro, uid_slot, cgroup, rlimits_by_command=False,
                                                     confine_first=False)
        except BaseException:
            if cgroup:
                self.cgroups.release(cgroup)
            shutil.rmtree(box, ignore_errors=True)
            self._free_slots.append(uid_slot)
            raise
        # The runtime reads no candidate code before its go line, which waits for `confined` (_run_warm): the
        # cgroup migration (an RCU grace period on cgroup v1) runs while bwrap and the interpreter start.
        confined = asyncio.ensure_future(_confine(process, cgroup, {}))
        confined.add_done_callback(lambda done: done.cancelled() or done.exception())  # _run_warm re-raises it
        slot = _WarmSlot(process, record_read, box, uid_slot, cgroup, frozenset(name for name, _ in spec.warm.files),
                         asyncio.get_running_loop(), confined)
        if not until_up:
            return slot  # its WAITING_RECORD is then skipped by _read_records
        try:
            # Ready only once the runtime is up: a run handed a slot whose interpreter is still starting would
            # wait for that start on its own clock.
            await _until_waiting(record_read, spec.limits.startup_wall_s)
            await confined
        except BaseException:
            self._discard_warm_slot(slot)
            raise
        return slot

    def prestart(self, spec: RunSpec, extra_ro: list[str] = ()) -> None:
        """Fill the pool for runs like `spec` now, so that even the first such run finds a started sandbox."""
        if spec.warm is not None:
            self.warm.fill(self._warm_key(spec, list(extra_ro)), (spec, list(extra_ro)))

    async def close(self) -> None:
        """End the pre-started sandboxes and wait until they are gone (worker shutdown, end of a benchmark)."""
        self.warm.close()
        await self.warm.drain()
        await self.settle()

    async def settle(self) -> None:
        """Wait until every sandbox that has ended is reaped and what it held is given back."""
        while self._reaping:
            await asyncio.gather(*self._reaping, return_exceptions=True)

    async def _run_warm(self, slot: _WarmSlot, spec: RunSpec) -> RunOutcome | None:
        """Hand the run to a started sandbox: its files, its memory cap, then its rlimits on stdin; the run's
        clock starts there. None when the slot could not take the run (it is discarded; the run goes cold):
        a cgroup that refuses the cap, or a runtime that died before it acknowledged the run, which is then
        no fault of the candidate's, whose code it had not yet read."""
        try:
            await slot.confined  # never hand code to a tree not yet in its cgroup
            if slot.cgroup:
                slot.cgroup.set_limit(spec.limits.memory_mb * 1024 * 1024)
            _copy_files(spec.box_dir, slot.box_dir, skip=slot.warm_files)
        except OSError:
            self._discard_warm_slot(slot)
            return None
        except BaseException:
            self._discard_warm_slot(slot)
            raise
        go = json.dumps({"rlimits": list(_rlimits(spec.limits, slot.cgroup is not None).items())}) + "\n"
        started = time.monotonic()
        try:
            slot.process.stdin.write(go.encode())  # at once: the run's clock is running
            state = _Supervision(test_started=started, current_test=0 if spec.single_test else None,
                                 test_cpu_start=0.0 if spec.single_test else None)
            outcome = await self._watch(slot.process, spec, state=state, started=started,
                                        record_read=slot.record_read, stdin=spec.stdin)
            if slot.cgroup:
                outcome.peak_memory_kb, outcome.oom_killed = slot.cgroup.peak_kb(), slot.cgroup.oom_killed()
        finally:
            self._release_once_gone(slot.process, slot.uid_slot, slot.cgroup, slot.box_dir)
        if not outcome.records or outcome.records[0].get("t") != "warm":
            log.warning("a pre-started sandbox ended before it took its run; running it cold")
            return None
        return outcome

    def _discard_warm_slot(self, slot: _WarmSlot) -> None:
        """End an unused slot: its runtime exits on EOF, and is killed in case it does not."""
        for close in (slot.process.stdin.close, lambda: os.close(slot.record_read)):
            try:
                close()
            except (OSError, RuntimeError):  # RuntimeError: its event loop is already closed
                pass
        kill_process_tree(slot.process)
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is slot.loop:
            self._release_once_gone(slot.process, slot.uid_slot, slot.cgroup, slot.box_dir)
            return
        shutil.rmtree(slot.box_dir, ignore_errors=True)
        self._free_slots.append(slot.uid_slot)  # its loop is gone (worker exit): nothing left to wait with
        if slot.cgroup:
            _remove_soon(slot.cgroup)

    def _release_once_gone(self, process, uid_slot: int, cgroup: MemoryCgroup | None, box: Path | None) -> None:
        """Give back what a sandbox held — its host uid, its cgroup, its box — once its process tree is gone:
        at once if it is, else when it has been reaped. A run whose harness reported its end returns its
        verdict while the tree it killed is still going down; the next run never shares the uid with it."""
        if process is not None and process.returncode is None:
            task = asyncio.get_running_loop().create_task(self._release_after_exit(process, uid_slot, cgroup, box))
            self._reaping.add(task)
            task.add_done_callback(self._reaping.discard)
            return
        self._release(uid_slot, cgroup, box)

    async def _release_after_exit(self, process, uid_slot: int, cgroup: MemoryCgroup | None,
                                  box: Path | None) -> None:
        try:
            await process.wait()
        finally:
            self._release(uid_slot, cgroup, box)

    def _release(self, uid_slot: int, cgroup: MemoryCgroup | None, box: Path | None) -> None:
        if box is not None:
            shutil.rmtree(box, ignore_errors=True)
        if cgroup:
            self.cgroups.release(cgroup)
        self._free_slots.append(uid_slot)  # only now: the uid's process count is back to zero

    def _cgroup_for(self, limits: RunLimits) -> MemoryCgroup | None:
        if self.cgroup_root is None or limits.memory_mb is None:
            return None
        try:
            return self.cgroups.acquire(limits.memory_mb * 1024 * 1024)
        except OSError:
            return None

    async def _watch(self, process, spec: RunSpec, state: _Supervision, started: float, record_read: int,
                     stdin: bytes):
        """Supervise a run until its process exits, a limit kills it, or its harness reports its end (END_RECORD:
        every record is written, and what it printed outside the tests is flushed). Then the tree is killed and
        the verdict need not wait for it to be reaped (see _release_once_gone)."""
        output_overflow = asyncio.Event()
        stdout, stderr = _Capture(spec.limits.output_bytes), _Capture(spec.limits.output_bytes)
        readers = [
            asyncio.create_task(self._read_records(record_read, state, process, output_overflow)),
            asyncio.create_task(stdout.drain(process.stdout, output_overflow)),
            asyncio.create_task(stderr.drain(process.stderr, output_overflow)),
        ]
        asyncio.create_task(_feed_stdin(process, stdin))
        try:
            await self._supervise(process, spec.limits, state, output_overflow, started)
        finally:
            if process.returncode is None:
                kill_process_tree(process)
                if not state.ended.is_set():
                    await process.wait()
        if state.ended.is_set():
            await asyncio.sleep(0)  # output already read from the pipes reaches its capture
            pending = readers[1:]
        else:
            _, pending = await asyncio.wait(readers, timeout=2)
        for task in pending:
            task.cancel()
        code = 0 if state.ended.is_set() else process.returncode
        return RunOutcome(
            records=state.records,
            stdout=stdout.value(),
            stderr=stderr.value(),
            exit_code=code if code >= 0 else None,
            signal=-code if code < 0 else None,
            killed_for=state.killed_for,
            killed_test=state.current_test,
            wall_ms=(time.monotonic() - started) * 1000,
            output_overflow=output_overflow.is_set(),
        )

    async def _supervise(self, process, limits: RunLimits, state: _Supervision, overflow, started) -> None:
        waiter = asyncio.create_task(process.wait())
        ended = asyncio.create_task(state.ended.wait())
        try:
            await self._poll_limits(process, limits, state, overflow, waiter, ended)
        finally:
            ended.cancel()
            if not waiter.done():
                waiter.cancel()

    async def _poll_limits(self, process, limits: RunLimits, state: _Supervision, overflow, waiter, ended) -> None:
        while True:
            done, _ = await asyncio.wait({waiter, ended}, timeout=POLL_INTERVAL_S,
                                         return_when=asyncio.FIRST_COMPLETED)
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
                kill_process_tree(process)
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
                if line == END_RECORD:
                    state.ended.set()
                    return
                if line == WAITING_RECORD and not state.records:
                    continue  # a sandbox started for this run and handed it before it was up
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


SECCOMP_PROGRAM = filter_program()
WAITING_RECORD = b'{"t": "waiting"}\n'  # a pre-started runtime's first record: it is up and waits for its run
END_RECORD = b'{"t": "end"}\n'  # a harness's last record: nothing more will come (see _watch)


async def _until_waiting(record_fd: int, timeout_s: float) -> None:
    """Wait for a pre-started runtime's first record. Nothing else is written before its run's go line, and it
    comes from the trusted harness: no candidate code is in the sandbox yet."""
    loop = asyncio.get_running_loop()
    readable = loop.create_future()
    loop.add_reader(record_fd, lambda: readable.done() or readable.set_result(None))
    try:
        await asyncio.wait_for(readable, timeout_s)
    finally:
        loop.remove_reader(record_fd)
    first = os.read(record_fd, len(WAITING_RECORD))
    if first != WAITING_RECORD:
        raise RuntimeError(f"a pre-started sandbox did not come up (first record {first[:80]!r})")


def _seccomp_fd() -> int:
    """A fresh in-memory file holding the filter, read by bwrap from its start (each bwrap reads its own)."""
    fd = os.memfd_create("mockmind-seccomp", os.MFD_CLOEXEC)
    try:
        os.write(fd, SECCOMP_PROGRAM)
        os.lseek(fd, 0, os.SEEK_SET)
    except OSError:
        os.close(fd)
        raise
    return fd


def _parse_record(line: bytes) -> dict | None:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        return None  # the candidate shares the harness's process and may scribble on the fd
    return record if isinstance(record, dict) else None


class _Capture:
    """A process's stdout or stderr up to `cap` bytes; what it holds so far when a run ends before the pipe does."""

    def __init__(self, cap: int):
        self.cap, self.chunks, self.size = cap, [], 0

    async def drain(self, stream: asyncio.StreamReader, overflow: asyncio.Event) -> None:
        while chunk := await stream.read(65536):  # keep draining past the cap so the pipe can close
            if self.size < self.cap:
                self.chunks.append(chunk[: self.cap - self.size])
            self.size += len(chunk)
            if self.size > self.cap:
                overflow.set()

    def value(self) -> bytes:
        return b"".join(self.chunks)


async def _feed_stdin(process, data: bytes) -> None:
    try:
        if data:
            process.stdin.write(data)
            await process.stdin.drain()
        process.stdin.close()
    except (BrokenPipeError, ConnectionResetError):
        pass


def kill_process_tree(process) -> None:
    """SIGKILL bwrap's process group and every process below it; its pid namespace then ends everything
    inside. The group alone is not enough: bwrap's sandboxed child starts a session of its own
    (--new-session) and arms --die-with-parent itself, so one killed with its parent before it did so
    lives on, holding the run's pipes open (asyncio's `wait()` waits for those too: it would hang). Only if
    the group cannot be signalled, Popen.kill: it first polls, and a poll that reaps the process just
    killed leaves asyncio's child watcher without its exit status (it then reports 255, not the signal)."""
    below = _descendants(process.pid)  # listed first: once bwrap is gone they are no longer its children
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        try:
            process.kill()
        except (ProcessLookupError, PermissionError):
            pass
    for pid in below:
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def _descendants(pid: int) -> list[int]:
    found, stack = [], _child_pids(pid)
    while stack:
        child = stack.pop()
        found.append(child)
        stack.extend(_child_pids(child))
    return found


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


async def _confine(process, cgroup: MemoryCgroup | None, rlimits: dict[int, int]) -> None:
    """_confine_tree on a thread: a cgroup v1 migration waits for an RCU grace period (5-15 ms) and must not stall
    the event loop, which is supervising the other runs meanwhile. A tree that cannot be confined is killed."""
    try:
        await asyncio.to_thread(_confine_tree, process.pid, cgroup, rlimits)
    except BaseException:
        kill_process_tree(process)
        raise


def _confine_tree(pid: int, cgroup: MemoryCgroup | None, rlimits: dict[int, int],
                  deadline_s: float = 2.0) -> None:
    """Move bwrap's process tree (blocked, or a runtime waiting for its go line) into the cgroup and set its
    rlimits, which the command inherits. Each parent is confined before its children are listed, so nothing
    forked meanwhile is missed by the cgroup: the kernel moves a process and links its new child atomically.

    rlimits have no such guarantee: a child that bwrap clones while its limits are being set can copy the old
    ones and not yet be listed among its children. So with rlimits the tree is walked again until bwrap's
    child (the one that waits on --block-fd and starts the command) is there and a whole walk finds every
    process at its limits."""
    deadline = time.monotonic() + deadline_s
    confined, changed = _confine_walk(pid, cgroup, rlimits)
    while rlimits and (confined < 2 or changed):
        if not _running(pid):
            return  # bwrap failed before cloning: nothing will run, and the run reports bwrap's error
        if time.monotonic() > deadline:
            raise SandboxUnavailable(f"sandbox process {pid} did not start its child within {deadline_s:.0f} s")
        time.sleep(0.0002)
        confined, changed = _confine_walk(pid, None, rlimits)


def _confine_walk(pid: int, cgroup: MemoryCgroup | None, rlimits: dict[int, int]) -> tuple[int, bool]:
    """One walk of the tree from `pid`: each process into the cgroup, and to its rlimits where they differ.
    Returns how many processes it found and whether it had to set any limit."""
    stack, confined, changed = [pid], 0, False
    while stack:
        current = stack.pop()
        try:
            if cgroup:
                cgroup.add(current)
            for limit, value in rlimits.items():
                if not _within(current, limit, value):
                    changed = True
                    _set_rlimit(current, limit, value)
        except (ProcessLookupError, FileNotFoundError):
            continue  # already gone
        except OSError as exc:
            if not os.path.exists(f"/proc/{current}"):
                continue
            raise SandboxUnavailable(f"cannot confine sandbox process {current}: {exc}") from exc
        confined += 1
        stack.extend(_child_pids(current))
    return confined, changed


def _stat_fields(pid: int) -> list[str]:
    """/proc/<pid>/stat after the command name (which may hold spaces and parentheses): state, ppid, …"""
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()


def _running(pid: int) -> bool:
    """The process exists and has not exited (a zombie waits only to be reaped)."""
    try:
        return _stat_fields(pid)[0] != "Z"
    except (OSError, IndexError):
        return False


def _within(pid: int, limit: int, value: int) -> bool:
    """Both of the process's limits are at most `value` (below it where the hard limit was lower already)."""
    return all(v != resource.RLIM_INFINITY and v <= value for v in resource.prlimit(pid, limit))


def _set_rlimit(pid: int, limit: int, value: int) -> None:
    try:
        resource.prlimit(pid, limit, (value, value))
    except ValueError:  # above the hard limit and we may not raise it (unprivileged worker): keep the hard one
        _, hard = resource.prlimit(pid, limit)
        resource.prlimit(pid, limit, (min(value, hard), hard))


def _tree_cpu_seconds(pid: int) -> float:
    """User+system CPU of a process and all its live descendants (and their reaped children)."""
    total = 0
    for current in (pid, *_descendants(pid)):
        try:
            total += sum(int(x) for x in _stat_fields(current)[11:15])  # utime stime cutime cstime
        except (OSError, ValueError, IndexError):
            continue  # already gone
    return total / CLOCK_TICKS


def _unbox(arg: str, box_dir: Path, isolated: bool) -> str:
    """Without bwrap (dev only) paths under /box point at the host directory instead."""
    if isolated:
        return arg
    return arg.replace(BOX, str(box_dir))


def box_root() -> Path:
    """Where runs' box directories live (SANDBOX_BOX_DIR): memory-backed by default, because each run makes
    and removes one, and on a journalled disk file system an rmdir alone can take milliseconds under load.
    The temp dir when it is a tmpfs (compose and k8s mount one), else /dev/shm, else the temp dir anyway."""
    configured = os.environ.get("SANDBOX_BOX_DIR")
    if configured:
        return Path(configured)
    temp = Path(tempfile.gettempdir())
    for candidate in (temp, Path("/dev/shm")):
        if _on_tmpfs(candidate) and os.access(candidate, os.W_OK | os.X_OK):
            return candidate
    return temp


def _on_tmpfs(path: Path) -> bool:
    """Whether the mount holding `path` is a tmpfs (the longest mount point that prefixes it)."""
    best, fs_type = "", None
    try:
        with open("/proc/self/mountinfo") as f:
            for line in f:
                fields = line.split()
                mount_point, after = fields[4], fields[fields.index("-") + 1]
                inside = str(path) == mount_point or str(path).startswith(mount_point.rstrip("/") + "/")
                if inside and len(mount_point) >= len(best):
                    best, fs_type = mount_point, after
    except (OSError, ValueError, IndexError):
        return False
    return fs_type == "tmpfs"


BOX_ROOT = box_root()


def new_box_dir(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=prefix, dir=BOX_ROOT))


def write_box_files(box: Path, files: dict[str, str]) -> None:
    """Put a run's files into its box directory, readable by the sandbox's unprivileged uid."""
    os.chmod(box, 0o755)  # the sandbox runs as an unprivileged uid that must read these
    for name, text in files.items():
        path = box / name
        path.write_text(text)
        path.chmod(0o644)


def _copy_files(source: Path, target: Path, skip: frozenset[str]) -> None:
    """The run's files into a started sandbox's box (a hard link where possible: no copy of a large spec)."""
    for entry in os.scandir(source):
        if entry.name in skip or not entry.is_file(follow_symlinks=False):
            continue
        try:
            os.link(entry.path, target / entry.name)
        except OSError:
            shutil.copyfile(entry.path, target / entry.name)
            (target / entry.name).chmod(0o644)


def _remove_soon(group: MemoryCgroup, attempts: int = 20) -> None:
    for _ in range(attempts):
        if group.remove():
            return
        time.sleep(0.05)


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

