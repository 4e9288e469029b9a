"""interviewer-agent: `python -m interviewer_agent.main`. Scale by running more replicas."""

import asyncio

from question_bank.bank import default_bank
from runtime.broker import configure_logging, create_broker
from runtime.worker import WorkerRuntime

from .handlers import build_router
from .offline import OfflineInterviewer
from .settings import InterviewerSettings
from .tools import InterviewTools
from .turns import TurnHandler

settings = InterviewerSettings()
broker = create_broker(settings, logger_name="interviewer-agent")
runtime = WorkerRuntime(kind="interviewer-agent", broker=broker, settings=settings)

tools = InterviewTools(bank=default_bank(), runtime=runtime, sandbox_timeout_s=settings.sandbox_timeout_s)
broker.include_router(build_router(TurnHandler(runtime, OfflineInterviewer(tools), tools)))
app = runtime.app()

if __name__ == "__main__":
    configure_logging(settings.log_level)
    asyncio.run(app.run())
