"""Fast sanity check without the sandbox: every Python reference (and naive solution) passes the
problem's inline tests in-process. The sandbox judge run is `python -m question_bank.verify`."""

import pytest

from question_bank.bank import NAIVE_FILE, default_bank
from question_bank.inprocess import call_solution, load_solution, outputs_match

PROBLEM_IDS = default_bank().ids


def _failures(bank, problem_id, filename):
    problem = bank.problem(problem_id)
    solution = load_solution(problem.read(filename), str(problem.directory / filename))
    failures = []
    for test in [*problem.question.sample_tests, *problem.question.hidden_tests]:
        actual = call_solution(solution, problem.question.signature, test.input)
        if not outputs_match(actual, test.expected, test.compare, test.float_tolerance):
            failures.append(f"{test.id}: got {str(actual)[:120]}, expected {str(test.expected)[:120]}")
    return failures


@pytest.mark.parametrize("problem_id", PROBLEM_IDS)
def test_python_reference_passes_inline_tests(bank, problem_id):
    assert _failures(bank, problem_id, "reference.py") == []


@pytest.mark.parametrize("problem_id", PROBLEM_IDS)
def test_naive_solution_agrees_on_inline_tests(bank, problem_id):
    if bank.question(problem_id).naive_none_reason:
        pytest.skip("problem has no naive solution")
    assert _failures(bank, problem_id, NAIVE_FILE) == []
