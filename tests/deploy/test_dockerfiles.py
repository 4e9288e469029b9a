"""deploy/docker/service.Dockerfile: every workspace member is in the build, and each service image's
locked dependency set (what `uv sync --frozen --package` installs) holds the packages it runs."""

import importlib
import re
import subprocess
import tomllib
from pathlib import Path

import pytest

from .deploy_facts import ROOT, SERVICE_MODULES, dockerfile_command_module, dockerfile_targets

DOCKERFILE = ROOT / "deploy" / "docker" / "service.Dockerfile"
PACKAGES = {  # the build arg compose.yaml passes per target
    "gateway": "mockmind-gateway", "interviewer-agent": "mockmind-interviewer-agent",
    "feedback-agent": "mockmind-feedback-agent", "tts": "mockmind-tts",
}


def workspace_members() -> list[str]:
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["uv"]["workspace"]["members"]
    return sorted(str(p.parent.relative_to(ROOT)) for pattern in patterns for p in ROOT.glob(f"{pattern}/pyproject.toml"))


def test_the_build_sees_every_workspace_member():
    """`uv sync --frozen` refuses to run unless every member named by uv.lock is in the build."""
    text = DOCKERFILE.read_text()
    copied_pyprojects = set(re.findall(r"^COPY\s+(\S+)/pyproject\.toml\s", text, re.MULTILINE))
    copied_trees = {m.rstrip("/") for m in re.findall(r"^COPY\s+(\S+)\s+\S+\s*$", text, re.MULTILINE)}
    for member in workspace_members():
        assert member in copied_pyprojects, f"{member}/pyproject.toml is not copied before `uv sync`"
        assert member in copied_trees or member.split("/")[0] in copied_trees, f"{member} sources not copied"


def test_each_service_target_runs_its_module():
    stages = dockerfile_targets(DOCKERFILE)
    for service in PACKAGES:
        assert dockerfile_command_module(stages[service]) == SERVICE_MODULES[service]


@pytest.mark.parametrize("service", sorted(PACKAGES))
def test_locked_dependencies_of_each_image_resolve(service):
    exported = subprocess.run(
        ["uv", "export", "--frozen", "--no-dev", "--no-hashes", "--package", PACKAGES[service]],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=120,
    ).stdout
    editable = set(re.findall(r"^-e \./(\S+)", exported, re.MULTILINE))
    package_dir = Path(importlib.import_module(SERVICE_MODULES[service].split(".")[0]).__file__).parent
    assert str(package_dir.parent.relative_to(ROOT)) in editable  # the service's own workspace member
    assert {"contracts", "runtime", "persistence"} <= editable
    assert "pytest" not in exported  # no dev dependencies in images
