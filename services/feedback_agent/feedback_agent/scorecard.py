"""The rubric: four dimensions scored 1–4 from evidence, each justification citing that evidence.

Dimensions follow the common coding-interview rubric: problem solving, coding (code quality),
verification (testing) and communication. Every score here is a rule over measured facts (test
verdicts, measured complexity, the candidate's runs, the transcript), so the same interview always
gets the same scorecard.
"""

import re
from dataclasses import dataclass, field

from contracts.events import (
    ComplexityMeasurement,
    EdgeCaseCategory,
    FeedbackResult,
    FeedbackScore,
    Suggestion,
)
from contracts.questions import Question
from contracts.sandbox import SandboxResult, Verdict

from .edge_cases import advice_for, describe_failures, failing

COMPLEXITY_WORDS = re.compile(r"\bO\s*\(|complexit|linear|quadratic|log(arithmic)?\b|constant time", re.IGNORECASE)
APPROACH_WORDS = re.compile(r"\b(i('| wi)ll|i would|my (plan|approach|idea)|let me|first|then|because|so that)\b", re.IGNORECASE)


@dataclass
class Evidence:
    """Everything the scorecard is allowed to rely on."""

    question: Question
    result: SandboxResult  # the code against every test
    complexity: ComplexityMeasurement
    categories: list[EdgeCaseCategory]
    suggestions: list[Suggestion]
    hints_used: int
    candidate_messages: list[str] = field(default_factory=list)
    sample_runs_before_submit: int = 0
    submitted: bool = False


def build_scorecard(evidence: Evidence) -> FeedbackResult:
    scores = [_problem_solving(evidence), _coding(evidence), _verification(evidence), _communication(evidence)]
    return FeedbackResult(
        summary=_summary(evidence),
        complexity=evidence.complexity.summary,
        edge_cases=describe_failures(evidence.categories),
        improvements=[_suggestion_text(s) for s in _all_suggestions(evidence)],
        scores=scores,
        hire_signal=hire_signal(scores),
        practice_next=practice_next(evidence, scores),
        measured_complexity=evidence.complexity,
        edge_case_categories=evidence.categories,
        suggestions=_all_suggestions(evidence),
    )


def no_code_scorecard(reason: str) -> FeedbackResult:
    """Nothing to run yet: every dimension at 1 and the reason why, rather than a guess."""
    dimensions = ["problem_solving", "coding", "verification", "communication"]
    return FeedbackResult(
        summary=reason,
        complexity="not measured: no code yet",
        scores=[FeedbackScore(dimension=d, score=1, justification=reason) for d in dimensions],
        hire_signal="strong_no",
        practice_next=["Start an interview and attempt a problem", "State your approach before coding",
                       "Run your code against the examples"],
    )


def hire_signal(scores: list[FeedbackScore]) -> str:
    average = sum(s.score for s in scores) / len(scores)
    if average >= 3.5 and min(s.score for s in scores) >= 3:
        return "strong_yes"
    return "yes" if average >= 2.75 else "no" if average >= 1.75 else "strong_no"


# ---- the four dimensions ---------------------------------------------------------------------


def _problem_solving(e: Evidence) -> FeedbackScore:
    solved = e.result.verdict is Verdict.ACCEPTED
    fast_enough = e.complexity.matches_expected is not False
    measured = f"measured {e.complexity.measured} vs expected {e.complexity.expected}"
    if solved and fast_enough and e.hints_used <= 1:
        score = 4
    elif solved or (e.result.passed >= 0.8 * e.result.total and fast_enough):
        score = 3
    elif e.result.passed:
        score = 2
    else:
        score = 1
    if solved and not fast_enough:
        score = min(score, 3)
    if e.hints_used >= 3:
        score = min(score, 2)
    return FeedbackScore(dimension="problem_solving", score=score, justification=(
        f"{e.result.passed}/{e.result.total} tests pass; {measured}; {e.hints_used} hint(s) used."))


def _coding(e: Evidence) -> FeedbackScore:
    if e.result.verdict is Verdict.COMPILATION_ERROR:
        return FeedbackScore(dimension="coding", score=1, justification="The code does not compile: "
                             + (e.result.compile_output.strip().splitlines() or ["no output"])[0][:120])
    crashes = [t for t in e.result.tests if t.verdict is Verdict.RUNTIME_ERROR]
    style = [s for s in e.suggestions if s.kind in ("naming", "idiom", "structure")]
    score = 4 if not style and not crashes else 3 if len(style) <= 2 and not crashes else 2
    if crashes:
        error = crashes[0].error
        where = f" ({error.type} at line {error.line})" if error and error.line else ""
        detail = f"{len(crashes)} test(s) crash{where}"
    elif style:
        detail = f"{len(style)} style point(s), e.g. {_suggestion_text(style[0])}"
    else:
        detail = "no crashes and no naming, idiom or structure issues found"
    return FeedbackScore(dimension="coding", score=score, justification=detail[:300] + ".")


