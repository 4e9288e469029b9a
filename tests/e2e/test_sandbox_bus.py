"""The sandbox worker's bus handler, over real RabbitMQ: request in, verdict back."""

import pytest

from contracts.sandbox import FunctionSignature, Language, Limits, Param, SandboxRequest, TestCase, Verdict
from runtime.broker import create_broker
from runtime.sandbox_client import SandboxClient
from runtime.settings import ServiceSettings

from .conftest import stack_env, start_stack

pytestmark = pytest.mark.e2e

SIGNATURE = FunctionSignature(name="add", params=[Param(name="a", type="int"), Param(name="b", type="int")], returns="int")
TESTS = [TestCase(id=f"t{i}", input={"a": i, "b": 2 * i}, expected=3 * i) for i in range(5)]


@pytest.fixture(scope="module")
async def sandbox_only(rabbitmq_url, tmp_path_factory):
    database = tmp_path_factory.mktemp("sandbox") / "mockmind.db"
    replicas = {"interviewer-agent": 0, "feedback-agent": 0, "tts": 0, "sandbox-worker": 2}
    stack = await start_stack(stack_env(rabbitmq_url, f"sqlite+aiosqlite:///{database}"), replicas=replicas)
    broker = create_broker(ServiceSettings(rabbitmq_url=rabbitmq_url), logger_name="test-client")
    client = SandboxClient(broker)
    await broker.start()
    yield client
    await broker.stop()
    await stack.stop()


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        ("def add(a, b):\n    return a + b\n", Verdict.ACCEPTED),
        ("def add(a, b):\n    return a - b\n", Verdict.WRONG_ANSWER),
        ("def add(a, b):\n    while True:\n        pass\n", Verdict.TIME_LIMIT_EXCEEDED),
        ("def add(a, b):\n    return a +\n", Verdict.COMPILATION_ERROR),
    ],
)
async def test_the_worker_judges_requests_from_the_bus(sandbox_only, source, verdict):
    request = SandboxRequest(language=Language.PYTHON, source=source, signature=SIGNATURE, tests=TESTS,
                             limits=Limits(cpu_time_s=1, wall_time_s=2))
    result = await sandbox_only.run("session-x", request, timeout_s=30)
    assert result.verdict is verdict
    assert result.total == len(TESTS)
