"""The warm pool: pre-started sandboxes are handed out once each, refilled, re-targeted and closed; a run in
one gets its own limits, and its clock starts when it is handed over, not when the sandbox started.

The hostile-code suite (test_hostile.py) runs every Python program through this path as well.
"""

import asyncio
import itertools

import pytest

from contracts.sandbox import SandboxRequest, Verdict
from sandbox_worker.judge import Judge
from sandbox_worker.sandbox import Sandbox, kill_process_tree
from sandbox_worker.warm import WarmPool

SIG = {"name": "solve", "params": [{"name": "x", "type": "int"}], "returns": "int"}
ONE_TEST = [{"id": "only", "input": {"x": 1}, "expected": 1}]


class FakeSlots:
    """Slots without processes: the pool's bookkeeping alone."""

    def __init__(self):
        self.numbers = itertools.count()
        self.started: list[tuple] = []
        self.discarded: list[tuple] = []
        self.dead: set[tuple] = set()
        self.gate = asyncio.Event()
        self.gate.set()

    async def start(self, template):
        await self.gate.wait()
        slot = (template, next(self.numbers))
        self.started.append(slot)
        return slot

    def pool(self, size: int) -> WarmPool:
        return WarmPool(size, start=self.start, discard=self.discarded.append, alive=lambda s: s not in self.dead)


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


async def test_each_slot_is_handed_out_once_and_the_pool_refills():
    fake = FakeSlots()
    pool = fake.pool(2)
    pool.fill("key", "python")
    await settle()
    assert pool.ready == 2
    first, second = await pool.take("key", "python"), await pool.take("key", "python")
    assert first != second and {first, second} == set(fake.started)
    pool.refill()
    await settle()
    third = await pool.take("key", "python")
    assert pool.ready == 1 and third not in (first, second)
    pool.close()
    await pool.drain()


async def test_a_run_waits_for_a_slot_already_starting_rather_than_start_cold():
    fake = FakeSlots()
    fake.gate.clear()
    pool = fake.pool(1)
    pool.fill("key", "python")
    taking = asyncio.create_task(pool.take("key", "python"))
    await settle()
    assert not taking.done()
    fake.gate.set()
    assert await taking == fake.started[0]


async def test_an_empty_pool_sends_the_run_cold():
    fake = FakeSlots()
    pool = fake.pool(1)
    assert await pool.take("key", "python") is None  # nothing ready, nothing starting
    assert fake.started == []  # the refill waits until the cold run is over
    pool.refill()
    await settle()
    assert pool.ready == 1


async def test_another_template_discards_the_slots_and_runs_cold():
    fake = FakeSlots()
    pool = fake.pool(2)
    pool.fill("python-16mb-tmpfs", "a")
    await settle()
    assert await pool.take("python-128mb-tmpfs", "b") is None
    assert sorted(fake.discarded) == sorted(fake.started)
    pool.refill()
    await settle()
    assert (await pool.take("python-128mb-tmpfs", "b"))[0] == "b"


async def test_a_dead_slot_is_discarded_not_handed_out():
    fake = FakeSlots()
    pool = fake.pool(2)
    pool.fill("key", "python")
    await settle()
    fake.dead.add(fake.started[0])
    assert await pool.take("key", "python") == fake.started[1]
    assert fake.discarded == [fake.started[0]]


async def test_close_discards_ready_slots_and_those_still_starting():
    fake = FakeSlots()
    pool = fake.pool(2)
    pool.fill("key", "python")
    await settle()
    assert await pool.take("key", "python") is not None
    fake.gate.clear()
    pool.refill()
    pool.close()
    fake.gate.set()
    await pool.drain()
    assert sorted(fake.discarded) == sorted(set(fake.started) - {fake.started[0]})


async def test_size_zero_never_starts_anything():
    fake = FakeSlots()
    pool = fake.pool(0)
    pool.fill("key", "python")
    assert await pool.take("key", "python") is None
    pool.refill()
    await settle()
    assert fake.started == []


# ---- real sandboxes ----------------------------------------------------------------------------


@pytest.fixture
async def warm_judge():
    judge = Judge(max_concurrency=2, sandbox=Sandbox(warm_pool_size=1))
    if not judge.sandbox.isolated:
        pytest.skip("the warm pool needs bubblewrap")
    judge.prestart()
    yield judge
    await judge.close()


async def judge_python(judge: Judge, source: str, tests=ONE_TEST, **limits):
    return await judge.judge(SandboxRequest(language="python", source=source, signature=SIG, tests=tests,
                                            limits={"cpu_time_s": 1, "wall_time_s": 1} | limits))


