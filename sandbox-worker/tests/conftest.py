import pytest

from sandbox_worker.judge import Judge


@pytest.fixture(scope="session")
async def judge_runner():
    judge = Judge(max_concurrency=2)
    yield judge
    await judge.close()  # the warm pool's sandboxes, before the event loop ends
