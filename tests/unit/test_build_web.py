"""scripts/build-web.sh (`make web`, `make dev`): `npm ci` only when package-lock.json changed, `next build`
only when a web source changed; run against a scratch git repository with a recording stand-in for npm."""

import os
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FAKE_NPM = """#!/usr/bin/env bash
echo "$*" >> "$NPM_CALLS"
case "$1" in
  ci) rm -rf node_modules && mkdir node_modules ;;
  run) mkdir -p out && echo built > out/index.html ;;
esac
"""


def _setup(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    shutil.copy(REPO / "scripts" / "build-web.sh", repo / "scripts" / "build-web.sh")
    web = repo / "web"
    (web / "app").mkdir(parents=True)
    (web / "package.json").write_text('{"name": "w"}\n')
    (web / "package-lock.json").write_text('{"lockfileVersion": 3}\n')
    (web / "app" / "page.tsx").write_text("export default function Page() { return null; }\n")
    (web / ".gitignore").write_text("node_modules/\nout/\n")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "add", "."], check=True)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "npm").write_text(FAKE_NPM)
    (bin_dir / "npm").chmod(0o755)
    env = os.environ | {"PATH": f"{bin_dir}:{os.environ['PATH']}", "NPM_CALLS": str(tmp_path / "calls")}
    return repo, env


def _run(repo: Path, env: dict[str, str], tmp_path: Path, *args: str) -> list[str]:
    calls = tmp_path / "calls"
    calls.write_text("")
    subprocess.run([str(repo / "scripts" / "build-web.sh"), *args], env=env, check=True, capture_output=True)
    return calls.read_text().splitlines()


def test_web_is_installed_and_built_only_when_something_changed(tmp_path):
    repo, env = _setup(tmp_path)
    assert _run(repo, env, tmp_path) == ["ci --no-audit --no-fund", "run build"]  # a fresh checkout
    assert _run(repo, env, tmp_path) == []  # nothing changed: no npm ci, no build
    (repo / "web" / "app" / "page.tsx").write_text("export default function Page() { return 1; }\n")
    assert _run(repo, env, tmp_path) == ["run build"]  # a source changed: build, node_modules kept
    (repo / "web" / "app" / "new.tsx").write_text("export const x = 1;\n")  # untracked files count too
    assert _run(repo, env, tmp_path) == ["run build"]
    (repo / "web" / "package-lock.json").write_text('{"lockfileVersion": 3, "x": 1}\n')
    assert _run(repo, env, tmp_path) == ["ci --no-audit --no-fund", "run build"]
    assert _run(repo, env, tmp_path) == []
    shutil.rmtree(repo / "web" / "out")
    assert _run(repo, env, tmp_path) == ["run build"]  # the output was deleted


def test_the_test_step_installs_dependencies_without_building(tmp_path):
    repo, env = _setup(tmp_path)
    assert _run(repo, env, tmp_path, "--deps-only") == ["ci --no-audit --no-fund"]
    assert _run(repo, env, tmp_path, "--deps-only") == []
