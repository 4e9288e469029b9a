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

from contracts.events import ServerEvent
from persistence.store import InterviewStore

log = logging.getLogger("gateway.hub")

Binder = Callable[[str], Awaitable[None]]


class ClientConnection:
    """One browser socket. A single writer task sends everything, in sequence order.

    Events from different services can arrive slightly out of order (each numbers its event in the
    database before publishing). When a gap appears, the missing events are already in the database,
    so they are read from there; late live copies are then recognised as already sent and dropped.
    """

    def __init__(self, websocket: WebSocket, session_id: str, store: InterviewStore, last_seq: int):
        self.websocket = websocket
        self.session_id = session_id
        self.store = store
        self.next_seq = last_seq + 1
        self.outbox: asyncio.Queue[ServerEvent | None] = asyncio.Queue()

    def push(self, event: ServerEvent) -> None:
        self.outbox.put_nowait(event)

    def close(self) -> None:
        self.outbox.put_nowait(None)

    async def replay(self) -> None:
        for event in await self.store.events_after(self.session_id, self.next_seq - 1):
            await self._send_in_order(event)

    async def write_loop(self) -> None:
        while (event := await self.outbox.get()) is not None:
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
        if self.websocket.application_state is WebSocketState.CONNECTED:
            await self.websocket.send_text(event.model_dump_json())


class SessionHub:
    def __init__(self, bind: Binder, unbind: Binder):
        self._bind = bind
        self._unbind = unbind
        self._connections: dict[str, set[ClientConnection]] = defaultdict(set)
        self._lock = asyncio.Lock()

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

    def deliver(self, event: ServerEvent) -> None:
        for connection in self._connections.get(event.session_id, ()):
            connection.push(event)
