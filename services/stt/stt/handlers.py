"""Bus subscriber: microphone audio in; partial and final transcripts, and the candidate's turn, out."""

from faststream.rabbit import RabbitRouter

from contracts.bus import UtteranceAudio
from contracts.topology import COMMANDS, STT_AUDIO
from runtime.topology import rabbit_exchange, rabbit_queue

from .listening import Listener


def build_router(listener: Listener) -> RabbitRouter:
    router = RabbitRouter()

    @router.subscriber(rabbit_queue(STT_AUDIO), rabbit_exchange(COMMANDS), title="stt.audio")
    async def hear(command: UtteranceAudio) -> None:
        """One chunk of a candidate's utterance (or its end): recognise what was said so far."""
        await listener.hear(command)

    return router
