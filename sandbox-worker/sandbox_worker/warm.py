"""A small pool of pre-started, single-use sandboxes, so that a run does not wait for its runtime to start.

Starting bwrap and an interpreter is most of a short run's latency. The pool starts them ahead of time
(see Sandbox._start_warm_slot): each slot is a complete sandbox, confined exactly as a cold run, whose
runtime has started and waits on stdin for the run's rlimits; a slot counts as ready only once its runtime
has said so. A run takes one slot, which is then discarded: a slot never serves two submissions. The pool
refills in the background, `size` starts at a time: under sustained load that bounds the rate of warm runs
to about size / (one sandbox's start-up).

The pool holds slots for one template (command, environment, mounts, tmpfs size: what is fixed when
bwrap starts), the one most recently asked for; a run with another template runs cold and re-targets
the pool. A run that finds no ready slot waits for one already starting (it is never later than a cold
start begun now), else runs cold: the sandbox starts one slot for it and hands it over at once. Size 0
disables the pool.
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, Generic, TypeVar

log = logging.getLogger(__name__)

Slot = TypeVar("Slot")


class WarmPool(Generic[Slot]):
    def __init__(self, size: int, start: Callable[[Any], Awaitable[Slot]], discard: Callable[[Slot], None],
                 alive: Callable[[Slot], bool]):
        self.size = max(0, size)
        self._start, self._discard, self._alive = start, discard, alive
        self._key: Hashable | None = None
        self._template: Any = None
        self._ready: list[Slot] = []
        self._starting: list[asyncio.Task] = []
        self._dropped: set[asyncio.Task] = set()  # starts no longer wanted; their slots are discarded when up
        self._loop: asyncio.AbstractEventLoop | None = None

    async def take(self, key: Hashable, template: Any) -> Slot | None:
        """A started slot for `key`, now or as soon as one already starting is up; None: run cold.
        The caller calls `refill()` once its run is over, so that starting a replacement does not
        compete with the run for the CPU (nor for the event loop, which forks it)."""
        if self.size == 0:
            return None
        self._adopt(key, template)
        slot = self._pop_ready()
        claimed = self._starting.pop(0) if slot is None and self._starting else None
        if claimed is None:
            return slot
        try:
            return await asyncio.shield(claimed)
        except asyncio.CancelledError:
            self._drop(claimed)
            raise
        except Exception:  # the start failed: run cold
            log.warning("a warm sandbox failed to start; running cold", exc_info=True)
            return None

    def fill(self, key: Hashable, template: Any) -> None:
        """Start slots for `key` ahead of its first run."""
        if self.size:
            self._adopt(key, template)
            self.refill()

    def close(self) -> None:
        """Discard every slot (worker shutdown); slots still starting are discarded when they are up.
        No refill follows until a run or `fill` names a template again."""
        for task in self._starting:
            self._drop(task)
        self._starting.clear()
        for slot in self._ready:
            self._discard(slot)
        self._ready.clear()
        self._key = self._template = None

    async def drain(self) -> None:
        """Wait for the dropped starts, so that each one's slot has been discarded."""
        while self._dropped:
            await asyncio.gather(*self._dropped, return_exceptions=True)
            await asyncio.sleep(0)  # let their done callbacks run

    @property
    def ready(self) -> int:
        return len(self._ready)

    def _adopt(self, key: Hashable, template: Any) -> None:
        loop = asyncio.get_running_loop()
        if loop is not self._loop:  # slots belong to the event loop that started them, now closed
            self._starting.clear()  # that loop cancelled these starts as it ended
            self._dropped.clear()
            self.close()
            self._loop = loop
        if key != self._key:
            self.close()
            self._key, self._template = key, template

    def _pop_ready(self) -> Slot | None:
        while self._ready:
            slot = self._ready.pop(0)
            if self._alive(slot):
                return slot
            self._discard(slot)
        return None

    def refill(self) -> None:
        """Start slots for the current template until ready + starting make `size`."""
        if self._key is None or self._loop is not asyncio.get_running_loop():
            return
        for _ in range(self.size - len(self._ready) - len(self._starting)):
            task = asyncio.create_task(self._start(self._template))
            task.add_done_callback(self._started)
            self._starting.append(task)

    def _started(self, task: asyncio.Task) -> None:
        if task not in self._starting:
            return  # claimed by a run, or dropped (and then discarded by _discard_result)
        self._starting.remove(task)
        if task.cancelled():
            return
        if task.exception() is not None:
            log.warning("a warm sandbox failed to start", exc_info=task.exception())
            return
        self._ready.append(task.result())

    def _drop(self, task: asyncio.Task) -> None:
        self._dropped.add(task)
        task.add_done_callback(self._discard_result)

    def _discard_result(self, task: asyncio.Task) -> None:
        self._dropped.discard(task)
        if not task.cancelled() and task.exception() is None:
            self._discard(task.result())
