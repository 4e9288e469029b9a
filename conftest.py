"""Fixtures shared by every package's tests: real RabbitMQ vhosts, real databases, free ports.

Each test run (and each xdist worker) gets its own RabbitMQ vhost and its own databases, so runs in
parallel never see each other's queues or rows.
"""

import asyncio
import os
import subprocess
import uuid
from pathlib import Path

import pytest

RABBIT_HOST = os.environ.get("TEST_RABBITMQ_HOST", "localhost:5672")
POSTGRES_ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@localhost:5432/postgres")


def _rabbitmqctl(*args: str) -> None:
    subprocess.run(["rabbitmqctl", "-q", *args], check=True, capture_output=True, timeout=60)


def _vhost():
    vhost = f"mockmind-test-{uuid.uuid4().hex[:10]}"
    _rabbitmqctl("add_vhost", vhost)
    _rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*")
    yield f"amqp://guest:guest@{RABBIT_HOST}/{vhost}"
    _rabbitmqctl("delete_vhost", vhost)


@pytest.fixture(scope="session")
def rabbitmq_url():
    """A fresh vhost on the real local RabbitMQ, shared by this run's tests, deleted after the run."""
    yield from _vhost()


@pytest.fixture
def own_rabbitmq_url():
    """A vhost for one test alone: no worker of any other test's stack can answer on it."""
    yield from _vhost()


@pytest.fixture(scope="session")
def postgres_url():
    """A fresh database on the real local PostgreSQL, dropped after the run."""
    import asyncpg

    name = f"mockmind_test_{uuid.uuid4().hex[:10]}"

    async def admin(sql: str) -> None:
        conn = await asyncpg.connect(POSTGRES_ADMIN_URL)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    asyncio.run(admin(f'CREATE DATABASE "{name}"'))
    yield POSTGRES_ADMIN_URL.replace("postgresql://", "postgresql+asyncpg://").rsplit("/", 1)[0] + f"/{name}"
    asyncio.run(admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'mockmind.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request) -> str:
    """Run a test once on SQLite and once on PostgreSQL."""
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url")


@pytest.fixture(scope="session", autouse=True)
async def close_the_default_sandbox_judge():
    """Tests that judge code in-process share `sandbox_worker.judge`'s default judge; its pre-started
    sandboxes are ended here, while the session's event loop still runs (else Python warns at exit)."""
    yield
    import sys

    judge_module = sys.modules.get("sandbox_worker.judge")
    if judge_module is not None:
        await judge_module.close_default_judge()
