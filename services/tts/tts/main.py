"""tts: `python -m tts.main`. Turns interviewer sentences into `voice_audio` events."""

import asyncio

from runtime.broker import configure_logging, create_broker
from runtime.observability import start_observability
from runtime.worker import StoreSettings, WorkerRuntime

from .handlers import build_router
from .settings import TtsSettings
from .synthesizer import build_synthesizer

settings = StoreSettings()
broker = create_broker(settings, logger_name="tts")
runtime = WorkerRuntime(kind="tts", broker=broker, settings=settings)
synthesizer = build_synthesizer(TtsSettings())
broker.include_router(build_router(runtime, synthesizer))
# Warm up at start-up so the first candidate sentence does not pay for loading the voice.
app = runtime.app(on_startup=[synthesizer.warm_up], on_shutdown=[synthesizer.aclose])

if __name__ == "__main__":
    start_observability("mockmind-tts")
    configure_logging(settings.log_level)
    asyncio.run(app.run())
