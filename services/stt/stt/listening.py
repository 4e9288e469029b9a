"""What the bus handler calls for each chunk: store it, then (holding the utterance's lock) advance the
utterance and send what changed — a partial transcript, or the final one and the candidate's turn."""

import asyncio
import base64
import hashlib
import io
import logging
import time
import wave
from dataclasses import dataclass
from datetime import timedelta

import numpy as np

from contracts.base import derive_ids_from, reset_id_scope, session_scoped_id, utc_now
from contracts.bus import CandidateMessageAction, TurnRequested, UtteranceAudio
from contracts.events import (
    AUDIO_SAMPLE_RATE,
    CandidateMessagePayload,
    ServerEventType,
    TranscriptFinalPayload,
    TranscriptPartialPayload,
    server_event,
)
from contracts.topology import RoutingKey
from persistence.record import audio_url
from persistence.store import MessageIdReused
from runtime.broker import command_publisher
from runtime.reliability import Deferred
from runtime.worker import WorkerRuntime

from .store import UtteranceKey, UtteranceStore, new_owner
from .utterance import Transcriber, UtteranceState

log = logging.getLogger("stt")


@dataclass(frozen=True)
class ListeningRules:
    lock_ttl_s: float = 6.0  # renewed while a replica works; after a crash another takes over this soon
    late_chunks_wait_s: float = 2.0  # after `audio_end`, how long missing chunks are waited for


def wav(pcm: bytes) -> bytes:
    """16 kHz mono int16 PCM as a WAV file, which every browser plays."""
    out = io.BytesIO()
    with wave.open(out, "wb") as file:
        file.setnchannels(1)
        file.setsampwidth(2)
        file.setframerate(AUDIO_SAMPLE_RATE)
        file.writeframes(pcm)
    return out.getvalue()


