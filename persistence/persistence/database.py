"""Engine creation and schema migration, for SQLite files and PostgreSQL alike."""

import asyncio
import fcntl
import zlib
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./var/mockmind.db"


def create_engine(url: str) -> AsyncEngine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        engine = create_async_engine(url, pool_size=10, max_overflow=20, pool_recycle=1800)
        event.listen(engine.sync_engine.pool, "checkout", _refuse_closed_connection)
        return engine
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_async_engine(url, connect_args={"timeout": 30})
    event.listen(engine.sync_engine, "connect", _tune_sqlite)
    return engine


def _refuse_closed_connection(dbapi_connection, _record, _proxy) -> None:
    """A connection the server closed (restart, `pg_terminate_backend`) is replaced before use.

    Instead of `pool_pre_ping`, which costs a round trip per checkout (~1 ms and ~0.6 ms of CPU per
    statement, measured): asyncpg already knows, locally, when its socket was closed. Raising
    `DisconnectionError` makes the pool drop the connection and hand out a fresh one.
    """
    if dbapi_connection.driver_connection.is_closed():
        raise DisconnectionError("connection closed by the server")


def _tune_sqlite(dbapi_connection, _record) -> None:
    # Several service processes share one file: WAL lets readers run beside the writer, and the busy
    # timeout makes writers queue instead of failing.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def session_factory(engine: AsyncEngine) -> async_sessionmaker:
    return async_sessionmaker(engine, expire_on_commit=False)


async def migrate(engine: AsyncEngine) -> None:
    """Bring the schema to the newest revision. Safe when several processes start at once."""
    if engine.dialect.name == "sqlite":
        lock_path = Path(engine.url.database or "var/mockmind.db").with_suffix(".migrate.lock")
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        with lock_path.open("w") as lock_file:
            await asyncio.to_thread(fcntl.flock, lock_file, fcntl.LOCK_EX)
            async with engine.begin() as conn:
                await conn.run_sync(_upgrade)
        return
    async with engine.begin() as conn:
        lock_key = zlib.crc32(b"mockmind-migrations")
        await conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_key})
        await conn.run_sync(_upgrade)


def _upgrade(connection: Connection) -> None:
    # Imported here: alembic is only needed by the migration step, and importing it costs every service
    # process ~0.5 s of CPU at start-up (six at once in `make dev`).
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


async def grant_service_role(engine: AsyncEngine, service_url: str) -> str | None:
    """Let the services' role read and write rows, and nothing more: the migrator owns the tables, so
    only it can CREATE, ALTER or DROP. Returns the role granted to (None when there is no other role)."""
    role = make_url(service_url).username
    if engine.dialect.name != "postgresql" or not role or role == engine.url.username:
        return None
    quoted = engine.dialect.identifier_preparer.quote(role)
    async with engine.begin() as conn:
        await conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {quoted}")
        await conn.exec_driver_sql(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted}")
        await conn.exec_driver_sql(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {quoted}")
    return role


def migration_urls(environ) -> tuple[str, str]:
    """(the migrator's URL, the services' URL): `MIGRATIONS_DATABASE_URL` is the role that owns the schema;
    unset, the services' own `DATABASE_URL` migrates (one role, as on a development machine)."""
    service_url = environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL
    return environ.get("MIGRATIONS_DATABASE_URL") or service_url, service_url


def main() -> None:
    """`python -m persistence.database`: migrate the configured database as the migrator, grant the
    services' role its rows, and exit."""
    import os

    async def run() -> None:
        migrator_url, service_url = migration_urls(os.environ)
        engine = create_engine(migrator_url)
        await migrate(engine)
        await grant_service_role(engine, service_url)
        await engine.dispose()

    asyncio.run(run())


if __name__ == "__main__":
    main()
