"""Start-up objects are frozen out of the collector's passes; garbage made before is collected first."""

import gc
import weakref

from runtime.heap import freeze_startup_heap


class Node:
    def __init__(self):
        self.me = self  # a reference cycle: only the collector frees it


def test_startup_objects_are_frozen_and_startup_garbage_is_not():
    kept, dropped = Node(), Node()
    dropped_ref = weakref.ref(dropped)
    del dropped
    try:
        freeze_startup_heap()
        assert dropped_ref() is None  # collected before the freeze, not kept forever
        assert gc.get_freeze_count() > 0
        assert not any(obj is kept for obj in gc.get_objects())  # out of the collector's sight
    finally:
        gc.unfreeze()
