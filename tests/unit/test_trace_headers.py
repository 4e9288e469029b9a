"""With tracing off, the bus middleware writes and reads the trace ids itself (see `runtime.tracing`):
in the same headers ddtrace uses, so either side may be a service that traces for real."""

import pytest

from runtime.observability import Context, HTTPPropagator, tracer
from runtime.tracing import extract_trace, inject_trace

TRACE_ID = 0x6B09405A00000000BC80B01729341493  # 128 bits, as ddtrace makes them


@pytest.fixture(autouse=True)
def tracing_off():
    was, tracer.enabled = tracer.enabled, False
    yield
    tracer.enabled = was


def span_in_trace():
    return tracer.start_span("rabbitmq.publish", child_of=Context(trace_id=TRACE_ID, span_id=1))


def test_the_ids_travel_in_datadog_and_w3c_headers():
    span, headers = span_in_trace(), {}
    inject_trace(span, headers)
    assert headers == {
        "x-datadog-trace-id": str(TRACE_ID & (2**64 - 1)),
        "x-datadog-parent-id": str(span.span_id),
        "x-datadog-tags": "_dd.p.tid=6b09405a00000000",
        "traceparent": f"00-6b09405a00000000bc80b01729341493-{span.span_id:016x}-01",
    }
    upstream = extract_trace(headers)
    assert (upstream.trace_id, upstream.span_id) == (TRACE_ID, span.span_id)


def test_headers_from_a_service_that_traces_are_read():
    span, headers = span_in_trace(), {}
    HTTPPropagator.inject(span, headers)  # ddtrace's own propagator, as a traced service sends them
    assert "tracestate" in headers
    upstream = extract_trace(headers)
    assert (upstream.trace_id, upstream.span_id) == (TRACE_ID, span.span_id)
    headers.pop("traceparent")  # Datadog's headers alone carry the whole id too
    upstream = extract_trace(headers)
    assert (upstream.trace_id, upstream.span_id) == (TRACE_ID, span.span_id)


def test_a_service_that_traces_reads_these_headers():
    span, headers = span_in_trace(), {}
    inject_trace(span, headers)
    upstream = HTTPPropagator.extract(headers)
    assert (upstream.trace_id, upstream.span_id) == (TRACE_ID, span.span_id)


@pytest.mark.parametrize("headers", [
    {},
    {"traceparent": "garbage"},
    {"traceparent": "00-zz09405a00000000bc80b01729341493-438a371d48b3fe54-01"},
    {"traceparent": "00-00000000000000000000000000000000-438a371d48b3fe54-01"},
    {"x-datadog-trace-id": "12", "x-datadog-parent-id": "not a number"},
    {"x-datadog-trace-id": 12},
])
def test_headers_without_a_usable_trace_start_a_new_one(headers):
    assert extract_trace(headers).trace_id is None
