"""Fast sanity checks without the sandbox, one problem at a time (so a broken folder fails its own
tests with the loader's message): every Python reference and naive solution passes the problem's
inline tests in-process. The sandbox judge run is `python -m question_bank.verify`."""

import random
from functools import cache

import pytest

from question_bank.bank import NAIVE_FILE, PROBLEMS_DIR, Problem, load_problem
from question_bank.inprocess import call_solution, load_solution, outputs_match

PROBLEM_IDS = sorted(
    p.name for p in PROBLEMS_DIR.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))
)


@cache
def _load(problem_id: str) -> Problem:
    return load_problem(PROBLEMS_DIR / problem_id)  # raises ProblemError naming file and field


@pytest.fixture(params=PROBLEM_IDS)
def problem(request) -> Problem:
    return _load(request.param)


def _failures(problem: Problem, filename: str) -> list[str]:
    solution = load_solution(problem.read(filename), str(problem.directory / filename))
    failures = []
    for test in [*problem.question.sample_tests, *problem.question.hidden_tests]:
        actual = call_solution(solution, problem.question.signature, test.input)
        if not outputs_match(actual, test.expected, test.compare, test.float_tolerance):
            failures.append(f"{test.id}: got {str(actual)[:120]}, expected {str(test.expected)[:120]}")
    return failures


def test_python_reference_passes_inline_tests(problem):
    assert _failures(problem, "reference.py") == []


def test_naive_solution_agrees_on_inline_tests(problem):
    if problem.question.naive_none_reason:
        pytest.skip("problem has no naive solution")
    assert _failures(problem, NAIVE_FILE) == []


def test_generators_produce_inputs_for_the_signature(problem):
    """Generated inputs are keyed by the signature's parameters (checked at the smallest scaling size,
    which is cheap; the full-size generated tests are exercised by `verify`)."""
    q = problem.question
    if q.scaling is None or q.signature.kind == "class":
        pytest.skip("no scaling generator for a function signature")
    generate = getattr(problem.generators, q.scaling.generator)
    test_input = generate(random.Random(0), min(q.scaling.sizes))
    assert set(test_input) == {p.name for p in q.signature.params}
