"""Barge-in: the candidate talked over the interviewer, who yields the turn.

The gateway fans a `VoiceCut` out to every interviewer replica; the one running that turn cuts it here.
The model's stream is closed at once (an HTTP stream is dropped mid-body, so the model stops writing),
the sentences already said stay in the transcript, and the turn closes as usual, so the turn gate marks it
done exactly once. Only the wait for the model's next event is cancelled, never the sending of a sentence:
an event is either out whole or not at all.
"""

import asyncio
from collections import OrderedDict
from collections.abc import AsyncIterator
from typing import TypeVar

INTERRUPTED = "interrupted"  # the stop reason of a turn the candidate talked over

Event = TypeVar("Event")


class TurnInterrupted(Exception):
    """The candidate talked over the turn: stop reading the model."""


class TurnCut:
    """One turn's cut: set once by a barge-in, read by the loop and the turn's output."""

    def __init__(self) -> None:
        self._cut = False
        self._reading: asyncio.Task | None = None  # the turn, while it waits for the model's next event

    @property
    def is_cut(self) -> bool:
        return self._cut

    def cut(self) -> None:
        self._cut = True
        if self._reading is not None:
            self._reading.cancel()  # delivered inside `_next`, where the turn is waiting now

    async def events(self, stream: AsyncIterator[Event]) -> AsyncIterator[Event]:
        """The model's events until the end of the stream or the cut (then `TurnInterrupted`). The caller
        closes `stream` (`contextlib.aclosing`), which drops the model's connection."""
        while True:
            if self._cut:
                raise TurnInterrupted
            reader = asyncio.current_task()
            self._reading = reader
            try:
                event = await anext(stream)
            except StopAsyncIteration:
                return
            except asyncio.CancelledError:
                if self._cut and reader is not None and reader.uncancel() == 0:
                    raise TurnInterrupted from None
                raise  # cancelled for another reason (shutdown)
            finally:
                self._reading = None
            yield event


class RunningTurns:
    """The turns running on this replica, by turn id, so a barge-in finds the one to cut. A cut that
    arrives before its turn starts here (the turn was waiting for the lease) is remembered briefly."""

    def __init__(self, remember: int = 1000):
        self._running: dict[str, TurnCut] = {}
        self._cut_early: OrderedDict[str, None] = OrderedDict()
        self._remember = remember

    def start(self, turn_id: str, cut: TurnCut) -> None:
        self._running[turn_id] = cut
        if turn_id in self._cut_early:
            cut.cut()

    def end(self, turn_id: str) -> None:
        self._running.pop(turn_id, None)

    def cut(self, turn_id: str) -> bool:
        """Cut the turn if it runs here; True if it did."""
        if (running := self._running.get(turn_id)) is not None:
            running.cut()
            return True
        self._cut_early[turn_id] = None
        while len(self._cut_early) > self._remember:
            self._cut_early.popitem(last=False)
        return False
