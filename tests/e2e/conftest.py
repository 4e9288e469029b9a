"""A whole MockMind running as real processes against the real local RabbitMQ (own vhost)."""

import pytest

from runtime.local_stack import LocalStack, free_port

TEST_SECRET = "e2e-test-secret"
# Stacks now running in this worker: a failing test's report carries their last log lines, because an
# end-to-end failure on a loaded CI machine is otherwise only "no event within 60 s".
RUNNING_STACKS: list[LocalStack] = []


def stack_env(rabbitmq_url: str, database_url: str) -> dict[str, str]:
    return {
        "RABBITMQ_URL": rabbitmq_url,
        "DATABASE_URL": database_url,
        "SESSION_SECRET": TEST_SECRET,
        "HEARTBEAT_INTERVAL_S": "0.5",
        "LOG_LEVEL": "WARNING",
        # every test's sessions come from 127.0.0.1: the per-address creation limit is not what they test
        "RATE_LIMITS": '{"session_create": [100000, 10000]}',
    }


async def start_stack(env: dict[str, str], *, gateways: int = 1, replicas: dict[str, int] | None = None,
                      kind_env: dict[str, dict[str, str]] | None = None, timeout_s: float = 180) -> LocalStack:
    # 180 s, as `LocalStack.start`: on 2 cores two test workers start stacks side by side, and an interviewer
    # replica imports its libraries and trains its intent model (~10 s of CPU) before it counts as started.
    # A stack that cannot start still fails, with every process's log tail.
    stack = LocalStack(env=env, gateway_ports=[free_port() for _ in range(gateways)], replicas=replicas,
                       kind_env=kind_env, echo=False)
    await stack.start(timeout_s=timeout_s)
    RUNNING_STACKS.append(stack)
    stop = stack.stop

    async def stop_and_forget() -> None:
        RUNNING_STACKS.remove(stack)
        await stop()

    stack.stop = stop_and_forget
    return stack


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.failed and RUNNING_STACKS:
        tails = "\n".join(stack.log_tail(150) for stack in RUNNING_STACKS)
        report.sections.append(("stack logs (last 150 lines per process)", tails))


@pytest.fixture(scope="module")
async def stack(rabbitmq_url, tmp_path_factory):
    database = tmp_path_factory.mktemp("e2e") / "mockmind.db"
    stack = await start_stack(stack_env(rabbitmq_url, f"sqlite+aiosqlite:///{database}") | {"LOG_LEVEL": "INFO"})
    stack.database_url = f"sqlite+aiosqlite:///{database}"
    yield stack
    await stack.stop()
