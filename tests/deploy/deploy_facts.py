"""What the deployment files must agree with, read from the code itself rather than copied by hand:
the services and the module each runs, the environment variables each one reads, the work queues."""

import importlib
import inspect
import re
from functools import cache
from pathlib import Path

from pydantic_settings import BaseSettings

from contracts import topology
from runtime.local_stack import WORKER_MODULES
from runtime.settings import ServiceSettings

ROOT = Path(__file__).resolve().parents[2]

# Every platform service and the module it runs (`python -m …`), as `make dev` starts them.
SERVICE_MODULES = {"gateway": "gateway.main", **WORKER_MODULES}

# Variables read by libraries the services use, by prefix: ddtrace and the DogStatsD client (DD_*), and
# boto3/aioboto3 (AWS_*). Their names are those libraries' documented interfaces, not ours.
LIBRARY_PREFIXES = ("DD_", "AWS_")

# Packages whose code runs in every service process (besides the service's own package).
SHARED_PACKAGES = ("runtime", "persistence", "contracts")

ENVIRON_READ = re.compile(r"""(?:os\.environ(?:\.get|\.setdefault)?|os\.getenv)\s*[\[(]\s*["']([A-Z][A-Z0-9_]*)["']""")


def _package_dir(name: str) -> Path:
    return Path(importlib.import_module(name).__file__).parent


def settings_classes(package: str) -> list[type[BaseSettings]]:
    """The pydantic settings classes a service reads: its own `<package>.settings` ones, plus the
    shared `ServiceSettings` every service builds its broker from."""
    classes: list[type[BaseSettings]] = [ServiceSettings]
    try:
        module = importlib.import_module(f"{package}.settings")
    except ModuleNotFoundError:
        return classes
    for _, cls in inspect.getmembers(module, inspect.isclass):
        if issubclass(cls, BaseSettings) and cls.__module__ == module.__name__:
            classes.append(cls)
    return classes


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
    for each in (package, *SHARED_PACKAGES):
        names |= environ_reads(each)
    return frozenset(names)


def is_known(service: str, name: str) -> bool:
    return name in known_variables(service) or name.startswith(LIBRARY_PREFIXES)


def work_queues() -> set[str]:
    """The durable work queues services compete on (not the delay/retry/dead-letter plumbing)."""
    return {value.name for value in vars(topology).values()
            if isinstance(value, topology.RabbitQueue) and value.routing_key}


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
    """The work queues a service consumes, read from its `@router.subscriber(<QUEUE>, …)` lines."""
    package = SERVICE_MODULES[service].split(".")[0]
    queues = {name: value.name for name, value in vars(topology).items() if isinstance(value, topology.RabbitQueue)}
    found = set()
    for source in _package_dir(package).rglob("*.py"):
        for constant in re.findall(r"subscriber\(\s*([A-Z][A-Z0-9_]*)", source.read_text()):
            if constant in queues:
                found.add(queues[constant])
    return found & work_queues()
