"""`make bench-sandbox`: the same 10-test Python submission run bare, in a sandbox started for the run (cold)
and in a pre-started sandbox (warm), interleaved in one run, then sustained sandboxed throughput.

Prints, as its last lines: sandbox_cold_ratio, sandbox_warm_ratio, sandbox_runs_per_s.
- sandbox_cold_ratio = p50 of a cold sandboxed run through Judge.judge / p50 of a bare `python3` started for
  the run: what bwrap, the namespaces, the cgroup, seccomp and the judge's own work add to a start.
- sandbox_warm_ratio = p50 of a run handed to a pre-started sandbox / p50 of a bare interpreter that was also
  started ahead and waits for its go line (the same harness `--warm` mode, no sandbox): like with like.
- sandbox_runs_per_s: sustained runs per second through one Judge() with the worker's own settings
  (SANDBOX_CONCURRENCY runs at once, SANDBOX_WARM_POOL), fed by twice as many submitters for 10 s.
Like with like, so that the ratios charge the sandbox and the judge with everything they add and nothing else:
- every clock stops when the harness has written its last record ({"t": "end"}), bare or sandboxed; the judge
  returns its verdict then too, so neither waits for an interpreter's exit;
- a warm run starts once its runtime waits on stdin (the pool counts a slot ready only then), and so does a
  bare warm one (it says so on its record fd);
- bare interpreters start a session of their own as each sandboxed command does (bwrap --new-session): with
  the kernel's autogroup scheduling on a loaded host, a process in a new session is a scheduling group of its
  own and is served sooner than one in the benchmark's busy group (p50 ~3x apart at load 20);
- bare boxes live where the worker's do (sandbox.BOX_ROOT, a tmpfs).
Before them: p50 and p99 of each kind over SAMPLES runs (true percentiles, nearest rank), bare throughput at
the same number of submitters, and the load average at the start and the end, since on a shared machine
absolute figures mean little alone.
"""

import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from contracts.sandbox import SandboxRequest, Verdict
from runtime.percentiles import percentile, print_figures

from .judge import Judge
from .languages import harness_source
from .sandbox import BOX_ROOT, END_RECORD, WAITING_RECORD, Sandbox

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
SAMPLES = 200  # per kind: enough for a p99 that is not just the maximum
THROUGHPUT_SECONDS = 10.0


def python3() -> str:
    return "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable


# Bare interpreters start a session of their own, as each sandbox does (the worker's start_new_session and bwrap's
# --new-session): with the kernel's autogroup scheduling a new session is a scheduling group of its own, which on
# a loaded machine gets a fair share of its own; a bare run sharing the benchmark's group would be slower for it.
def harness_argv(box: Path, write: int, warm: bool) -> list[str]:
    return [python3(), "-I", "-S", "-B", str(box / "harness.py"), *(["--warm"] if warm else []), str(write),
            str(box / "spec.json"), str(box / "solution.py")]


def _results_out(records) -> None:
    """Read the harness's records up to its end record: the moment every result is out, which is where the
    sandbox's clock stops too (it does not wait for the interpreter's exit either)."""
    done = 0
    for line in records:
        if line == END_RECORD:
            assert done == len(TESTS), f"{done} results"
            return
        done += b'"done"' in line
    raise AssertionError("the harness ended without its end record")


def bare_run_ms(box: Path) -> float:
    """The same harness and 10 tests under a bare `python3` started for the run (no sandbox, no limits)."""
    started = time.perf_counter()
    read, write = os.pipe()
    process = subprocess.Popen(harness_argv(box, write, warm=False), pass_fds=(write,), stdout=subprocess.DEVNULL,
                               start_new_session=True)
    os.close(write)
    with os.fdopen(read, "rb") as records:
        _results_out(records)
        elapsed = (time.perf_counter() - started) * 1000
    assert process.wait() == 0
    return elapsed


class BareWarm:
    """A bare interpreter started ahead, waiting in the harness's --warm mode, as a pre-started sandbox waits."""

    def __init__(self, box: Path):
        read, write = os.pipe()
        self.records = os.fdopen(read, "rb")
        self.process = subprocess.Popen(harness_argv(box, write, warm=True), pass_fds=(write,),
                                        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, start_new_session=True)
        os.close(write)

    def run_ms(self) -> float:
        """From the go line to its last result, once it is up: like a pool's slot, which is ready only then."""
        assert self.records.readline() == WAITING_RECORD
        started = time.perf_counter()
        self.process.stdin.write(b'{"rlimits": []}\n')
        self.process.stdin.close()
        _results_out(self.records)
        elapsed = (time.perf_counter() - started) * 1000
        self.records.close()
        assert self.process.wait() == 0
        return elapsed


