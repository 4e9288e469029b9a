"""Ask the sandbox worker to judge code and wait for its verdict (RabbitMQ direct reply-to)."""

from faststream.rabbit import RabbitBroker

from contracts.bus import SandboxRunCompleted, SandboxRunRequested
from contracts.sandbox import SandboxRequest, SandboxResult, Verdict
from contracts.topology import COMMANDS, RoutingKey


async def run_in_sandbox(
    broker: RabbitBroker, session_id: str, request: SandboxRequest, *, timeout_s: float
) -> SandboxResult:
    command = SandboxRunRequested(session_id=session_id, request=request)
    try:
        reply = await broker.request(
            command,
            exchange=COMMANDS,
            routing_key=RoutingKey.SANDBOX_RUN,
            message_id=command.message_id,
            timeout=timeout_s,
        )
    except TimeoutError:
        return SandboxResult(verdict=Verdict.INTERNAL_ERROR, message=f"no sandbox answered within {timeout_s:.0f} s")
    return SandboxRunCompleted.model_validate_json(reply.body).result
