"""compose.yaml, checked without a Docker engine: valid against the Compose Specification's JSON schema,
and everything it names (services, modules, ports, variables, files, networks) exists."""

import json
import re
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import check_jsonschema
import jsonschema
import pytest
import yaml

from runtime.broker_users import SERVICES, password_variable

from .deploy_facts import (
    ROOT,
    SERVICE_MODULES,
    dockerfile_command_module,
    dockerfile_targets,
    is_known,
    known_variables,
)

COMPOSE_FILE = ROOT / "compose.yaml"
# The schema as published by the compose-spec project, vendored (with its licence) by check-jsonschema.
COMPOSE_SCHEMA = Path(check_jsonschema.__file__).parent / "builtin_schemas" / "vendor" / "compose-spec.json"

# The third-party images' own documented variables (their interface, not ours).
IMAGE_VARIABLES = {
    "postgres": {"POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"},
    "rabbitmq": {"RABBITMQ_DEFAULT_USER", "RABBITMQ_DEFAULT_PASS"},
    "redis": set(),
    "datadog-agent": set(),  # DD_* only
}
# What postgres's init script (deploy/postgres/init-roles.sh) reads, besides the image's own variables.
POSTGRES_INIT = ROOT / "deploy" / "postgres" / "init-roles.sh"
INIT_VARIABLES = set(re.findall(r"\$\{?([A-Z][A-Z0-9_]*)", POSTGRES_INIT.read_text()))
# The broker-users step reads each service's password from a variable named after the service.
BROKER_PASSWORDS = {password_variable(service) for service in SERVICES}
INFRA_PORTS = {"rabbitmq": 5672, "postgres": 5432, "redis": 6379}
INTERPOLATION = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)")


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text())


@pytest.fixture(scope="module")
def services(compose) -> dict:
    return compose["services"]


def environment(service: dict) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    return {k: "" if v is None else str(v) for k, v in env.items()}


def runs_broker_users(service: dict) -> bool:
    return (service.get("command") or [])[:3] == ["python", "-m", "runtime.broker_users"]


def platform_service_for(name: str, service: dict) -> str | None:
    """Which platform service a compose service runs (the migration runs in the gateway image)."""
    if name in SERVICE_MODULES:
        return name
    return "gateway" if service.get("image") == "mockmind/gateway" else None


# ---- the schema ---------------------------------------------------------------------------------------


def test_compose_file_is_valid_against_the_compose_specification(compose):
    schema = json.loads(COMPOSE_SCHEMA.read_text())
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(compose), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors)


def test_the_schema_check_catches_a_bad_file():
    """The validation above can fail: a misspelt key is rejected."""
    schema = json.loads(COMPOSE_SCHEMA.read_text())
    bad = {"services": {"gateway": {"image": "x", "deploy": {"replica": 2}}}}
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(bad))


# ---- services and what they run ---------------------------------------------------------------------


def test_every_platform_service_runs_with_replicas(services):
    for name in SERVICE_MODULES:
        assert name in services, f"{name} missing from compose.yaml"
        assert services[name]["deploy"]["replicas"] >= 1


def test_infrastructure_is_there(services):
    assert "management" in services["rabbitmq"]["image"]
    assert services["postgres"]["image"].startswith("postgres:")
    assert "datadoghq/agent" in services["datadog-agent"]["image"]


def test_each_service_image_runs_its_module(services):
    for name, module in SERVICE_MODULES.items():
        build = services[name]["build"]
        dockerfile = ROOT / build["context"] / build["dockerfile"]
        assert dockerfile.is_file(), f"{name}: {dockerfile} does not exist"
        stages = dockerfile_targets(dockerfile)
        target = build.get("target", list(stages)[-1])
        assert target in stages, f"{name}: no stage {target!r} in {dockerfile}"
        command = services[name].get("command")
        runs = command[command.index("-m") + 1] if command else dockerfile_command_module(stages[target])
        assert runs == module, f"{name} runs {runs}, `make dev` runs {module}"


def test_build_args_name_workspace_packages(services):
    workspace = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["uv"]["workspace"]["members"]
    members = {tomllib.loads(p.read_text())["project"]["name"]
               for pattern in workspace for p in ROOT.glob(f"{pattern}/pyproject.toml")}
    for name, service in services.items():
        package = (service.get("build") or {}).get("args", {}).get("PACKAGE")
        if package:
            assert package in members, f"{name}: PACKAGE={package} is not a workspace package"


def test_migration_runs_before_the_services(services):
    assert services["migrate"]["command"][-1] == "persistence.database"
    for name in ("gateway", "interviewer-agent", "feedback-agent", "tts"):
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"


