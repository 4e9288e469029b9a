import pytest

from sandbox_worker.judge import Judge


@pytest.fixture(scope="session")
def judge_runner() -> Judge:
    return Judge(max_concurrency=2)
