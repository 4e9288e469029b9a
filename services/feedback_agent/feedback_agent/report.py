"""Assemble the final interview report from what the store kept about the session.

Pure functions over store rows and events, so they can be tested without a bus or a database.
"""

from datetime import UTC, datetime

from contracts.events import FeedbackResult, Phase, RunMode, ServerEvent, ServerEventType
from contracts.questions import Question
from contracts.reports import (
    CodeVersion,
    HintUse,
    InterviewReport,
    PhaseTime,
    ReportQuestion,
    ReportTest,
    TestRun,
    TranscriptEntry,
)
from contracts.sandbox import Language, SandboxResult, Verdict
from persistence.models import CodeSubmission, InterviewSession, TranscriptMessage

TRANSCRIPT_ROLES = ("candidate", "interviewer", "action")  # "tool" rows are the model's internal traffic


def build_report(
    *, report_id: str, session: InterviewSession, question: Question | None, language: Language,
    final_code: str, result: SandboxResult | None, feedback: FeedbackResult, transcript: list[TranscriptMessage],
    submissions: list[CodeSubmission], events: list[ServerEvent], ended_at: datetime, hints: list[HintUse] | None = None,
) -> InterviewReport:
    started_at = _aware(session.created_at)
    ended_at = max(_aware(session.ended_at or ended_at), started_at)  # when it ended, not when scored
    return InterviewReport(
        report_id=report_id,
        session_id=session.id,
        generated_at=datetime.now(UTC),
        question=_question(question),
        language=language,
        started_at=started_at,
        ended_at=ended_at,
        duration_s=(ended_at - started_at).total_seconds(),
        transcript=transcript_entries(transcript),
        code_history=code_history(submissions),
        final_code=final_code,
        test_results=test_run(result),
        scorecard=feedback,
        hints_used=feedback.hints_used,
        hints=hints or [],
        phases=phase_times(events, ended_at),
        end_reason=session.end_reason,
        solved=result is not None and result.verdict is Verdict.ACCEPTED,
    )


def _question(question: Question | None) -> ReportQuestion | None:
    if question is None:
        return None
    return ReportQuestion(question_id=question.id, title=question.title, difficulty=question.difficulty,
                          expected_time=question.complexity.time, expected_space=question.complexity.space)


def transcript_entries(rows: list[TranscriptMessage]) -> list[TranscriptEntry]:
    return [
        TranscriptEntry(role=row.role, text=row.content, at=_aware(row.created_at), spoken=bool(row.extra.get("spoken")))
        for row in rows
        if row.role in TRANSCRIPT_ROLES and row.content.strip()
    ]


def code_history(rows: list[CodeSubmission]) -> list[CodeVersion]:
    versions = []
    for row in rows:
        result = SandboxResult.model_validate(row.result) if row.result else None
        versions.append(CodeVersion(
            submission_id=row.id, at=_aware(row.created_at), language=Language(row.language), mode=RunMode(row.mode),
            code=row.code, verdict=result.verdict if result else None,
            passed=result.passed if result else None, total=result.total if result else None,
        ))
    return versions


def test_run(result: SandboxResult | None) -> TestRun | None:
    """Verdicts, times and categories; never a hidden test's data."""
    if result is None:
        return None
    tests = [ReportTest(test_id=t.test_id, verdict=t.verdict, time_ms=t.time_ms, hidden=t.hidden, category=t.category)
             for t in result.tests]
    return TestRun(verdict=result.verdict, passed=result.passed, total=result.total, tests=tests)


test_run.__test__ = False  # a report builder, not a pytest test


def phase_times(events: list[ServerEvent], ended_at: datetime) -> list[PhaseTime]:
    """Each phase visit lasts from its `agent_phase_change` event to the next one (or the end)."""
    changes = [e for e in events if e.type is ServerEventType.AGENT_PHASE_CHANGE]
    times = []
    for change, following in zip(changes, [*changes[1:], None]):
        started = _aware(change.timestamp)
        until = _aware(following.timestamp) if following else max(_aware(ended_at), started)
        times.append(PhaseTime(phase=Phase(change.payload["to_phase"]), started_at=started,
                               seconds=round((until - started).total_seconds(), 3)))
    return times


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every time we store is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
