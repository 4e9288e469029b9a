"""A runaway program is stopped within the problem's time limit (plus start-up and a small margin) for the
whole run, not once per test, and its rows say what happened without made-up measurements."""

import time

import pytest

from contracts.sandbox import Limits, SandboxRequest, Verdict

SIGNATURE = {"name": "two_sum", "params": [{"name": "nums", "type": "int[]"}, {"name": "target", "type": "int"}],
             "returns": "int[]"}
TESTS = [{"id": f"t{i}", "input": {"nums": [2, 7, 11, 15], "target": 9}, "expected": [0, 1]} for i in range(3)]
LOOPS = {
    "python": "def two_sum(nums, target):\n    while True:\n        pass\n",
    "javascript": "function twoSum(nums, target) {\n  for (;;) {}\n}\n",
}
LIMITS = Limits(cpu_time_s=1.0, wall_time_s=2.0)
MARGIN_S = 2.5  # polling, killing and reporting, on a busy 2-core machine


class CountingSandbox:
    """The judge's own sandbox, counting the processes it starts."""

    def __init__(self, sandbox):
        self.sandbox, self.runs = sandbox, 0

    async def run(self, spec, extra_ro=()):
        self.runs += 1
        return await self.sandbox.run(spec, extra_ro)


@pytest.mark.parametrize("language", LOOPS)
async def test_an_infinite_loop_ends_the_whole_run_at_the_limit(judge_runner, language, monkeypatch):
    from sandbox_worker.languages import LANGUAGES

    counting = CountingSandbox(judge_runner.sandbox)
    monkeypatch.setattr(judge_runner, "sandbox", counting)
    request = SandboxRequest(language=language, source=LOOPS[language], signature=SIGNATURE, tests=TESTS,
                             limits=LIMITS)
    started = time.monotonic()
    result = await judge_runner.judge(request)
    elapsed = time.monotonic() - started

    assert counting.runs == 1, "the time-out ended the run: no new process for the remaining tests"
    assert elapsed < LIMITS.wall_time_s + LANGUAGES[language].startup_s + MARGIN_S
    assert result.verdict is Verdict.TIME_LIMIT_EXCEEDED and result.time_limit_s == 1.0
    assert "limit 1 s" in result.message
    first, *rest = result.tests
    assert first.verdict is Verdict.TIME_LIMIT_EXCEEDED and not first.skipped
    assert first.time_ms is None and first.memory_kb is None  # the harness never reported them
    assert all(t.verdict is Verdict.TIME_LIMIT_EXCEEDED and t.skipped for t in rest)
    assert all(t.time_ms is None and t.memory_kb is None and t.stderr == "" for t in rest)


async def test_a_loop_in_a_later_test_keeps_the_earlier_results(judge_runner):
    source = ("def two_sum(nums, target):\n    if target == 10:\n        while True:\n            pass\n"
              "    return [0, 1]\n")
    tests = [TESTS[0], {"id": "loop", "input": {"nums": [1, 9], "target": 10}, "expected": [0, 1]}, TESTS[1]]
    result = await judge_runner.judge(SandboxRequest(language="python", source=source, signature=SIGNATURE,
                                                     tests=tests, limits=LIMITS))
    assert [t.verdict for t in result.tests] == [Verdict.ACCEPTED, Verdict.TIME_LIMIT_EXCEEDED,
                                                 Verdict.TIME_LIMIT_EXCEEDED]
    assert [t.skipped for t in result.tests] == [False, False, True]
    assert result.tests[0].time_ms is not None and result.passed == 1


async def test_a_stdin_program_that_loops_stops_the_remaining_tests(judge_runner):
    tests = [{"id": f"p{i}", "stdin": "1 2\n", "expected_stdout": "3\n"} for i in range(3)]
    result = await judge_runner.judge(SandboxRequest(language="python", source="while True:\n    pass\n",
                                                     tests=tests, limits=LIMITS))
    assert [t.skipped for t in result.tests] == [False, True, True]
    assert result.verdict is Verdict.TIME_LIMIT_EXCEEDED and result.time_limit_s == 1.0


@pytest.mark.parametrize("source", ["import os\n\ndef two_sum(nums, target):\n    os._exit(0)\n",
                                    "import os\nos._exit(0)\n"], ids=["in a test", "while loading"])
async def test_a_program_that_exits_mid_run_is_a_runtime_error_not_a_time_out(judge_runner, source):
    result = await judge_runner.judge(SandboxRequest(language="python", source=source, signature=SIGNATURE,
                                                     tests=TESTS[:2], limits=LIMITS))
    assert [t.verdict for t in result.tests] == [Verdict.RUNTIME_ERROR, Verdict.RUNTIME_ERROR], result
    assert not any(t.skipped for t in result.tests)
