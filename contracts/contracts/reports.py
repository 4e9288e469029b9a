"""The interview report: everything about one finished interview, stored with the session at wrap-up.

    GET /api/sessions/{id}/report      → `InterviewReport` as JSON   (Authorization: Bearer <session token>)
    GET /api/sessions/{id}/report.md   → the same report as Markdown (`report_markdown`)

Both answer 404 `report_not_ready` until the feedback agent has stored the final report, which it does
when it handles `FeedbackRequested(kind="final")` (sent by the interviewer on wrap-up). Hidden tests
appear with their verdict, time and category only, never their input or output.
"""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from .events import Difficulty, FeedbackResult, Phase, RunMode
from .sandbox import Language, Verdict

REPORT_SCHEMA_VERSION = 1


class ReportQuestion(BaseModel):
    question_id: str
    title: str
    difficulty: Difficulty
    expected_time: str
    expected_space: str


class TranscriptEntry(BaseModel):
    role: str  # candidate | interviewer | tool
    text: str
    at: datetime
    spoken: bool = False


class ReportTest(BaseModel):
    test_id: str
    verdict: Verdict
    time_ms: float = 0.0
    hidden: bool = False
    category: str | None = None


class CodeVersion(BaseModel):
    """One run or submission of the candidate's code, in the order they happened."""

    submission_id: str
    at: datetime
    language: Language
    mode: RunMode
    code: str
    verdict: Verdict | None = None
    passed: int | None = None
    total: int | None = None


class TestRun(BaseModel):
    """The final code against every test (sample, hidden and generated), run when the report was made."""

    __test__ = False  # not a pytest class

    verdict: Verdict
    passed: int
    total: int
    tests: list[ReportTest] = Field(default_factory=list)


class PhaseTime(BaseModel):
    """Time spent in one visit of a phase; a phase visited twice appears twice."""

    phase: Phase
    started_at: datetime
    seconds: float


class InterviewReport(BaseModel):
    schema_version: Literal[1] = REPORT_SCHEMA_VERSION
    report_id: str
    session_id: str
    generated_at: datetime
    question: ReportQuestion | None = None
    language: Language
    started_at: datetime
    ended_at: datetime
    duration_s: float
    transcript: list[TranscriptEntry] = Field(default_factory=list)
    code_history: list[CodeVersion] = Field(default_factory=list)
    final_code: str = ""
    test_results: TestRun | None = None
    scorecard: FeedbackResult
    hints_used: int = 0
    hints_available: int = 3
    phases: list[PhaseTime] = Field(default_factory=list)


# ---- Markdown export -------------------------------------------------------------------------

_SIGNAL_WORDS = {"strong_no": "Strong no", "no": "No", "yes": "Yes", "strong_yes": "Strong yes"}
_FENCE_LANGUAGE = {Language.CPP: "cpp", Language.JAVASCRIPT: "javascript", Language.JAVA: "java",
                   Language.GO: "go", Language.PYTHON: "python"}


def report_markdown(report: InterviewReport) -> str:
    """The report as a Markdown document, for download (`GET /api/sessions/{id}/report.md`)."""
    sections = [
        _header(report),
        _scorecard(report.scorecard),
        _findings(report.scorecard),
        _phases(report),
        _tests(report.test_results),
        _code(report),
        _transcript(report.transcript),
    ]
    return "\n\n".join(s for s in sections if s) + "\n"


def _header(report: InterviewReport) -> str:
    q = report.question
    title = f"# Interview report: {q.title}" if q else "# Interview report"
    lines = [title, ""]
    if q:
        lines.append(f"- Problem: `{q.question_id}` ({q.difficulty.value}), expected {q.expected_time} time, "
                     f"{q.expected_space} space")
    lines += [
        f"- Language: {report.language.value}",
        f"- Started: {report.started_at:%Y-%m-%d %H:%M} UTC, duration {_minutes(report.duration_s)}",
        f"- Hints used: {report.hints_used} of {report.hints_available}",
        f"- Hire signal: **{_SIGNAL_WORDS[report.scorecard.hire_signal]}**",
        "",
        report.scorecard.summary,
    ]
    return "\n".join(lines)


def _scorecard(feedback: FeedbackResult) -> str:
    rows = ["## Scorecard", "", "| Dimension | Score | Evidence |", "|---|---|---|"]
    rows += [f"| {s.dimension.replace('_', ' ')} | {s.score}/4 | {_cell(s.justification)} |" for s in feedback.scores]
    if feedback.practice_next:
        rows += ["", "**Practise next:**", ""] + [f"{i}. {p}" for i, p in enumerate(feedback.practice_next, 1)]
    return "\n".join(rows)


def _findings(feedback: FeedbackResult) -> str:
    lines = ["## Findings", "", f"**Complexity:** {feedback.complexity}"]
    if feedback.edge_case_categories:
        lines += ["", "**Hidden tests by category:**", ""]
        lines += [f"- {c.category}: {c.passed}/{c.total} pass" for c in feedback.edge_case_categories]
    elif feedback.edge_cases:
        lines += ["", "**Edge cases:**", ""] + [f"- {e}" for e in feedback.edge_cases]
    if feedback.improvements:
        lines += ["", "**Suggestions:**", ""] + [f"- {i}" for i in feedback.improvements]
    return "\n".join(lines)


def _phases(report: InterviewReport) -> str:
    if not report.phases:
        return ""
    rows = ["## Time per phase", "", "| Phase | Started | Time |", "|---|---|---|"]
    rows += [f"| {p.phase.value.replace('_', ' ')} | {p.started_at:%H:%M:%S} | {_minutes(p.seconds)} |"
             for p in report.phases]
    return "\n".join(rows)


def _tests(run: TestRun | None) -> str:
    if run is None:
        return ""
    rows = ["## Test results", "", f"{run.passed}/{run.total} pass (verdict: {run.verdict.value.replace('_', ' ')}).",
            "", "| Test | Kind | Category | Verdict | Time |", "|---|---|---|---|---|"]
    rows += [f"| {t.test_id} | {'hidden' if t.hidden else 'sample'} | {t.category or ''} | "
             f"{t.verdict.value.replace('_', ' ')} | {t.time_ms:.1f} ms |" for t in run.tests]
    return "\n".join(rows)


def _code(report: InterviewReport) -> str:
    fence = _FENCE_LANGUAGE[report.language]
    lines = ["## Final code", "", f"```{fence}", report.final_code.rstrip(), "```"]
    if report.code_history:
        lines += ["", "### Code history", ""]
        for version in report.code_history:
            outcome = (f"{version.passed}/{version.total} pass" if version.total is not None
                       else (version.verdict.value if version.verdict else "no result"))
            lines += [f"- {version.at:%H:%M:%S} {version.mode.value} ({version.language.value}): {outcome}"]
    return "\n".join(lines)


def _transcript(entries: list[TranscriptEntry]) -> str:
    if not entries:
        return ""
    lines = ["## Transcript", ""]
    lines += [f"**{e.role.capitalize()}** ({e.at:%H:%M:%S}): {e.text}" + "  " for e in entries]
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _minutes(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"
