"""The Bedrock provider through botocore's Stubber (aiobotocore's AioStubber): every request is validated
against the real bedrock-runtime service model and compared with the exact parameters we expect, and the
recorded responses (text, tool_use, max_tokens, throttling) are validated against the output shapes."""

import contextlib

import aioboto3
import pytest
from aiobotocore.stub import AioStubber
from botocore.exceptions import EventStreamError, ParamValidationError
from botocore.validate import validate_parameters

from interviewer_agent.loop import AgentLoop, ToolOutcome
from interviewer_agent.providers.base import ModelRequest, ProviderError
from interviewer_agent.providers.bedrock import BedrockProvider, converse_arguments
from interviewer_agent.settings import DEFAULT_INTERVIEWER_MODEL
from interviewer_agent.tool_registry import TOOL_SPECS

from .fakes import RecordingSink, ScriptedContext, state

MODEL = DEFAULT_INTERVIEWER_MODEL


class RecordedEventStream(dict):
    """A ConverseStream `stream` member. It is a dict so the Stubber's response validation accepts it,
    and each recorded event is itself validated against its member of the service's event-stream shape."""

    def __init__(self, events: list[dict], shape, fail_with: Exception | None = None):
        super().__init__()
        for event in events:
            (name, body), = event.items()
            validate_parameters(body, shape.members[name])
        self.events = events
        self.fail_with = fail_with
        self.closed = False

    def close(self) -> None:  # as botocore's EventStream: closes the HTTP body
        self.closed = True

    async def __aiter__(self):
        for event in self.events:
            yield event
        if self.fail_with is not None:
            raise self.fail_with


@pytest.fixture
async def bedrock_client():
    session = aioboto3.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")
    async with session.client("bedrock-runtime") as client:
        yield client


@pytest.fixture
def stubber(bedrock_client):
    with AioStubber(bedrock_client) as stub:
        yield stub
        stub.assert_no_pending_responses()


@pytest.fixture
def stream_shape(bedrock_client):
    return bedrock_client.meta.service_model.operation_model("ConverseStream").output_shape.members["stream"]


def request(messages=None) -> ModelRequest:
    return ModelRequest(system="You are an interviewer.", messages=messages or [
        {"role": "user", "content": [{"text": "[The candidate has joined.]"}]}], tools=TOOL_SPECS, state=state())


def expected_params(req: ModelRequest) -> dict:
    return converse_arguments(MODEL, req, max_tokens=1024, temperature=0.5)


def text_events(text: str, stop_reason: str = "end_turn") -> list[dict]:
    half = len(text) // 2
    return [
        {"messageStart": {"role": "assistant"}},
        {"contentBlockDelta": {"contentBlockIndex": 0, "delta": {"text": text[:half]}}},
        {"contentBlockDelta": {"contentBlockIndex": 0, "delta": {"text": text[half:]}}},
        {"contentBlockStop": {"contentBlockIndex": 0}},
        {"messageStop": {"stopReason": stop_reason}},
        {"metadata": {"usage": {"inputTokens": 100, "outputTokens": 12, "totalTokens": 112},
                      "metrics": {"latencyMs": 250}}},
    ]


def tool_use_events(tool_use_id: str, name: str, input_json: str) -> list[dict]:
    return [
        {"messageStart": {"role": "assistant"}},
        {"contentBlockDelta": {"contentBlockIndex": 0, "delta": {"text": "Let me check."}}},
        {"contentBlockStop": {"contentBlockIndex": 0}},
        {"contentBlockStart": {"contentBlockIndex": 1, "start": {"toolUse": {"toolUseId": tool_use_id, "name": name}}}},
        {"contentBlockDelta": {"contentBlockIndex": 1, "delta": {"toolUse": {"input": input_json[:5]}}}},
        {"contentBlockDelta": {"contentBlockIndex": 1, "delta": {"toolUse": {"input": input_json[5:]}}}},
        {"contentBlockStop": {"contentBlockIndex": 1}},
        {"messageStop": {"stopReason": "tool_use"}},
    ]


def provider(client, **kwargs) -> BedrockProvider:
    return BedrockProvider(model_id=MODEL, client=client, **kwargs)


async def collect(bedrock: BedrockProvider, req: ModelRequest) -> list[dict]:
    return [event async for event in bedrock.stream(req)]


async def test_streams_text_from_a_request_valid_for_the_service_model(bedrock_client, stubber, stream_shape):
    req = request()
    stubber.add_response("converse_stream", {"stream": RecordedEventStream(text_events("Hi, I'm your interviewer."),
                                                                           stream_shape)}, expected_params(req))
    events = await collect(provider(bedrock_client), req)
    text = "".join(e["contentBlockDelta"]["delta"]["text"] for e in events if "contentBlockDelta" in e)
    assert text == "Hi, I'm your interviewer."
    assert events[-2] == {"messageStop": {"stopReason": "end_turn"}}


async def test_closing_the_stream_mid_reply_closes_bedrocks_event_stream(bedrock_client, stubber, stream_shape):
    """A barge-in closes the turn's stream: Bedrock's HTTP body is closed too, so the model stops writing."""
    req = request()
    recorded = RecordedEventStream(text_events("First sentence. Second sentence."), stream_shape)
    stubber.add_response("converse_stream", {"stream": recorded}, expected_params(req))
    stream = provider(bedrock_client).stream(req)
    async with contextlib.aclosing(stream):
        async for event in stream:
            if "contentBlockDelta" in event:
                break
    assert recorded.closed


