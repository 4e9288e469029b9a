"""The cgroup pool hands an emptied cgroup out again, with its peak and OOM count starting afresh."""

import pytest

from sandbox_worker.cgroup import CgroupPool, memory_cgroup_root

ROOT = memory_cgroup_root()
pytestmark = pytest.mark.skipif(ROOT is None, reason="no delegated memory cgroup on this host")


async def test_released_group_is_reused_for_the_same_limit_only():
    pool = CgroupPool(ROOT)
    try:
        first = pool.acquire(64 << 20)
        pool.release(first)
        again = pool.acquire(64 << 20)
        other = pool.acquire(128 << 20)
        assert again.path == first.path
        assert other.path != first.path
        assert again.path.exists() and again.is_empty()
        if again.reset_for_reuse():
            assert not again.oom_killed()
        pool.release(again)
        pool.release(other)
    finally:
        pool.close()
    assert not first.path.exists() and not other.path.exists()
