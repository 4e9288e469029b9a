"""The pidfd child watcher: exit codes and signals reach asyncio as with its own watcher, from any event loop."""

import asyncio
import signal
import sys

import pytest

from sandbox_worker.children import LoopPidfdWatcher, watch_children_with_pidfds

pytestmark = pytest.mark.skipif(sys.version_info >= (3, 12), reason="asyncio watches pidfds itself from 3.12")


async def test_exit_codes_and_signals_reach_asyncio():
    watch_children_with_pidfds()
    assert isinstance(asyncio.get_event_loop_policy()._watcher, LoopPidfdWatcher)
    exits = await asyncio.create_subprocess_exec("/bin/sh", "-c", "exit 3")
    sleeper = await asyncio.create_subprocess_exec("/bin/sleep", "30")
    sleeper.send_signal(signal.SIGKILL)
    assert await asyncio.wait_for(exits.wait(), 10) == 3
    assert await asyncio.wait_for(sleeper.wait(), 10) == -signal.SIGKILL


def test_processes_of_another_event_loop_are_reaped_too():
    """Pytest and the worker's shutdown may run more than one loop in a process: no loop is attached to it."""
    watch_children_with_pidfds()

    async def one() -> int:
        process = await asyncio.create_subprocess_exec("/bin/true")
        return await asyncio.wait_for(process.wait(), 10)

    assert asyncio.run(one()) == 0
    assert asyncio.run(one()) == 0
