"""`make smoke`: drive one whole interview through the gateway's public API, as a browser would.

Starts the services when none answer at MOCKMIND_URL, creates a session, starts the interview, asks a
question, states a plan, asks for a hint, runs a wrong solution, submits a correct one, asks for
feedback (so the interview passes through all six phases and all four tools), and checks that every
expected event arrived in order. The last line is `smoke: passed` only when all of that held.
"""

import asyncio
import os
import sys

import httpx

from contracts.sandbox import Language
from gateway.client import InterviewClient
from question_bank.bank import default_bank
from runtime.local_stack import LocalStack

BASE_URL = os.environ.get("MOCKMIND_URL", "http://127.0.0.1:8000")
WRONG_SOLUTIONS = {
    Language.PYTHON: "def {name}(*args):\n    return None\n",
}


class SmokeFailure(Exception):
    pass


def expect(condition: bool, what: str) -> None:
    if not condition:
        raise SmokeFailure(what)
    print(f"  ok  {what}")


async def is_running(url: str) -> bool:
    try:
        async with httpx.AsyncClient(timeout=2) as http:
            return (await http.get(f"{url}/api/health")).status_code == 200
    except httpx.HTTPError:
        return False


async def drive_interview(base_url: str) -> None:
    client = await InterviewClient.create(base_url, difficulty="easy", language="python")
    await client.connect()
    try:
        ready = await client.wait_for(lambda e: e["type"] == "session_ready")
        expect(ready["payload"]["session_id"] == client.session_id, "session_ready for our session")

        mark = len(client.events)
        await client.send("start_interview")
        await client.wait_turn_complete(after=mark)
        problem = await client.wait_for(lambda e: e["type"] == "problem_presented", after=mark)
        question_id = problem["payload"]["question_id"]
        expect(bool(problem["payload"]["statement_md"]), f"problem presented: {problem['payload']['title']}")
        expect(any(e["type"] == "interviewer_msg" and e["payload"]["kind"] == "complete" for e in client.events[mark:]),
               "interviewer greeted and presented the problem")

        mark = len(client.events)
        await client.send("send_message", {"text": "How large can the input get?"})
        await client.wait_turn_complete(after=mark)
        expect(any(e["type"] == "interviewer_msg" for e in client.events[mark:]), "clarifying question answered")

        mark = len(client.events)
        await client.send("send_message", {"text": "I think I'll go through the input once; going to code it now."})
        await client.wait_turn_complete(after=mark)
        expect(any(e["type"] == "agent_phase_change" and e["payload"]["to_phase"] == "observing"
                   for e in client.events[mark:]), "plan acknowledged, interviewer observing")

        mark = len(client.events)
        await client.send("send_message", {"text": "I'm a bit stuck, could I get a hint?"})
        await client.wait_turn_complete(after=mark)
        expect(any(e["type"] == "agent_thinking" and e["payload"]["tool"] == "get_hint"
                   for e in client.events[mark:]), "hint given on request")

        bank = default_bank()
        function_name = bank.question(question_id).signature.name
        mark = len(client.events)
        wrong = WRONG_SOLUTIONS[Language.PYTHON].format(name=function_name)
        await client.send("run_code", {"code": wrong, "language": "python", "mode": "run"})
        result = await client.wait_for(lambda e: e["type"] == "code_result", after=mark, timeout=60)
        expect(result["payload"]["result"]["verdict"] != "accepted",
               f"wrong solution rejected ({result['payload']['result']['verdict']})")
        await client.wait_turn_complete(after=mark)

        mark = len(client.events)
        correct = bank.reference_source(question_id, Language.PYTHON)
        await client.send("run_code", {"code": correct, "language": "python", "mode": "submit"})
        result = await client.wait_for(lambda e: e["type"] == "code_result", after=mark, timeout=90)
        verdict = result["payload"]["result"]["verdict"]
        expect(verdict == "accepted", f"correct solution accepted on all {result['payload']['result']['total']} tests")
        await client.wait_turn_complete(after=mark, timeout=60)

        mark = len(client.events)
        await client.send("request_feedback", {"code": correct, "language": "python"})
        feedback = await client.wait_for(lambda e: e["type"] == "feedback_result", after=mark, timeout=90)
        expect(len(feedback["payload"]["feedback"]["scores"]) == 4, "feedback scorecard with four dimensions")

        seqs = [e["seq"] for e in client.events if e.get("seq") is not None]
        expect(seqs == list(range(seqs[0], seqs[0] + len(seqs))), f"{len(seqs)} events in order, no gaps or duplicates")
        phases = [e["payload"]["to_phase"] for e in client.events if e["type"] == "agent_phase_change"]
        tools = [e["payload"]["tool"] for e in client.events if e["type"] == "agent_thinking" and e["payload"]["tool"]]
        print(f"  phases reached: {' -> '.join(phases)}")
        print(f"  tools called: {', '.join(dict.fromkeys(tools))}")
        voices = sum(1 for e in client.events if e["type"] == "voice_audio")
        print(f"  voice_audio events: {voices}")
    finally:
        await client.close()


async def main() -> int:
    stack = None
    if not await is_running(BASE_URL):
        port = int(BASE_URL.rsplit(":", 1)[1])
        print(f"starting the services on port {port}…")
        stack = LocalStack(gateway_ports=[port], echo=bool(os.environ.get("SMOKE_ECHO")))
        await stack.start()
    try:
        await drive_interview(BASE_URL)
    except (SmokeFailure, TimeoutError) as exc:
        print(f"smoke: FAILED: {exc or type(exc).__name__}")
        return 1
    finally:
        if stack is not None:
            await stack.stop()
    print("smoke: passed")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
