"""A per-run memory cgroup, where the host lets the worker create one (v2, or v1's memory controller).

The cgroup caps the memory of the whole process tree, which is the only memory limit that suits
runtimes that reserve huge address ranges (JVM, V8, Go). Without one, the sandbox falls back to
RLIMIT_AS (see sandbox.py). `memory_cgroup_root()` decides once per worker; `CgroupPool` hands out
empty cgroups again instead of creating one per run (mkdir costs ~5 ms, a reset ~1 ms).
"""

import asyncio
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class MemoryCgroup:
    path: Path
    version: int
    limit_bytes: int = 0
    oom_kills_before: int = 0  # the counter is cumulative; a reused group compares against this

    @classmethod
    def create(cls, root: "CgroupRoot", limit_bytes: int) -> "MemoryCgroup":
        path = root.path / f"mockmind-{uuid.uuid4().hex[:12]}"
        path.mkdir()
        group = cls(path, root.version, limit_bytes)
        if root.version == 2:
            group._write("memory.max", limit_bytes)
            group._write("memory.swap.max", 0, optional=True)
        else:
            group._write("memory.limit_in_bytes", limit_bytes)
            group._write("memory.memsw.limit_in_bytes", limit_bytes, optional=True)
        return group

    def add(self, pid: int) -> None:
        self._write("cgroup.procs", pid)

    def set_limit(self, limit_bytes: int) -> None:
        """Change the cap of a group already in use (a pre-started sandbox handed a run with other limits).
        v1 refuses a memory limit above memory+swap, so the two move in the order that keeps mem <= memsw.
        Raises OSError when the kernel refuses (usage already above a lower cap)."""
        if limit_bytes == self.limit_bytes:
            return
        if self.version == 2:
            self._write("memory.max", limit_bytes)
        else:
            order = (["memory.memsw.limit_in_bytes", "memory.limit_in_bytes"] if limit_bytes > self.limit_bytes
                     else ["memory.limit_in_bytes", "memory.memsw.limit_in_bytes"])
            for name in order:
                self._write(name, limit_bytes, optional=name.startswith("memory.memsw"))
        self.limit_bytes = limit_bytes

    def peak_kb(self) -> int:
        name = "memory.peak" if self.version == 2 else "memory.max_usage_in_bytes"
        try:
            return int((self.path / name).read_text()) // 1024
        except (OSError, ValueError):
            return 0

    def oom_killed(self) -> bool:
        return self._oom_kills() > self.oom_kills_before

    def _oom_kills(self) -> int:
        name = "memory.events" if self.version == 2 else "memory.oom_control"
        try:
            for line in (self.path / name).read_text().splitlines():
                key, _, value = line.partition(" ")
                if key == "oom_kill":
                    return int(value)
        except (OSError, ValueError):
            pass
        return 0

    def is_empty(self) -> bool:
        try:
            return not (self.path / "cgroup.procs").read_text().strip()
        except OSError:
            return False

    def reset_for_reuse(self) -> bool:
        """Forget the previous run: peak usage back to now, OOM kills counted from here. False if impossible."""
        try:
            (self.path / ("memory.peak" if self.version == 2 else "memory.max_usage_in_bytes")).write_text("0")
        except OSError:
            return False  # cgroup v2 before Linux 6.12 cannot reset its peak
        self.oom_kills_before = self._oom_kills()
        return True

    def remove(self) -> bool:
        try:
            self.path.rmdir()
            return True
        except FileNotFoundError:
            return True
        except OSError:
            return False  # still has processes in it: they were SIGKILLed and will be gone in a moment

    async def remove_when_empty(self, attempts: int = 50) -> None:
        for _ in range(attempts):
            if self.remove():
                return
            await asyncio.sleep(0.1)

    def _write(self, name: str, value: int, optional: bool = False) -> None:
        try:
            (self.path / name).write_text(str(value))
        except OSError:
            if not optional:
                raise


@dataclass
class CgroupRoot:
    path: Path
    version: int


@dataclass
class CgroupPool:
    """Empty cgroups kept for reuse, by memory limit (so a reuse needs no limit rewrite)."""

    root: CgroupRoot
    max_idle: int = 16
    _idle: dict[int, list[MemoryCgroup]] = field(default_factory=dict)

    def acquire(self, limit_bytes: int) -> MemoryCgroup:
        idle = self._idle.get(limit_bytes, [])
        while idle:
            group = idle.pop()
            if group.is_empty() and group.reset_for_reuse():
                return group
            group.remove()
        return MemoryCgroup.create(self.root, limit_bytes)

    def release(self, group: MemoryCgroup) -> None:
        """Keep an empty group for the next run; one still emptying (a killed tree) is removed once empty."""
        if group.is_empty() and sum(map(len, self._idle.values())) < self.max_idle:
            self._idle.setdefault(group.limit_bytes, []).append(group)
            return
        asyncio.get_running_loop().create_task(group.remove_when_empty())

    def close(self) -> None:
        for groups in self._idle.values():
            for group in groups:
                group.remove()
        self._idle.clear()


def memory_cgroup_root() -> CgroupRoot | None:
    """The cgroup under which this worker may create per-run memory cgroups, or None."""
    if os.environ.get("SANDBOX_CGROUP") == "off":
        return None
    for candidate in _candidates():
        probe = candidate.path / f"mockmind-probe-{uuid.uuid4().hex[:8]}"
        try:
            probe.mkdir()
            limit = "memory.max" if candidate.version == 2 else "memory.limit_in_bytes"
            ok = (probe / limit).exists()
            probe.rmdir()
        except OSError:
            continue
        if ok:
            return candidate
    return None


def _candidates() -> list[CgroupRoot]:
    found = []
    try:
        lines = Path("/proc/self/cgroup").read_text().splitlines()
    except OSError:
        return found
    for line in lines:
        _, controllers, path = line.split(":", 2)
        if controllers == "" and Path("/sys/fs/cgroup/cgroup.controllers").exists():
            if "memory" in Path("/sys/fs/cgroup/cgroup.controllers").read_text().split():
                found.append(CgroupRoot(Path("/sys/fs/cgroup") / path.lstrip("/"), 2))
        if "memory" in controllers.split(","):
            found.append(CgroupRoot(Path("/sys/fs/cgroup/memory") / path.lstrip("/"), 1))
    return found
