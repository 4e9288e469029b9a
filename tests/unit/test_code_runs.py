"""A run recorded by a turn that then failed (a publish refused, as a quorum queue does while it elects a
leader) is not judged and recorded again when the turn is redone: one press of Run, one result.

FastStream's in-memory `TestRabbitBroker` carries the sandbox request and the events; a scripted sandbox
worker on it counts the runs; the store is a real SQLite one."""

from faststream.rabbit import TestRabbitBroker

from contracts.bus import SandboxRunCompleted, SandboxRunRequested
from contracts.events import RunMode, ServerEventType
from contracts.sandbox import Language, SandboxResult, TestResult, Verdict
from contracts.topology import COMMANDS, SANDBOX_RUNS
from question_bank.bank import default_bank
from runtime.code_runs import judge_and_record
from runtime.sandbox_client import SandboxClient
from runtime.topology import rabbit_exchange, rabbit_queue
from runtime.worker import WorkerRuntime


def scripted_sandbox(runtime: WorkerRuntime) -> list[str]:
    judged: list[str] = []

    @runtime.broker.subscriber(rabbit_queue(SANDBOX_RUNS), rabbit_exchange(COMMANDS))
    async def judge(command: SandboxRunRequested) -> SandboxRunCompleted:
        judged.append(command.message_id)
        tests = [TestResult(test_id=t.id, verdict=Verdict.WRONG_ANSWER, hidden=t.hidden) for t in command.request.tests]
        return SandboxRunCompleted(session_id=command.session_id, run_id=command.message_id, result=SandboxResult(
            verdict=Verdict.WRONG_ANSWER, passed=0, total=len(tests), tests=tests))

    return judged


async def test_a_redone_turn_does_not_run_or_record_its_run_twice(runtime, gateway_events, monkeypatch):
    session = await runtime.store.create_session(difficulty="easy", language="python")
    question = default_bank().questions()[0]
    judged, live = scripted_sandbox(runtime), gateway_events
    run = dict(sandbox=SandboxClient(runtime.broker), events=runtime.events, session_id=session.id, question=question,
               tests=list(question.sample_tests), code="def f():\n    return None\n", language=Language.PYTHON,
               mode=RunMode.RUN, timeout_s=10, submission_id="0" * 31 + "1")
    async with TestRabbitBroker(runtime.broker):
        sent = runtime.events.publish

        async def refused(event):
            raise ConnectionError("Basic.Nack: the queue has no leader yet")

        monkeypatch.setattr(runtime.events, "publish", refused)
        await judge_and_record(**run)  # the first attempt: judged and recorded; its event waits in the outbox
        monkeypatch.setattr(runtime.events, "publish", sent)
        # ... and a later step of the turn failed, so the turn is redone:

        submission_id, result = await judge_and_record(**run)  # the turn, redone
        assert submission_id == run["submission_id"] and result.verdict is Verdict.WRONG_ANSWER
        relay = runtime.events.relay
        relay.stale_after_s = 0.0
        await relay.run_once()

    assert len(judged) == 1, "the redone turn judged the code again"
    assert [s.id for s in await runtime.store.submissions(session.id)] == [run["submission_id"]]
    logged = [e for e in await runtime.store.events_after(session.id, 0) if e.type is ServerEventType.CODE_RESULT]
    assert len(logged) == 1
    assert [e["type"] for e in live] == [ServerEventType.CODE_RESULT.value]


def test_a_turn_names_its_runs_the_same_way_each_time_it_is_done():
    from interviewer_agent.tool_registry import ToolCall
    from persistence.models import InterviewSession

    session = InterviewSession(id="s" * 32)
    first, redo, other = (ToolCall(session=session, code=None, language=Language.PYTHON, turn_id=turn)
                          for turn in ("turn-a", "turn-a", "turn-b"))
    runs = [first.next_run_id(), first.next_run_id()]
    assert [redo.next_run_id(), redo.next_run_id()] == runs and len(set(runs)) == 2
    assert other.next_run_id() not in runs
