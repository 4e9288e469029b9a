"""The feedback agent end to end in one process: a real SQLite store and the real sandbox judge."""

from datetime import UTC, datetime

import pytest

from contracts.events import Phase, PhaseChangePayload, ServerEventType, server_event
from contracts.reports import InterviewReport, report_markdown
from contracts.sandbox import Language, SandboxRequest, SandboxResult
from feedback_agent.agent import FeedbackAgent
from persistence.store import InterviewStore
from question_bank.bank import default_bank

from .solutions import MISSING_LOCKER

QUESTION = "missing_locker"
# Forgets that the missing locker can be the last one (n): fails the "ends" category.
BUGGY = """
def missing_locker(keys):
    ordered = sorted(keys)
    for i in range(len(ordered)):
        if ordered[i] != i:
            return i
    return 0
"""


async def judge(request: SandboxRequest) -> SandboxResult:
    from sandbox_worker.judge import judge as sandbox_judge

    return await sandbox_judge(request)


@pytest.fixture
async def store(sqlite_url):
    store = await InterviewStore.open(sqlite_url)
    yield store
    await store.close()


async def interview_so_far(store: InterviewStore, code: str):
    session = await store.create_session(difficulty="easy", language="python")
    await store.update_session(session.id, question_id=QUESTION, hint_level=1)
    await store.add_message(session.id, "candidate", "I think I'll add up all keys and subtract from n(n+1)/2, O(n).")
    await store.add_message(session.id, "interviewer", "Sounds good, go ahead.")
    await store.add_message(session.id, "candidate", "Could I get a hint?", turn_id="t2")
    await store.add_message(session.id, "interviewer", "Here's a hint.", turn_id="t2", tools=["get_hint"], converse=[
        {"role": "assistant", "content": [{"toolUse": {"toolUseId": "h1", "name": "get_hint", "input": {}}}]},
        {"role": "user", "content": [{"toolResult": {"toolUseId": "h1", "status": "success",
                                                     "content": [{"json": {"level": 1, "hint": "Sum them."}}]}}]},
        {"role": "assistant", "content": [{"text": "Here's a hint."}]}])
    await store.record_submission(session.id, submission_id="run1", language="python", mode="run", code=code,
                                  verdict="accepted", result={"verdict": "accepted", "passed": 2, "total": 2})
    for before, after in [(None, Phase.GREETING), (Phase.GREETING, Phase.CLARIFYING), (Phase.CLARIFYING, Phase.OBSERVING)]:
        await store.append_event(server_event(session.id, ServerEventType.AGENT_PHASE_CHANGE,
                                              PhaseChangePayload(from_phase=before, to_phase=after)))
    return await store.get_session(session.id)


@pytest.mark.slow
async def test_failing_edge_case_category_is_named_without_revealing_the_test(store):
    session = await interview_so_far(store, BUGGY)
    agent = FeedbackAgent(default_bank(), judge, complexity_budget_s=120)
    outcome = await agent.give_feedback(store, session, code=BUGGY, language=Language.PYTHON, kind="on_demand",
                                        report_id="r1", ended_at=datetime.now(UTC))
    feedback = outcome.feedback
    assert outcome.report is None
    assert [s.dimension for s in feedback.scores] == ["problem_solving", "coding", "verification", "communication"]
    failing = {c.category for c in feedback.edge_case_categories if c.passed < c.total}
    assert "ends" in failing and "large" not in failing
    assert any("ends" in e for e in feedback.edge_cases)
    hidden_inputs = [str(t.input) for t in default_bank().question(QUESTION).hidden_tests]
    assert not any(i in feedback.model_dump_json() for i in hidden_inputs if len(i) > 12)
    assert any(s.line == 4 and s.kind == "idiom" for s in feedback.suggestions)  # range(len(ordered))
    assert any(s.kind == "correctness" and "ends" in s.text for s in feedback.suggestions)
    verification = next(s for s in feedback.scores if s.dimension == "verification")
    assert "ends" in verification.justification and verification.score <= 3
    communication = next(s for s in feedback.scores if s.dimension == "communication")
    assert "O(n)" in communication.justification  # quotes the transcript
    assert len(feedback.practice_next) == 3 and "ends" in feedback.practice_next[0]


@pytest.mark.slow
async def test_final_report_holds_the_whole_interview(store):
    code = MISSING_LOCKER["O(n)"]
    session = await interview_so_far(store, code)
    agent = FeedbackAgent(default_bank(), judge, complexity_budget_s=120)
    outcome = await agent.give_feedback(store, session, code=code, language=Language.PYTHON, kind="final",
                                        report_id="final1", ended_at=datetime.now(UTC))
    report = InterviewReport.model_validate_json(outcome.report.model_dump_json())
    assert report.scorecard.kind == "final"
    assert report.test_results.passed == report.test_results.total > 15
    assert all(t.hidden or t.test_id.startswith("sample") for t in report.test_results.tests)
    assert [p.phase for p in report.phases] == [Phase.GREETING, Phase.CLARIFYING, Phase.OBSERVING]
    assert all(p.seconds >= 0 for p in report.phases)
    assert [e.role for e in report.transcript] == ["candidate", "interviewer", "candidate", "interviewer"]
    assert report.code_history[0].passed == 2 and report.final_code == code
    assert report.hints_used == 1  # asked for, read from the record
    assert [(h.level, h.asked, h.request) for h in report.hints] == [(1, True, "Could I get a hint?")]
    markdown = report_markdown(report)
    assert "| problem solving |" in markdown and "## Transcript" in markdown and code.strip() in markdown
