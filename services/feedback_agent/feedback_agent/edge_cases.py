"""`check_edge_cases`: which categories of hidden tests fail, never the tests themselves."""

from contracts.events import EdgeCaseCategory
from contracts.sandbox import SandboxResult, Verdict

# What to tell a candidate whose code fails a category, by the category names problem authors use.
ADVICE = {
    "empty": "check the empty input before indexing or dividing by its length",
    "single": "walk through a one-element input: loops and neighbours behave differently there",
    "duplicates": "decide what repeated values mean and test a list full of them",
    "negatives": "negative numbers break assumptions such as 'the running sum only grows'",
    "overflow": "large values overflow 32-bit integers: use 64-bit arithmetic for sums and products",
    "large": "the large inputs need the expected complexity; the slower approach runs out of time",
    "boundary": "check the extreme values the constraints allow",
}


def category_results(result: SandboxResult) -> list[EdgeCaseCategory]:
    """Pass counts per category of hidden test (uncategorised hidden tests count as "general"). A test the
    judge never ran (an earlier one used up the run's time limit) says nothing about its category."""
    counts: dict[str, list[int]] = {}
    for test in result.tests:
        if not test.hidden or test.skipped:
            continue
        passed_total = counts.setdefault(test.category or "general", [0, 0])
        passed_total[0] += test.verdict is Verdict.ACCEPTED
        passed_total[1] += 1
    return [EdgeCaseCategory(category=c, passed=p, total=t) for c, (p, t) in sorted(counts.items())]


def failing(categories: list[EdgeCaseCategory]) -> list[EdgeCaseCategory]:
    return [c for c in categories if c.passed < c.total]


def describe_failures(categories: list[EdgeCaseCategory]) -> list[str]:
    return [f"fails on {c.category}: {c.total - c.passed} of {c.total} hidden tests" for c in failing(categories)]


def advice_for(category: str) -> str:
    return ADVICE.get(category, f"write a test of your own for the '{category}' case and trace it by hand")
