"""The judge: compile once, run every test of a submission in one sandboxed process, give verdicts.

`await judge(request)` never raises on bad candidate code; a problem of the worker itself becomes an
`internal_error` result with a message. `Judge(max_concurrency=...)` limits how many submissions run at
once (default: SANDBOX_CONCURRENCY, else the number of CPUs).
"""

import asyncio
import contextlib
import json
import logging
import os
import re
import shutil
import signal
import tempfile
import threading
import time
from pathlib import Path

from contracts.sandbox import (
    Language,
    Limits,
    RuntimeErrorInfo,
    SandboxRequest,
    SandboxResult,
    TestCase,
    TestResult,
    Verdict,
)

from .compare import results_match, stdout_matches
from .languages import LANGUAGES, LanguageSpec
from .sandbox import RunLimits, RunOutcome, RunSpec, Sandbox, new_box_dir, write_box_files

log = logging.getLogger(__name__)

COMPILE_LIMITS = RunLimits(
    test_cpu_s=30, test_wall_s=30, startup_wall_s=40, process_cpu_s=30, address_space_mb=None, memory_mb=1024,
    max_processes=128, file_size_kb=256 * 1024, open_files=256, output_bytes=256 * 1024, tmpfs_mb=512,
)
COMPILE_OUTPUT_CHARS = 8000
PYTHON_SYNTAX_ERRORS = ("SyntaxError", "IndentationError", "TabError")
STREAM_CHARS_PER_TEST = 8000
SPEC_PARSE_S_PER_MB = 2.0  # generous: a JVM parsing JSON before its JIT warms up
MAX_BATCH_RESTARTS = 3  # a process that dies mid-batch is restarted for the remaining tests
MEMORY_MARKERS = ("MemoryError", "out of memory", "bad_alloc", "OutOfMemoryError", "heap out of memory",
                  "Cannot allocate memory")


