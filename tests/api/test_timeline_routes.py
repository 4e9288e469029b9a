"""Issue 19's HTTP routes on a served gateway (real RabbitMQ vhost, real SQLite): the problem catalogue,
a chosen problem at creation, candidate progress and the weak-spot pick, the timeline and share links."""

import json
import time
from datetime import UTC, datetime, timedelta

import httpx

from contracts.events import (
    CandidateMessagePayload,
    FeedbackResult,
    FeedbackScore,
    ServerEventType,
    server_event,
)
from contracts.reports import CodeVersion, InterviewReport, ReportQuestion
from contracts.sandbox import Language
from gateway.tokens import ShareTokens
from persistence.store import InterviewStore
from question_bank.bank import default_bank

from .conftest import SECRET

KEY = "candidate-key-0123456789abcdef"
PUBLIC_FIELDS = {"id", "title", "difficulty", "topics", "statement"}


async def test_the_catalogue_holds_public_data_only(gateway):
    bank = default_bank()
    async with httpx.AsyncClient(base_url=gateway.url) as http:
        listing = await http.get("/api/problems")
    assert listing.status_code == 200
    problems = listing.json()["problems"]
    assert len(problems) == len(bank) and all(set(p) == PUBLIC_FIELDS for p in problems)
    text = listing.text
    for question in bank.questions():
        assert all(hint not in text for hint in question.hints)
        assert all(json.dumps(t.input)[1:-1] not in text for t in question.hidden_tests if len(json.dumps(t.input)) > 40)
        assert bank.reference_source(question.id, "python").strip() not in text


async def test_the_catalogue_filters_by_difficulty_topic_and_words(gateway):
    async with httpx.AsyncClient(base_url=gateway.url) as http:
        easy_dp = (await http.get("/api/problems", params={"difficulty": "easy", "topic": "dp_1d"})).json()["problems"]
        by_words = (await http.get("/api/problems", params={"q": "stepping STONES"})).json()["problems"]
        one = await http.get("/api/problems/stepping_stones")
        unknown = await http.get("/api/problems/no_such_problem")
        bad_filter = await http.get("/api/problems", params={"difficulty": "impossible"})
    assert {p["id"] for p in easy_dp} == {"stepping_stones", "berry_picking"}
    assert [p["id"] for p in by_words] == ["stepping_stones"]
    assert one.status_code == 200 and one.json()["title"] == by_words[0]["title"]
    assert unknown.status_code == 404 and unknown.json()["error"] == "unknown_problem"
    assert bad_filter.status_code == 422


async def test_a_session_starts_on_the_problem_picked_and_refuses_unknown_ones(gateway, sqlite_url):
    async with httpx.AsyncClient(base_url=gateway.url) as http:
        picked = await http.post("/api/sessions", json={"difficulty": "hard", "language": "python",
                                                        "question_id": "stepping_stones"})
        unknown = await http.post("/api/sessions", json={"difficulty": "easy", "language": "python",
                                                         "question_id": "no_such_problem"})
    assert unknown.status_code == 404 and unknown.json()["error"] == "unknown_problem"
    store = await InterviewStore.open(sqlite_url)
    try:
        session = await store.get_session(picked.json()["session_id"])
    finally:
        await store.close()
    assert session.agent_state["chosen_question_id"] == "stepping_stones"
    assert session.difficulty == "easy"  # the problem's own difficulty


def final_report(session_id: str, question_id: str, started_at: datetime, score: int, solved: bool) -> dict:
    bank = default_bank()
    question = bank.question(question_id)
    history = [CodeVersion(submission_id="s1", at=started_at + timedelta(minutes=9), language="python", mode="submit",
                           code="...", verdict="accepted" if solved else "wrong_answer")]
    return InterviewReport(
        report_id=f"r-{session_id}", session_id=session_id, generated_at=started_at + timedelta(minutes=30),
        question=ReportQuestion(question_id=question_id, title=question.title, difficulty=question.difficulty,
                                expected_time="O(n)", expected_space="O(1)"),
        language="python", started_at=started_at, ended_at=started_at + timedelta(minutes=30), duration_s=1800,
        code_history=history, hints_used=2 if not solved else 0, end_reason="solved" if solved else "finished",
        scorecard=FeedbackResult(summary="-", complexity="-", kind="final",
                                 scores=[FeedbackScore(dimension="problem_solving", score=score, justification="-"),
                                         FeedbackScore(dimension="communication", score=score, justification="-")]),
    ).model_dump(mode="json")


