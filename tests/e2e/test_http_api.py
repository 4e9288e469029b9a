"""The plain HTTP API beside the WebSocket: code runs, speech, session lists and health."""

import asyncio
import subprocess

import httpx
import pytest

from contracts.sandbox import Language
from gateway.client import InterviewClient
from question_bank.bank import default_bank

from .conftest import stack_env, start_stack

pytestmark = pytest.mark.e2e


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def interview_with_problem(base_url: str) -> tuple[InterviewClient, str]:
    client = await InterviewClient.create(base_url, difficulty="easy", language="python")
    await client.connect()
    await client.send("start_interview")
    problem = await client.wait_for(lambda e: e["type"] == "problem_presented", timeout=60)
    await client.wait_turn_complete(after=0)
    return client, problem["payload"]["question_id"]


async def test_code_run_judges_sample_tests_and_records_the_run(stack):
    client, question_id = await interview_with_problem(stack.urls[0])
    bank = default_bank()
    question = bank.question(question_id)
    correct = bank.reference_source(question_id, Language.PYTHON)
    wrong = f"def {question.signature.name}(*args):\n    return None\n"
    try:
        async with httpx.AsyncClient(base_url=stack.urls[0], timeout=60) as http:
            body = {"session_id": client.session_id, "language": "python", "tests": "sample"}
            good = await http.post("/api/code/run", json=body | {"code": correct}, headers=auth(client.token))
            bad = await http.post("/api/code/run", json=body | {"code": wrong}, headers=auth(client.token))
            assert good.status_code == bad.status_code == 200
            assert good.json()["result"]["verdict"] == "accepted"
            assert good.json()["result"]["total"] == len(question.sample_tests)
            # wrong answer for a function problem; a runtime error for a design problem (no class defined)
            assert bad.json()["result"]["verdict"] in ("wrong_answer", "runtime_error")

            other = await InterviewClient.create(stack.urls[0])
            assert (await http.post("/api/code/run", json=body | {"code": correct})).status_code == 401
            forbidden = await http.post("/api/code/run", json=body | {"code": correct}, headers=auth(other.token))
            assert forbidden.status_code == 403
            unknown_field = await http.post("/api/code/run", json=body | {"code": correct, "tests": "hidden"},
                                            headers=auth(client.token))
            assert unknown_field.status_code == 422  # hidden tests are never run (or returned) over HTTP

        # the runs show up in the browser like runs from the editor
        first = await client.wait_for(lambda e: e["type"] == "code_result", timeout=10)
        await client.wait_for(lambda e: e["type"] == "code_result", after=client.events.index(first) + 1, timeout=10)
        verdicts = [e["payload"]["result"]["verdict"] for e in client.events if e["type"] == "code_result"]
        assert verdicts[0] == "accepted" and verdicts[1] in ("wrong_answer", "runtime_error")
    finally:
        await client.close()


async def test_speech_comes_back_as_decodable_audio(stack, tmp_path):
    client = await InterviewClient.create(stack.urls[0])
    async with httpx.AsyncClient(base_url=stack.urls[0], timeout=30) as http:
        short = await http.post("/api/voice/tts", json={"text": "Hello there."}, headers=auth(client.token))
        long = await http.post("/api/voice/tts", json={"text": "Hello there. " * 12}, headers=auth(client.token))
        assert short.status_code == long.status_code == 200
        assert short.headers["content-type"] == "audio/mpeg"
        durations = []
        for name, response in (("short", short), ("long", long)):
            path = tmp_path / f"{name}.mp3"
            path.write_bytes(response.content)
            durations.append(float(subprocess.run(["soxi", "-D", str(path)], capture_output=True, text=True,
                                                  check=True).stdout))
        assert 0.3 < durations[0] < durations[1]

        assert (await http.post("/api/voice/tts", json={"text": ""}, headers=auth(client.token))).status_code == 422
        too_long = await http.post("/api/voice/tts", json={"text": "a" * 3001}, headers=auth(client.token))
        assert too_long.status_code == 422
        assert (await http.post("/api/voice/tts", json={"text": "Hi."})).status_code == 401
        forged = await http.post("/api/voice/tts", json={"text": "Hi."}, headers=auth("forged"))
        assert forged.status_code == 401


async def test_a_browser_lists_its_own_sessions_newest_first(stack):
    async with httpx.AsyncClient(base_url=stack.urls[0], timeout=10) as http:
        first = (await http.post("/api/sessions", json={"difficulty": "easy", "language": "go"})).json()
        second = (await http.post("/api/sessions", json={"difficulty": "hard", "language": "cpp"},
                                  headers=auth(first["token"]))).json()
        stranger = (await http.post("/api/sessions", json={"difficulty": "easy", "language": "python"})).json()
        listed = (await http.get("/api/sessions", headers=auth(second["token"]))).json()
        assert [s["session_id"] for s in listed["sessions"]] == [second["session_id"], first["session_id"]]
        assert listed["next_offset"] is None
        theirs = (await http.get("/api/sessions", headers=auth(stranger["token"]))).json()
        assert [s["session_id"] for s in theirs["sessions"]] == [stranger["session_id"]]
        assert (await http.get("/api/sessions")).status_code == 401


async def test_health_is_200_with_a_sandbox_worker_and_names_the_llm(stack):
    async with httpx.AsyncClient(timeout=10) as http:
        for _ in range(30):  # the sandbox probe must answer within 2 s; a busy machine may need a retry
            response = await http.get(f"{stack.urls[0]}/api/health")
            if response.status_code == 200:
                break
            await asyncio.sleep(1)
    body = response.json()
    assert response.status_code == 200
    assert body["sandbox"] == "ok"
    assert body["llm"] in ("offline-default", "unknown")


async def test_health_is_503_naming_the_sandbox_when_no_sandbox_worker_runs(own_rabbitmq_url, tmp_path_factory):
    database = tmp_path_factory.mktemp("nosandbox") / "mockmind.db"
    stack = await start_stack(stack_env(own_rabbitmq_url, f"sqlite+aiosqlite:///{database}"),
                              replicas={"sandbox-worker": 0, "tts": 0, "stt": 0, "feedback-agent": 0})
    try:
        async with httpx.AsyncClient(timeout=10) as http:
            response = await http.get(f"{stack.urls[0]}/api/health")
        assert response.status_code == 503
        assert response.json()["sandbox"] == "no sandbox-worker running"
        assert response.json()["status"] == "down"
    finally:
        await stack.stop()