class Judge:
    def __init__(self, max_concurrency: int | None = None, sandbox: Sandbox | None = None):
        if max_concurrency is None:
            max_concurrency = int(os.environ.get("SANDBOX_CONCURRENCY") or os.cpu_count() or 1)
        self.max_concurrency = max_concurrency
        self.sandbox = sandbox or Sandbox()
        self._slots = asyncio.Semaphore(max_concurrency)
        self._prepared: dict = {}

    def prestart(self) -> None:
        """Start the warm pool's sandboxes for default-limit function runs (the interview's case) before the
        first run arrives. Needs a running event loop; runs with other limits re-target the pool."""
        limits = Limits()
        for language in LANGUAGES.values():
            warm = language.warm_start()
            if warm is not None:
                self.sandbox.prestart(
                    # box_dir: each pre-started sandbox mounts a box of its own instead
                    RunSpec(argv=language.run_command(limits.memory_mb), box_dir=Path(tempfile.gettempdir()),
                            limits=_run_limits(limits, language, 1, 0), env=language.env, warm=warm),
                    language.extra_ro)

    async def close(self) -> None:
        await self.sandbox.close()

    async def _prepare(self, language: LanguageSpec) -> None:
        if language.language not in self._prepared:
            self._prepared[language.language] = asyncio.create_task(asyncio.to_thread(language.prepare))
        await self._prepared[language.language]

    async def judge(self, request: SandboxRequest) -> SandboxResult:
        started = time.monotonic()
        async with self._slots:
            try:
                result = await self._judge(request)
            except Exception as exc:  # the worker's fault, never the candidate's
                log.exception("judge failed")
                result = SandboxResult(verdict=Verdict.INTERNAL_ERROR, message=f"{type(exc).__name__}: {exc}")
        result.time_ms = (time.monotonic() - started) * 1000
        if result.tests:
            result.time_limit_s = request.limits.cpu_time_s
        if result.verdict is Verdict.TIME_LIMIT_EXCEEDED:
            result.message = f"time limit exceeded (limit {request.limits.cpu_time_s:g} s); {result.message}"
        return result

    async def _judge(self, request: SandboxRequest) -> SandboxResult:
        language = LANGUAGES.get(request.language)
        if language is None:
            return _internal(f"language {request.language} is not supported yet")
        if any(t.input is None and t.stdin is None for t in request.tests):
            return _internal("every test needs an `input` (function call) or a `stdin` (whole program)")
        function_tests = [i for i, t in enumerate(request.tests) if t.input is not None]
        program_tests = [i for i, t in enumerate(request.tests) if t.input is None]
        if function_tests and request.signature is None:
            return _internal("function tests need a signature")
        await self._prepare(language)
        results: dict[int, TestResult] = {}
        for indices, judge_part in ((function_tests, self._judge_functions), (program_tests, self._judge_programs)):
            if not indices:
                continue
            part = await judge_part(request.model_copy(update={"tests": [request.tests[i] for i in indices]}),
                                    language)
            if not part.tests:  # compilation or internal error: nothing ran
                return part.model_copy(update={"total": len(request.tests)})
            results.update(zip(indices, part.tests))
        return _summary([results[i] for i in range(len(request.tests))])

    async def _judge_functions(self, request: SandboxRequest, language: LanguageSpec) -> SandboxResult:
        """Function tests: the harness calls the candidate's function once per test, all in one process."""
        with _box() as box:
            write_box_files(box, language.box_files(request.source, request.signature))
            if language.compile_argv:
                compiled = await self._compile(language.compile_argv, language, box)
                if compiled.exit_code != 0:
                    return _compilation_error(compiled)
            return await self._run_tests(request, language, box)

    async def _judge_programs(self, request: SandboxRequest, language: LanguageSpec) -> SandboxResult:
        """stdin/stdout tests: run the candidate's whole program once per test and compare what it prints."""
        if not language.program_command(request.limits.memory_mb):
            return _internal(f"stdin/stdout tests are not supported for {language.language}")
        limits = request.limits
        results = []
        with _box() as box:
            write_box_files(box, language.program_files(request.source))
            if language.program_compile_argv:
                compiled = await self._compile(language.program_compile_argv, language, box)
                if compiled.exit_code != 0:
                    return _compilation_error(compiled)
            budget_end = time.monotonic() + limits.wall_time_s * 3 + language.startup_s
            for test in request.tests:
                if time.monotonic() > budget_end or _timed_out(results):
                    results.append(_not_run(test))
                    continue
                outcome = await self.sandbox.run(
                    RunSpec(argv=language.program_command(limits.memory_mb), box_dir=box,
                            limits=_program_limits(limits, language), env=language.env,
                            stdin=test.stdin.encode(), single_test=True),
                    language.extra_ro,
                )
                result = _program_verdict(outcome, test, language)
                if language.language is Language.PYTHON and result.error and result.error.type in PYTHON_SYNTAX_ERRORS:
                    return SandboxResult(verdict=Verdict.COMPILATION_ERROR, compile_output=result.stderr,
                                         message="compilation failed")
                results.append(result)
        return _summary(results)

    async def _compile(self, argv: list[str], language: LanguageSpec, box: Path) -> RunOutcome:
        return await self.sandbox.run(
            RunSpec(argv=argv, box_dir=box, limits=COMPILE_LIMITS, env=language.env, box_writable=True),
            language.extra_ro,
        )

    async def _run_tests(self, request: SandboxRequest, language: LanguageSpec, box: Path) -> SandboxResult:
        limits = request.limits
        results: dict[int, TestResult] = {}
        pending = list(range(len(request.tests)))
        budget_end = None
        restarts = 0
        while pending:
            if (budget_end and time.monotonic() > budget_end) or restarts > MAX_BATCH_RESTARTS:
                for index in pending:
                    results[index] = _not_run(request.tests[index])
                break
            spec = {
                "signature": request.signature.model_dump() if request.signature else None,
                "tests": [{"id": request.tests[i].id, "input": request.tests[i].input} for i in pending],
                "output_cap": limits.output_kb * 1024,
            }
            spec_json = json.dumps(spec, separators=(",", ":"))
            if budget_end is None:
                budget_end = (time.monotonic() + limits.wall_time_s * 3 + language.startup_s
                              + len(spec_json) / 1e6 * SPEC_PARSE_S_PER_MB)
            write_box_files(box, {"spec.json": spec_json})
            outcome = await self.sandbox.run(
                RunSpec(argv=language.run_command(limits.memory_mb, request.signature), box_dir=box,
                        limits=_run_limits(limits, language, len(pending), len(spec_json)), env=language.env,
                        warm=language.warm_start()),
                language.extra_ro,
            )
            compile_error = next((r for r in outcome.records if r.get("t") == "compile_error"), None)
            if compile_error:
                return SandboxResult(verdict=Verdict.COMPILATION_ERROR, total=len(request.tests),
                                     compile_output=str(compile_error.get("message", ""))[:COMPILE_OUTPUT_CHARS])
            finished = _results_from_records(outcome, pending, request.tests, limits)
            results.update(finished)
            remaining = [i for i in pending if i not in finished]
            if not remaining:
                break
            crashed = _crash_verdicts(outcome, pending, remaining, request.tests)
            results.update(crashed)
            if not crashed:  # ended without progress and without a cause of its own: no point trying again
                verdict, error = _death_verdict(outcome)
                for index in remaining:
                    results[index] = _result(request.tests[index], verdict, error=error, time_ms=None,
                                             memory_kb=None, stderr=_text(outcome.stderr))
                break
            if _timed_out(crashed.values()):
                # A time limit ends the whole run: the problem's limit, not the limit once per test.
                for index in remaining:
                    results.setdefault(index, _not_run(request.tests[index]))
                break
            pending = [i for i in remaining if i not in crashed]
            restarts += 1
        ordered = [results[i] for i in range(len(request.tests))]
        return _summary(ordered)


