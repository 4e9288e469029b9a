"""What the deployment files must agree with, read from the code itself rather than copied by hand:
the services and the module each runs, the environment variables each one reads, the work queues."""

import importlib
import inspect
import json
import re
from functools import cache
from pathlib import Path

from pydantic_settings import BaseSettings

from contracts import topology
from runtime.local_stack import WORKER_MODULES
from runtime.settings import ServiceSettings
from runtime.worker import StoreSettings

ROOT = Path(__file__).resolve().parents[2]
DATADOG = ROOT / "deploy" / "datadog"

# Every platform service and the module it runs (`python -m …`), as `make dev` starts them.
SERVICE_MODULES = {"gateway": "gateway.main", **WORKER_MODULES}

# Variables read by libraries the services use, by prefix: ddtrace and the DogStatsD client (DD_*), and
# boto3/aioboto3 (AWS_*). Their names are those libraries' documented interfaces, not ours.
LIBRARY_PREFIXES = ("DD_", "AWS_")

# Packages whose code runs in every service process (besides the service's own package), and in those that
# keep sessions (all but the sandbox worker).
SHARED_PACKAGES = ("runtime", "contracts")
STORE_PACKAGES = ("persistence",)
# The settings classes of `runtime` a service's `main` may build directly.
RUNTIME_SETTINGS = (ServiceSettings, StoreSettings)

# `os.environ[...]`, `os.environ.get(...)`, `os.getenv(...)`, and an environment passed in as `environ`.
ENVIRON_READ = re.compile(r"""(?:\benviron(?:\.get|\.setdefault)?|os\.getenv)\s*[\[(]\s*["']([A-Z][A-Z0-9_]*)["']""")


def _package_dir(name: str) -> Path:
    return Path(importlib.import_module(name).__file__).parent


def settings_classes(package: str) -> list[type[BaseSettings]]:
    """The pydantic settings classes a service reads: its own `<package>.settings` ones (which subclass
    runtime's), plus those of runtime's that its `main` builds itself."""
    main_source = (_package_dir(package) / "main.py").read_text()
    classes = [cls for cls in RUNTIME_SETTINGS if re.search(rf"\b{cls.__name__}\(", main_source)]
    try:
        module = importlib.import_module(f"{package}.settings")
    except ModuleNotFoundError:
        return classes
    for _, cls in inspect.getmembers(module, inspect.isclass):
        if issubclass(cls, BaseSettings) and cls.__module__ == module.__name__:
            classes.append(cls)
    return classes


def keeps_sessions(package: str) -> bool:
    return any(issubclass(cls, StoreSettings) for cls in settings_classes(package))


def settings_variables(cls: type[BaseSettings]) -> set[str]:
    prefix = cls.model_config.get("env_prefix", "")
    return {f"{prefix}{name}".upper() for name in cls.model_fields}


def environ_reads(package: str) -> set[str]:
    """Names the package's code reads straight from `os.environ` (e.g. SANDBOX_*, LOG_FORMAT)."""
    names: set[str] = set()
    for source in _package_dir(package).rglob("*.py"):
        names |= set(ENVIRON_READ.findall(source.read_text()))
    return names


@cache
def known_variables(service: str) -> frozenset[str]:
    """Every environment variable the service's process reads (library prefixes aside)."""
    package = SERVICE_MODULES[service].split(".")[0]
    names: set[str] = set()
    for cls in settings_classes(package):
        names |= settings_variables(cls)
    for each in (package, *SHARED_PACKAGES, *(STORE_PACKAGES if keeps_sessions(package) else ())):
        names |= environ_reads(each)
    return frozenset(names)


def is_known(service: str, name: str) -> bool:
    return name in known_variables(service) or name.startswith(LIBRARY_PREFIXES)


def work_queues() -> set[str]:
    """The durable work queues services compete on (not the delay/retry/dead-letter plumbing)."""
    return {queue.name for queue in topology.WORK_QUEUES}


def dockerfile_targets(path: Path) -> dict[str, list[str]]:
    """`FROM … AS <target>` stages of a Dockerfile and the lines of each; the unnamed last stage is ''."""
    stages: dict[str, list[str]] = {}
    current = None
    for line in path.read_text().splitlines():
        match = re.match(r"FROM\s+\S+(?:\s+AS\s+(\S+))?", line, re.IGNORECASE)
        if match:
            current = match.group(1) or ""
            stages[current] = []
        if current is not None:
            stages[current].append(line)
    return stages


def dockerfile_command_module(lines: list[str]) -> str | None:
    """The module of the stage's `CMD ["python", "-m", "<module>"]`."""
    for line in reversed(lines):
        match = re.match(r'CMD\s+\[\s*"python3?",\s*"-m",\s*"([\w.]+)"', line)
        if match:
            return match.group(1)
    return None


def consumed_work_queues(service: str) -> set[str]:
    """The work queues a service consumes, read from its `@router.subscriber(rabbit_queue(<QUEUE>), …)` lines."""
    package = SERVICE_MODULES[service].split(".")[0]
    queues = {name: value.name for name, value in vars(topology).items() if isinstance(value, topology.Queue)}
    found = set()
    for source in _package_dir(package).rglob("*.py"):
        for constant in re.findall(r"subscriber\(\s*(?:rabbit_queue\()?([A-Z][A-Z0-9_]*)", source.read_text()):
            if constant in queues:
                found.add(queues[constant])
    return found & work_queues()


def monitors() -> list[dict]:
    """The Datadog monitors of deploy/datadog/monitors.json."""
    return json.loads((DATADOG / "monitors.json").read_text())


def dashboard_queries() -> list[str]:
    """Every query (`q`) of the dashboard's widgets, however deeply nested."""
    found: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            found.extend(v for k, v in node.items() if k == "q")
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads((DATADOG / "dashboard.json").read_text())["widgets"])
    return found


def datadog_queries() -> list[str]:
    """Every Datadog query MockMind ships: the monitors' and the dashboard's."""
    return [m["query"] for m in monitors()] + dashboard_queries()
