"""A whole MockMind running as real processes against the real local RabbitMQ (own vhost)."""

import pytest

from runtime.local_stack import LocalStack, free_port

TEST_SECRET = "e2e-test-secret"


def stack_env(rabbitmq_url: str, database_url: str) -> dict[str, str]:
    return {
        "RABBITMQ_URL": rabbitmq_url,
        "DATABASE_URL": database_url,
        "SESSION_SECRET": TEST_SECRET,
        "HEARTBEAT_INTERVAL_S": "0.5",
        "LOG_LEVEL": "WARNING",
    }


async def start_stack(env: dict[str, str], *, gateways: int = 1, replicas: dict[str, int] | None = None) -> LocalStack:
    stack = LocalStack(env=env, gateway_ports=[free_port() for _ in range(gateways)], replicas=replicas, echo=False)
    try:
        await stack.start(timeout_s=90)
    except (TimeoutError, RuntimeError) as exc:
        logs = "\n".join(f"{name}: {line}" for name, lines in stack.group.logs.items() for line in lines[-20:])
        raise AssertionError(f"{exc}\n{logs}") from exc
    return stack


@pytest.fixture(scope="module")
async def stack(rabbitmq_url, tmp_path_factory):
    database = tmp_path_factory.mktemp("e2e") / "mockmind.db"
    stack = await start_stack(stack_env(rabbitmq_url, f"sqlite+aiosqlite:///{database}") | {"LOG_LEVEL": "INFO"})
    stack.database_url = f"sqlite+aiosqlite:///{database}"
    yield stack
    await stack.stop()
