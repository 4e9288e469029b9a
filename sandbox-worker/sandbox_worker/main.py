"""sandbox-worker: `python -m sandbox_worker.main`. Stateless; scale by running more replicas."""

import asyncio

from runtime.broker import configure_logging, create_broker
from runtime.observability import start_observability
from runtime.service import ServiceRuntime
from runtime.settings import ServiceSettings

from .handlers import router
from .judge import default_judge, warm_up_in_background


async def prestart_sandboxes() -> None:
    default_judge().prestart()


async def close_sandboxes() -> None:
    await default_judge().close()


# No retry tiers: they dead-letter back to the commands exchange, which the sandbox's broker user may not
# reach (runtime.broker_users). A failed run is dead-lettered at once; its requester times out.
settings = ServiceSettings(retry_delays_s=())
broker = create_broker(settings, logger_name="sandbox-worker")
broker.include_router(router)
# The sandbox never touches the database: it is the one service that runs untrusted code.
runtime = ServiceRuntime(kind="sandbox-worker", broker=broker, settings=settings)
app = runtime.app(on_startup=[prestart_sandboxes], on_shutdown=[close_sandboxes])

if __name__ == "__main__":
    default_judge()  # fail loudly (SandboxUnavailable) on a host where bwrap cannot isolate candidates
    warm_up_in_background()
    start_observability("mockmind-sandbox")
    configure_logging(settings.log_level)
    asyncio.run(app.run())
