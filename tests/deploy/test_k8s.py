"""deploy/k8s/: valid against the Kubernetes schemas (kubernetes-validate bundles them), and consistent
with the code: one Deployment per service running its module, a KEDA ScaledObject per worker on the
queues it consumes, variables the services read, a WebSocket-ready Ingress and a hardened sandbox."""

from collections import defaultdict
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

from runtime.broker_users import password_variable

from .deploy_facts import (
    ROOT,
    SERVICE_MODULES,
    consumed_work_queues,
    dockerfile_command_module,
    dockerfile_targets,
    is_known,
)

K8S_DIR = ROOT / "deploy" / "k8s"
KUBERNETES_VERSION = "1.33.0"  # user namespaces for pods (hostUsers: false) are on by default from 1.33
CUSTOM_KINDS = {"Kustomization", "ScaledObject", "TriggerAuthentication"}  # not in the Kubernetes schemas
WORKERS = [name for name in SERVICE_MODULES if name != "gateway"]
IMAGE_SOURCES = {  # image → (Dockerfile, stage)
    **{f"mockmind/{n}": (ROOT / "deploy/docker/service.Dockerfile", n) for n in SERVICE_MODULES},
    "mockmind/sandbox-worker": (ROOT / "sandbox-worker/Dockerfile", ""),
}


def load_documents(path: Path) -> list[dict]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc]


@pytest.fixture(scope="module")
def manifests() -> dict[str, list[dict]]:
    """Resources by kind, from every file kustomization.yaml applies (the example Secret aside)."""
    kustomization = yaml.safe_load((K8S_DIR / "kustomization.yaml").read_text())
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for file in kustomization["resources"]:
        for doc in load_documents(K8S_DIR / file):
            by_kind[doc["kind"]].append(doc)
    return by_kind


def named(manifests, kind: str, name: str) -> dict:
    matches = [m for m in manifests[kind] if m["metadata"]["name"] == name]
    assert len(matches) == 1, f"expected one {kind} {name}, found {len(matches)}"
    return matches[0]


def pod_spec(resource: dict) -> dict:
    return resource["spec"]["template"]["spec"]


# ---- schemas ------------------------------------------------------------------------------------------


def test_kustomization_applies_every_manifest_file():
    listed = set(yaml.safe_load((K8S_DIR / "kustomization.yaml").read_text())["resources"])
    on_disk = {p.name for p in K8S_DIR.glob("*.yaml")} - {"kustomization.yaml", "secret.example.yaml"}
    assert listed == on_disk


