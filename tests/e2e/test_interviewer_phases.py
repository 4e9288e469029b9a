"""A whole interview with the embedded interviewer over real RabbitMQ: all six phases, all four tools,
silence check-ins timed by the bus (dead-lettered delay queue), and the events the browser sees."""

import asyncio

import pytest

from contracts.sandbox import Language
from gateway.client import InterviewClient
from interviewer_agent.hints import HINT_OFFER, phrase_hint
from persistence.store import InterviewStore
from question_bank.bank import default_bank

from .conftest import stack_env, start_stack
from .interviews import greeted_interview

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

SILENCE_S = 2.0
HINT_OFFER_AFTER_S = 2 * SILENCE_S  # the second check-in in a row offers a hint


@pytest.fixture(scope="module")
async def quiet_stack(rabbitmq_url, tmp_path_factory):
    database = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('interviewer') / 'mockmind.db'}"
    env = stack_env(rabbitmq_url, database) | {"SILENCE_CHECKIN_S": str(SILENCE_S), "LLM_PROVIDER": "offline",
                                               "HINT_OFFER_AFTER_S": str(HINT_OFFER_AFTER_S), "LOG_LEVEL": "INFO"}
    stack = await start_stack(env)
    yield stack, database
    await stack.stop()


def turn_events(client: InterviewClient, start: int) -> list[dict]:
    """The events of the first turn that begins at or after `start`, up to its `done`."""
    events = client.events[start:]
    end = next(i for i, e in enumerate(events) if e["type"] == "agent_thinking" and e["payload"]["status"] == "done")
    return events[:end + 1]


def texts(events: list[dict], kind: str = "complete") -> list[str]:
    return [e["payload"]["text"] for e in events if e["type"] == "interviewer_msg" and e["payload"]["kind"] == kind]


async def test_an_interview_goes_through_every_phase_and_tool(quiet_stack):
    stack, database = quiet_stack
    bank = default_bank()
    client = await InterviewClient.create(stack.urls[0], difficulty="easy", language="python")
    await client.connect()
    try:
        # GREETING: the interviewer introduces itself, calls get_question, presents the problem.
        await client.send("start_interview")
        await client.wait_turn_complete(after=0)
        greeting = turn_events(client, 0)
        problem = next(e for e in greeting if e["type"] == "problem_presented")["payload"]
        question = bank.question(problem["question_id"])
        assert question.title in texts(greeting)[0]

        # CLARIFYING: a question about input sizes is answered from the problem's constraints.
        mark = len(client.events)
        await client.send("send_message", {"text": "How large can the input get?"})
        await client.wait_turn_complete(after=mark)
        answer = texts(turn_events(client, mark))[0]
        assert any(constraint in answer for constraint in question.constraints) or any(
            f.answer == answer for f in question.faq)

        # A plan moves the interview to OBSERVING; then silence: first a check-in, then the offer of a hint,
        # both fired by the bus with no input from the candidate. The offer spends nothing; accepting it
        # gives the level-1 hint (NUDGING).
        mark = len(client.events)
        await client.send("send_message", {"text": "I think I'll walk through it once, going to code it now."})
        await client.wait_turn_complete(after=mark)
        silent_from = len(client.events)
        offer = await client.wait_for(lambda e: e["type"] == "interviewer_msg" and e["payload"]["kind"] == "complete"
                                      and HINT_OFFER in e["payload"]["text"], after=silent_from, timeout=30)
        await client.wait_turn_complete(after=client.events.index(offer))
        silent_turns = client.events[silent_from:]
        assert "How is it going?" in " ".join(texts(silent_turns))
        assert not any(e["type"] == "hint_given" for e in silent_turns)
        mark = len(client.events)
        await client.send("send_message", {"text": "yes please"})
        await client.wait_turn_complete(after=mark)
        assert phrase_hint(question.hints[0], 1, question.id) in texts(turn_events(client, mark))
        assert next(e for e in client.events[mark:] if e["type"] == "hint_given")["payload"]["level"] == 1

        # OBSERVING/NUDGING: a sample run of a wrong solution.
        mark = len(client.events)
        wrong = f"def {question.signature.name}(*args):\n    return None\n"
        await client.send("run_code", {"code": wrong, "language": "python", "mode": "run"})
        await client.wait_turn_complete(after=mark, timeout=60)
        run_turn = turn_events(client, mark)
        assert next(e for e in run_turn if e["type"] == "code_result")["payload"]["mode"] == "run"
        assert "sample tests pass" in texts(run_turn)[0]

        # REVIEWING -> WRAPPING_UP: the submission is run on every test and assessed, then summarised.
        mark = len(client.events)
        correct = bank.reference_source(question.id, Language.PYTHON)
        await client.send("run_code", {"code": correct, "language": "python", "mode": "submit"})
        await client.wait_turn_complete(after=mark, timeout=90)
        submit_turn = turn_events(client, mark)
        final_feedback = await client.wait_for(lambda e: e["type"] == "feedback_result", after=mark, timeout=90)
    finally:
        await client.close()

    phases = [e["payload"]["to_phase"] for e in client.events if e["type"] == "agent_phase_change"]
    assert phases == ["greeting", "clarifying", "observing", "nudging", "reviewing", "wrapping_up"]
    tools = {e["payload"]["tool"] for e in client.events if e["type"] == "agent_thinking" and e["payload"]["tool"]}
    assert tools == {"get_question", "get_hint", "run_code", "assess_solution"}

    # What the browser sees during the submit turn, in order; the first sentence is streamed (and spoken)
    # before the tools run, long before the turn's `complete` frame.
    def index(predicate) -> int:
        return next(i for i, e in enumerate(submit_turn) if predicate(e))

    first_delta = index(lambda e: e["type"] == "interviewer_msg" and e["payload"]["kind"] == "delta")
    run_code = index(lambda e: e["type"] == "agent_thinking" and e["payload"]["tool"] == "run_code")
    code_result = index(lambda e: e["type"] == "code_result")
    reviewing = index(lambda e: e["type"] == "agent_phase_change" and e["payload"]["to_phase"] == "reviewing")
    assess = index(lambda e: e["type"] == "agent_thinking" and e["payload"]["tool"] == "assess_solution")
    wrapping = index(lambda e: e["type"] == "agent_phase_change" and e["payload"]["to_phase"] == "wrapping_up")
    complete = index(lambda e: e["type"] == "interviewer_msg" and e["payload"]["kind"] == "complete")
    thinking = index(lambda e: e["type"] == "agent_thinking" and e["payload"]["status"] == "thinking")
    assert thinking < reviewing < first_delta < run_code < code_result < assess < wrapping < complete
    assert submit_turn[first_delta]["payload"]["text"].startswith("Let's see how it does")
    deltas = "".join(texts(submit_turn, "delta")).strip()
    assert deltas == texts(submit_turn)[0]  # the deltas add up to the complete reply
    summary = texts(submit_turn)[0]
    assert question.complexity.time in summary and "1 hint" in summary

    # On wrap-up the interviewer asked the feedback agent for the final report, without a request from us.
    assert len(final_feedback["payload"]["feedback"]["scores"]) == 4
    store = await InterviewStore.open(database, run_migrations=False)
    try:
        reports = await store.feedback_reports(client.session_id)
        transcript = await store.transcript(client.session_id)
    finally:
        await store.close()
    assert reports, "a feedback report was stored for the session"
    # The transcript keeps each turn's Converse messages, tool uses and results included.
    tool_turns = [m for m in transcript if any("toolUse" in b for c in m.extra.get("converse", [])
                                               if isinstance(c, dict) for b in c["content"])]
    assert {b["toolUse"]["name"] for m in tool_turns for c in m.extra["converse"] for b in c["content"]
            if "toolUse" in b} == {"get_question", "get_hint", "run_code", "assess_solution"}


