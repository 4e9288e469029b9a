"""Property-based fuzzing of WebSocket frames (hypothesis, bounded): whatever a browser sends after
authenticating — text, JSON of any shape, client events with odd payloads, binary, oversized frames —
it gets `error` events with documented codes, never a stack trace, and the socket stays open."""

import asyncio
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import new_session, open_socket, receive

DOCUMENTED_ERRORS = {"bad_json", "unknown_event_type", "invalid_event", "rate_limited", "bus_unavailable",
                     "duplicate_message_id", "frame_too_large", "unsupported_frame"}
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=20,
)
event_types = st.sampled_from(["start_interview", "send_message", "send_voice", "run_code", "code_snapshot",
                               "request_feedback", "heartbeat", "set_voice", "audio_chunk", "audio_end", "barge_in",
                               "authenticate", "nope", ""])
frames = st.one_of(
    st.text(max_size=200),
    st.binary(max_size=100),
    json_values.map(json.dumps),
    st.builds(lambda t, p, m: json.dumps({"type": t, "payload": p, "message_id": m}), event_types, json_values,
              st.sampled_from(["m1", "m2", ""])),
    st.builds(lambda n: json.dumps({"type": "run_code", "payload": {"code": "x" * n, "language": "python"}}),
              st.sampled_from([70_000, 600_000, 1_500_000])),
)


async def test_fuzzed_frames_get_documented_errors_and_never_drop_the_socket(gateway):
    session_id, token = await new_session(gateway)
    async with await open_socket(gateway, session_id, token) as socket:
        assert (await receive(socket))["type"] == "session_ready"
        sent: list = []

        @given(frame=frames)
        @settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
        def collect(frame):
            sent.append(frame)

        collect()
        for frame in sent:
            await socket.send(frame)
        await asyncio.sleep(1.5)  # let the heartbeat budget refill: fuzzed heartbeats may have spent it
        await socket.send(json.dumps({"type": "heartbeat"}))
        while (event := await receive(socket, timeout=60))["type"] != "heartbeat_ack":
            text = json.dumps(event)
            assert "Traceback" not in text and 'File "/' not in text, text[:300]
            if event["type"] == "error":
                assert event["payload"]["code"] in DOCUMENTED_ERRORS, event
