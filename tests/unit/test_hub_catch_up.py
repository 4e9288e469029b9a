"""After a broker failover the gateway's events queue is declared again on another node; events published
meanwhile never reach it, and the last of them leaves no gap to notice. `catch_up_all` reads them back."""

import asyncio
import json

from starlette.websockets import WebSocketState

from contracts.events import ServerEventType, server_event
from gateway.hub import ClientConnection, SessionHub
from persistence.store import InterviewStore


class RecordingSocket:
    application_state = WebSocketState.CONNECTED

    def __init__(self):
        self.sent: list[str] = []

    async def send_text(self, text: str) -> None:
        self.sent.append(text)


async def test_events_lost_on_the_bus_reach_the_socket_after_a_reconnect(tmp_path):
    store = await InterviewStore.open(f"sqlite+aiosqlite:///{tmp_path / 'hub.db'}")

    async def no_binding(_session_id: str) -> None:
        return None

    try:
        session = await store.create_session(difficulty="easy", language="python")
        events = [await store.append_event(server_event(session.id, ServerEventType.AGENT_THINKING))
                  for _ in range(3)]
        socket = RecordingSocket()
        connection = ClientConnection(socket, session.id, store, last_seq=0)
        hub = SessionHub(no_binding, no_binding)
        await hub.attach(connection)
        writer = asyncio.create_task(connection.write_loop())
        hub.deliver(events[0])  # the first arrived live; the other two went down with a broker node

        hub.catch_up_all()
        connection.close()
        await asyncio.wait_for(writer, 10)
        assert [json.loads(text)["seq"] for text in socket.sent] == [1, 2, 3]
    finally:
        await store.close()
