"""The rubric: four dimensions scored 1–4 from evidence, each justification citing that evidence.

Dimensions follow the common coding-interview rubric: problem solving, coding (code quality),
verification (testing) and communication. Every score here is a rule over measured facts (test
verdicts, measured complexity, the candidate's runs, the transcript), so the same interview always
gets the same scorecard.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime

from contracts.events import (
    ComplexityMeasurement,
    EdgeCaseCategory,
    FeedbackResult,
    FeedbackScore,
    ScoreEvidence,
    Suggestion,
)
from contracts.questions import Question
from contracts.reports import HintUse
from contracts.sandbox import SandboxResult, Verdict

from .edge_cases import advice_for, describe_failures, failing

COMPLEXITY_WORDS = re.compile(r"\bO\s*\(|complexit|linear|quadratic|log(arithmic)?\b|constant time", re.IGNORECASE)
# "so that" as a purpose ("so that each pair is seen once"), never "so that's correct" (a claim, not an approach).
APPROACH_WORDS = re.compile(r"\b(i('| wi)ll|i would|my (plan|approach|idea)|let me|first|then|because|so that(?!'s\b))\b",
                            re.IGNORECASE)
DIMENSIONS = ["problem_solving", "coding", "verification", "communication"]
SIGNALS = ["strong_no", "no", "yes", "strong_yes"]


@dataclass(frozen=True)
class Quote:
    """Something the candidate said, and when."""

    text: str
    at: datetime | None = None


@dataclass
class Evidence:
    """Everything the scorecard is allowed to rely on: measurements and the record, nothing else."""

    question: Question
    result: SandboxResult  # the code against every test
    complexity: ComplexityMeasurement  # measured once per code version (cached by the agent)
    categories: list[EdgeCaseCategory]
    suggestions: list[Suggestion]
    hints: list[HintUse] = field(default_factory=list)  # those the candidate asked for or accepted
    candidate_messages: list[Quote | str] = field(default_factory=list)
    sample_runs_before_submit: int = 0
    submitted: bool = False

    def __post_init__(self) -> None:
        self.candidate_messages = [m if isinstance(m, Quote) else Quote(m) for m in self.candidate_messages]
        self.hints = [h for h in self.hints if h.asked]

    @property
    def hints_used(self) -> int:
        return len(self.hints)

    @property
    def deepest_hint(self) -> int:
        return max((h.level for h in self.hints), default=0)

    @property
    def solved(self) -> bool:
        return self.result.verdict is Verdict.ACCEPTED


def build_scorecard(evidence: Evidence) -> FeedbackResult:
    """A pure function of the evidence: the same interview always gets the same scores and signal."""
    scores = [_problem_solving(evidence), _coding(evidence), _verification(evidence), _communication(evidence)]
    signal, caps = hire_signal_with_caps(scores, solved=evidence.solved, deepest_hint=evidence.deepest_hint)
    return FeedbackResult(
        summary=_summary(evidence),
        complexity=evidence.complexity.summary,
        edge_cases=describe_failures(evidence.categories),
        improvements=[_suggestion_text(s) for s in _all_suggestions(evidence)],
        scores=scores,
        hire_signal=signal,
        hire_signal_caps=caps,
        hints_used=evidence.hints_used,
        practice_next=practice_next(evidence, scores),
        measured_complexity=evidence.complexity,
        edge_case_categories=evidence.categories,
        suggestions=_all_suggestions(evidence),
    )


def no_code_scorecard(reason: str, messages: list[Quote] | None = None,
                      hints: list[HintUse] | None = None) -> FeedbackResult:
    """Nothing to run: the code dimensions at 1 with the reason, communication from what was said."""
    messages = [m if isinstance(m, Quote) else Quote(m) for m in messages or []]
    nothing = [ScoreEvidence(kind="measurement", text=reason)]
    scores = [FeedbackScore(dimension=d, score=1, justification=reason, evidence=nothing) for d in DIMENSIONS[:3]]
    scores.append(_communication_from(messages))
    counted_hints = [h for h in hints or [] if h.asked]
    signal, caps = hire_signal_with_caps(scores, solved=False,
                                         deepest_hint=max((h.level for h in counted_hints), default=0))
    return FeedbackResult(
        summary=reason,
        complexity="not measured: no code yet",
        scores=scores,
        hire_signal=signal,
        hire_signal_caps=caps,
        hints_used=len(counted_hints),
        practice_next=["Attempt the problem in code, even a brute force first", "State your approach before coding",
                       "Run your code against the examples"],
    )


# ---- the hire signal (docs/scoring.md) --------------------------------------------------------


def _base_signal(scores: list[FeedbackScore]) -> str:
    average = sum(s.score for s in scores) / len(scores)
    if average >= 3.5 and min(s.score for s in scores) >= 3:
        return "strong_yes"
    return "yes" if average >= 2.75 else "no" if average >= 1.75 else "strong_no"


def hire_signal_with_caps(scores: list[FeedbackScore], *, solved: bool, deepest_hint: int) -> tuple[str, list[str]]:
    """The band from the average score, then the caps of docs/scoring.md, the lowest winning; the caps
    that lowered it are returned so the report can say why."""
    by_dimension = {s.dimension: s.score for s in scores}
    caps = []
    if not solved:
        caps.append(("no", "not solved: at most no"))
    if deepest_hint >= 3:
        caps.append(("no", "needed the level-3 hint: at most no"))
    elif deepest_hint == 2:
        caps.append(("yes", "needed the level-2 hint: at most yes"))
    if by_dimension.get("problem_solving", 4) <= 2:
        caps.append(("no", f"problem solving {by_dimension['problem_solving']}/4: at most no"))
    if any(score == 1 for score in by_dimension.values()):
        caps.append(("no", "a dimension at 1/4: at most no"))
    if sum(score <= 2 for score in by_dimension.values()) >= 2:
        caps.append(("no", "two or more dimensions at 2/4 or below: at most no"))
    signal = _base_signal(scores)
    applied = []
    for ceiling, reason in caps:
        if SIGNALS.index(ceiling) < SIGNALS.index(signal):
            applied.append(reason)
    lowest = min([SIGNALS.index(signal), *(SIGNALS.index(c) for c, _ in caps)])
    return SIGNALS[lowest], applied


def hire_signal(scores: list[FeedbackScore], *, solved: bool = True, deepest_hint: int = 0) -> str:
    return hire_signal_with_caps(scores, solved=solved, deepest_hint=deepest_hint)[0]


# ---- the four dimensions ---------------------------------------------------------------------


def _problem_solving(e: Evidence) -> FeedbackScore:
    fast_enough = e.complexity.matches_expected is not False
    if e.solved and fast_enough and e.deepest_hint <= 1:
        score = 4
    elif e.solved:
        score = 3
    elif e.result.passed:  # most tests passing is still not a working solution: below any solved one
        score = 2
    else:
        score = 1
    if e.solved and not fast_enough:
        score = min(score, 3)
    if e.deepest_hint >= 3:
        score = min(score, 2)
    elif e.deepest_hint == 2:
        score = min(score, 3)
    measured = f"measured {e.complexity.measured} vs expected {e.complexity.expected}"
    evidence = [ScoreEvidence(kind="measurement", text=f"{e.result.passed}/{e.result.total} tests pass"),
                ScoreEvidence(kind="measurement", text=measured)]
    evidence += [_hint_evidence(h) for h in e.hints]
    return FeedbackScore(dimension="problem_solving", score=score, evidence=evidence, justification=(
        f"{e.result.passed}/{e.result.total} tests pass; {measured}; {_hints_phrase(e.hints)}."))


def _coding(e: Evidence) -> FeedbackScore:
    if e.result.verdict is Verdict.COMPILATION_ERROR:
        first_line = (e.result.compile_output.strip().splitlines() or ["no output"])[0][:120]
        return FeedbackScore(dimension="coding", score=1, justification="The code does not compile: " + first_line,
                             evidence=[ScoreEvidence(kind="measurement", text=f"compiler: {first_line}")])
    crashes = [t for t in e.result.tests if t.verdict is Verdict.RUNTIME_ERROR]
    style = [s for s in e.suggestions if s.kind in ("naming", "idiom", "structure")]
    score = 4 if not style and not crashes else 3 if len(style) <= 2 and not crashes else 2
    evidence = [ScoreEvidence(kind="code", text=_suggestion_text(s)) for s in style]
    if crashes:
        error = crashes[0].error
        where = f" ({error.type} at line {error.line})" if error and error.line else ""
        detail = f"{_count(len(crashes), 'test')} {'crashes' if len(crashes) == 1 else 'crash'}{where}"
        categories = sorted({t.category or ("hidden" if t.hidden else t.test_id) for t in crashes})
        evidence += [ScoreEvidence(kind="test_category", text=f"{c}: runtime error") for c in categories]
    elif style:
        detail = f"{_count(len(style), 'style point')}, e.g. {_suggestion_text(style[0])}"
    else:
        detail = "no crashes and no naming, idiom or structure issues found"
        evidence.append(ScoreEvidence(kind="measurement", text=f"0 of {e.result.total} tests crash"))
    return FeedbackScore(dimension="coding", score=score, justification=detail[:300] + ".", evidence=evidence)


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
    before = "submitting" if e.submitted else "the end"
    evidence = [ScoreEvidence(kind="measurement", text=f"{_ran(runs)} before {before}")]
    evidence += [ScoreEvidence(kind="test_category", text=f"{c.category}: {c.passed}/{c.total} hidden tests pass")
                 for c in e.categories]
    return FeedbackScore(dimension="verification", score=score, evidence=evidence, justification=(
        f"{_ran(runs)} before {before}; failing hidden categories: {failing_text}."))


def _communication(e: Evidence) -> FeedbackScore:
    return _communication_from(e.candidate_messages)


def _communication_from(messages: list[Quote]) -> FeedbackScore:
    on_complexity = [m for m in messages if COMPLEXITY_WORDS.search(m.text)]
    on_approach = [m for m in messages if APPROACH_WORDS.search(m.text)]
    if len(messages) >= 4 and on_complexity and on_approach:
        score = 4
    elif len(messages) >= 3 and (on_complexity or on_approach):
        score = 3
    elif messages:
        score = 2
    else:
        return FeedbackScore(dimension="communication", score=1, justification="No messages to the interviewer.",
                             evidence=[ScoreEvidence(kind="measurement", text="0 messages from the candidate")])
    quoted = list(dict.fromkeys([*on_approach[:1], *on_complexity[:1]])) or [max(messages, key=lambda m: len(m.text))]
    evidence = [ScoreEvidence(kind="quote", text=_short(m.text), at=m.at) for m in quoted]
    topics = [w for w, present in (("complexity", on_complexity), ("approach", on_approach)) if present]
    return FeedbackScore(dimension="communication", score=score, evidence=evidence, justification=(
        f"{_count(len(messages), 'message')}, discussed {' and '.join(topics) or 'neither approach nor complexity'}; "
        f"e.g. \"{_short(quoted[0].text)}\"{_said_at(quoted[0])}"))


def _hint_evidence(hint: HintUse) -> ScoreEvidence:
    asked = f': "{_short(hint.request)}"' if hint.request else " (hint button)"
    return ScoreEvidence(kind="hint", text=f"level-{hint.level} hint, asked for{asked}", at=hint.at)


def _hints_phrase(hints: list[HintUse]) -> str:
    if not hints:
        return "no hints asked for"
    return f"{_count(len(hints), 'hint')} asked for (deepest: level {max(h.level for h in hints)})"


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 3] + "…"


def _said_at(quote: Quote) -> str:
    return f" at {quote.at:%H:%M:%S}" if quote.at else ""


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _ran(runs: int) -> str:
    if runs == 0:
        return "Never ran the examples"
    return "Ran the examples " + {1: "once", 2: "twice"}.get(runs, f"{runs} times")


# ---- summary, suggestions and practice -------------------------------------------------------


def _summary(e: Evidence) -> str:
    verdict = (f"solved, all {e.result.total} tests pass" if e.solved
               else f"not solved, {e.result.passed} of {e.result.total} tests pass")
    return f"{e.question.title}: {verdict}; {e.complexity.summary}; {_hints_phrase(e.hints)}."


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
    "coding": "Write clean code first time: clear names and the language's idioms{first_style}",
    "verification": "Test before submitting: trace the empty, single-element and duplicate cases by hand",
    "communication": "Think aloud: state your approach and its time and space complexity before coding",
}


def practice_next(e: Evidence, scores: list[FeedbackScore]) -> list[str]:
    """Three things, weakest dimension first; failing categories and speed are named concretely."""
    topics = ", ".join(t.value.replace("_", " ") for t in e.question.topics)
    style = next((f" ({s.text})" for s in e.suggestions if s.kind != "correctness"), "")
    items = []
    for c in failing(e.categories):
        items.append(f"Edge case '{c.category}': {_advice(e, c.category)}")
    if e.complexity.matches_expected is False:
        items.append(f"Get from {e.complexity.measured} to {e.complexity.expected}: practise {topics} problems")
    for s in sorted(scores, key=lambda s: s.score):
        items.append(PRACTICE[s.dimension].format(topics=topics, first_style=style))
    unique = list(dict.fromkeys(items))
    return unique[:3]
