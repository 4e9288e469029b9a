"""`analyze_complexity`: the fit on its own (fast), then real measurements through the sandbox judge (slow)."""

import itertools
import math
import random

import pytest
from contracts.events import SizeTiming
from contracts.sandbox import Language
from feedback_agent.complexity import ComplexityProbe, classify, nearest_class, parse_expected, size_ladder
from question_bank.bank import default_bank
from question_bank.inprocess import call_solution, load_solution, outputs_match

from .solutions import BY_PROBLEM

SIZES = [2_000, 4_000, 8_000, 16_000, 32_000, 64_000]
GROWTH = {"O(n)": lambda n: n, "O(n log n)": lambda n: n * math.log(n), "O(n²)": lambda n: n * n}


def synthetic(growth, noise: float, seed: int) -> list[SizeTiming]:
    rng = random.Random(seed)
    scale = 50.0 / growth(SIZES[-1])
    return [SizeTiming(n=n, time_ms=growth(n) * scale * (1 + rng.uniform(-noise, noise))) for n in SIZES]


@pytest.mark.parametrize("label", ["O(n)", "O(n²)"])
@pytest.mark.parametrize("seed", range(5))
def test_fit_names_the_class_that_generated_the_times(label, seed):
    points = synthetic(GROWTH[label], noise=0.05, seed=seed)
    assert classify(points, expected="O(n)").measured == label


def test_a_textbook_log_factor_is_reported_as_possible_not_certain():
    # n log n lifts the slope by only ~0.1 over these sizes; noise does as much, so it is a hedge.
    measured = classify(synthetic(GROWTH["O(n log n)"], noise=0.0, seed=0), expected="O(n)")
    assert measured.measured == "O(n)"
    assert "perhaps O(n log n)" in measured.summary
    plain = classify(synthetic(GROWTH["O(n)"], noise=0.0, seed=0), expected="O(n)")
    assert "perhaps" not in plain.summary


def test_fit_compares_with_the_reference_when_it_has_one():
    # Both slowed by the same memory effect (×1.3 per doubling): the reference cancels it out.
    drift = {n: 1.3 ** math.log2(n / SIZES[0]) for n in SIZES}
    candidate = [SizeTiming(n=n, time_ms=n * drift[n] / 1000) for n in SIZES]
    reference = [SizeTiming(n=n, time_ms=n * drift[n] / 2000) for n in SIZES]
    assert classify(candidate, expected="O(n)").measured != "O(n)"  # alone it looks worse than linear
    measured = classify(candidate, expected="O(n)", candidate_gross=candidate, reference_gross=reference)
    assert measured.measured == "O(n)"
    assert measured.matches_expected is True
    assert "×2.6 when n ×2" in measured.summary  # the raw figure is still reported


def test_a_log_factor_needs_clear_evidence():
    assert nearest_class(1.05, SIZES) == "O(n)"
    assert nearest_class(1.3, SIZES) == "O(n log n)"
    assert nearest_class(2.0, SIZES) == "O(n²)"
    assert nearest_class(6.0, SIZES) == "worse than O(n³)"


@pytest.mark.parametrize("text, label", [
    ("O(n)", "O(n)"), ("O(n + m)", "O(n)"), ("O(|text| + |note|)", "O(n)"), ("O(n log n)", "O(n log n)"),
    ("O(n log k)", "O(n log n)"), ("O(n²)", "O(n²)"), ("O(n^2)", "O(n²)"), ("O(q log n)", None),
    ("O(n·k) with counting keys (O(n·k log k) with sorted keys)", None), ("O(1)", "O(1)"),
])
def test_expected_complexity_is_read_from_the_problem_text(text, label):
    assert parse_expected(text) == label


def test_size_ladder_doubles_from_far_below_to_beyond_the_problem_sizes():
    ladder = size_ladder([1000, 10000, 100000])
    assert ladder[-1] == 400_000 and 1000 / 64 <= ladder[0] < 2 * 1000 / 64
    assert all(bigger == 2 * smaller or bigger == 2 * smaller + 1 for smaller, bigger in itertools.pairwise(ladder))
    assert size_ladder([10, 13, 16]) == [10, 13, 16]


@pytest.mark.parametrize("problem", sorted(BY_PROBLEM))
def test_the_solutions_used_below_are_correct(problem):
    bank = default_bank()
    question = bank.question(problem)
    for label, source in BY_PROBLEM[problem].items():
        solution = load_solution(source, f"{problem}-{label}.py")
        for test in question.sample_tests + question.hidden_tests:
            actual = call_solution(solution, question.signature, test.input)
            assert outputs_match(actual, test.expected, test.compare), (label, test.id)


@pytest.mark.slow
@pytest.mark.timing  # measures run time: run alone with `make test-timing`
@pytest.mark.parametrize("label", ["O(n)", "O(n log n)", "O(n²)"])
@pytest.mark.parametrize("problem", sorted(BY_PROBLEM))
async def test_measurement_tells_the_classes_apart(problem, label):
    from sandbox_worker.judge import judge

    bank = default_bank()
    measured = await ComplexityProbe(bank, judge).analyze(problem, BY_PROBLEM[problem][label], Language.PYTHON)
    assert measured.measured == label, measured.summary
    assert measured.matches_expected is (label == "O(n)")
    assert len(measured.points) >= 3 and measured.points[-1].n >= 4 * measured.points[0].n
