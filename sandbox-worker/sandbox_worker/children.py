"""How the worker learns that a sandbox's process has exited: a pidfd on the event loop, not a thread.

Before Python 3.12, asyncio watches each child process with a thread of its own (ThreadedChildWatcher) and
waits for that thread to start: a scheduling round trip per sandbox with the event loop blocked, milliseconds
on a busy host, and a thread's start-up per run. Python 3.12 watches a pidfd on the running loop instead;
this is that watcher (Lib/asyncio/unix_events.py of 3.12), installed on 3.11 where the kernel has pidfd_open.
"""

import asyncio
import logging
import os
import sys

log = logging.getLogger(__name__)


# Child watchers are gone from asyncio's API after 3.13; this one is only ever installed before 3.12.
_ChildWatcher = getattr(asyncio, "AbstractChildWatcher", object)


class LoopPidfdWatcher(_ChildWatcher):
    """Each child's pidfd is watched by the loop that started it, so any number of event loops may use it."""

    def add_child_handler(self, pid, callback, *args):
        loop = asyncio.get_running_loop()
        pidfd = os.pidfd_open(pid)
        loop._add_reader(pidfd, self._do_wait, pid, pidfd, callback, args)

    def _do_wait(self, pid, pidfd, callback, args):
        asyncio.get_running_loop()._remove_reader(pidfd)
        try:
            _, status = os.waitpid(pid, 0)
        except ChildProcessError:  # reaped elsewhere
            returncode = 255
            log.warning("child process pid %d exit status already read: will report returncode 255", pid)
        else:
            returncode = os.waitstatus_to_exitcode(status)
        os.close(pidfd)
        callback(pid, returncode, *args)

    def remove_child_handler(self, pid):
        return True  # the pidfd goes once the child has exited

    def attach_loop(self, loop):
        pass

    def is_active(self):
        return True

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        pass


def watch_children_with_pidfds() -> None:
    """Install LoopPidfdWatcher for this process, on Python 3.11 where the kernel has pidfds (else keep asyncio's)."""
    if sys.version_info >= (3, 12) or not hasattr(os, "pidfd_open"):
        return
    policy = asyncio.get_event_loop_policy()
    if isinstance(getattr(policy, "_watcher", None), LoopPidfdWatcher):
        return
    try:
        os.close(os.pidfd_open(os.getpid()))
    except OSError:
        return
    policy.set_child_watcher(LoopPidfdWatcher())
