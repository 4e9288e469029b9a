"""The tts handler's write path with FastStream's in-memory `TestRabbitBroker` (a real broker adds nothing
here) and a real SQLite store: a spoken sentence is stored once by content, the event log keeps its URL
only, and the live event also carries the audio inline."""

import base64

import pytest
from faststream.rabbit import RabbitBroker, TestRabbitBroker

from contracts.bus import SpeechRequested
from contracts.events import ServerEventType
from contracts.topology import COMMANDS, EVENTS, RoutingKey
from runtime.topology import rabbit_exchange
from runtime.worker import StoreSettings, WorkerRuntime
from tts.cache import MemoryAudioCache
from tts.handlers import build_router
from tts.synthesizer import Synthesizer


class FixedEngine:
    name, format, voice = "fake", "mp3", "v1"

    async def synthesize(self, text: str) -> bytes:
        return f"mp3 of {text}".encode()

    async def warm_up(self) -> None: ...

    async def aclose(self) -> None: ...


@pytest.fixture
async def runtime(sqlite_url):
    broker = RabbitBroker()
    runtime = WorkerRuntime(kind="tts", broker=broker, settings=StoreSettings(database_url=sqlite_url))
    broker.include_router(build_router(runtime, Synthesizer(FixedEngine(), MemoryAudioCache(ttl_s=60))))
    await runtime.open()
    yield runtime
    await runtime.close()


async def test_a_sentence_is_kept_once_and_logged_by_url(runtime):
    session = await runtime.store.create_session(difficulty="easy", language="python")
    live = []

    @runtime.broker.subscriber(RoutingKey.session_events("*"), rabbit_exchange(EVENTS))
    async def gateway(event: dict) -> None:
        live.append(event)

    async with TestRabbitBroker(runtime.broker) as broker:
        for index, text in enumerate(["Hello there.", "Hello there."]):  # the same sentence twice
            await broker.publish(SpeechRequested(session_id=session.id, turn_id="t1", index=index, text=text),
                                 exchange=rabbit_exchange(COMMANDS), routing_key=RoutingKey.SPEECH_REQUESTED)

    logged = await runtime.store.events_after(session.id, 0)
    assert [e.type for e in logged] == [ServerEventType.VOICE_AUDIO] * 2
    urls = {e.payload["url"] for e in logged}
    assert len(urls) == 1 and not any(e.payload.get("audio_b64") for e in logged)
    clip = await runtime.store.audio.get(urls.pop().rsplit("/", 1)[1])
    assert clip.data == b"mp3 of Hello there." and clip.format == "mp3"
    assert [base64.b64decode(e["payload"]["audio_b64"]) for e in live] == [clip.data] * 2
    assert [e["seq"] for e in live] == [1, 2]
