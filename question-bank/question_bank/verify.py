"""Run every reference solution through the sandbox judge, and every naive one against the large tests.

    uv run python -m question_bank.verify [--language python] [--problem <id>] [--jobs 2]

For each problem × language the reference must be `accepted` on all sample, hidden and generated
tests; `naive.py` must be `time_limit_exceeded` on the `large` tests (or the problem states
`naive_none_reason`). The last line is `questions: <N> problems, <M> reference solutions, all
accepted` when everything passed; otherwise a failure summary, and the exit code is 1.
"""

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from contracts.sandbox import Language, SandboxRequest, SandboxResult, Verdict

from .bank import ProblemError, QuestionBank, default_bank

Judge = Callable[[SandboxRequest], Awaitable[SandboxResult]]


@dataclass
class ProblemReport:
    problem_id: str
    verdicts: dict[str, str] = field(default_factory=dict)  # language -> verdict
    naive: str = "skipped"
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        parts = [f"{lang} {verdict}" for lang, verdict in self.verdicts.items()]
        return f"{self.problem_id}: {', '.join(parts)}; naive {self.naive}"


def _load_judge() -> Judge:
    # Imported lazily: the sandbox worker is a separate package and may not be installed everywhere.
    from sandbox_worker.judge import judge

    return judge


async def _close_judge() -> None:
    """End the judge's pre-started sandboxes and wait for them while the event loop still runs: a subprocess
    transport that outlives its loop prints `RuntimeError: Event loop is closed` at exit, after the summary."""
    judge_module = sys.modules.get("sandbox_worker.judge")
    if judge_module is not None:
        await judge_module.close_default_judge()


async def verify_and_close(
    bank: QuestionBank, problem_ids: list[str], languages: list[Language], judge: Judge, jobs: int
) -> list[ProblemReport]:
    try:
        return await verify(bank, problem_ids, languages, judge, jobs)
    finally:
        await _close_judge()


def reference_request(bank: QuestionBank, problem_id: str, language: Language) -> SandboxRequest:
    q = bank.question(problem_id)
    return SandboxRequest(
        language=language,
        source=bank.reference_source(problem_id, language),
        signature=q.signature,
        tests=bank.all_tests(problem_id),
        limits=q.limits,
    )


def naive_request(bank: QuestionBank, problem_id: str) -> SandboxRequest | None:
    source = bank.naive_source(problem_id)
    large = bank.large_tests(problem_id)
    if source is None or not large:
        return None
    q = bank.question(problem_id)
    return SandboxRequest(
        language=Language.PYTHON, source=source, signature=q.signature, tests=large, limits=q.limits
    )


def _summarise_failure(result: SandboxResult) -> str:
    bad = next((t for t in result.tests if t.verdict != Verdict.ACCEPTED), None)
    detail = f" first failing test {bad.test_id}: {bad.verdict}" if bad else ""
    if bad and bad.error:
        detail += f" ({bad.error.type}: {bad.error.message[:200]})"
    if result.compile_output:
        detail += f" compile output: {result.compile_output[:300]}"
    if result.message:
        detail += f" message: {result.message[:200]}"
    return f"{result.verdict}{detail}"


async def verify_problem(
    bank: QuestionBank, problem_id: str, languages: list[Language], judge: Judge, slots: asyncio.Semaphore
) -> ProblemReport:
    report = ProblemReport(problem_id)

    async def run(request: SandboxRequest) -> SandboxResult:
        async with slots:
            try:
                return await judge(request)
            except Exception as exc:  # noqa: BLE001 - a crashing judge is a failure to report, not a reason to stop
                return SandboxResult(verdict=Verdict.INTERNAL_ERROR, message=f"judge raised {exc!r}")

    try:  # building requests runs the generators and the Python reference in-process
        requests = [reference_request(bank, problem_id, lang) for lang in languages]
        naive = naive_request(bank, problem_id) if Language.PYTHON in languages else None
    except Exception as exc:  # noqa: BLE001 - any generator bug becomes a reported failure
        report.failures.append(f"{problem_id}: could not build the tests: {exc!r}")
        return report
    results = await asyncio.gather(*(run(r) for r in requests), *([run(naive)] if naive else []))
    for lang, result in zip(languages, results):
        report.verdicts[lang.value] = result.verdict.value
        if result.verdict != Verdict.ACCEPTED:
            report.failures.append(f"{problem_id} [{lang}] reference: {_summarise_failure(result)}")
    q = bank.question(problem_id)
    if naive is not None:
        naive_result = results[-1]
        report.naive = naive_result.verdict.value
        if naive_result.verdict != Verdict.TIME_LIMIT_EXCEEDED:
            report.failures.append(
                f"{problem_id} naive: expected time_limit_exceeded on the large tests, got {naive_result.verdict}"
            )
    elif q.naive_none_reason:
        report.naive = f"none ({q.naive_none_reason})"
    return report


async def verify(
    bank: QuestionBank, problem_ids: list[str], languages: list[Language], judge: Judge, jobs: int
) -> list[ProblemReport]:
    slots = asyncio.Semaphore(jobs)
    tasks = [asyncio.create_task(verify_problem(bank, pid, languages, judge, slots)) for pid in problem_ids]
    reports = []
    for task in tasks:  # print in bank order as each finishes
        report = await task
        print(report.line(), flush=True)
        reports.append(report)
    return reports


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--language", action="append", choices=[lang.value for lang in Language])
    parser.add_argument("--problem", action="append", help="problem id (repeatable)")
    parser.add_argument("--jobs", type=int, default=2, help="judge calls in flight at once")
    args = parser.parse_args(argv)

    try:
        bank = QuestionBank(only=args.problem) if args.problem else default_bank()
    except ProblemError as exc:
        print(f"FAILED: the question bank does not load: {exc}")
        return 1
    problem_ids = args.problem or bank.ids
    unknown = [p for p in problem_ids if p not in bank.ids]
    if unknown:
        print(f"unknown problem ids: {', '.join(unknown)}", file=sys.stderr)
        return 2
    languages = [Language(lang) for lang in args.language] if args.language else list(Language)
    reports = asyncio.run(verify_and_close(bank, problem_ids, languages, _load_judge(), args.jobs))

    failures = [f for r in reports for f in r.failures]
    if failures:
        print(f"FAILED: {len(failures)} failure(s) in {len(reports)} problems:")
        for failure in failures:
            print(f"  {failure}")
        return 1
    print(
        f"questions: {len(reports)} problems, {len(reports) * len(languages)} reference solutions, all accepted"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
