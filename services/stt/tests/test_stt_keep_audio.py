"""The candidate's own voice is kept only when they opt in: then each utterance that becomes a turn is
stored once, by content, as WAV in the audio store (`GET /api/audio/{key}`), and its `candidate_message`
carries the URL; otherwise nothing of their audio is stored."""

import base64
import io
import sqlite3
import wave
from datetime import UTC, datetime
from types import SimpleNamespace

import numpy as np
import pytest
from faststream.rabbit import RabbitBroker

from contracts.bus import UtteranceAudio
from contracts.events import ServerEventType
from persistence.store import InterviewStore
from stt.listening import Listener
from stt.store import MemoryUtteranceStore
from stt.utterance import Recognized, Transcriber, Word

CHUNK = 3200  # samples: 200 ms at 16 kHz
SAID = "Can I assume the array is sorted?"


class Scripted:
    """Hears the same question in any speech (the recognition itself is not what is tested here)."""

    def recognize(self, audio: np.ndarray, prompt: str = "") -> Recognized:
        return Recognized(SAID, [Word(w, 200 * i, 200 * i + 180) for i, w in enumerate(SAID.split())])


class Recorded:
    def __init__(self):
        self.events = []
        self.publisher = self  # partial transcripts are published, not logged

    async def publish(self, event, **_):
        self.events.append((event.type, event.payload))

    async def emit(self, session_id, event_type, payload):
        self.events.append((event_type, payload))

    async def record(self, event, **_):
        self.events.append((event.type, event.payload))


class Published:
    def __init__(self):
        self.commands = []

    async def publish(self, command, **_):
        self.commands.append(command)


def speech() -> bytes:
    """Quiet room, a second of a voice-like tone, quiet room: 2.2 s of 16 kHz int16."""
    rng = np.random.default_rng(0)
    quiet = rng.normal(0, 20, CHUNK * 3)
    t = np.arange(CHUNK * 5) / 16_000
    voice = 6000 * np.sin(2 * np.pi * 220 * t) * (1 + 0.5 * np.sin(2 * np.pi * 3 * t))
    return np.concatenate([quiet, voice, quiet[: CHUNK * 3]]).astype("<i2").tobytes()


@pytest.fixture
async def store(sqlite_url):
    store = await InterviewStore.open(sqlite_url)
    yield store
    await store.close()


async def speak(store: InterviewStore, *, keep_audio: bool) -> tuple[list, bytes]:
    session = await store.create_session(difficulty="easy", language="python")
    events = Recorded()
    runtime = SimpleNamespace(store=store, events=events, broker=RabbitBroker())
    listener = Listener(runtime=runtime, utterances=MemoryUtteranceStore(), transcriber=Transcriber(Scripted()))
    listener.turns = Published()
    pcm = speech()
    chunks = [pcm[i:i + CHUNK * 2] for i in range(0, len(pcm), CHUNK * 2)]
    now = datetime.now(UTC)
    for seq, chunk in enumerate(chunks):
        await listener.hear(UtteranceAudio(session_id=session.id, utterance_id="u1", seq=seq, received_at=now,
                                           pcm16_b64=base64.b64encode(chunk).decode(),
                                           keep_audio=keep_audio))
    await listener.hear(UtteranceAudio(session_id=session.id, utterance_id="u1", received_at=now, ended=True,
                                       chunk_count=len(chunks)))
    messages = [payload for kind, payload in events.events if kind == ServerEventType.CANDIDATE_MESSAGE]
    assert len(messages) == 1 and messages[0]["text"] == SAID and len(listener.turns.commands) == 1
    return messages, pcm


def stored_clips(sqlite_url: str) -> list[tuple[str, bytes]]:
    with sqlite3.connect(sqlite_url.split(":///", 1)[1]) as db:
        return db.execute("SELECT format, data FROM audio_clips").fetchall()


async def test_with_the_opt_in_the_utterance_is_kept_once_as_wav_and_the_message_links_it(store, sqlite_url):
    messages, pcm = await speak(store, keep_audio=True)
    url = messages[0]["audio_url"]
    assert url and url.startswith("/api/audio/")
    clip = await store.audio.get(url.rsplit("/", 1)[1])
    assert clip.format == "wav"
    with wave.open(io.BytesIO(clip.data)) as kept:
        assert (kept.getframerate(), kept.getnchannels(), kept.getsampwidth()) == (16_000, 1, 2)
        assert kept.readframes(kept.getnframes()) == pcm
    await speak(store, keep_audio=True)  # the same words and audio again: still one clip
    assert len(stored_clips(sqlite_url)) == 1


async def test_without_the_opt_in_nothing_of_the_candidates_audio_is_stored(store, sqlite_url):
    messages, _ = await speak(store, keep_audio=False)
    assert messages[0]["audio_url"] is None
    assert stored_clips(sqlite_url) == []