def test_depends_on_networks_and_volumes_exist(compose, services):
    for name, service in services.items():
        for other in service.get("depends_on") or {}:
            assert other in services, f"{name} depends on unknown service {other}"
        for network in service.get("networks") or []:
            assert network in compose["networks"], f"{name}: unknown network {network}"
        for volume in service.get("volumes") or []:
            source = volume.split(":")[0]
            if not source.startswith(("/", ".")):
                assert source in compose["volumes"], f"{name}: unknown volume {source}"


# ---- variables --------------------------------------------------------------------------------------


def test_every_variable_a_service_is_given_is_read_by_it(services):
    for name, service in services.items():
        platform = platform_service_for(name, service)
        for variable in environment(service):
            if runs_broker_users(service) and variable in BROKER_PASSWORDS:
                continue
            if platform:
                assert is_known(platform, variable), f"{name}: {variable} is read by no code of {platform}"
            else:
                allowed = IMAGE_VARIABLES[name] | (INIT_VARIABLES if name == "postgres" else set())
                assert variable in allowed or variable.startswith("DD_"), f"{name}: {variable} is not the image's"


def test_the_variable_check_can_fail():
    assert not is_known("gateway", "TTS_ENGINE")
    assert is_known("tts", "TTS_ENGINE")
    assert not is_known("sandbox-worker", "DATABSE_URL")


def test_interpolated_host_variables_exist():
    names = set(INTERPOLATION.findall(COMPOSE_FILE.read_text()))
    everything = set().union(*(known_variables(s) for s in SERVICE_MODULES), *IMAGE_VARIABLES.values(),
                             INIT_VARIABLES, BROKER_PASSWORDS)
    unknown = {n for n in names if n not in everything and not n.startswith(("DD_", "AWS_"))}
    assert not unknown, f"compose.yaml interpolates variables no service reads: {unknown}"


def test_secrets_have_no_committed_value(services):
    assert services["gateway"]["environment"]["SESSION_SECRET"].startswith("${SESSION_SECRET:?")
    for name, service in services.items():
        for variable, value in environment(service).items():
            if variable in {"AWS_SECRET_ACCESS_KEY", "DD_API_KEY", "SESSION_SECRET"}:
                assert value.startswith("${"), f"{name}: {variable} has a literal value"
            if "PASSWORD" in variable or variable == "RABBITMQ_DEFAULT_PASS":
                assert re.fullmatch(r"\$\{\w+:\?[^}]*\}", value), f"{name}: {variable} must be required, never defaulted"
            if variable.endswith("_URL"):
                assert not re.search(r"://[^/@:]*:(?!\$\{)[^/@]*@", value), f"{name}: {variable} has a literal password"


# ---- addresses and ports ----------------------------------------------------------------------------


def test_urls_point_at_services_and_their_ports(services):
    for name, service in services.items():
        env = environment(service)
        for variable, infra in (("RABBITMQ_URL", "rabbitmq"), ("DATABASE_URL", "postgres"), ("REDIS_URL", "redis")):
            if variable in env:
                url = urlsplit(re.sub(r"\$\{[^}]*\}", "x", env[variable]))  # a whole ${NAME:?message}
                assert url.hostname == infra and url.port == INFRA_PORTS[infra], f"{name}: {variable}={env[variable]}"
        if "DD_AGENT_HOST" in env:
            assert env["DD_AGENT_HOST"] in services


def test_gateway_publishes_the_port_it_listens_on(services):
    gateway = services["gateway"]
    listens = int(environment(gateway)["PORT"])
    published = [int(str(p).rsplit(":", 1)[-1]) for p in gateway["ports"]]
    assert published == [listens]
    stage = dockerfile_targets(ROOT / gateway["build"]["dockerfile"])["gateway"]
    assert f"EXPOSE {listens}" in stage


def test_services_share_one_bus_and_database(services):
    urls = {environment(s).get("RABBITMQ_URL") for n, s in services.items() if platform_service_for(n, s)}
    assert len(urls - {None}) == 1
    databases = {environment(s).get("DATABASE_URL") for n, s in services.items() if platform_service_for(n, s)}
    assert len(databases - {None}) == 1


def test_sandbox_worker_is_locked_down(services):
    sandbox = services["sandbox-worker"]
    assert sandbox["cap_drop"] == ["ALL"]
    assert sandbox["read_only"] is True
    assert "DATABASE_URL" not in environment(sandbox)  # the one service that runs untrusted code
    assert all(n in ("backend",) for n in sandbox["networks"])
    assert yaml.safe_load(COMPOSE_FILE.read_text())["networks"]["backend"]["internal"] is True
