"""Untouched starter code, every problem × every language, through the real judge on the sample tests:
it compiles and runs, and gets a clean wrong answer (never a compile or runtime error, never a pass)."""

import asyncio

import pytest
from contracts.sandbox import Language, SandboxRequest, SandboxResult, Verdict

# ~300 judge runs, two at a time (60 C++, Go and Java compiles, 120 JVM starts): ~100 s of CPU on 2 idle
# cores, far longer when the machine is shared
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]


def _problem(result: SandboxResult) -> str:
    first = next((t for t in result.tests if t.verdict is not Verdict.WRONG_ANSWER and t.verdict is not
                  Verdict.ACCEPTED), None)
    detail = f"{first.test_id} {first.verdict} {first.error}" if first else ""
    return f"{result.verdict} {detail} {result.compile_output[:400]} {result.message}".strip()


async def test_every_starter_compiles_runs_and_is_a_wrong_answer(bank):
    from sandbox_worker.judge import Judge

    judge = Judge(max_concurrency=2)
    jobs = [(pid, language) for pid in bank.ids for language in Language]

    async def run(pid: str, language: Language) -> SandboxResult:
        q = bank.question(pid)
        return await judge.judge(SandboxRequest(language=language, source=q.starter_code[language],
                                                signature=q.signature, tests=q.sample_tests, limits=q.limits))

    try:
        results = await asyncio.gather(*(run(pid, language) for pid, language in jobs))
    finally:
        await judge.close()
    failures = [f"{pid} [{language}]: {_problem(result)}" for (pid, language), result in zip(jobs, results)
                if result.verdict is not Verdict.WRONG_ANSWER]
    assert failures == [], "\n".join(failures)
