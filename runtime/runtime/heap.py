"""Keep the garbage collector out of the latency tail.

A full collection walks every container object the process holds. Right after start-up that is ~180k
objects from imports alone (FastStream, SQLAlchemy, ddtrace, pydantic), and one full pass over them
measured ~150 ms on our 2-core machines: a stall that lands on whichever turn is in flight. Start-up
objects live as long as the process, so once it is up they are moved out of the collector's sight
(`gc.freeze()`); later full passes walk only what the service has made since.
"""

import gc
import logging

log = logging.getLogger("mockmind.heap")


def freeze_startup_heap() -> None:
    gc.collect()  # drop start-up garbage first, so it is not kept forever
    gc.freeze()
    log.debug("froze %d start-up objects out of the garbage collector's passes", gc.get_freeze_count())
