import pytest
from pydantic import ValidationError

from contracts import topology
from contracts.bus import HintRequestAction, TurnRequested
from contracts.events import (
    CodeSnapshot,
    HintGivenPayload,
    RequestHint,
    RunCode,
    SendMessage,
    SendVoice,
    StartInterview,
    client_event_adapter,
)
from contracts.sandbox import SandboxResult, TestResult, Verdict


@pytest.mark.parametrize(
    ("frame", "model"),
    [
        ({"type": "start_interview"}, StartInterview),
        ({"type": "send_message", "payload": {"text": "Can the array be empty?"}}, SendMessage),
        ({"type": "send_voice", "payload": {"transcript": "hello", "confidence": 0.9}}, SendVoice),
        ({"type": "run_code", "payload": {"code": "x = 1", "language": "python", "mode": "submit"}}, RunCode),
        ({"type": "code_snapshot", "payload": {"code": "", "language": "go"}}, CodeSnapshot),
        ({"type": "request_hint", "payload": {}}, RequestHint),
    ],
)
def test_client_events_parse_to_their_models(frame, model):
    event = client_event_adapter.validate_python(frame)
    assert isinstance(event, model)
    assert event.message_id  # filled in when the browser sends none


@pytest.mark.parametrize(
    "frame",
    [
        {"type": "send_message", "payload": {"text": ""}},
        {"type": "send_message", "payload": {"text": "x" * 4097}},
        {"type": "send_message", "payload": {"text": "hi", "admin": True}},
        {"type": "run_code", "payload": {"code": "x" * (64 * 1024 + 1), "language": "python"}},
        {"type": "run_code", "payload": {"code": "x", "language": "cobol"}},
        {"type": "send_voice", "payload": {"transcript": "hi", "confidence": 3}},
        {"type": "drop_tables"},
        {"type": "request_hint", "payload": {"level": 3}},
    ],
)
def test_malformed_client_events_are_rejected(frame):
    with pytest.raises(ValidationError):
        client_event_adapter.validate_python(frame)


def test_the_hint_button_becomes_a_hint_request_turn_and_a_given_hint_is_bounded():
    from gateway.commands import to_command

    event = client_event_adapter.validate_python({"type": "request_hint", "payload": {}})
    _, command = to_command("s1", event)
    assert isinstance(command, TurnRequested) and isinstance(command.action, HintRequestAction)
    assert HintGivenPayload(level=2, hints_used=2).model_dump() == {"level": 2, "hints_used": 2, "max_level": 3}
    with pytest.raises(ValidationError):
        HintGivenPayload(level=4, hints_used=4)


def test_public_view_of_a_result_keeps_verdicts_but_hides_hidden_test_data():
    result = SandboxResult(
        verdict=Verdict.WRONG_ANSWER,
        passed=1,
        total=2,
        tests=[
            TestResult(test_id="sample-1", verdict=Verdict.ACCEPTED, actual=[0, 1], stdout="dbg"),
            TestResult(test_id="hidden-1", verdict=Verdict.WRONG_ANSWER, actual=[9, 9], stdout="secret",
                       hidden=True, category="duplicates"),
        ],
    )
    public = result.public_view()
    assert public.tests[0].actual == [0, 1] and public.tests[0].stdout == "dbg"
    hidden = public.tests[1]
    assert hidden.verdict is Verdict.WRONG_ANSWER
    assert (hidden.actual, hidden.stdout, hidden.category) == (None, "", None)


def test_topology_names_are_unique_and_work_queues_durable():
    queues = [topology.INTERVIEWER_TURNS, topology.SANDBOX_RUNS, topology.TTS_REQUESTS, topology.FEEDBACK_REQUESTS]
    assert len({q.name for q in queues}) == len(queues)
    assert len({q.routing_key for q in queues}) == len(queues)
    assert all(q.durable and q.quorum for q in queues)
    assert topology.RoutingKey.session_events("abc") == "session.abc"


def test_ids_derived_while_handling_a_message_repeat_on_redelivery():
    from contracts.base import derive_ids_from, new_id, reset_id_scope

    def handle(message_id: str) -> list[str]:
        token = derive_ids_from(message_id)
        try:
            return [new_id() for _ in range(3)]
        finally:
            reset_id_scope(token)

    first, again, other = handle("m-1"), handle("m-1"), handle("m-2")
    assert first == again
    assert len(set(first)) == 3 and not set(first) & set(other)
    assert len({new_id(), new_id()}) == 2  # outside a handler ids are random
