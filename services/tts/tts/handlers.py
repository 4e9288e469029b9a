"""Bus subscriber: one `SpeechRequested` sentence in, one `voice_audio` server event out."""

import base64
from collections import OrderedDict

from faststream.rabbit import RabbitRouter

from contracts.bus import SpeechRequested, SynthesisCompleted, SynthesisRequested, VoiceCut
from contracts.events import ServerEventType, VoiceAudioPayload, server_event
from contracts.topology import COMMANDS, TTS_REQUESTS, TTS_SYNTHESIS, VOICE_CUTS, tts_voice_cuts_queue
from persistence.record import audio_url
from runtime.observability import Span, tracer
from runtime.topology import rabbit_exchange, rabbit_queue
from runtime.worker import WorkerRuntime

from .audio_length import duration_ms
from .synthesizer import SpokenAudio, Synthesizer


def _tag_speech(span: Span, text: str, audio: SpokenAudio | None) -> None:
    span.set_metric("chars", len(text))
    if audio is not None:
        span.set_tags({"engine": audio.engine, "voice": audio.voice, "format": audio.format})
        span.set_metric("audio_bytes", len(audio.data))


class CutTurns:
    """Replies the candidate talked over (barge-in), remembered for the last `size` of them."""

    def __init__(self, size: int = 1000):
        self.size = size
        self._turns: OrderedDict[str, None] = OrderedDict()

    def add(self, turn_id: str) -> None:
        self._turns[turn_id] = None
        while len(self._turns) > self.size:
            self._turns.popitem(last=False)

    def __contains__(self, turn_id: str) -> bool:
        return turn_id in self._turns


def build_router(runtime: WorkerRuntime, synthesizer: Synthesizer) -> RabbitRouter:
    router = RabbitRouter()
    cut_turns = CutTurns()

    @router.subscriber(rabbit_queue(tts_voice_cuts_queue(runtime.heartbeat.beat.instance_id)),
                       rabbit_exchange(VOICE_CUTS),
                       title="tts.<instance>.voice-cuts")
    async def note_voice_cut(cut: VoiceCut) -> None:
        """The candidate talked over this reply: speak no more of it."""
        cut_turns.add(cut.turn_id)

    @router.subscriber(rabbit_queue(TTS_REQUESTS), rabbit_exchange(COMMANDS), title="tts.requests")
    async def speak(command: SpeechRequested) -> None:
        """Synthesize one sentence of an interviewer turn, unless the candidate muted the voice."""
        if command.turn_id in cut_turns:
            runtime.log.info("not speaking sentence %d of turn %s: the candidate talked over it", command.index,
                             command.turn_id)
            return
        session = await runtime.store.get_session(command.session_id)
        if session.voice_muted:
            return
        runtime.log.info("speaking sentence %d of turn %s", command.index, command.turn_id)
        with tracer.trace("tts.synthesize", resource="speak") as span:
            audio = await synthesizer.speak(command.text)
            _tag_speech(span, command.text, audio)
        if audio is None:
            return
        # The record keeps the audio once, by content, and the log only its URL; the live event carries
        # it inline as well, so the sentence plays without a second round trip.
        key = await runtime.store.audio.keep(audio.data, audio.format)
        spoken = VoiceAudioPayload(turn_id=command.turn_id, index=command.index, format=audio.format,
                                   text=audio.text, url=audio_url(key),
                                   duration_ms=duration_ms(audio.format, audio.data))
        await runtime.events.record(
            server_event(command.session_id, ServerEventType.VOICE_AUDIO, spoken),
            live_payload=spoken.model_copy(update={"audio_b64": base64.b64encode(audio.data).decode()})
            .model_dump(mode="json"),
        )

    @router.subscriber(rabbit_queue(TTS_SYNTHESIS), rabbit_exchange(COMMANDS), title="tts.synthesis")
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
