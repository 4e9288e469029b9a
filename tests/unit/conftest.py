"""An interviewer-side runtime on FastStream's in-memory `TestRabbitBroker` (a real broker adds nothing to
these tests) with a real SQLite store, and what a gateway replica would receive from it."""

import pytest
from faststream.rabbit import RabbitBroker

from contracts.topology import EVENTS, RoutingKey
from runtime.topology import rabbit_exchange
from runtime.worker import StoreSettings, WorkerRuntime


@pytest.fixture
async def runtime(sqlite_url):
    runtime = WorkerRuntime(kind="interviewer-agent", broker=RabbitBroker(), settings=StoreSettings(database_url=sqlite_url))
    await runtime.open()
    yield runtime
    await runtime.close()


@pytest.fixture
def gateway_events(runtime: WorkerRuntime) -> list[dict]:
    """Every session event the runtime publishes, as the gateway's queue gets it."""
    live: list[dict] = []

    @runtime.broker.subscriber(RoutingKey.session_events("*"), rabbit_exchange(EVENTS))
    async def forward(event: dict) -> None:
        live.append(event)

    return live
