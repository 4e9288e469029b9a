import subprocess
import sys
import time

import pytest
from contracts.sandbox import Language, SandboxRequest, SandboxResult, Verdict

from question_bank import verify
from question_bank.bank import QuestionBank
from question_bank.inprocess import call_solution, load_solution, outputs_match


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return QuestionBank(only=["ticket_pair_budget", "balanced_brackets_lint"])


async def inprocess_judge(request: SandboxRequest) -> SandboxResult:
    """Stand-in for the sandbox judge: Python runs in-process; naive solutions 'time out'."""
    if "O(n^2)" in request.source or "naive" in request.source.lower():
        return SandboxResult(verdict=Verdict.TIME_LIMIT_EXCEEDED)
    if request.language != Language.PYTHON:
        return SandboxResult(verdict=Verdict.ACCEPTED)
    solution = load_solution(request.source, "solution.py")
    for test in request.tests:
        actual = call_solution(solution, request.signature, test.input)
        if not outputs_match(actual, test.expected, test.compare):
            return SandboxResult(verdict=Verdict.WRONG_ANSWER)
    return SandboxResult(verdict=Verdict.ACCEPTED)


def test_reference_request_carries_every_test(bank):
    request = verify.reference_request(bank, "ticket_pair_budget", Language.GO)
    q = bank.question("ticket_pair_budget")
    assert len(request.tests) == len(q.sample_tests) + len(q.hidden_tests) + len(q.generated_tests)
    assert request.limits == q.limits and request.source.startswith("package main")


def test_last_line_when_all_accepted(monkeypatch, capsys):
    monkeypatch.setattr(verify, "_load_judge", lambda: inprocess_judge)
    ids = ["ticket_pair_budget", "balanced_brackets_lint"]
    args = [arg for pid in ids for arg in ("--problem", pid)]
    assert verify.main(args) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1] == "questions: 2 problems, 10 reference solutions, all accepted"
    assert lines[0].startswith("ticket_pair_budget: python accepted")


def test_failures_exit_nonzero(monkeypatch, capsys):
    async def rejecting_judge(request):
        return SandboxResult(verdict=Verdict.WRONG_ANSWER)

    monkeypatch.setattr(verify, "_load_judge", lambda: rejecting_judge)
    assert verify.main(["--problem", "ticket_pair_budget", "--language", "python"]) == 1
    out = capsys.readouterr().out
    assert "all accepted" not in out and "naive: expected time_limit_exceeded" in out


def test_naive_request_uses_large_tests_only(bank):
    request = verify.naive_request(bank, "balanced_brackets_lint")
    assert request.language == Language.PYTHON
    assert {t.category for t in request.tests} == {"large"}
    assert bank.naive_source("balanced_brackets_lint") == request.source


def test_a_crashing_generator_is_reported_not_fatal(monkeypatch, capsys):
    monkeypatch.setattr(verify, "_load_judge", lambda: inprocess_judge)

    def broken_generator(rng, **args):
        raise RuntimeError("generator bug")

    bank = verify.QuestionBank(only=["ticket_pair_budget"])
    monkeypatch.setattr(bank.problem("ticket_pair_budget").generators, "pair_far_apart", broken_generator)
    monkeypatch.setattr(verify, "QuestionBank", lambda only: bank)
    assert verify.main(["--problem", "ticket_pair_budget", "--language", "python"]) == 1
    out = capsys.readouterr().out
    assert "could not build the tests" in out and "generator bug" in out


def _cpu_seconds(function, test_input: dict) -> float:
    started = time.process_time()
    function(**test_input)
    return time.process_time() - started


@pytest.mark.timing
def test_unique_lock_codes_large_tests_separate_the_naive_solution_with_margin():
    """The naive solution must time out on every large test even on a machine several times faster than
    this one, and the reference must stay far inside the limit. The naive's work grows as n!, so its time
    on 11 digits is its time on the first 9 of them × 10 × 11 (timing 11 digits would burn the limit)."""
    bank = QuestionBank(only=["unique_lock_codes"])
    problem = bank.problem("unique_lock_codes")
    naive = load_solution(problem.read("naive.py"), "naive.py")["unique_lock_codes"]
    reference = load_solution(problem.read("reference.py"), "reference.py")["unique_lock_codes"]
    limit = bank.question("unique_lock_codes").limits.cpu_time_s
    for test in bank.large_tests("unique_lock_codes"):
        digits = test.input["digits"]
        assert len(digits) == 11
        naive_estimate = _cpu_seconds(naive, {"digits": digits[:9]}) * 10 * 11
        assert naive_estimate > 5 * limit, f"{test.id}: the naive solution needs only ~{naive_estimate:.1f} s"
        assert _cpu_seconds(reference, test.input) < limit / 5, test.id


@pytest.mark.slow
def test_the_command_ends_with_its_summary_line_and_no_event_loop_tracebacks():
    """The real judge's pre-started sandboxes are ended before the event loop closes."""
    done = subprocess.run([sys.executable, "-m", "question_bank.verify", "--problem", "ticket_pair_budget",
                           "--language", "python"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().splitlines()[-1] == "questions: 1 problems, 1 reference solutions, all accepted"
    assert "Event loop is closed" not in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert "is closed" not in done.stderr, done.stderr
