"""The interview report: everything about one finished interview, stored with the session at wrap-up.

    GET /api/sessions/{id}/report      → `InterviewReport` as JSON   (Authorization: Bearer <session token>)
    GET /api/sessions/{id}/report.md   → the same report as Markdown (`report_markdown`)

Every interview that ends gets one: solved, or ended by Finish, by its time limit or by abandonment (the
interviewer sends `FeedbackRequested(kind="final")` as it ends). Until the feedback agent has stored it
both routes answer 202 `preparing` (the interview has ended) or 409 `in_progress` (it is still running);
404 only for an unknown session. Hidden tests appear with their verdict, time and category only, never
their input or output.
"""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from .events import Difficulty, EndReason, FeedbackResult, Phase, RunMode
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
    time_ms: float | None = 0.0  # None: not measured (stopped by a limit, crashed, or never run)
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


class HintUse(BaseModel):
    """A hint the interviewer gave, and whether the candidate asked for it (in words, with the hint
    button, or by accepting an offer). Only asked hints count in `hints_used` and in the scores."""

    level: int = Field(ge=1, le=3)
    at: datetime
    asked: bool
    request: str | None = None  # the candidate's own words that asked for it


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
    hints_used: int = 0  # asked for or accepted (see `hints`)
    hints_available: int = 3
    hints: list[HintUse] = Field(default_factory=list)
    phases: list[PhaseTime] = Field(default_factory=list)
    # How the interview ended (None only in reports written before endings were recorded).
    end_reason: EndReason | None = None
    solved: bool = False


# ---- Markdown export -------------------------------------------------------------------------

_END_WORDS = {"solved": "solved and wrapped up", "finished": "the candidate pressed Finish",
              "time_limit": "the time limit ran out", "abandoned": "the candidate left"}
_SIGNAL_WORDS = {"strong_no": "Strong no", "no": "No", "yes": "Yes", "strong_yes": "Strong yes"}
_FENCE_LANGUAGE = {Language.CPP: "cpp", Language.JAVASCRIPT: "javascript", Language.JAVA: "java",
                   Language.GO: "go", Language.PYTHON: "python"}


def report_markdown(report: InterviewReport) -> str:
    """The report as a Markdown document, for download (`GET /api/sessions/{id}/report.md`)."""
    sections = [
        _header(report),
        _scorecard(report.scorecard),
        _findings(report.scorecard),
        _speaking(report.scorecard),
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
    caps = report.scorecard.hire_signal_caps
    lines += [
        f"- Language: {report.language.value}",
        f"- Started: {report.started_at:%Y-%m-%d %H:%M} UTC, duration {_minutes(report.duration_s)}",
        f"- Ended: {_END_WORDS.get(report.end_reason or '', 'wrapped up')}; {'solved' if report.solved else 'not solved'}",
        f"- Hints used: {report.hints_used} of {report.hints_available} (only hints asked for count)",
        f"- Hire signal: **{_SIGNAL_WORDS[report.scorecard.hire_signal]}**" + (f" ({'; '.join(caps)})" if caps else ""),
        "",
        report.scorecard.summary,
    ]
    return "\n".join(lines)


def _scorecard(feedback: FeedbackResult) -> str:
    rows = ["## Scorecard", "", "| Dimension | Score | Evidence |", "|---|---|---|"]
    rows += [f"| {s.dimension.replace('_', ' ')} | {s.score}/4 | {_cell(s.justification)} |" for s in feedback.scores]
    for score in feedback.scores:
        if score.evidence:
            rows += ["", f"*{score.dimension.replace('_', ' ').capitalize()}, evidence:*", ""]
            rows += [f"- {e.kind.replace('_', ' ')}: {e.text}" + (f" ({e.at:%H:%M:%S})" if e.at else "")
                     for e in score.evidence]
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


def _speaking(feedback: FeedbackResult) -> str:
    speaking = feedback.speaking
    if speaking is None:
        return ""
    fillers = ", ".join(f"{word} ×{n}" for word, n in sorted(speaking.filler_counts.items(), key=lambda i: -i[1]))
    lines = ["## Speaking", "",
             f"- Pace: {speaking.words_per_minute:.0f} words/min",
             f"- Fillers: {speaking.fillers_per_minute:.1f}/min" + (f" ({fillers})" if fillers else ""),
             f"- Longest pause: {speaking.longest_pause_s:.1f} s",
             f"- Talk time: candidate {speaking.candidate_talk_share:.0%}, interviewer "
             f"{1 - speaking.candidate_talk_share:.0%}"]
    if speaking.moments:
        lines += ["", "**Moments:**", ""]
        lines += [f"- {_minutes(m.at_ms / 1000)} — {m.kind}: {m.text}" for m in speaking.moments]
    return "\n".join(lines)


def _phases(report: InterviewReport) -> str:
    if not report.phases:
        return ""
    rows = ["## Time per phase", "", "| Phase | Started | Time |", "|---|---|---|"]
    rows += [f"| {p.phase.value.replace('_', ' ')} | {p.started_at:%H:%M:%S} | {_minutes(p.seconds)} |"
             for p in report.phases]
    return "\n".join(rows)


def _ms(time_ms: float | None) -> str:
    return "–" if time_ms is None else f"{time_ms:.1f} ms"


def _tests(run: TestRun | None) -> str:
    if run is None:
        return ""
    rows = ["## Test results", "", f"{run.passed}/{run.total} pass (verdict: {run.verdict.value.replace('_', ' ')}).",
            "", "| Test | Kind | Category | Verdict | Time |", "|---|---|---|---|---|"]
    rows += [f"| {t.test_id} | {'hidden' if t.hidden else 'sample'} | {t.category or ''} | "
             f"{t.verdict.value.replace('_', ' ')} | {_ms(t.time_ms)} |" for t in run.tests]
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
