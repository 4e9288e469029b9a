"""The feedback agent over real RabbitMQ: feedback runs beside the interview, and the final report is
stored with the session, served over HTTP (JSON and Markdown) and survives a restart of every service."""

import asyncio
import signal

import aio_pika
import httpx
import pytest

from contracts.events import FeedbackResultPayload
from contracts.reports import InterviewReport
from contracts.sandbox import Language
from contracts.topology import SANDBOX_RUNS
from gateway.client import InterviewClient
from question_bank.bank import default_bank
from runtime.process_group import ServiceSpec

from .conftest import stack_env, start_stack

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def is_reply(event: dict) -> bool:
    return event["type"] == "interviewer_msg" and event["payload"]["kind"] == "complete"


async def started_interview(base_url: str) -> tuple[InterviewClient, str]:
    client = await InterviewClient.create(base_url, difficulty="easy", language="python")
    await client.connect()
    await client.send("start_interview")
    await client.wait_turn_complete(after=0)
    problem = await client.wait_for(lambda e: e["type"] == "problem_presented")
    return client, problem["payload"]["question_id"]


async def messages_waiting(rabbitmq_url: str, queue: str) -> int:
    connection = await aio_pika.connect(rabbitmq_url)
    async with connection:
        channel = await connection.channel()
        declared = await channel.declare_queue(queue, passive=True)
        return declared.declaration_result.message_count


async def test_feedback_runs_while_the_interviewer_keeps_answering(rabbitmq_url, tmp_path):
    """The feedback agent is held mid-request, waiting for a sandbox run, while the candidate talks to
    the interviewer twice: both replies come, then the scorecard once a sandbox worker is back."""
    stack = await start_stack(stack_env(rabbitmq_url, f"sqlite+aiosqlite:///{tmp_path / 'mockmind.db'}"))
    try:
        client, question_id = await started_interview(stack.urls[0])
        code = default_bank().reference_source(question_id, Language.PYTHON)
        stack.group.kill("sandbox-worker-1", signal.SIGTERM)
        await stack.group.processes["sandbox-worker-1"].wait()
        mark = len(client.events)
        await client.send("request_feedback", {"code": code, "language": "python"})
        async with asyncio.timeout(60):  # the feedback agent has started: its first sandbox run waits
            while await messages_waiting(rabbitmq_url, SANDBOX_RUNS.name) == 0:
                await asyncio.sleep(0.1)
        for text in ("How large can the input get?", "I think I'll use a hash map, O(n) time."):
            turn_mark = len(client.events)
            await client.send("send_message", {"text": text})
            await client.wait_for(is_reply, after=turn_mark, timeout=60)
        assert not [e for e in client.events[mark:] if e["type"] == "feedback_result"]
        await stack.group.start(ServiceSpec("sandbox-worker-1", "sandbox_worker.main"))
        feedback_event = await client.wait_for(lambda e: e["type"] == "feedback_result", after=mark, timeout=150)
        await client.close()
    finally:
        await stack.stop()

    replies = [i for i, e in enumerate(client.events) if i >= mark and is_reply(e)]
    assert len(replies) == 2 and replies[1] < client.events.index(feedback_event)
    payload = FeedbackResultPayload.model_validate(feedback_event["payload"])
    assert [s.dimension for s in payload.feedback.scores] == ["problem_solving", "coding", "verification", "communication"]
    assert payload.feedback.kind == "on_demand"
    assert payload.feedback.measured_complexity is not None
    assert all(c.passed == c.total for c in payload.feedback.edge_case_categories)  # the reference passes all


async def test_the_final_report_is_served_and_survives_a_restart(rabbitmq_url, tmp_path):
    env = stack_env(rabbitmq_url, f"sqlite+aiosqlite:///{tmp_path / 'mockmind.db'}")
    stack = await start_stack(env)
    try:
        client, question_id = await started_interview(stack.urls[0])
        report_url = f"{stack.urls[0]}/api/sessions/{client.session_id}/report"
        auth = {"Authorization": f"Bearer {client.token}"}
        async with httpx.AsyncClient(timeout=10) as http:
            assert (await http.get(report_url)).status_code == 401
            not_ready = await http.get(report_url, headers=auth)  # a known session: never 404
            assert not_ready.status_code == 409 and not_ready.json()["status"] == "in_progress"

        mark = len(client.events)
        await client.send("send_message", {"text": "I think I'll do one pass with a dictionary, O(n) time."})
        await client.wait_turn_complete(after=mark)
        code = default_bank().reference_source(question_id, Language.PYTHON)
        await client.send("run_code", {"code": code, "language": "python", "mode": "run"})
        mark = len(client.events)
        await client.send("run_code", {"code": code, "language": "python", "mode": "submit"})
        # Wrap-up: the interviewer asks the feedback agent for the final report by itself.
        try:
            final = await client.wait_for(lambda e: e["type"] == "feedback_result"
                                          and e["payload"]["feedback"]["kind"] == "final", after=mark, timeout=240)
        except TimeoutError:
            seen = [(e["type"], e["payload"].get("to_phase") or e["payload"].get("kind")) for e in client.events[mark:]]
            logs = "\n".join(f"{name}: {line}" for name, lines in stack.group.logs.items()
                             if "feedback" in name or "interviewer" in name for line in lines[-30:])
            raise AssertionError(f"no final feedback; events since the submit: {seen}\n{logs}") from None
        await client.close()
        async with httpx.AsyncClient(timeout=10) as http:
            first = await http.get(report_url, headers=auth)
            markdown = await http.get(report_url + ".md", headers=auth)
    finally:
        await stack.stop()

    assert first.status_code == 200, first.text
    report = InterviewReport.model_validate(first.json())
    assert report.session_id == client.session_id and report.question.question_id == question_id
    assert report.scorecard == FeedbackResultPayload.model_validate(final["payload"]).feedback
    assert report.test_results.passed == report.test_results.total
    assert [v.mode.value for v in report.code_history] == ["run", "submit"]
    assert {"greeting", "clarifying", "wrapping_up"} <= {p.phase.value for p in report.phases}
    assert any(e.role == "candidate" and "dictionary" in e.text for e in report.transcript)
    assert markdown.status_code == 200 and markdown.headers["content-type"].startswith("text/markdown")
    assert f"# Interview report: {report.question.title}" in markdown.text

    restarted = await start_stack(env)  # every service is a new process; only the database remains
    try:
        async with httpx.AsyncClient(timeout=10) as http:
            again = await http.get(f"{restarted.urls[0]}/api/sessions/{client.session_id}/report", headers=auth)
    finally:
        await restarted.stop()
    assert again.status_code == 200
    assert again.json() == first.json()