async def test_the_run_clock_starts_at_hand_over_not_when_the_sandbox_started(warm_judge):
    await asyncio.sleep(4.0)  # idle longer than the whole start-up allowance (2 s + the 1 s wall limit)
    looping = "def solve(x):\n    while x == 2:\n        pass\n    return x\n"
    tests = [{"id": str(i), "input": {"x": i}, "expected": i} for i in (1, 2)]
    result = await judge_python(warm_judge, looping, tests=tests)
    assert warm_judge.sandbox.warm_runs == 1
    assert [t.verdict for t in result.tests] == [Verdict.ACCEPTED, Verdict.TIME_LIMIT_EXCEEDED]


async def test_the_memory_cap_is_the_runs_own_above_and_below_the_pools():
    """The pool starts its sandboxes under the cap of the run that set its template (16 MB + overheads here);
    each run gets its own cap when handed one, higher or lower."""
    judge = Judge(max_concurrency=1, sandbox=Sandbox(warm_pool_size=1))
    if not judge.sandbox.isolated:
        pytest.skip("the warm pool needs bubblewrap")
    allocate = "def solve(x):\n    block = bytearray({mb} * 2**20)\n    return x\n"
    slow_pages = {"cpu_time_s": 5, "wall_time_s": 10}  # touching 250 MB takes a while on a busy host
    try:
        small = await judge_python(judge, allocate.format(mb=1), memory_mb=16)  # cold: sets the template
        roomy = await judge_python(judge, allocate.format(mb=250), memory_mb=300, **slow_pages)
        tight = await judge_python(judge, allocate.format(mb=100), memory_mb=32)
    finally:
        await judge.close()
    assert judge.sandbox.warm_runs == 2
    assert small.verdict is Verdict.ACCEPTED, small.tests
    assert roomy.verdict is Verdict.ACCEPTED, roomy.tests
    assert tight.verdict is Verdict.MEMORY_LIMIT_EXCEEDED, tight.tests


async def test_a_used_sandbox_is_gone_after_its_run(warm_judge, monkeypatch):
    sandbox = warm_judge.sandbox
    used = []
    run_warm = sandbox._run_warm

    async def recording(slot, spec):
        used.append(slot)
        return await run_warm(slot, spec)

    monkeypatch.setattr(sandbox, "_run_warm", recording)
    leave_behind = "import subprocess\n\ndef solve(x):\n    subprocess.Popen(['sleep', '300'])\n" \
                   "    open('/tmp/marker', 'w').write('x')\n    return x\n"
    look = "import os\n\ndef solve(x):\n    return int(not os.path.exists('/tmp/marker'))\n"
    first, second = await judge_python(warm_judge, leave_behind), await judge_python(warm_judge, look)
    assert first.verdict is Verdict.ACCEPTED and second.verdict is Verdict.ACCEPTED
    assert len(used) == 2 and used[0] is not used[1]
    await sandbox.settle()  # a verdict may come back while the tree it killed is still being reaped
    for slot in used:
        assert slot.process.returncode is not None
        assert not slot.box_dir.exists()


async def test_a_run_with_another_tmpfs_size_runs_cold_and_retargets_the_pool(warm_judge):
    identity = "def solve(x):\n    return x\n"
    big_files = {"file_size_kb": 32768}  # a 64 MB tmpfs instead of the pool's 16 MB: fixed when bwrap starts
    assert (await judge_python(warm_judge, identity, **big_files)).verdict is Verdict.ACCEPTED
    assert warm_judge.sandbox.warm_runs == 0
    assert (await judge_python(warm_judge, identity, **big_files)).verdict is Verdict.ACCEPTED
    assert warm_judge.sandbox.warm_runs == 1


async def test_a_sandbox_that_died_before_taking_its_run_is_not_blamed_on_the_candidate(warm_judge, monkeypatch):
    """Between the pool's liveness check and the hand-over, a slot could die; the run then starts cold."""
    pool = warm_judge.sandbox.warm
    await asyncio.wait(list(pool._starting))
    await settle()
    for slot in pool._ready:
        kill_process_tree(slot.process)
        await slot.process.wait()
    monkeypatch.setattr(pool, "_alive", lambda slot: True)  # as if each had died just after the check
    result = await judge_python(warm_judge, "def solve(x):\n    return x\n")
    assert result.verdict is Verdict.ACCEPTED, result.tests
    assert warm_judge.sandbox.warm_runs == 0


async def test_closing_ends_every_prestarted_sandbox(warm_judge):
    await judge_python(warm_judge, "def solve(x):\n    return x\n")
    pool = warm_judge.sandbox.warm
    await asyncio.wait(list(pool._starting))  # the refill begun once the run was over
    await settle()
    slots = list(pool._ready)
    assert slots
    await warm_judge.close()
    for slot in slots:
        assert slot.process.returncode is not None
        assert not slot.box_dir.exists()
