"""interviewer-agent: `python -m interviewer_agent.main`. Scale by running more replicas."""

import asyncio

from question_bank.bank import default_bank
from runtime.broker import configure_logging, create_broker
from runtime.observability import start_observability
from runtime.worker import WorkerRuntime

from .ending import SessionWatch
from .handlers import build_router
from .intents import default_classifier
from .loop import AgentLoop
from .provider_health import ProviderHealth
from .providers import build_provider
from .settings import InterviewerSettings
from .silence import SilenceScheduler
from .telemetry import TracedProvider
from .tool_registry import ToolRegistry
from .tools import InterviewTools
from .turns import TurnHandler

settings = InterviewerSettings()
broker = create_broker(settings, logger_name="interviewer-agent")
runtime = WorkerRuntime(kind="interviewer-agent", broker=broker, settings=settings)

bank = default_bank()
provider = TracedProvider(build_provider(settings, bank))
tools = InterviewTools(bank=bank, runtime=runtime, sandbox_timeout_s=settings.sandbox_timeout_s)
turns = TurnHandler(runtime=runtime, loop=AgentLoop(provider), registry=ToolRegistry(tools), bank=bank,
                    silence=SilenceScheduler(broker, settings.silence_checkin_s,
                                             offer_hint_after_s=settings.hint_offer_after_s),
                    watch=SessionWatch(broker, lambda: runtime.store, interval_s=settings.session_watch_interval_s,
                                       abandon_after_s=settings.abandon_after_s))
broker.include_router(build_router(turns, runtime.heartbeat.beat.instance_id))
provider_health = ProviderHealth(settings)
runtime.heartbeat.details = provider_health.details  # /api/health shows it as "llm"
app = runtime.app()


@app.on_startup
def announce_provider() -> None:
    runtime.log.info("interviewer model provider: %s", provider.name)


@app.on_startup
async def train_intent_model() -> None:
    """Train the intent model before the replica takes any turn (FastStream consumes, and the heartbeat
    reports the replica alive, only after the start-up hooks): a replica that cannot yet read a message
    leaves turns to those that can, instead of holding its first one until training ends (a fraction of a
    second on an idle core, tens of seconds on a starved machine)."""
    await asyncio.to_thread(default_classifier)


@app.on_shutdown
async def close_provider() -> None:
    close = getattr(provider, "close", None)
    if close is not None:
        await close()
    await provider_health.close()


if __name__ == "__main__":
    start_observability("mockmind-interviewer")
    configure_logging(settings.log_level)
    asyncio.run(app.run())
