"""tts: `python -m tts.main`. Turns interviewer sentences into `voice_audio` events."""

import asyncio

from runtime.broker import configure_logging, create_broker
from runtime.settings import ServiceSettings
from runtime.worker import WorkerRuntime

from .handlers import build_router
from .settings import TtsSettings
from .synthesizer import build_synthesizer

settings = ServiceSettings()
broker = create_broker(settings, logger_name="tts")
runtime = WorkerRuntime(kind="tts", broker=broker, settings=settings)
broker.include_router(build_router(runtime, build_synthesizer(TtsSettings())))
app = runtime.app()

if __name__ == "__main__":
    configure_logging(settings.log_level)
    asyncio.run(app.run())
