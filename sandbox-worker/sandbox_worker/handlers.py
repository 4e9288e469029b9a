"""Bus subscriber: judge one submission per message and reply with the verdict."""

from faststream.rabbit import RabbitRouter

from contracts.bus import SandboxRunCompleted, SandboxRunRequested
from contracts.topology import COMMANDS, SANDBOX_RUNS

from .judge import judge

router = RabbitRouter()


@router.subscriber(SANDBOX_RUNS, COMMANDS, title="sandbox.runs")
async def run_submission(command: SandboxRunRequested) -> SandboxRunCompleted:
    """Judge the code; the reply goes to the requester's reply-to queue."""
    result = await judge(command.request)
    return SandboxRunCompleted(session_id=command.session_id, run_id=command.run_id, result=result)
