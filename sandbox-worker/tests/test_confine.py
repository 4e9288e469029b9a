"""Confining bwrap's blocked tree: rlimits reach a child cloned while its parent was being confined."""

import resource
import subprocess
import sys
import time

import pytest

from sandbox_worker import sandbox
from sandbox_worker.sandbox import SandboxUnavailable, _child_pids, _confine_tree

# A parent that forks one child at once, both then waiting (as bwrap and its blocked child do).
PARENT_AND_CHILD = "import os, time\nos.fork()\ntime.sleep(30)\n"
OPEN_FILES = 48


def _start_tree() -> tuple[subprocess.Popen, int]:
    parent = subprocess.Popen([sys.executable, "-c", PARENT_AND_CHILD])
    deadline = time.monotonic() + 10
    while not (children := _child_pids(parent.pid)):
        assert time.monotonic() < deadline, "the parent never forked"
        time.sleep(0.01)
    return parent, children[0]


def _end(parent: subprocess.Popen, child: int) -> None:
    subprocess.run(["kill", "-9", str(child)], check=False)
    parent.kill()
    parent.wait()


def test_a_child_not_yet_listed_when_its_parent_was_confined_is_confined_too(monkeypatch):
    """The kernel copies a new child's rlimits before it lists the child among its parent's children: a clone
    in that window keeps the old limits and is missing from the first walk. The walk is done again."""
    parent, child = _start_tree()
    try:
        listed = []

        def first_walk_misses_the_child(pid: int) -> list[int]:
            listed.append(pid)
            return [] if listed.count(parent.pid) == 1 else _child_pids(pid)

        monkeypatch.setattr(sandbox, "_child_pids", first_walk_misses_the_child)
        _confine_tree(parent.pid, None, {resource.RLIMIT_NOFILE: OPEN_FILES})
        assert resource.prlimit(child, resource.RLIMIT_NOFILE) == (OPEN_FILES, OPEN_FILES)
        assert resource.prlimit(parent.pid, resource.RLIMIT_NOFILE) == (OPEN_FILES, OPEN_FILES)
    finally:
        _end(parent, child)


def test_a_parent_that_never_starts_its_child_is_not_let_go():
    lonely = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        with pytest.raises(SandboxUnavailable, match="did not start its child"):
            _confine_tree(lonely.pid, None, {resource.RLIMIT_NOFILE: OPEN_FILES}, deadline_s=0.2)
    finally:
        lonely.kill()
        lonely.wait()


def test_a_parent_that_exited_is_left_to_report_its_own_failure():
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    while gone.poll() is None:
        time.sleep(0.01)
    _confine_tree(gone.pid, None, {resource.RLIMIT_NOFILE: OPEN_FILES}, deadline_s=0.2)  # returns, no error
