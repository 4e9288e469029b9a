"""Every interview that ends gets its final report, solved or not, over real RabbitMQ and real service
processes: ended by Finish (`end_interview`), by its time limit (the session watch on a delay queue),
and by abandonment (no socket on any gateway for ABANDON_AFTER_S). The report routes answer 409 while
the interview runs, 202 while the report is prepared, then 200; never 404 for a known session."""

import asyncio
import signal
import time

import httpx
import pytest

from contracts.reports import InterviewReport
from gateway.client import InterviewClient

from .conftest import stack_env, start_stack

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

ABANDON_AFTER_S = 4
WRONG_CODE = {"python": "def solve(*args):\n    return None\n"}


@pytest.fixture(scope="module")
async def stack(rabbitmq_url, tmp_path_factory):
    database = tmp_path_factory.mktemp("endings") / "mockmind.db"
    env = stack_env(rabbitmq_url, f"sqlite+aiosqlite:///{database}") | {
        "SESSION_WATCH_INTERVAL_S": "0.5",
        "ABANDON_AFTER_S": str(ABANDON_AFTER_S),
        "SOCKET_SEEN_INTERVAL_S": "0.5",
        "SILENCE_CHECKIN_S": "2",
    }
    stack = await start_stack(env, gateways=2)
    yield stack
    await stack.stop()


async def started(base_url: str, **extra) -> InterviewClient:
    client = await InterviewClient.create(base_url, difficulty="easy", language="python", **extra)
    await client.connect()
    await client.send("start_interview")
    await client.wait_for(lambda e: e["type"] == "problem_presented", timeout=60)
    await client.wait_turn_complete(after=0, timeout=60)
    return client


def ended(reason: str):
    return lambda e: e["type"] == "interview_ended" and e["payload"]["reason"] == reason


async def report_statuses(base_url: str, client: InterviewClient, *, timeout: float = 120) -> tuple[list[int], dict]:
    """Poll the report until it is there; the statuses seen on the way, and the report."""
    url = f"{base_url}/api/sessions/{client.session_id}/report"
    auth = {"Authorization": f"Bearer {client.token}"}
    seen = []
    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient(timeout=10) as http:
        while time.monotonic() < deadline:
            response = await http.get(url, headers=auth)
            seen.append(response.status_code)
            if response.status_code == 200:
                markdown = await http.get(url + ".md", headers=auth)
                assert markdown.status_code == 200
                return seen, response.json()
            await asyncio.sleep(0.5)
    raise AssertionError(f"no report within {timeout:.0f} s; statuses {seen[-5:]}")


async def status_of(base_url: str, client: InterviewClient, suffix: str = "") -> httpx.Response:
    async with httpx.AsyncClient(timeout=10) as http:
        return await http.get(f"{base_url}/api/sessions/{client.session_id}/report{suffix}",
                              headers={"Authorization": f"Bearer {client.token}"})


async def test_finish_ends_an_unsolved_interview_with_a_report(stack):
    base = stack.urls[0]
    client = await started(base)
    running = await status_of(base, client)
    assert running.status_code == 409 and running.json()["status"] == "in_progress"
    assert (await status_of(base, client, ".md")).status_code == 409
    mark = len(client.events)
    await client.send("send_message", {"text": "I think I'd sort it first, but I'm not sure."})
    await client.wait_turn_complete(after=mark, timeout=60)
    await client.send("code_snapshot", {"code": WRONG_CODE["python"], "language": "python"})

    mark = len(client.events)
    await client.send("end_interview")
    event = await client.wait_for(ended("finished"), after=mark, timeout=60)
    preparing = await status_of(base, client)
    seen, body = await report_statuses(base, client)
    await client.close()

    assert preparing.status_code in (200, 202)
    assert set(seen) <= {200, 202}
    report = InterviewReport.model_validate(body)
    assert report.end_reason == "finished" and report.solved is False
    assert report.ended_at.isoformat().startswith(event["payload"]["ended_at"][:19])
    assert any(e.role == "candidate" and "sort it first" in e.text for e in report.transcript)
    assert report.scorecard.kind == "final" and report.scorecard.hire_signal in ("no", "strong_no")
    assert {"wrapping_up"} <= {p.phase.value for p in report.phases}
    # A second Finish changes nothing: the interview ended once.
    await client.connect()
    await client.send("end_interview")
    await asyncio.sleep(2)
    assert len([e for e in client.events if e["type"] == "interview_ended"]) == 1
    await client.close()


