"""Bus subscriber of the interviewer agent: one candidate turn per message."""

from faststream.rabbit import RabbitRouter

from contracts.bus import TurnRequested
from contracts.topology import COMMANDS, INTERVIEWER_TURNS

from .turns import TurnHandler


def build_router(turns: TurnHandler) -> RabbitRouter:
    router = RabbitRouter()

    @router.subscriber(INTERVIEWER_TURNS, COMMANDS, title="interviewer.turns")
    async def take_turn(command: TurnRequested) -> None:
        """Answer what the candidate just did: a message, spoken words, a code run or a snapshot."""
        await turns.handle(command)

    return router