async def test_progress_and_the_weak_spot_pick_follow_the_candidate_key(gateway, sqlite_url):
    interviews = [("first_repeat_badge", 4, True), ("stepping_stones", 1, False), ("balanced_brackets_lint", 3, True)]
    async with httpx.AsyncClient(base_url=gateway.url) as http:
        created = [(await http.post("/api/sessions", json={"difficulty": "easy", "language": "python",
                                                           "question_id": q, "candidate_key": KEY})).json()
                   for q, _, _ in interviews]
        store = await InterviewStore.open(sqlite_url)
        try:
            start = datetime.now(UTC) - timedelta(days=3)
            for day, (made, (question_id, score, solved)) in enumerate(zip(created, interviews, strict=True)):
                report = final_report(made["session_id"], question_id, start + timedelta(days=day), score, solved)
                await store.save_feedback(made["session_id"], report_id=report["report_id"], kind="final", report=report)
        finally:
            await store.close()

        progress = await http.get("/api/candidates/progress", headers={"X-Candidate-Key": KEY})
        stranger = await http.get("/api/candidates/progress", headers={"X-Candidate-Key": "another-key-0123456789"})
        no_key = await http.get("/api/candidates/progress")
        practise = await http.post("/api/sessions", json={"difficulty": "hard", "language": "python",
                                                          "candidate_key": KEY, "practise_weak_spots": True})
        keyless = await http.post("/api/sessions", json={"difficulty": "easy", "language": "python",
                                                         "practise_weak_spots": True})

    body = progress.json()
    assert [i["question_id"] for i in body["interviews"]] == [q for q, _, _ in interviews]
    first, weak, _ = body["interviews"]
    assert first["scores"] == {"problem_solving": 4.0, "communication": 4.0} and first["solved"]
    assert first["time_to_first_accept_s"] == 9 * 60 and weak["time_to_first_accept_s"] is None
    assert weak["hints_used"] == 2 and weak["topics"] == ["dp_1d"]
    assert body["weakest_topic"] == "dp_1d" and body["recommended_question_id"] == "berry_picking"
    assert "lowest mean score" in body["rule"]
    assert stranger.json()["interviews"] == [] and no_key.status_code == 401
    assert keyless.status_code == 422

    store = await InterviewStore.open(sqlite_url)
    try:
        session = await store.get_session(practise.json()["session_id"])
    finally:
        await store.close()
    assert session.agent_state["chosen_question_id"] == "berry_picking"


async def test_share_links_open_the_timeline_read_only_until_they_expire(gateway, sqlite_url):
    async with httpx.AsyncClient(base_url=gateway.url) as http:
        made = (await http.post("/api/sessions", json={"difficulty": "easy", "language": "python"})).json()
        session_id, auth = made["session_id"], {"Authorization": f"Bearer {made['token']}"}
        store = await InterviewStore.open(sqlite_url)
        try:
            await store.append_event(server_event(session_id, ServerEventType.INTERVIEWER_MSG)
                                     .model_copy(update={"payload": {"turn_id": "t1", "kind": "complete", "text": "Hi"}}))
            await store.append_event(server_event(session_id, ServerEventType.CANDIDATE_MESSAGE, CandidateMessagePayload(
                text="Can the list be empty?", spoken=True, ref_message_id="client-1")))
            await store.code.record(session_id, "snapshot-1", "def f(): pass\n", Language.PYTHON)
        finally:
            await store.close()

        timeline = await http.get(f"/api/sessions/{session_id}/timeline", headers=auth)
        no_token = await http.get(f"/api/sessions/{session_id}/timeline")
        shared = (await http.post(f"/api/sessions/{session_id}/share", json={"ttl_s": 600}, headers=auth)).json()
        not_mine = await http.post(f"/api/sessions/{session_id}/share", json={})
        replay = await http.get(f"/api/replay/{shared['token']}/timeline")
        expired_token = ShareTokens(SECRET).issue(session_id, expires_at=time.time() - 1)
        expired = await http.get(f"/api/replay/{expired_token}/timeline")
        forged = await http.get(f"/api/replay/{ShareTokens('not-the-secret').issue(session_id, time.time() + 60)}/timeline")

    assert timeline.status_code == 200 and no_token.status_code == 401
    events = timeline.json()["events"]
    assert [e["type"] for e in events] == ["interviewer_msg", "candidate_message", "code_snapshot"]
    assert events[1]["payload"] == {"text": "Can the list be empty?", "spoken": True, "ref_message_id": "client-1",
                                  "audio_url": None}  # a typed message has no audio
    assert events[2]["payload"]["code"] == "def f(): pass\n"
    assert shared["url"] == f"/replay?share={shared['token']}"
    assert datetime.fromisoformat(shared["expires_at"]) > datetime.now(UTC) + timedelta(minutes=9)
    assert not_mine.status_code == 401
    assert replay.status_code == 200 and replay.json()["events"] == events
    assert expired.status_code == 410 and expired.json()["error"] == "share_expired"
    assert forged.status_code == 403