async def test_a_whole_tool_turn_round_trips_in_bedrock_format(bedrock_client, stubber, stream_shape):
    """Turn 1 asks for get_hint; turn 2's request must carry the toolUse and a user toolResult turn."""
    first = request()
    stubber.add_response("converse_stream", {"stream": RecordedEventStream(
        tool_use_events("tooluse_1", "get_hint", "{}"), stream_shape)}, expected_params(first))
    second_messages = [
        *first.messages,
        {"role": "assistant", "content": [{"text": "Let me check."},
                                          {"toolUse": {"toolUseId": "tooluse_1", "name": "get_hint", "input": {}}}]},
        {"role": "user", "content": [{"toolResult": {"toolUseId": "tooluse_1", "content": [
            {"json": {"level": 1, "hint": "Think about what you have seen.", "hints_remaining": 2}}],
            "status": "success"}}]},
    ]
    stubber.add_response("converse_stream", {"stream": RecordedEventStream(
        text_events("Here's a hint."), stream_shape)}, expected_params(request(second_messages)))

    context = ScriptedContext(results={"get_hint": ToolOutcome(
        {"level": 1, "hint": "Think about what you have seen.", "hints_remaining": 2})})
    context.system = "You are an interviewer."
    sink = RecordingSink()
    result = await AgentLoop(provider(bedrock_client)).run_turn(first.messages, context, sink)
    assert result.tools_called == ["get_hint"] and result.stop_reason == "end_turn"
    assert sink.spoken == ["Let me check.", "Here's a hint."]


async def test_max_tokens_is_reported_as_the_stop_reason(bedrock_client, stubber, stream_shape):
    req = request()
    stubber.add_response("converse_stream", {"stream": RecordedEventStream(
        text_events("The constraints say that", "max_tokens"), stream_shape)}, expected_params(req))
    events = await collect(provider(bedrock_client), req)
    assert {"messageStop": {"stopReason": "max_tokens"}} in events


async def test_throttling_is_a_retryable_error_and_the_loop_retries_it(bedrock_client, stubber, stream_shape):
    req = request()
    stubber.add_client_error("converse_stream", "ThrottlingException", "Too many requests", 429,
                             expected_params=expected_params(req))
    stubber.add_response("converse_stream", {"stream": RecordedEventStream(text_events("Hello there."), stream_shape)},
                         expected_params(req))
    sleeps = []

    async def record_sleep(seconds):
        sleeps.append(seconds)

    context = ScriptedContext()
    context.system = "You are an interviewer."
    sink = RecordingSink()
    result = await AgentLoop(provider(bedrock_client), sleep=record_sleep).run_turn(req.messages, context, sink)
    assert result.error is None and sink.spoken == ["Hello there."]
    assert sleeps == [0.5]


async def test_throttling_inside_the_stream_is_retryable_too(bedrock_client, stubber, stream_shape):
    throttled = EventStreamError({"Error": {"Code": "throttlingException", "Message": "slow down"}}, "ConverseStream")
    req = request()
    stubber.add_response("converse_stream", {"stream": RecordedEventStream(
        [{"messageStart": {"role": "assistant"}}], stream_shape, fail_with=throttled)}, expected_params(req))
    with pytest.raises(ProviderError) as raised:
        await collect(provider(bedrock_client), req)
    assert raised.value.retryable


async def test_a_validation_error_is_not_retried(bedrock_client, stubber):
    req = request()
    stubber.add_client_error("converse_stream", "ValidationException", "bad model id", 400,
                             expected_params=expected_params(req))
    with pytest.raises(ProviderError) as raised:
        await collect(provider(bedrock_client), req)
    assert not raised.value.retryable and "ValidationException" in str(raised.value)


async def test_non_streaming_converse_is_replayed_as_stream_events(bedrock_client, stubber):
    req = request()
    stubber.add_response("converse", {
        "output": {"message": {"role": "assistant", "content": [
            {"text": "Let me pick a problem."},
            {"toolUse": {"toolUseId": "tooluse_9", "name": "get_question", "input": {}}}]}},
        "stopReason": "tool_use",
        "usage": {"inputTokens": 50, "outputTokens": 20, "totalTokens": 70},
        "metrics": {"latencyMs": 300},
    }, expected_params(req))
    events = await collect(provider(bedrock_client, streaming=False), req)
    starts = [e["contentBlockStart"]["start"]["toolUse"]["name"] for e in events if "contentBlockStart" in e]
    assert starts == ["get_question"]
    assert {"messageStop": {"stopReason": "tool_use"}} in events


async def test_a_malformed_message_is_refused_by_the_service_model(bedrock_client, stream_shape):
    """The Stubber path validates requests: a toolResult without its toolUseId cannot be sent."""
    bad = request([{"role": "user", "content": [{"toolResult": {"content": [{"json": {}}]}}]}])
    stubber = AioStubber(bedrock_client)
    stubber.activate()
    stubber.add_response("converse_stream", {"stream": RecordedEventStream(text_events("never sent"), stream_shape)})
    with pytest.raises(ProviderError, match="Parameter validation failed") as raised:
        await collect(provider(bedrock_client), bad)
    assert isinstance(raised.value.__cause__, ParamValidationError)