def _verification(e: Evidence) -> FeedbackScore:
    failures = failing(e.categories)
    runs = e.sample_runs_before_submit
    if not failures and runs >= 1:
        score = 4
    elif not failures or (len(failures) == 1 and runs >= 1):
        score = 3
    elif runs >= 1 or e.result.passed:
        score = 2
    else:
        score = 1
    failing_text = ", ".join(f"{c.category} ({c.passed}/{c.total})" for c in failures) or "none"
    return FeedbackScore(dimension="verification", score=score, justification=(
        f"Ran the examples {runs} time(s) before {'submitting' if e.submitted else 'this feedback'}; "
        f"failing hidden categories: {failing_text}."))


def _communication(e: Evidence) -> FeedbackScore:
    messages = e.candidate_messages
    talked_complexity = any(COMPLEXITY_WORDS.search(m) for m in messages)
    explained = any(APPROACH_WORDS.search(m) for m in messages)
    if len(messages) >= 4 and talked_complexity and explained:
        score = 4
    elif len(messages) >= 3 and (talked_complexity or explained):
        score = 3
    elif messages:
        score = 2
    else:
        score = 1
    if not messages:
        return FeedbackScore(dimension="communication", score=1, justification="No messages to the interviewer.")
    quote = max(messages, key=len)
    quote = quote if len(quote) <= 90 else quote[:87] + "…"
    topics = [w for w, present in (("complexity", talked_complexity), ("approach", explained)) if present]
    return FeedbackScore(dimension="communication", score=score, justification=(
        f"{len(messages)} message(s), discussed {' and '.join(topics) or 'neither approach nor complexity'}; "
        f"e.g. \"{quote}\""))


# ---- summary, suggestions and practice -------------------------------------------------------


def _summary(e: Evidence) -> str:
    verdict = "all tests pass" if e.result.verdict is Verdict.ACCEPTED else f"{e.result.passed} of {e.result.total} tests pass"
    return f"{e.question.title}: {verdict}; {e.complexity.summary}."


def _all_suggestions(e: Evidence) -> list[Suggestion]:
    extra = [Suggestion(kind="correctness", text=f"{c.category}: {_advice(e, c.category)}") for c in failing(e.categories)]
    if e.complexity.matches_expected is False:  # no hint text: on-demand feedback must not give away the answer
        extra.append(Suggestion(line=None, kind="performance", text=(
            f"measured {e.complexity.measured} but {e.complexity.expected} is possible: think about which "
            f"{_topics(e)} technique avoids the repeated work")))
    return extra + e.suggestions


def _advice(e: Evidence, category: str) -> str:
    """A category whose tests all ran out of time is about speed, whatever its name says."""
    tests = [t for t in e.result.tests if t.hidden and (t.category or "general") == category]
    if tests and all(t.verdict is Verdict.TIME_LIMIT_EXCEEDED for t in tests if t.verdict is not Verdict.ACCEPTED):
        return f"these inputs run out of time: they need {e.complexity.expected}"
    return advice_for(category)


def _topics(e: Evidence) -> str:
    return " / ".join(t.value.replace("_", " ") for t in e.question.topics)


def _suggestion_text(s: Suggestion) -> str:
    return f"line {s.line}: {s.text}" if s.line else s.text


PRACTICE = {
    "problem_solving": "Reach the expected complexity without hints: practise {topics} problems",
    "coding": "Write clean code first time: clear names and the language's idioms ({first_style})",
    "verification": "Test before submitting: trace the empty, single-element and duplicate cases by hand",
    "communication": "Think aloud: state your approach and its time and space complexity before coding",
}


def practice_next(e: Evidence, scores: list[FeedbackScore]) -> list[str]:
    """Three things, weakest dimension first; failing categories and speed are named concretely."""
    topics = ", ".join(t.value.replace("_", " ") for t in e.question.topics)
    style = next((s.text for s in e.suggestions if s.kind != "correctness"), "as the suggestions show")
    items = []
    for c in failing(e.categories):
        items.append(f"Edge case '{c.category}': {_advice(e, c.category)}")
    if e.complexity.matches_expected is False:
        items.append(f"Get from {e.complexity.measured} to {e.complexity.expected}: practise {topics} problems")
    for s in sorted(scores, key=lambda s: s.score):
        items.append(PRACTICE[s.dimension].format(topics=topics, first_style=style))
    unique = list(dict.fromkeys(items))
    return unique[:3]