async def test_the_time_limit_ends_an_unsolved_interview_with_a_report(stack):
    base = stack.urls[1]
    client = await started(base, duration_minutes=0.25)  # 15 s, timed by the server, socket open throughout
    await client.wait_for(ended("time_limit"), timeout=90)
    await client.wait_for(lambda e: e["type"] == "interviewer_msg" and e["payload"]["kind"] == "complete"
                                    and "out of time" in e["payload"]["text"], timeout=30)
    seen, body = await report_statuses(base, client)
    await client.close()

    report = InterviewReport.model_validate(body)
    assert report.end_reason == "time_limit" and report.solved is False
    assert 15 <= report.duration_s < 60
    assert set(seen) <= {200, 202}


async def test_an_abandoned_interview_ends_with_a_report(stack):
    """The candidate's socket closes and nobody comes back, on either gateway: the interview is ended
    as abandoned and the report is written without any client connected."""
    base = stack.urls[0]
    client = await started(base)
    await client.close()
    closed_at = time.monotonic()
    running = await status_of(base, client)
    assert running.status_code == 409  # gone, but not for long enough yet
    seen, body = await report_statuses(stack.urls[1], client, timeout=120)
    report = InterviewReport.model_validate(body)
    assert report.end_reason == "abandoned" and report.solved is False
    assert time.monotonic() - closed_at >= ABANDON_AFTER_S
    assert 202 in seen or 409 in seen


async def test_a_socket_open_on_another_gateway_keeps_the_interview_alive(stack):
    """Abandonment is about every gateway: a socket on the second replica keeps the session running."""
    client = await started(stack.urls[0])
    await client.close()
    again = InterviewClient(stack.urls[1], client.session_id, client.token)
    again.last_seq = client.last_seq
    await again.connect()
    await asyncio.sleep(ABANDON_AFTER_S * 2)
    running = await status_of(stack.urls[1], again)
    assert running.status_code == 409, running.text
    assert not [e for e in again.events if e["type"] == "interview_ended"]
    await again.send("end_interview")
    await again.wait_for(ended("finished"), timeout=60)
    await again.close()


async def test_a_long_silence_with_no_hint_asked_shows_zero_hints_used(stack):
    """The candidate states a plan, then says nothing through several check-ins; whatever the interviewer
    does in those turns (a check-in, an offer, or a hint of its own), no hint counts against them."""
    base = stack.urls[1]
    client = await started(base)
    mark = len(client.events)
    await client.send("send_message", {"text": "I think I'll keep a set of what I've seen so far."})
    await client.wait_turn_complete(after=mark, timeout=60)
    mark = len(client.events)
    async with asyncio.timeout(60):  # three unanswered check-ins, then the interviewer waits
        while len([e for e in client.events[mark:] if e["type"] == "agent_thinking"
                   and e["payload"]["status"] == "done"]) < 3:
            await asyncio.sleep(0.5)
    await client.send("end_interview")
    await client.wait_for(ended("finished"), after=mark, timeout=60)
    _, body = await report_statuses(base, client)
    await client.close()

    report = InterviewReport.model_validate(body)
    assert report.hints_used == 0 and report.scorecard.hints_used == 0
    assert all(not h.asked for h in report.hints)
    assert "no hints asked for" in report.scorecard.scores[0].justification or report.scorecard.scores[0].score == 1
    assert sum(e.role == "action" and "silent" in e.text for e in report.transcript) >= 3


async def test_a_gateway_that_dies_with_the_socket_open_still_leads_to_a_report(stack):
    """Killed outright, the gateway never sees the socket close: its stamps simply stop, and the
    interview is ended as abandoned all the same. (Last in this module: it takes a gateway away.)"""
    client = await started(stack.urls[0])
    stack.group.kill("gateway-1", signal.SIGKILL)
    await stack.group.processes["gateway-1"].wait()
    _, body = await report_statuses(stack.urls[1], client, timeout=120)
    report = InterviewReport.model_validate(body)
    assert report.end_reason == "abandoned"
    await client.close()
