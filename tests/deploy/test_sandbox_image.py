"""The sandbox worker's image runs candidates' code, so it holds nothing it does not need: no database
driver, ORM or migration tool. Read from what the image installs (its Dockerfile), the lock file's
dependency closure of those packages, and what its code imports."""

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "sandbox-worker" / "Dockerfile"
DATABASE_PACKAGES = {"sqlalchemy", "asyncpg", "aiosqlite", "alembic", "psycopg", "psycopg2", "mockmind-persistence"}
DATABASE_MODULES = ("sqlalchemy", "asyncpg", "aiosqlite", "alembic", "persistence")


def installed_members() -> list[tuple[str, list[str]]]:
    """(package, extras) of each workspace member the Dockerfile's `uv pip install` names."""
    install = re.search(r"uv pip install[^\n]*", DOCKERFILE.read_text()).group(0)
    members = []
    for path, extras in re.findall(r"/app/([\w./-]+?)(?:\[([\w,]+)\])?(?=\s|$)", install):
        project = tomllib.loads((ROOT / path / "pyproject.toml").read_text())["project"]
        members.append((project["name"], extras.split(",") if extras else []))
    return members


def closure(roots: list[tuple[str, list[str]]]) -> set[str]:
    """Every package uv.lock says the roots pull in (extras followed only where asked for)."""
    packages = {package["name"]: package for package in tomllib.loads((ROOT / "uv.lock").read_text())["package"]}
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name, extras = todo.pop()
        if name in seen and not extras:
            continue
        seen.add(name)
        package = packages[name]
        wanted = list(package.get("dependencies", []))
        for extra in extras:
            wanted += package.get("optional-dependencies", {}).get(extra, [])
        todo += [(dependency["name"], dependency.get("extra", [])) for dependency in wanted]
    return seen


def test_the_image_installs_the_sandbox_worker_and_nothing_that_keeps_sessions():
    members = installed_members()
    assert ("mockmind-sandbox-worker", []) in members
    assert "COPY persistence" not in DOCKERFILE.read_text()
    assert closure(members) & DATABASE_PACKAGES == set()


def test_the_closure_follows_extras_into_the_database():
    # The check above would see the database if the image asked for runtime's `store` extra.
    assert "sqlalchemy" in closure([("mockmind-runtime", ["store"])])
    assert "sqlalchemy" not in closure([("mockmind-runtime", [])])


def test_the_sandbox_worker_starts_without_any_database_module():
    blocker = (
        "import sys, importlib.abc\n"
        "class NoDatabase(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name.split('.')[0] in {DATABASE_MODULES!r}:\n"
        "            raise ImportError(f'the sandbox image has no {name}')\n"
        "sys.meta_path.insert(0, NoDatabase())\n"
        "import sandbox_worker.main, sandbox_worker.cli\n"
    )
    started = subprocess.run([sys.executable, "-c", blocker], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert started.returncode == 0, started.stderr
