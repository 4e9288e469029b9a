"""`contracts/asyncapi.yaml` lists every message the services send and receive: each send is a declared
FastStream publisher (never an ad-hoc `broker.publish`), each receive a subscriber, and the committed
document is what FastStream generates from them."""

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import yaml

ROOT = Path(__file__).resolve().parents[2]
SERVICE_CODE = [ROOT / "gateway" / "gateway", ROOT / "runtime" / "runtime", ROOT / "sandbox-worker" / "sandbox_worker",
                *(path for path in (ROOT / "services").glob("*/*") if (path / "__init__.py").exists())]
UNDECLARED_SENDS = {"publish", "request"}


def _asyncapi_script(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))  # as when run as `python scripts/asyncapi.py`
    spec = importlib.util.spec_from_file_location("asyncapi_script", ROOT / "scripts" / "asyncapi.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_asyncapi_document_matches_the_code():
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "asyncapi.py"), "--check"],
                           capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert check.returncode == 0, check.stderr


def test_every_declared_publisher_and_subscriber_is_an_operation_of_the_document(monkeypatch):
    monkeypatch.setenv("RABBITMQ_URL", "amqp://guest:guest@localhost:5672/")
    document = yaml.safe_load((ROOT / "contracts" / "asyncapi.yaml").read_text())
    documented = {(unquote(operation["channel"]["$ref"].removeprefix("#/channels/")), operation["action"])
                  for operation in document["operations"].values()}
    declared = set()
    for broker in _asyncapi_script(monkeypatch).service_brokers():
        declared |= {(subscriber.specification.name, "receive") for subscriber in broker.subscribers}
        declared |= {(publisher.specification.name, "send") for publisher in broker.publishers}
    assert {action for _, action in declared} == {"send", "receive"}
    assert declared <= documented, f"declared but not documented: {sorted(declared - documented)}"
    assert documented <= declared, f"documented but no longer declared: {sorted(documented - declared)}"


def _broker_sends(source: str) -> list[int]:
    """Lines of `<…>broker.publish(…)` / `<…>broker.request(…)` calls: sends no declared publisher makes."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in UNDECLARED_SENDS:
            target = node.func.value
            name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
            if name == "broker":
                lines.append(node.lineno)
    return lines


def test_services_send_only_through_declared_publishers():
    sends = [f"{path.relative_to(ROOT)}:{line}" for package in SERVICE_CODE for path in sorted(package.rglob("*.py"))
             for line in _broker_sends(path.read_text())]
    assert sends == [], "send through a declared publisher (`broker.publisher(...)`), so the AsyncAPI document lists it"


def test_the_scan_finds_an_undeclared_send():
    source = ("async def handle(self, broker):\n    await self.broker.publish(1, exchange='x')\n"
              "    await self.publisher.publish(2)\n    await broker.request(3)\n")
    assert _broker_sends(source) == [2, 4]
