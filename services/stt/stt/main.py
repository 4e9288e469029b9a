"""stt: `python -m stt.main`. Speech recognition of the candidate's microphone. Scale by running more
replicas (they share utterances through Redis: `REDIS_URL`)."""

import asyncio

from runtime.broker import configure_logging, create_broker
from runtime.observability import start_observability
from runtime.worker import WorkerRuntime

from .handlers import build_router
from .listening import Listener
from .recognizer import WhisperRecognizer
from .settings import SttSettings
from .store import MemoryUtteranceStore, RedisUtteranceStore
from .utterance import Transcriber

settings = SttSettings()
broker = create_broker(settings, logger_name="stt")
runtime = WorkerRuntime(kind="stt", broker=broker, settings=settings)
utterances = (RedisUtteranceStore.from_url(settings.redis_url, settings.stt_utterance_ttl_s) if settings.redis_url
              else MemoryUtteranceStore(settings.stt_utterance_ttl_s))
recognizers: list[WhisperRecognizer] = []


class LazyRecognizer:
    """The model loads at start-up (not at import, so the AsyncAPI document can be built without it)."""

    def recognize(self, audio, prompt=""):
        return recognizers[0].recognize(audio, prompt)


listener = Listener(runtime=runtime, utterances=utterances,
                    transcriber=Transcriber(LazyRecognizer(), settings.endpointing()))
broker.include_router(build_router(listener))


async def load_model() -> None:
    def load() -> WhisperRecognizer:
        recognizer = WhisperRecognizer(settings.stt_model_path, device=settings.stt_device,
                                       compute_type=settings.stt_compute_type, cpu_threads=settings.stt_cpu_threads,
                                       language=settings.stt_language, beam_size=settings.stt_beam_size)
        recognizer.warm_up()
        return recognizer

    recognizers.append(await asyncio.to_thread(load))


app = runtime.app(on_startup=[load_model], on_shutdown=[utterances.aclose])

if __name__ == "__main__":
    start_observability("mockmind-stt")
    configure_logging(settings.log_level)
    asyncio.run(app.run())
