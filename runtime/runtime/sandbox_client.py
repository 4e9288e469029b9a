"""Ask the sandbox worker to judge code and wait for its verdict (a request, see `runtime.broker`)."""

from faststream.rabbit import RabbitBroker

from contracts.bus import SandboxRunCompleted, SandboxRunRequested
from contracts.sandbox import SandboxRequest, SandboxResult, Verdict
from contracts.topology import RoutingKey

from .broker import command_publisher
from .tracing import request_reply


class SandboxClient:
    def __init__(self, broker: RabbitBroker):
        self.publisher = command_publisher(broker, RoutingKey.SANDBOX_RUN, SandboxRunRequested, persist=False)

    async def run(self, session_id: str, sandbox_request: SandboxRequest, *, timeout_s: float) -> SandboxResult:
        command = SandboxRunRequested(session_id=session_id, request=sandbox_request)
        try:
            reply = await request_reply(self.publisher, command, message_id=command.message_id, timeout=timeout_s)
        except TimeoutError:
            return SandboxResult(verdict=Verdict.INTERNAL_ERROR,
                                 message=f"no sandbox answered within {timeout_s:.0f} s")
        return SandboxRunCompleted.model_validate_json(reply.body).result