class Listener:
    def __init__(self, *, runtime: WorkerRuntime, utterances: UtteranceStore, transcriber: Transcriber,
                 rules: ListeningRules = ListeningRules()):
        self.runtime = runtime  # its store and event log open at start-up
        self.turns = command_publisher(runtime.broker, RoutingKey.TURN_REQUESTED, TurnRequested)
        self.utterances = utterances
        self.transcriber = transcriber
        self.rules = rules
        self._recognition = asyncio.Lock()  # one recognition at a time per replica: it uses the cores

    async def hear(self, command: UtteranceAudio) -> None:
        key = UtteranceKey(command.session_id, command.utterance_id)
        if command.ended:
            await self.utterances.mark_ended(key, command.chunk_count)
        else:
            pcm = base64.b64decode(command.pcm16_b64)
            started_at = command.received_at - timedelta(seconds=len(pcm) / 2 / AUDIO_SAMPLE_RATE)
            await self.utterances.add_chunk(key, command.seq, pcm, coding=command.coding, started_at=started_at,
                                            keep_audio=command.keep_audio)
        owner = new_owner()
        if not await self.utterances.try_lock(key, owner, self.rules.lock_ttl_s):
            raise Deferred()  # another replica is on this utterance; it sees this chunk, or we come back
        renewing = asyncio.create_task(self._keep_lock(key, owner))
        try:
            await self._advance(key)
        finally:
            renewing.cancel()
            await self.utterances.unlock(key, owner)

    async def _keep_lock(self, key: UtteranceKey, owner: str) -> None:
        while True:
            await asyncio.sleep(self.rules.lock_ttl_s / 3)
            await self.utterances.extend_lock(key, owner, self.rules.lock_ttl_s)

    async def _advance(self, key: UtteranceKey) -> None:
        saved = await self.utterances.load_state(key)
        if saved is None:
            log.info("hearing utterance %s of session %s", key.utterance_id, key.session_id)
        state = UtteranceState.from_dict(saved) if saved else UtteranceState()
        if state.delivered:
            return  # a chunk that came after the final: the client had not yet started a new utterance
        audio = await self.utterances.assembled(key)
        if audio.ended_at is not None and not audio.complete \
                and time.time() - audio.ended_at < self.rules.late_chunks_wait_s:
            raise Deferred()  # chunks still on their way to another replica
        samples = np.frombuffer(audio.pcm, dtype="<i2")
        async with self._recognition:
            outcome = await asyncio.to_thread(self.transcriber.advance, state, samples,
                                              complete=audio.ended_at is not None, coding=audio.coding)
        await self.utterances.save_state(key, state.to_dict())  # before anything is sent: a redo resends it
        if outcome.final is not None:
            log.info("final transcript of utterance %s: %d words", key.utterance_id, len(outcome.final["words"]))
            await self._deliver(key, outcome.final, audio.started_at or utc_now(),
                                kept_pcm=audio.pcm if audio.keep_audio else None)
            state.delivered = True
            await self.utterances.save_state(key, state.to_dict())
        elif outcome.partial is not None:
            await self._publish_partial(key, outcome.partial)

    async def _publish_partial(self, key: UtteranceKey, text: str) -> None:
        """Partials are not logged: they are superseded within a second, and a resumed socket needs none."""
        event = server_event(key.session_id, ServerEventType.TRANSCRIPT_PARTIAL,
                             TranscriptPartialPayload(utterance_id=key.utterance_id, text=text))
        await self.runtime.events.publisher.publish(event, routing_key=RoutingKey.session_events(key.session_id),
                                                    message_id=event.message_id)

    async def _deliver(self, key: UtteranceKey, final: dict, started_at, kept_pcm: bytes | None = None) -> None:
        """The final transcript (logged, so the report can measure it), then the candidate's turn, exactly as
        `send_voice` makes one. Ids derive from the utterance, so whichever replica (re)does this, the event
        and the turn exist once. `kept_pcm`: the utterance's audio, when the candidate opted in to keeping it."""
        scope = derive_ids_from(session_scoped_id(key.session_id, f"utterance:{key.utterance_id}"))
        try:
            payload = TranscriptFinalPayload(utterance_id=key.utterance_id, started_at=started_at, **final)
            await self.runtime.events.emit(key.session_id, ServerEventType.TRANSCRIPT_FINAL, payload)
            if payload.text and not payload.backchannel:
                await self._take_turn(key, payload.text, final.get("confidence", 1.0), kept_pcm)
        finally:
            reset_id_scope(scope)

    async def _take_turn(self, key: UtteranceKey, text: str, confidence: float, kept_pcm: bytes | None) -> None:
        store = self.runtime.store
        client_id = session_scoped_id(key.session_id, f"utterance:{key.utterance_id}")
        digest = hashlib.sha256(f"utterance:{text}".encode()).hexdigest()
        try:
            number = await store.admit_client_event(key.session_id, client_id, digest, numbered=True)
        except MessageIdReused:
            log.error("utterance %s of session %s was already a turn with other words", key.utterance_id,
                      key.session_id)
            return
        # In the record as typed words are (`gateway.websocket._record`): the timeline's transcript has it.
        # Their voice, if they opted in: once by content, in the store the interviewer's audio is in.
        url = audio_url(await store.audio.keep(wav(kept_pcm), "wav")) if kept_pcm else None
        words = CandidateMessagePayload(text=text, spoken=True, ref_message_id=key.utterance_id, audio_url=url)
        logged = server_event(key.session_id, ServerEventType.CANDIDATE_MESSAGE, words)
        await self.runtime.events.record(
            logged.model_copy(update={"message_id": session_scoped_id(key.session_id, f"record:{client_id}")}))
        command = TurnRequested(
            message_id=session_scoped_id(key.session_id, client_id), session_id=key.session_id, turn_number=number,
            action=CandidateMessageAction(text=text, spoken=True, confidence=min(1.0, max(0.0, confidence))),
        )
        await self.turns.publish(command, message_id=command.message_id)
        await store.note_turn_published(key.session_id, number)

