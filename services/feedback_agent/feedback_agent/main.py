"""feedback-agent: `python -m feedback_agent.main`. Scale by running more replicas."""

import asyncio

from question_bank.bank import default_bank
from runtime.broker import configure_logging, create_broker
from runtime.observability import start_observability
from runtime.worker import WorkerRuntime

from .handlers import build_router
from .providers import build_writer
from .settings import FeedbackSettings

settings = FeedbackSettings()
broker = create_broker(settings, logger_name="feedback-agent")
runtime = WorkerRuntime(kind="feedback-agent", broker=broker, settings=settings)
broker.include_router(build_router(runtime, default_bank(), writer=build_writer(settings),
                                   complexity_budget_s=settings.complexity_budget_s))
app = runtime.app()

if __name__ == "__main__":
    start_observability("mockmind-feedback")
    configure_logging(settings.log_level)
    asyncio.run(app.run())
