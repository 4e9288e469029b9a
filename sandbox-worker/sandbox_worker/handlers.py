"""Bus subscriber: judge one submission per message and reply with the verdict."""

import logging
import time

from faststream.rabbit import RabbitRouter

from contracts.bus import SandboxRunCompleted, SandboxRunRequested
from contracts.topology import COMMANDS, SANDBOX_RUNS
from runtime import metrics
from runtime.observability import tracer
from runtime.topology import rabbit_exchange, rabbit_queue

from .judge import judge

router = RabbitRouter()
log = logging.getLogger("sandbox-worker")


@router.subscriber(rabbit_queue(SANDBOX_RUNS), rabbit_exchange(COMMANDS), title="sandbox.runs")
async def run_submission(command: SandboxRunRequested) -> SandboxRunCompleted:
    """Judge the code; the reply goes to the requester's reply-to queue."""
    language = command.request.language.value
    log.info("judging run %s (%s) of session %s", command.run_id, language, command.session_id)
    with tracer.trace("sandbox.run", resource=language) as span:
        started = time.perf_counter()
        result = await judge(command.request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        span.set_tags({"session_id": command.session_id, "language": language, "verdict": result.verdict.value,
                       "tests.passed": result.passed, "tests.total": result.total})
        span.set_metric("time_ms", elapsed_ms)  # the whole judgement, compiling and every test
        span.set_metric("code_time_ms", result.time_ms)  # the candidate's code only
    metrics.histogram("mockmind.sandbox.run_ms", elapsed_ms, tags=[f"language:{language}",
                                                                   f"verdict:{result.verdict.value}"])
    return SandboxRunCompleted(session_id=command.session_id, run_id=command.run_id, result=result)
