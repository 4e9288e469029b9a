"""Bus subscriber: one `SpeechRequested` sentence in, one `voice_audio` server event out."""

import base64

from faststream.rabbit import RabbitRouter

from contracts.bus import SpeechRequested, SynthesisCompleted, SynthesisRequested
from contracts.events import ServerEventType, VoiceAudioPayload
from contracts.topology import COMMANDS, TTS_REQUESTS, TTS_SYNTHESIS
from runtime.observability import Span, tracer
from runtime.worker import WorkerRuntime

from .synthesizer import SpokenAudio, Synthesizer


def _tag_speech(span: Span, text: str, audio: SpokenAudio | None) -> None:
    span.set_metric("chars", len(text))
    if audio is not None:
        span.set_tags({"engine": audio.engine, "voice": audio.voice, "format": audio.format})
        span.set_metric("audio_bytes", len(audio.data))


def build_router(runtime: WorkerRuntime, synthesizer: Synthesizer) -> RabbitRouter:
    router = RabbitRouter()

    @router.subscriber(TTS_REQUESTS, COMMANDS, title="tts.requests")
    async def speak(command: SpeechRequested) -> None:
        """Synthesize one sentence of an interviewer turn, unless the candidate muted the voice."""
        session = await runtime.store.get_session(command.session_id)
        if session.voice_muted:
            return
        runtime.log.info("speaking sentence %d of turn %s", command.index, command.turn_id)
        with tracer.trace("tts.synthesize", resource="speak") as span:
            audio = await synthesizer.speak(command.text)
            _tag_speech(span, command.text, audio)
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

    @router.subscriber(TTS_SYNTHESIS, COMMANDS, title="tts.synthesis")
    async def synthesize(command: SynthesisRequested) -> SynthesisCompleted:
        """Speak arbitrary text for `POST /api/voice/tts`; the audio comes back as the reply."""
        reply = lambda **fields: SynthesisCompleted(session_id=command.session_id, **fields)  # noqa: E731
        if command.voice and command.voice.lower() != synthesizer.engine.voice.lower():
            return reply(error=f"voice {command.voice!r} is not available; this deployment speaks with {synthesizer.engine.voice!r}")
        with tracer.trace("tts.synthesize", resource="http") as span:
            audio = await synthesizer.speak(command.text)
            _tag_speech(span, command.text, audio)
        if audio is None:
            return reply(error="nothing speakable in the text")
        return reply(format=audio.format, audio_b64=base64.b64encode(audio.data).decode())

    return router
