"""The embedded offline feedback agent: a structured scorecard from evidence, not guesses.

Evidence here is what can be measured without a model: the candidate's code run against every test
(verdicts per test category), hints used and the transcript. The model-backed agent adds more.
"""

from contracts.events import FeedbackResult, FeedbackScore
from contracts.questions import Question
from contracts.sandbox import SandboxResult, Verdict


def build_scorecard(
    question: Question | None, result: SandboxResult | None, *, hints_used: int, candidate_messages: int
) -> FeedbackResult:
    if question is None or result is None:
        return FeedbackResult(
            summary="There is no code to assess yet: start the interview and write a solution first.",
            complexity="unknown: no code yet",
            scores=[],
            hire_signal="no",
            practice_next=["Start an interview and attempt a problem"],
        )
    failing_categories = sorted(
        {t.category or "general" for t in result.tests if t.verdict is not Verdict.ACCEPTED}
    )
    solved = result.verdict is Verdict.ACCEPTED
    problem_solving = 4 if solved and hints_used == 0 else 3 if solved else 2 if result.passed else 1
    verification = 4 if solved else 3 if result.passed >= result.total * 0.8 else 2 if result.passed else 1
    communication = 3 if candidate_messages >= 3 else 2 if candidate_messages else 1
    coding = 3 if result.verdict not in (Verdict.COMPILATION_ERROR, Verdict.RUNTIME_ERROR) else 2
    scores = [
        FeedbackScore(dimension="problem_solving", score=problem_solving,
                      justification=f"{result.passed}/{result.total} tests pass with {hints_used} hint(s) used."),
        FeedbackScore(dimension="coding", score=coding,
                      justification=f"Overall verdict: {result.verdict.value.replace('_', ' ')}."),
        FeedbackScore(dimension="verification", score=verification,
                      justification="Failing categories: " + (", ".join(failing_categories) or "none") + "."),
        FeedbackScore(dimension="communication", score=communication,
                      justification=f"{candidate_messages} message(s) to the interviewer so far."),
    ]
    average = sum(s.score for s in scores) / len(scores)
    signal = "strong_yes" if average >= 3.5 else "yes" if average >= 2.75 else "no" if average >= 1.75 else "strong_no"
    return FeedbackResult(
        summary=f"{result.passed} of {result.total} tests pass on {question.title}.",
        complexity=f"expected {question.complexity.time} time, {question.complexity.space} space",
        edge_cases=[f"fails on: {c}" for c in failing_categories],
        improvements=[] if solved else ["Handle the failing test categories before optimising."],
        scores=scores,
        hire_signal=signal,
        practice_next=[s.dimension.replace("_", " ") for s in sorted(scores, key=lambda s: s.score)[:3]],
    )
