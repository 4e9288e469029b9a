"""Client-chosen message ids are scoped per session: a retry is recognised, a reused id is refused with
a clear error, and two sessions choosing the same id never touch each other's rows."""

import json

from gateway.commands import session_scoped_id

from .conftest import new_session, open_socket, receive


def test_the_bus_id_of_a_client_event_is_scoped_to_its_session():
    assert session_scoped_id("session-a", "m1") != session_scoped_id("session-b", "m1")
    assert session_scoped_id("session-a", "m1") == session_scoped_id("session-a", "m1")


async def test_an_id_reused_for_another_event_gets_a_clear_error_and_a_retry_does_not(gateway):
    session_id, token = await new_session(gateway)
    async with await open_socket(gateway, session_id, token) as socket:
        assert (await receive(socket))["type"] == "session_ready"
        first = {"type": "send_message", "message_id": "m1", "payload": {"text": "Can the list be empty?"}}
        await socket.send(json.dumps(first))
        await socket.send(json.dumps(first))  # a retry of the same event: accepted again, silently
        await socket.send(json.dumps({**first, "payload": {"text": "Something else"}}))
        await socket.send(json.dumps({"type": "heartbeat"}))
        received = []
        while not received or received[-1]["type"] != "heartbeat_ack":
            received.append(await receive(socket))
        # The candidate's words come back through the bus (logged once, retry or not), at their own pace.
        if not any(e["type"] == "candidate_message" for e in received):
            received.append(await receive(socket))
        errors = [e for e in received if e["type"] == "error"]
        assert [(e["payload"]["code"], e["payload"]["ref_message_id"]) for e in errors] == [("duplicate_message_id", "m1")]
        said = [e for e in received if e["type"] == "candidate_message"]
        assert [(e["seq"], e["payload"]["text"]) for e in said] == [(1, "Can the list be empty?")]