async def test_a_long_silence_spends_no_hint(quiet_stack):
    """Issue 17: quiet for longer than the offer threshold, and no hint asked: the offer is made once and
    zero hints are used."""
    stack, database = quiet_stack
    async with greeted_interview(stack.urls[0], difficulty="easy", language="python") as client:
        mark = len(client.events)
        await client.send("send_message", {"text": "my plan is to use a hash map and go through the list once"})
        await client.wait_turn_complete(after=mark)
        # Three check-ins in a row go unanswered (the last one at 3 x SILENCE_S); then the interviewer waits.
        def turns_done() -> int:
            return sum(e["type"] == "agent_thinking" and e["payload"]["status"] == "done" for e in client.events[mark:])

        async def check_ins(count: int) -> None:
            while turns_done() < 1 + count:
                await asyncio.sleep(0.2)

        await asyncio.wait_for(check_ins(3), timeout=SILENCE_S * 3 + 60)
        await asyncio.sleep(SILENCE_S * 2)  # no fourth check-in, and still no hint
    silent = texts(client.events[mark:])
    assert len(silent) == 1 + 3 and sum(HINT_OFFER in t for t in silent) == 1
    assert not any(e["type"] == "hint_given" for e in client.events)
    assert not any(e["type"] == "agent_phase_change" and e["payload"]["to_phase"] == "nudging" for e in client.events)
    store = await InterviewStore.open(database, run_migrations=False)
    try:
        session = await store.get_session(client.session_id)
    finally:
        await store.close()
    assert session.hint_level == 0


async def test_a_stale_silence_check_is_dropped(quiet_stack):
    """The candidate keeps talking: checks parked before each message find newer activity and stay silent."""
    stack, _ = quiet_stack
    async with greeted_interview(stack.urls[0], difficulty="easy", language="python") as client:
        for text in ("Can the input be empty?", "What about duplicates?", "And negative numbers?"):
            mark = len(client.events)
            await client.send("send_message", {"text": text})
            await client.wait_turn_complete(after=mark)
        mark = len(client.events)
        await client.send("send_message", {"text": "Okay, thanks."})
        await client.wait_turn_complete(after=mark)
        # Exactly one check-in follows the last message (the earlier checks are stale).
        await client.wait_for(lambda e: e["type"] == "interviewer_msg" and "How is it going?" in e["payload"]["text"]
                              and e["payload"]["kind"] == "complete", after=mark, timeout=SILENCE_S * 5)
        await asyncio.sleep(SILENCE_S / 4)  # stale checks expire first (FIFO TTL); give stragglers a moment
    check_ins = [t for t in texts(client.events) if "How is it going?" in t]
    assert len(check_ins) == 1
