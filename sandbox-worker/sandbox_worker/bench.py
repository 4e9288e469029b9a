"""`make bench-sandbox`: sandboxed vs bare Python on the same 10-test submission, then sustained throughput.

Prints, as its last lines: sandbox_overhead_ratio, sandbox_p50_ms, sandbox_p99_ms, sandbox_runs_per_s.
Also bare_runs_per_s (the same harness without a sandbox, at the same concurrency) and the load
average, since on a shared machine the absolute figures mean little without them.

The sandboxed runs go through Judge.judge, the call a bus request makes, on a judge started as the worker
starts it (prestart: the warm pool of pre-started sandboxes fills, see warm.py). A run that finds the pool
empty starts cold; the throughput figure includes every pool refill, which competes for the same cores.
"""

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from contracts.sandbox import SandboxRequest, Verdict

from .judge import Judge
from .languages import harness_source

SOURCE = """def two_sum(nums, target):
    seen = {}
    for i, n in enumerate(nums):
        if target - n in seen:
            return [seen[target - n], i]
        seen[n] = i
"""
SIGNATURE = {"name": "two_sum", "params": [{"name": "nums", "type": "int[]"}, {"name": "target", "type": "int"}],
             "returns": "int[]"}
TESTS = [{"id": f"t{k}", "input": {"nums": list(range(200)) + [1000 + k, 2000], "target": 3000 + k},
          "expected": [200, 201]} for k in range(10)]
SPEC = {"signature": SIGNATURE, "tests": [{"id": t["id"], "input": t["input"]} for t in TESTS], "output_cap": 65536}
SEQUENTIAL_RUNS = 30
THROUGHPUT_SECONDS = 10.0


def bare_run_ms(box: Path) -> float:
    """The same harness and 10 tests under a bare `python3` (no sandbox, no limits)."""
    started = time.perf_counter()
    read, write = os.pipe()
    subprocess.run([sys.executable if not Path("/usr/bin/python3").exists() else "/usr/bin/python3",
                    "-I", "-S", "-B", str(box / "harness.py"), str(write), str(box / "spec.json"),
                    str(box / "solution.py")], pass_fds=(write,), check=True, stdout=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as records:
        assert sum(1 for line in records if '"done"' in line) == len(TESTS)
    return (time.perf_counter() - started) * 1000


async def bare_throughput(request: SandboxRequest, workers: int) -> float:
    """Sustained bare runs per second (box written once per run, as the judge does), same worker count."""
    completed = 0
    deadline = time.monotonic() + THROUGHPUT_SECONDS

    def one_run() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            box = Path(tmp)
            (box / "harness.py").write_text(harness_source("harness.py"))
            (box / "solution.py").write_text(request.source)
            (box / "spec.json").write_text(json.dumps(SPEC))
            bare_run_ms(box)

    async def worker() -> None:
        nonlocal completed
        while time.monotonic() < deadline:
            await asyncio.to_thread(one_run)
            completed += 1

    started = time.monotonic()
    await asyncio.gather(*(worker() for _ in range(workers)))
    return completed / (time.monotonic() - started)


async def main() -> None:
    request = SandboxRequest(language="python", source=SOURCE, signature=SIGNATURE, tests=TESTS)
    judge = Judge()
    judge.prestart()  # as the worker does on start-up (main.py)
    with tempfile.TemporaryDirectory() as tmp:
        box = Path(tmp)
        (box / "harness.py").write_text(harness_source("harness.py"))
        (box / "solution.py").write_text(SOURCE)
        (box / "spec.json").write_text(json.dumps(SPEC))
        bare, sandboxed = [], []
        for _ in range(SEQUENTIAL_RUNS):  # interleaved so that load drifts hit both alike
            bare.append(bare_run_ms(box))
            started = time.perf_counter()
            result = await judge.judge(request)
            sandboxed.append((time.perf_counter() - started) * 1000)
            assert result.verdict is Verdict.ACCEPTED, result
    completed = 0
    deadline = time.monotonic() + THROUGHPUT_SECONDS

    async def worker() -> None:
        nonlocal completed
        while time.monotonic() < deadline:
            result = await judge.judge(request)
            assert result.verdict is Verdict.ACCEPTED
            completed += 1

    started = time.monotonic()
    await asyncio.gather(*(worker() for _ in range(judge.max_concurrency * 2)))
    elapsed = time.monotonic() - started
    sandbox_runs = SEQUENTIAL_RUNS + completed
    await judge.close()  # no pool refills running under the bare throughput
    bare_rate = await bare_throughput(request, judge.max_concurrency * 2)
    ordered = sorted(sandboxed)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    print(f"cores={os.cpu_count()} concurrency={judge.max_concurrency} isolated={judge.sandbox.isolated} "
          f"cgroup={judge.sandbox.cgroup_root is not None} worker_sets_rlimits={judge.sandbox.worker_sets_rlimits} "
          f"load_avg_1m={os.getloadavg()[0]:.1f} warm_pool={judge.sandbox.warm.size} "
          f"warm_runs={judge.sandbox.warm_runs}/{sandbox_runs}")
    print(f"bare_p50_ms={statistics.median(bare):.1f}")
    print(f"bare_runs_per_s={bare_rate:.1f}")
    print(f"sandbox_overhead_ratio={statistics.median(sandboxed) / statistics.median(bare):.2f}")
    print(f"sandbox_p50_ms={statistics.median(sandboxed):.1f}")
    print(f"sandbox_p99_ms={p99:.1f}")
    print(f"sandbox_runs_per_s={completed / elapsed:.1f}")


if __name__ == "__main__":
    asyncio.run(main())
