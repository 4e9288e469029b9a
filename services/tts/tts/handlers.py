"""Bus subscriber: one `SpeechRequested` sentence in, one `voice_audio` server event out."""

import base64

from contracts.bus import SpeechRequested
from contracts.events import ServerEventType, VoiceAudioPayload
from contracts.topology import COMMANDS, TTS_REQUESTS
from faststream.rabbit import RabbitRouter
from runtime.worker import WorkerRuntime

from .synthesizer import Synthesizer


def build_router(runtime: WorkerRuntime, synthesizer: Synthesizer) -> RabbitRouter:
    router = RabbitRouter()

    @router.subscriber(TTS_REQUESTS, COMMANDS, title="tts.requests")
    async def speak(command: SpeechRequested) -> None:
        """Synthesize one sentence of an interviewer turn, unless the candidate muted the voice."""
        session = await runtime.store.get_session(command.session_id)
        if session.agent_state.get("voice_muted"):
            return
        audio = await synthesizer.speak(command.text)
        if audio is None:
            return
        await runtime.events.emit(
            command.session_id,
            ServerEventType.VOICE_AUDIO,
            VoiceAudioPayload(
                turn_id=command.turn_id,
                index=command.index,
                format=audio.format,
                audio_b64=base64.b64encode(audio.data).decode(),
                text=audio.text,
            ),
        )

    return router