def _run_limits(limits: Limits, language: LanguageSpec, test_count: int, spec_bytes: int) -> RunLimits:
    # Reading the tests' inputs is the harness's work, not the candidate's: allow for it before test 1.
    parse_s = spec_bytes / 1e6 * SPEC_PARSE_S_PER_MB
    per_process_cpu = int(limits.cpu_time_s * test_count + language.startup_s + parse_s) + 1
    return RunLimits(
        test_cpu_s=limits.cpu_time_s,
        test_wall_s=limits.wall_time_s,
        startup_wall_s=language.startup_s + limits.wall_time_s + parse_s,
        process_cpu_s=per_process_cpu,
        address_space_mb=(limits.memory_mb + language.address_space_overhead_mb
                          if language.address_space_overhead_mb is not None else limits.memory_mb + 2048),
        # Where RLIMIT_AS applies the runtime reports MLE itself (MemoryError, bad_alloc); the cgroup is
        # then only a backstop, set above it so that it does not pre-empt the clean report.
        memory_mb=limits.memory_mb + language.runtime_overhead_mb + (
            (language.address_space_overhead_mb or 0) + 64 if language.address_space_overhead_mb is not None else 0),
        max_processes=limits.max_processes + language.extra_threads,
        file_size_kb=limits.file_size_kb,
        open_files=limits.open_files,
        output_bytes=limits.output_kb * 1024,
        tmpfs_mb=max(16, limits.file_size_kb // 1024 * 2),
        address_space_only_without_cgroup=language.address_space_overhead_mb is None,
    )


def _program_limits(limits: Limits, language: LanguageSpec) -> RunLimits:
    """A whole program is one test: its CPU and wall limits include the runtime's start-up."""
    run_limits = _run_limits(limits, language, 1, 0)
    run_limits.test_cpu_s = limits.cpu_time_s + language.startup_s / 4
    run_limits.test_wall_s = limits.wall_time_s + language.startup_s
    return run_limits


def _program_verdict(outcome: RunOutcome, test: TestCase, language: LanguageSpec) -> TestResult:
    stdout, stderr = _text(outcome.stdout), _text(outcome.stderr)
    common = dict(time_ms=outcome.wall_ms, memory_kb=outcome.peak_memory_kb or None, stdout=stdout, stderr=stderr)
    if outcome.killed_for or outcome.oom_killed or outcome.signal or outcome.exit_code != 0:
        verdict, error = _death_verdict(outcome)
        if verdict is Verdict.RUNTIME_ERROR and outcome.exit_code:
            error = _error_from_stderr(stderr, language) or error
        return _result(test, verdict, error=error, **common)
    passed = stdout_matches(stdout, test.expected_stdout or "")
    return _result(test, Verdict.ACCEPTED if passed else Verdict.WRONG_ANSWER, actual=stdout, **common)


def _error_from_stderr(stderr: str, language: LanguageSpec) -> RuntimeErrorInfo | None:
    """The last `Type: message` line of a traceback, and the last line number in the candidate's file."""
    lines = [line.strip() for line in stderr.strip().splitlines() if line.strip()]
    located = re.findall(rf'{re.escape(language.source_file)}"?(?:, line |:)(\d+)', stderr)
    for line in reversed(lines):
        match = re.match(r"^(?:Exception in thread \S+ )?([\w.$]*(?:Error|Exception|Exit)\w*):?\s*(.*)$", line)
        if match:
            return RuntimeErrorInfo(type=match.group(1).rsplit(".", 1)[-1], message=match.group(2)[:2000],
                                    line=int(located[-1]) if located else None)
    return None


@contextlib.contextmanager
def _box():
    box = new_box_dir("mockmind-box-")
    try:
        yield box
    finally:
        shutil.rmtree(box, ignore_errors=True)


def _results_from_records(outcome: RunOutcome, pending: list[int], tests: list[TestCase],
                          limits: Limits) -> dict[int, TestResult]:
    results: dict[int, TestResult] = {}
    load_error = next((r for r in outcome.records if r.get("t") == "load" and r.get("error")), None)
    if load_error:
        error = _error_info(load_error["error"])
        for index in pending:
            results[index] = _result(tests[index], Verdict.RUNTIME_ERROR, error=error,
                                     stderr=outcome.stderr.decode(errors="replace"))
        return results
    for record in outcome.records:
        if record.get("t") != "done" or not isinstance(record.get("i"), int):
            continue
        if not 0 <= record["i"] < len(pending):
            continue
        index = pending[record["i"]]
        results[index] = _verdict_for_record(record, tests[index], limits)
    return results


def _verdict_for_record(record: dict, test: TestCase, limits: Limits) -> TestResult:
    common = dict(
        time_ms=float(record.get("cpu_ms") or record.get("wall_ms") or 0.0),
        memory_kb=int(record.get("mem_kb") or 0),
        stdout=str(record.get("stdout", ""))[:STREAM_CHARS_PER_TEST],
        stderr=str(record.get("stderr", ""))[:STREAM_CHARS_PER_TEST],
    )
    if record.get("ole"):
        return _result(test, Verdict.OUTPUT_LIMIT_EXCEEDED, **common)
    if record.get("error"):
        verdict = Verdict.MEMORY_LIMIT_EXCEEDED if record.get("mle") else Verdict.RUNTIME_ERROR
        return _result(test, verdict, error=_error_info(record["error"]), **common)
    if common["time_ms"] > limits.cpu_time_s * 1000:
        return _result(test, Verdict.TIME_LIMIT_EXCEEDED, **common)
    actual = record.get("actual")
    passed = results_match(actual, test.expected, test.compare, test.float_tolerance)
    return _result(test, Verdict.ACCEPTED if passed else Verdict.WRONG_ANSWER, actual=actual, **common)


def _crash_verdicts(outcome: RunOutcome, pending: list[int], remaining: list[int],
                    tests: list[TestCase]) -> dict[int, TestResult]:
    """The process ended before finishing: blame the test that was running (a position in `pending`)."""
    running = pending[outcome.killed_test] if outcome.killed_test is not None and 0 <= outcome.killed_test < len(
        pending) else None
    if running not in remaining:
        if outcome.killed_for or outcome.exit_code != 0:
            # Died outside any test (startup): every remaining test shares the verdict.
            verdict, error = _death_verdict(outcome)
            return {i: _result(tests[i], verdict, error=error, time_ms=None, memory_kb=None,
                               stdout=_text(outcome.stdout), stderr=_text(outcome.stderr)) for i in remaining}
        return {}
    index = running
    verdict, error = _death_verdict(outcome)
    # Stopped or crashed mid-test: the harness never reported this test's time or memory.
    return {index: _result(tests[index], verdict, error=error, time_ms=None, memory_kb=None,
                           stdout=_text(outcome.stdout), stderr=_text(outcome.stderr))}


def _death_verdict(outcome: RunOutcome) -> tuple[Verdict, RuntimeErrorInfo | None]:
    stderr = _text(outcome.stderr)
    # Memory first: a runtime thrashing its GC at the heap cap often hits the CPU limit as it dies.
    if outcome.oom_killed or any(marker in stderr for marker in MEMORY_MARKERS):
        return Verdict.MEMORY_LIMIT_EXCEEDED, None
    if outcome.killed_for in ("wall", "cpu"):
        return Verdict.TIME_LIMIT_EXCEEDED, None
    if outcome.killed_for == "output" or outcome.output_overflow:
        return Verdict.OUTPUT_LIMIT_EXCEEDED, None
    if outcome.signal == signal.SIGXCPU or outcome.exit_code == 128 + signal.SIGXCPU:
        return Verdict.TIME_LIMIT_EXCEEDED, None
    if outcome.signal or (outcome.exit_code or 0) > 128:
        number = outcome.signal or outcome.exit_code - 128
        name = _signal_name(number)
        return Verdict.RUNTIME_ERROR, RuntimeErrorInfo(type=name, message=f"the program was killed by {name}")
    return Verdict.RUNTIME_ERROR, RuntimeErrorInfo(
        type="Exit", message=f"the program exited with code {outcome.exit_code} before the test finished"
    )


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def _error_info(raw) -> RuntimeErrorInfo:
    if not isinstance(raw, dict):
        return RuntimeErrorInfo(type="Error", message=str(raw)[:2000])
    line = raw.get("line")
    return RuntimeErrorInfo(type=str(raw.get("type", "Error"))[:200], message=str(raw.get("message", ""))[:2000],
                            line=line if isinstance(line, int) else None)


def _result(test: TestCase, verdict: Verdict, **fields) -> TestResult:
    return TestResult(test_id=test.id, verdict=verdict, hidden=test.hidden, category=test.category, **fields)


def _not_run(test: TestCase) -> TestResult:
    """A test the run never reached: an earlier test exceeded the time limit (or used up the run's budget)."""
    return _result(test, Verdict.TIME_LIMIT_EXCEEDED, time_ms=None, memory_kb=None, skipped=True)


def _timed_out(results) -> bool:
    return any(r.verdict is Verdict.TIME_LIMIT_EXCEEDED for r in results)


def _text(data: bytes) -> str:
    return data.decode(errors="replace")[:STREAM_CHARS_PER_TEST]


def _summary(tests: list[TestResult]) -> SandboxResult:
    passed = sum(t.verdict is Verdict.ACCEPTED for t in tests)
    first_failure = next((t.verdict for t in tests if t.verdict is not Verdict.ACCEPTED), Verdict.ACCEPTED)
    return SandboxResult(verdict=first_failure, tests=tests, passed=passed, total=len(tests),
                         message=f"{passed}/{len(tests)} tests passed")


def _compilation_error(outcome: RunOutcome) -> SandboxResult:
    text = (_text(outcome.stderr) + _text(outcome.stdout)).strip()
    if outcome.killed_for:
        text = f"compilation stopped: {outcome.killed_for} limit exceeded\n" + text
    return SandboxResult(verdict=Verdict.COMPILATION_ERROR, compile_output=text[:COMPILE_OUTPUT_CHARS],
                         message="compilation failed")


def _internal(message: str) -> SandboxResult:
    return SandboxResult(verdict=Verdict.INTERNAL_ERROR, message=message)


def warm_up_in_background() -> None:
    """Prepare every language (C++ precompiled header, Java harness and javac class archive) on a daemon
    thread, so that the first submission in each language does not pay for it. Safe to race with `_prepare`."""

    def prepare_all() -> None:
        for language in LANGUAGES.values():
            try:
                language.prepare()
            except Exception:
                log.exception("preparing %s failed; the first submission will retry", language.language)

    threading.Thread(target=prepare_all, name="sandbox-warm-up", daemon=True).start()


_default_judge: Judge | None = None


def default_judge() -> Judge:
    global _default_judge
    if _default_judge is None:
        _default_judge = Judge()
    return _default_judge


async def close_default_judge() -> None:
    """End the default judge's pre-started sandboxes, if it was ever made (before its event loop ends)."""
    global _default_judge
    if _default_judge is not None:
        await _default_judge.close()
        _default_judge = None


async def judge(request: SandboxRequest) -> SandboxResult:
    try:
        runner = default_judge()
    except Exception as exc:  # e.g. SandboxUnavailable: say so instead of running code unisolated
        return _internal(f"{type(exc).__name__}: {exc}")
    return await runner.judge(request)
