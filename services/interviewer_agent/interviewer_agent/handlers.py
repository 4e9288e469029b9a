"""Bus subscriber of the interviewer agent: one candidate turn per message."""

from faststream.rabbit import RabbitRouter

from contracts.bus import TurnRequested, VoiceCut
from contracts.topology import COMMANDS, INTERVIEWER_TURNS, VOICE_CUTS, interviewer_voice_cuts_queue
from runtime.topology import rabbit_exchange, rabbit_queue

from .turns import TurnHandler


def build_router(turns: TurnHandler, instance_id: str) -> RabbitRouter:
    router = RabbitRouter()

    @router.subscriber(rabbit_queue(interviewer_voice_cuts_queue(instance_id)), rabbit_exchange(VOICE_CUTS),
                       title="interviewer.<instance>.voice-cuts")
    async def yield_turn(cut: VoiceCut) -> None:
        """Barge-in: the candidate talked over this reply; the replica running its turn stops it there."""
        turns.cut(cut.turn_id)

    @router.subscriber(rabbit_queue(INTERVIEWER_TURNS), rabbit_exchange(COMMANDS), title="interviewer.turns")
    async def take_turn(command: TurnRequested) -> None:
        """Answer what the candidate just did: a message, spoken words, a code run or a snapshot."""
        await turns.handle(command)

    return router
