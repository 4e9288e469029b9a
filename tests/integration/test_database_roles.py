"""The services' database role reads and writes rows but cannot change the schema; migrations run as
their own role (`MIGRATIONS_DATABASE_URL`), which owns every table (deploy/README.md, "Database roles")."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import asyncpg
import pytest

from contracts.events import ServerEventType, server_event
from persistence.store import InterviewStore

ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@localhost:5432/postgres")
HOST = ADMIN_URL.split("@", 1)[1].rsplit("/", 1)[0]
ROLES_SQL = Path(__file__).resolve().parents[2] / "deploy" / "postgres" / "roles.sql"


def create_roles(database: str, migrator: str, service: str) -> None:
    """deploy/postgres/roles.sql, as compose's postgres and deploy/README.md run it."""
    variables = {"database": database, "migrator": migrator, "migrator_password": "migrator",
                 "service": service, "service_password": "service"}
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", *(f"-v{k}={v}" for k, v in variables.items()),
                    "-f", str(ROLES_SQL), ADMIN_URL], check=True, capture_output=True, text=True, timeout=60)


@pytest.fixture
async def roles():
    """A database owned by a migrator role, and a service role with only CONNECT (deploy/postgres/roles.sql)."""
    tag = uuid.uuid4().hex[:8]
    database, migrator, service = f"mockmind_roles_{tag}", f"mm_migrator_{tag}", f"mm_service_{tag}"
    admin = await asyncpg.connect(ADMIN_URL)
    try:
        create_roles(database, migrator, service)
        yield {
            "MIGRATIONS_DATABASE_URL": f"postgresql+asyncpg://{migrator}:migrator@{HOST}/{database}",
            "DATABASE_URL": f"postgresql+asyncpg://{service}:service@{HOST}/{database}",
            "migrator": migrator, "service": service,
        }
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        await admin.execute(f"DROP ROLE IF EXISTS {service}")
        await admin.execute(f"DROP ROLE IF EXISTS {migrator}")
        await admin.close()


def migrate(env: dict[str, str]) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "MIGRATIONS_DATABASE_URL")}
    return subprocess.run([sys.executable, "-m", "persistence.database"], env=environ | env,
                          capture_output=True, text=True, timeout=180)


def plain(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


async def test_migrations_run_as_the_migrator_and_the_services_role_has_no_ddl(roles):
    env = {k: roles[k] for k in ("MIGRATIONS_DATABASE_URL", "DATABASE_URL")}
    result = migrate(env)
    assert result.returncode == 0, result.stderr[-2000:]

    conn = await asyncpg.connect(plain(roles["DATABASE_URL"]))
    try:
        owners = {row["tableowner"] for row in await conn.fetch("SELECT tableowner FROM pg_tables WHERE schemaname = 'public'")}
        assert owners == {roles["migrator"]}, "every table, alembic_version included, belongs to the migrator"
        for ddl in ("CREATE TABLE intruder (id int)",
                    "ALTER TABLE sessions ADD COLUMN intruder int",
                    "DROP TABLE events",
                    "CREATE INDEX intruder ON sessions (id)",
                    "TRUNCATE sessions",
                    "CREATE SCHEMA intruder"):
            with pytest.raises(asyncpg.InsufficientPrivilegeError):
                await conn.execute(ddl)
    finally:
        await conn.close()

    # …and everything a service does with rows works as that role, without migrating.
    store = await InterviewStore.open(roles["DATABASE_URL"], run_migrations=False)
    try:
        session = await store.create_session(difficulty="easy", language="python")
        event = await store.append_event(server_event(session.id, ServerEventType.SESSION_READY))
        assert event.seq == 1
        await store.update_session(session.id, phase="coding")
        assert (await store.get_session(session.id)).phase == "coding"
    finally:
        await store.close()
