"""Which sockets on this gateway replica listen to which session, and in-order delivery to each.

Each replica has one exclusive queue on the events exchange. The first socket of a session binds
`session.<id>` to it; the last one to leave unbinds it. So an event reaches exactly the replicas that
hold a socket for its session, however many replicas run.
"""

import asyncio
import contextlib
import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable

from starlette.websockets import WebSocket, WebSocketState

from contracts.events import ServerEvent, ServerEventType
from persistence.store import InterviewStore

log = logging.getLogger("gateway.hub")

Binder = Callable[[str], Awaitable[None]]
OUTBOX_OVERFLOW = 4429  # close code: the browser read too slowly; reconnect with last_seq
CATCH_UP = "catch-up"  # an outbox marker: read the event log for anything the bus lost


class ClientConnection:
    """One browser socket. A single writer task sends everything, in sequence order.

    Events from different services can arrive slightly out of order (each numbers its event in the
    database before publishing). When a gap appears, the missing events are already in the database,
    so they are read from there; late live copies are then recognised as already sent and dropped.
    """

    def __init__(self, websocket: WebSocket, session_id: str, store: InterviewStore, last_seq: int,
                 max_outbox: int = 1000):
        self.websocket = websocket
        self.session_id = session_id
        self.store = store
        self.next_seq = last_seq + 1
        self.outbox: asyncio.Queue[ServerEvent | str | None] = asyncio.Queue()
        self.max_outbox = max_outbox
        self.overflowed = False
        self.utterance_chunks: dict[str, int] = {}  # microphone utterance → chunks forwarded (see commands)
        self._voice_turn: str | None = None  # the reply whose audio was sent last
        self._open_turn: str | None = None  # the interviewer turn announced and not yet done
        self._cut_turns: set[str] = set()  # replies the candidate talked over: their audio is not sent

    def cut_voice(self) -> list[str]:
        """Barge-in: the browser stopped the reply that was playing; send no more of its audio. (Audio of
        later replies plays as usual; a reconnect replays history, which browsers never autoplay.) Returns
        the turns to stop: the reply whose audio was sent last and the turn still being written, if any."""
        if self._voice_turn is not None:
            self._cut_turns.add(self._voice_turn)
        return list(dict.fromkeys(turn for turn in (self._voice_turn, self._open_turn) if turn is not None))

    def _note_turn(self, event: ServerEvent) -> None:
        """Which interviewer turn is under way, from its `agent_thinking` events (a barge-in stops it)."""
        turn_id = event.payload.get("turn_id")
        if event.payload.get("status") != "done":
            self._open_turn = turn_id
        elif turn_id == self._open_turn:
            self._open_turn = None

    def push(self, event: ServerEvent) -> None:
        """Queue an event for the writer. A browser that stops reading must not grow this without bound:
        past `max_outbox` the socket is closed with `OUTBOX_OVERFLOW` (4429); the browser reconnects with
        its `last_seq` and gets everything from the event log, so nothing is lost."""
        if self.overflowed:
            return
        if self.outbox.qsize() >= self.max_outbox:
            self.overflowed = True
            log.warning("session %s: outbox over %d events; closing the socket", self.session_id, self.max_outbox)
            self.outbox.put_nowait(None)  # the writer stops; the read loop sees the close
            asyncio.get_running_loop().create_task(self._close_for_overflow())
            return
        self.outbox.put_nowait(event)

    async def _close_for_overflow(self) -> None:
        with contextlib.suppress(Exception):  # already closing or gone: nothing more to do
            await self.websocket.close(code=OUTBOX_OVERFLOW, reason="outbox_overflow")

    def close(self) -> None:
        self.outbox.put_nowait(None)

    def catch_up(self) -> None:
        """Have the writer send whatever the log holds past what this socket got: events published while
        this replica's queue was gone with a broker node never reach it, and the last of them would
        leave no gap for `_send_in_order` to notice."""
        if not self.overflowed:
            self.outbox.put_nowait(CATCH_UP)

    async def replay(self) -> None:
        for event in await self.store.events_after(self.session_id, self.next_seq - 1):
            await self._send_in_order(event)

    async def write_loop(self) -> None:
        while (event := await self.outbox.get()) is not None:
            if event == CATCH_UP:
                await self.replay()
            else:
                await self._send_in_order(event)

    async def _send_in_order(self, event: ServerEvent) -> None:
        if event.seq is None:
            await self._send(event)
            return
        if event.seq < self.next_seq:
            return  # already sent (replayed, or read while filling a gap)
        if event.seq > self.next_seq:
            for missing in await self.store.events_after(self.session_id, self.next_seq - 1, limit=event.seq - self.next_seq):
                if missing.seq == self.next_seq:
                    await self._send(missing)
                    self.next_seq += 1
        await self._send(event)
        self.next_seq = event.seq + 1

    async def _send(self, event: ServerEvent) -> None:
        if event.type is ServerEventType.VOICE_AUDIO:
            self._voice_turn = event.payload.get("turn_id")
            if self._voice_turn in self._cut_turns:
                return
        elif event.type is ServerEventType.AGENT_THINKING:
            self._note_turn(event)
        if self.websocket.application_state is WebSocketState.CONNECTED:
            await self.websocket.send_text(event.model_dump_json())


class SessionHub:
    def __init__(self, bind: Binder, unbind: Binder):
        self._bind = bind
        self._unbind = unbind
        self._connections: dict[str, set[ClientConnection]] = defaultdict(set)
        self._lock = asyncio.Lock()

    def session_ids(self) -> list[str]:
        """Sessions with a socket on this replica right now."""
        return [session_id for session_id, connections in self._connections.items() if connections]

    @property
    def connection_count(self) -> int:
        return sum(len(c) for c in self._connections.values())

    async def attach(self, connection: ClientConnection) -> None:
        async with self._lock:
            if not self._connections[connection.session_id]:
                await self._bind(connection.session_id)
            self._connections[connection.session_id].add(connection)

    async def detach(self, connection: ClientConnection) -> None:
        async with self._lock:
            connections = self._connections.get(connection.session_id, set())
            connections.discard(connection)
            if not connections:
                self._connections.pop(connection.session_id, None)
                with contextlib.suppress(Exception):  # the queue may already be gone with the connection
                    await self._unbind(connection.session_id)

    def catch_up_all(self) -> None:
        for connections in self._connections.values():
            for connection in connections:
                connection.catch_up()

    def deliver(self, event: ServerEvent) -> None:
        for connection in self._connections.get(event.session_id, ()):
            connection.push(event)
