"""The Datadog monitors and dashboard agree with Datadog's query syntax, with the tags the RabbitMQ check
really sends, with the `env` the deployments set, and with what the agents and pods are configured to do."""

import re

import pytest
import yaml

from .deploy_facts import ROOT, datadog_queries, monitors

K8S_DIR = ROOT / "deploy" / "k8s"

# Tags of the OpenMetrics-based RabbitMQ check (`prometheus_plugin`, the documented setup): per-object
# metrics carry `queue`, `vhost`, `exchange`; `rabbitmq_queue` belongs to the legacy management-API check.
RABBITMQ_CHECK_TAGS = {"queue", "vhost", "exchange", "rabbitmq_endpoint", "env", "host"}
BOOLEAN = re.compile(r"\b(AND|OR|NOT|IN)\b")


def scope_problems(query: str) -> list[str]:
    """Datadog's metric scope `{…}` is either a comma list of tags or a boolean expression (AND, OR,
    NOT, IN with parentheses); a scope mixing both does not parse."""
    problems = []
    for scope in re.findall(r"\{([^{}]*)\}", query):
        if BOOLEAN.search(scope):
            outside_in_lists = re.sub(r"\bIN\s*\([^)]*\)", "", scope)
            if "," in outside_in_lists:
                problems.append(f"{{{scope}}} mixes ',' with boolean operators")
            if scope.count("(") != scope.count(")"):
                problems.append(f"{{{scope}}} has unbalanced parentheses")
    return problems


def test_the_scope_check_catches_a_mixed_scope():
    assert scope_problems("max:m{env:prod,queue:a OR queue:b} by {queue} > 1")
    assert not scope_problems("max:m{env:prod AND queue IN (a, b)} by {queue} > 1")
    assert not scope_problems("max:m{env:prod,verdict:x} > 1")


@pytest.mark.parametrize("query", datadog_queries())
def test_every_query_scope_parses(query):
    assert scope_problems(query) == []


def rabbitmq_tags(query: str) -> set[str]:
    tags = set()
    for metric, scope, groups in re.findall(r"[a-z]+:(rabbitmq\.[a-z_.]+)\{([^}]*)\}(?:\s*by\s*\{([^}]*)\})?", query):
        tags |= set(re.findall(r"([a-z_]+)(?::|\s+IN\b)", scope)) | {g.strip() for g in groups.split(",") if g.strip()}
    return tags


@pytest.mark.parametrize("query", [q for q in datadog_queries() if "rabbitmq." in q and "trace.rabbitmq" not in q])
def test_rabbitmq_metrics_use_the_tags_the_openmetrics_check_sends(query):
    assert rabbitmq_tags(query) <= RABBITMQ_CHECK_TAGS, query


def test_monitor_messages_name_tags_the_check_sends():
    for monitor in monitors():
        text = monitor["name"] + monitor["message"]
        for tag in re.findall(r"\{\{([a-z_]+)\.name\}\}", text):
            assert tag in RABBITMQ_CHECK_TAGS | {"service", "language", "model"}, (tag, monitor["name"])


# ---- one `env` everywhere -------------------------------------------------------------------------------


def k8s_env() -> str:
    config = yaml.safe_load((K8S_DIR / "config.yaml").read_text())
    return config["data"]["DD_ENV"]


def compose_envs() -> set[str]:
    services = yaml.safe_load((ROOT / "compose.yaml").read_text())["services"]
    values = set()
    for service in services.values():
        env = service.get("environment") or {}
        if "DD_ENV" in env:
            values.add(re.sub(r"^\$\{DD_ENV:-([^}]*)\}$", r"\1", str(env["DD_ENV"])))
    return values


def test_monitors_watch_the_env_the_deployments_set():
    monitor_envs = {env for m in monitors() for env in re.findall(r"\benv:([a-z0-9_-]+)", m["query"])}
    assert monitor_envs == {k8s_env()}, f"monitors filter {monitor_envs}, k8s sets {k8s_env()}"
    assert compose_envs() == {k8s_env()}, f"compose defaults to {compose_envs()}"


# ---- percentiles and traces reach Datadog ---------------------------------------------------------------


def queried_percentiles() -> set[str]:
    return {f"0.{p}" for q in datadog_queries() for p in re.findall(r"\.(\d\d)percentile", q)}


def test_the_compose_agent_computes_every_percentile_the_queries_read():
    agent = yaml.safe_load((ROOT / "compose.yaml").read_text())["services"]["datadog-agent"]
    computed = set(str(agent["environment"].get("DD_HISTOGRAM_PERCENTILES", "")).split())
    assert queried_percentiles() <= computed, f"queries read {queried_percentiles()}, the agent computes {computed}"


def k8s_documents() -> list[dict]:
    kustomization = yaml.safe_load((K8S_DIR / "kustomization.yaml").read_text())
    return [d for f in kustomization["resources"] for d in yaml.safe_load_all((K8S_DIR / f).read_text()) if d]


def test_every_k8s_deployment_traces_to_the_node_agent_and_may_reach_it():
    documents = k8s_documents()
    policies = [d for d in documents if d["kind"] == "NetworkPolicy"]
    for deployment in (d for d in documents if d["kind"] == "Deployment"):
        name = deployment["metadata"]["name"]
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        for container in deployment["spec"]["template"]["spec"]["containers"]:
            env = {e["name"]: e for e in container.get("env", [])}
            assert env.get("DD_TRACE_ENABLED", {}).get("value", "true") != "false", f"{name} has tracing off"
            assert env.get("DD_AGENT_HOST", {}).get("valueFrom", {}).get("fieldRef", {}).get("fieldPath") == \
                "status.hostIP", f"{name} does not send to its node's agent"
        for policy in policies:
            selector = policy["spec"]["podSelector"].get("matchLabels", {})
            if selector.items() <= labels.items() and "Egress" in policy["spec"].get("policyTypes", []):
                allowed = {(p.get("protocol", "TCP"), p["port"]) for rule in policy["spec"].get("egress", [])
                           for p in rule.get("ports", [])}
                assert {("TCP", 8126), ("UDP", 8125)} <= allowed, f"{policy['metadata']['name']} blocks the agent"
