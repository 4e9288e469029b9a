"""`contracts/` is the shapes services agree on, not how they travel: no transport, cloud or database
client is imported there, so the browser's generated types, the docs and any service can use it."""

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONTRACTS = ROOT / "contracts" / "contracts"
TRANSPORTS = ("faststream", "aio_pika", "aiormq", "pamqp", "aioboto3", "boto3", "botocore", "redis",
              "sqlalchemy", "asyncpg", "aiosqlite", "alembic", "httpx")


def imported_roots(source: str) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_contracts_import_no_transport():
    offenders = {path.name: sorted(imported_roots(path.read_text()) & set(TRANSPORTS))
                 for path in sorted(CONTRACTS.rglob("*.py"))}
    assert {name: found for name, found in offenders.items() if found} == {}


def test_the_check_sees_both_import_forms():
    assert imported_roots("import aio_pika.abc\nfrom faststream.rabbit import X\nfrom .base import Y\n") == {
        "aio_pika", "faststream"}


def test_contracts_load_with_no_transport_installed():
    modules = [f"contracts.{path.stem}" for path in sorted(CONTRACTS.glob("*.py")) if path.stem != "__init__"]
    script = (
        "import sys, importlib, importlib.abc\n"
        "class NoTransport(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name.split('.')[0] in {TRANSPORTS!r}:\n"
        "            raise ImportError(f'no {name} here')\n"
        "sys.meta_path.insert(0, NoTransport())\n"
        f"for module in {modules!r}:\n"
        "    importlib.import_module(module)\n"
    )
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert loaded.returncode == 0, loaded.stderr


def test_contracts_declare_no_transport_dependency():
    dependencies = tomllib.loads((ROOT / "contracts" / "pyproject.toml").read_text())["project"]["dependencies"]
    named = {dependency.split("[")[0].split(">")[0].split("=")[0].strip().replace("-", "_") for dependency in dependencies}
    assert named & set(TRANSPORTS) == set()
