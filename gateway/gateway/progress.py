"""A candidate's progress across interviews, keyed by the candidate key their browser made (served by
`GET /api/candidates/progress` with the header `X-Candidate-Key`, and used to pick a problem for
"Practise my weak spots").

No accounts: a session created with a `candidate_key` is stored under the key's digest (the key itself,
a bearer secret, is never stored), and whoever holds the key reads that history.
"""

import hashlib
from datetime import datetime

from contracts.events import RunMode
from contracts.http import InterviewProgress
from contracts.reports import InterviewReport
from contracts.sandbox import Verdict
from persistence.models import InterviewSession
from persistence.store import InterviewStore
from question_bank.bank import QuestionBank

from .practice import CatalogueEntry, PastInterview, Recommendation, recommend

HISTORY_LIMIT = 100  # the newest interviews the progress page and the rule look at


def candidate_id_for_key(candidate_key: str) -> str:
    """The `sessions.candidate_id` of a candidate key: a digest, so the database never holds the key."""
    return hashlib.sha256(f"mockmind-candidate|{candidate_key}".encode()).hexdigest()[:32]


def interview_progress(session: InterviewSession, report: InterviewReport, bank: QuestionBank) -> InterviewProgress:
    """What one finished interview says about the candidate, from its final report."""
    question_id = report.question.question_id if report.question else session.question_id
    known = question_id is not None and question_id in bank.ids
    accepted = [v for v in report.code_history if v.verdict == Verdict.ACCEPTED]
    failed = {c.category for c in report.scorecard.edge_case_categories if c.passed < c.total}
    if report.test_results:
        failed |= {t.category for t in report.test_results.tests
                   if t.hidden and t.category and t.verdict != Verdict.ACCEPTED}
    return InterviewProgress(
        session_id=session.id, question_id=question_id,
        title=report.question.title if report.question else None,
        topics=list(bank.question(question_id).topics) if known else [],
        started_at=report.started_at, ended_at=report.ended_at,
        scores={s.dimension: float(s.score) for s in report.scorecard.scores},
        hints_used=report.hints_used,
        time_to_first_accept_s=(accepted[0].at - report.started_at).total_seconds() if accepted else None,
        failed_categories=sorted(failed),
        solved=report.end_reason == "solved" or any(v.mode == RunMode.SUBMIT for v in accepted),
    )


def recommendation_for(interviews: list[InterviewProgress], bank: QuestionBank, now: datetime) -> Recommendation:
    past = [PastInterview(question_id=i.question_id, topics=[t.value for t in i.topics], started_at=i.started_at,
                          scores=i.scores, solved=i.solved) for i in interviews]
    catalogue = [CatalogueEntry(question_id=q.id, topics=[t.value for t in q.topics]) for q in bank.questions()]
    return recommend(past, catalogue, now)


async def candidate_history(store: InterviewStore, bank: QuestionBank, candidate_key: str) -> list[InterviewProgress]:
    """The candidate's finished interviews with a final report, oldest first."""
    sessions = await store.candidate_sessions(candidate_id_for_key(candidate_key), limit=HISTORY_LIMIT, offset=0)
    interviews = []
    for session in sessions:
        finals = [r for r in await store.feedback_reports(session.id) if r.kind == "final"]
        if finals:
            report = InterviewReport.model_validate(finals[-1].report)
            interviews.append(interview_progress(session, report, bank))
    return sorted(interviews, key=lambda i: i.started_at)