@pytest.mark.parametrize("path", sorted(K8S_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_manifests_are_valid_kubernetes_resources(path):
    for doc in load_documents(path):
        if doc["kind"] in CUSTOM_KINDS:
            continue
        # strict: unknown fields (a misspelt key) are errors, not silently dropped
        kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)


def test_the_schema_check_catches_a_bad_manifest():
    bad = load_documents(K8S_DIR / "gateway.yaml")[0]
    bad["spec"]["template"]["spec"]["containers"][0]["imagePullPolicyy"] = "Always"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(bad, KUBERNETES_VERSION, strict=True)


def test_every_resource_is_in_the_namespace(manifests):
    for kind, resources in manifests.items():
        for resource in resources:
            if kind != "Namespace":
                assert resource["metadata"].get("namespace") == "mockmind", f"{kind} {resource['metadata']['name']}"


# ---- one Deployment per service, running its module ---------------------------------------------------


def test_one_deployment_per_service_running_its_module(manifests):
    assert {d["metadata"]["name"] for d in manifests["Deployment"]} == set(SERVICE_MODULES)
    for name, module in SERVICE_MODULES.items():
        deployment = named(manifests, "Deployment", name)
        selector = deployment["spec"]["selector"]["matchLabels"]
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert selector.items() <= labels.items()
        (container,) = pod_spec(deployment)["containers"]
        image = container["image"].rsplit(":", 1)[0]
        dockerfile, stage = IMAGE_SOURCES[image]
        assert dockerfile_command_module(dockerfile_targets(dockerfile)[stage]) == module


def test_migration_job_runs_the_migration(manifests):
    (container,) = pod_spec(named(manifests, "Job", "migrate"))["containers"]
    assert container["command"][-1] == "persistence.database"


def test_every_variable_is_read_by_the_service(manifests):
    config = named(manifests, "ConfigMap", "mockmind")["data"]
    secret_keys = set(yaml.safe_load((K8S_DIR / "secret.example.yaml").read_text())["stringData"])
    for name in SERVICE_MODULES:
        (container,) = pod_spec(named(manifests, "Deployment", name))["containers"]
        names = [e["name"] for e in container.get("env", [])]
        if any(ref.get("configMapRef") for ref in container.get("envFrom", [])):
            names += list(config)
        for variable in names:
            assert is_known(name, variable), f"{name}: {variable} is read by no code of {name}"
        for env in container.get("env", []):
            ref = env.get("valueFrom", {}).get("secretKeyRef")
            if ref:  # the shared Secret, or the service's own broker password (test_least_privilege.py)
                assert (ref["name"] == "mockmind" and ref["key"] in secret_keys
                        or ref == {"name": "mockmind-broker-users", "key": password_variable(name)}), f"{name}: {ref}"


def test_gateway_replicas_have_distinct_ids_and_share_the_secret(manifests):
    (container,) = pod_spec(named(manifests, "Deployment", "gateway"))["containers"]
    env = {e["name"]: e for e in container["env"]}
    assert env["REPLICA_ID"]["valueFrom"]["fieldRef"]["fieldPath"] == "metadata.name"
    assert env["SESSION_SECRET"]["valueFrom"]["secretKeyRef"]["key"] == "SESSION_SECRET"


# ---- the gateway's way in ---------------------------------------------------------------------------


def test_gateway_service_and_ingress_reach_the_container_port(manifests):
    (container,) = pod_spec(named(manifests, "Deployment", "gateway"))["containers"]
    env = {e["name"]: e.get("value") for e in container["env"]}
    (port,) = container["ports"]
    assert port["containerPort"] == int(env["PORT"]) and env["HOST"] == "0.0.0.0"
    service = named(manifests, "Service", "gateway")
    assert service["spec"]["selector"].items() <= pod_labels(manifests, "gateway").items()
    (service_port,) = service["spec"]["ports"]
    assert service_port["targetPort"] == port["name"]
    ingress = named(manifests, "Ingress", "gateway")
    backends = [p["backend"]["service"] for r in ingress["spec"]["rules"] for p in r["http"]["paths"]]
    assert backends == [{"name": "gateway", "port": {"name": service_port["name"]}}]


def pod_labels(manifests, name: str) -> dict:
    return named(manifests, "Deployment", name)["spec"]["template"]["metadata"]["labels"]


def test_ingress_is_websocket_ready_without_affinity(manifests):
    annotations = named(manifests, "Ingress", "gateway")["metadata"]["annotations"]
    assert int(annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600
    assert int(annotations["nginx.ingress.kubernetes.io/proxy-send-timeout"]) >= 3600
    assert "nginx.ingress.kubernetes.io/affinity" not in annotations
    assert named(manifests, "Service", "gateway")["spec"].get("sessionAffinity", "None") == "None"


# ---- KEDA ------------------------------------------------------------------------------------------------


def test_each_worker_scales_on_every_queue_it_consumes(manifests):
    scaled = {s["spec"]["scaleTargetRef"]["name"]: s for s in manifests["ScaledObject"]}
    assert set(scaled) == set(WORKERS)
    auth_names = {a["metadata"]["name"] for a in manifests["TriggerAuthentication"]}
    for worker in WORKERS:
        spec = scaled[worker]["spec"]
        assert 1 <= spec["minReplicaCount"] <= spec["maxReplicaCount"]
        queues = set()
        for trigger in spec["triggers"]:
            assert trigger["type"] == "rabbitmq"
            assert trigger["authenticationRef"]["name"] in auth_names
            assert trigger["metadata"]["mode"] == "QueueLength" and int(trigger["metadata"]["value"]) >= 1
            queues.add(trigger["metadata"]["queueName"])
        assert queues == consumed_work_queues(worker), worker
        assert "replicas" not in named(manifests, "Deployment", worker)["spec"]  # KEDA owns it


def test_keda_reads_the_bus_address_from_the_secret(manifests):
    secret_keys = set(yaml.safe_load((K8S_DIR / "secret.example.yaml").read_text())["stringData"])
    for auth in manifests["TriggerAuthentication"]:
        for ref in auth["spec"]["secretTargetRef"]:
            assert ref["parameter"] == "host" and ref["name"] == "mockmind" and ref["key"] in secret_keys


# ---- pod security -------------------------------------------------------------------------------------


def test_every_pod_runs_non_root_without_capabilities_or_token(manifests):
    for kind in ("Deployment", "Job"):
        for resource in manifests[kind]:
            spec = pod_spec(resource)
            name = resource["metadata"]["name"]
            assert spec["automountServiceAccountToken"] is False, name
            assert spec["securityContext"]["runAsNonRoot"] is True, name
            for container in spec["containers"]:
                context = container["securityContext"]
                assert context["allowPrivilegeEscalation"] is False, name
                assert context["readOnlyRootFilesystem"] is True, name
                assert context["capabilities"]["drop"] == ["ALL"], name
                assert "add" not in context["capabilities"] and not context.get("privileged"), name
            if name != "sandbox-worker":
                assert spec["securityContext"]["seccompProfile"]["type"] == "RuntimeDefault", name


def test_sandbox_pod_is_hardened(manifests):
    spec = pod_spec(named(manifests, "Deployment", "sandbox-worker"))
    assert spec["hostUsers"] is False  # "root" inside its user namespaces is nobody on the node
    assert spec["securityContext"]["seccompProfile"]["type"] in ("Unconfined", "Localhost")  # bwrap: see file
    (container,) = spec["containers"]
    mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
    volumes = {v["name"]: v for v in spec["volumes"]}
    assert "emptyDir" in volumes[mounts["/tmp"]]
    env = {e["name"] for e in container["env"]}
    assert "DATABASE_URL" not in env and "SESSION_SECRET" not in env


def test_sandbox_network_policy_denies_ingress_and_all_egress_but_the_broker_and_the_agent(manifests):
    policy = named(manifests, "NetworkPolicy", "sandbox-worker")
    assert policy["spec"]["podSelector"]["matchLabels"].items() <= pod_labels(manifests, "sandbox-worker").items()
    assert set(policy["spec"]["policyTypes"]) == {"Ingress", "Egress"}
    assert policy["spec"]["ingress"] == []
    allowed = {(p["protocol"], p["port"]) for rule in policy["spec"]["egress"] for p in rule["ports"]}
    assert allowed <= {("TCP", 5672), ("TCP", 5671), ("UDP", 53), ("TCP", 53), ("TCP", 8126), ("UDP", 8125)}