async def bare_throughput(request: SandboxRequest, workers: int) -> float:
    """Sustained bare runs per second (box written once per run, as the judge does), same worker count."""
    completed = 0
    deadline = time.monotonic() + THROUGHPUT_SECONDS

    def one_run() -> None:
        with tempfile.TemporaryDirectory(dir=BOX_ROOT) as tmp:
            box = Path(tmp)
            write_box(box, request.source)
            bare_run_ms(box)

    async def worker() -> None:
        nonlocal completed
        while time.monotonic() < deadline:
            await asyncio.to_thread(one_run)
            completed += 1

    started = time.monotonic()
    await asyncio.gather(*(worker() for _ in range(workers)))
    return completed / (time.monotonic() - started)


def write_box(box: Path, source: str) -> None:
    (box / "harness.py").write_text(harness_source("harness.py"))
    (box / "solution.py").write_text(source)
    (box / "spec.json").write_text(json.dumps(SPEC))


async def timed_judge_ms(judge: Judge, request: SandboxRequest) -> float:
    started = time.perf_counter()
    result = await judge.judge(request)
    elapsed = (time.perf_counter() - started) * 1000
    assert result.verdict is Verdict.ACCEPTED, result
    return elapsed


async def until_a_sandbox_waits(judge: Judge) -> None:
    """As between two requests to a worker: the pool has a started sandbox and its runtime waits for the run."""
    while not judge.sandbox.warm.ready:
        await asyncio.sleep(0.005)


async def samples(request: SandboxRequest, box: Path) -> dict[str, list[float]]:
    """Bare, cold and warm runs of the same file, interleaved so that load drifts hit every kind alike. Each
    warm run waits until its pre-started sandbox is up (as the worker's pool has it between requests); each bare
    warm interpreter is started as far ahead, at the start of the round."""
    cold_judge = Judge(sandbox=Sandbox(warm_pool_size=0))
    warm_judge = Judge(sandbox=Sandbox(warm_pool_size=1))
    warm_judge.prestart()
    runs: dict[str, list[float]] = {"bare": [], "bare_warm": [], "cold": [], "warm": []}
    try:
        for _ in range(SAMPLES):
            # Started now, used after the cold runs: as long ahead as the pool's refill after the last warm run.
            waiting = BareWarm(box)
            runs["bare"].append(bare_run_ms(box))
            runs["cold"].append(await timed_judge_ms(cold_judge, request))
            runs["bare_warm"].append(waiting.run_ms())
            await until_a_sandbox_waits(warm_judge)
            runs["warm"].append(await timed_judge_ms(warm_judge, request))
        assert warm_judge.sandbox.warm_runs == SAMPLES, f"only {warm_judge.sandbox.warm_runs} runs were warm"
    finally:
        await cold_judge.close()
        await warm_judge.close()
    return runs


async def sandboxed_throughput(request: SandboxRequest) -> tuple[float, Judge]:
    judge = Judge()
    judge.prestart()  # as the worker does on start-up (main.py)
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
    rate = completed / (time.monotonic() - started)
    await judge.close()  # no pool refills running under the bare throughput
    return rate, judge


async def main() -> None:
    request = SandboxRequest(language="python", source=SOURCE, signature=SIGNATURE, tests=TESTS)
    load_at_start = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(dir=BOX_ROOT) as tmp:
        box = Path(tmp)
        write_box(box, SOURCE)
        runs = await samples(request, box)
    sandbox_rate, judge = await sandboxed_throughput(request)
    bare_rate = await bare_throughput(request, judge.max_concurrency * 2)
    print(f"cores={os.cpu_count()} concurrency={judge.max_concurrency} isolated={judge.sandbox.isolated} "
          f"cgroup={judge.sandbox.cgroup_root is not None} worker_sets_rlimits={judge.sandbox.worker_sets_rlimits} "
          f"load_avg_1m={load_at_start:.1f}->{os.getloadavg()[0]:.1f} samples={SAMPLES} per kind "
          f"warm_pool={judge.sandbox.warm.size}")
    for kind, values in runs.items():
        print(f"{kind}_p50_ms={percentile(values, 0.5):.1f} {kind}_p99_ms={percentile(values, 0.99):.1f}")
    print_figures(
        bare_runs_per_s=f"{bare_rate:.1f}",
        sandbox_cold_ratio=f"{percentile(runs['cold'], 0.5) / percentile(runs['bare'], 0.5):.2f}",
        sandbox_warm_ratio=f"{percentile(runs['warm'], 0.5) / percentile(runs['bare_warm'], 0.5):.2f}",
        sandbox_runs_per_s=f"{sandbox_rate:.1f}",
    )


if __name__ == "__main__":
    asyncio.run(main())
