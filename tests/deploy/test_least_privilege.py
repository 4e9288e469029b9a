"""compose.yaml and deploy/k8s/ give the services the same least privileges, both from one source: each
service its own RabbitMQ user with the rights of `runtime.broker_users.SERVICES`, the services' database
role without DDL and the migrations run by their own role, as deploy/postgres/roles.sql creates them."""

import re
from urllib.parse import urlsplit

import pytest
import yaml

from runtime.broker_users import SERVICES, password_variable, user_name

from .deploy_facts import ROOT, SERVICE_MODULES

COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text())["services"]
K8S_DIR = ROOT / "deploy" / "k8s"
BROKER_USERS_SECRET = "mockmind-broker-users"  # `kubectl create secret generic … --from-env-file=broker-users.env`


def compose_env(name: str) -> dict[str, str]:
    return {k: str(v) for k, v in (COMPOSE[name].get("environment") or {}).items()}


def k8s_env(file: str, kind: str = "Deployment") -> dict[str, dict | str]:
    """The first container's variables: a literal value, or the `secretKeyRef` it is read from."""
    resource = next(d for d in yaml.safe_load_all((K8S_DIR / file).read_text()) if d and d["kind"] == kind)
    container = resource["spec"]["template"]["spec"]["containers"][0]
    return {e["name"]: e.get("value", e.get("valueFrom", {}).get("secretKeyRef")) for e in container.get("env", [])}


def user_of(url: str) -> str:
    return urlsplit(re.sub(r"\$\{[^}]*\}", "x", url)).username


def required_variable(value: str) -> str | None:
    """`NAME` of a `${NAME:?message}` value (a secret compose demands, never a committed default)."""
    match = re.fullmatch(r"\$\{(\w+):\?[^}]*\}", value)
    return match.group(1) if match else None


def test_every_service_has_a_broker_user():
    assert set(SERVICES) == set(SERVICE_MODULES)


@pytest.mark.parametrize("service", sorted(SERVICE_MODULES))
def test_compose_and_kubernetes_give_the_service_the_same_broker_user(service):
    in_compose, in_k8s = compose_env(service), k8s_env(f"{service}.yaml")
    assert in_compose["RABBITMQ_USER"] == in_k8s["RABBITMQ_USER"] == user_name(service)
    assert required_variable(in_compose["RABBITMQ_PASSWORD"]) == password_variable(service)
    assert in_k8s["RABBITMQ_PASSWORD"] == {"name": BROKER_USERS_SECRET, "key": password_variable(service)}
    assert user_of(in_compose["RABBITMQ_URL"]) is None, "the URL carries no shared credential"


def test_compose_creates_the_users_with_the_permissions_of_the_code():
    step = COMPOSE["broker-users"]
    assert step["command"][:3] == ["python", "-m", "runtime.broker_users"] and "--management-url" in step["command"]
    passwords = {k: required_variable(v) for k, v in compose_env("broker-users").items() if k.endswith("_RABBITMQ_PASSWORD")}
    assert passwords == {password_variable(s): password_variable(s) for s in SERVICES}, \
        "the step sets each service's user with the password that service connects with"
    for service in SERVICE_MODULES:
        assert COMPOSE[service]["depends_on"]["broker-users"] == {"condition": "service_completed_successfully"}
    assert "guest" not in (ROOT / "compose.yaml").read_text()


def test_the_services_database_role_has_no_ddl_and_only_the_migrate_step_has_the_migrators():
    roles = dict(re.findall(r"-v (\w+)=(\w+)", (ROOT / "deploy" / "postgres" / "init-roles.sh").read_text()))
    secret = yaml.safe_load((K8S_DIR / "secret.example.yaml").read_text())["stringData"]
    assert user_of(secret["DATABASE_URL"]) == roles["service"]
    assert user_of(secret["MIGRATIONS_DATABASE_URL"]) == roles["migrator"]
    assert user_of(compose_env("migrate")["MIGRATIONS_DATABASE_URL"]) == roles["migrator"]
    assert user_of(compose_env("migrate")["DATABASE_URL"]) == roles["service"]
    for service in SERVICE_MODULES:
        in_compose, in_k8s = compose_env(service), k8s_env(f"{service}.yaml")
        assert "MIGRATIONS_DATABASE_URL" not in in_compose and "MIGRATIONS_DATABASE_URL" not in in_k8s
        if "DATABASE_URL" in in_compose or "DATABASE_URL" in in_k8s:
            assert user_of(in_compose["DATABASE_URL"]) == roles["service"]
            assert in_k8s["DATABASE_URL"] == {"name": "mockmind", "key": "DATABASE_URL"}
            assert in_compose["MIGRATE_ON_START"] == in_k8s["MIGRATE_ON_START"] == "false", service
    assert "MIGRATIONS_DATABASE_URL" in k8s_env("migrate-job.yaml", kind="Job")
