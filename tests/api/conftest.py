"""The gateway alone, served by uvicorn inside the test's event loop, on the real local RabbitMQ (own
vhost) and a real database: what the gateway answers by itself, without any worker running."""

import asyncio
import json

import aio_pika
import httpx
import pytest
import uvicorn
import websockets

from contracts.topology import COMMANDS
from gateway.app import create_app
from gateway.settings import GatewaySettings
from runtime.local_stack import free_port

SECRET = "gateway-test-secret"


def gateway_settings(rabbitmq_url: str, database_url: str, **overrides) -> GatewaySettings:
    return GatewaySettings(rabbitmq_url=rabbitmq_url, database_url=database_url, session_secret=SECRET,
                           _env_file=None, **overrides)


async def declare_commands_exchange(rabbitmq_url: str) -> None:
    """The workers declare the commands exchange; with none running, the test does, so publishes land."""
    connection = await aio_pika.connect(rabbitmq_url)
    async with connection:
        channel = await connection.channel()
        await channel.declare_exchange(COMMANDS.name, aio_pika.ExchangeType.TOPIC, durable=True)


class ServedGateway:
    def __init__(self, settings: GatewaySettings):
        self.settings = settings
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.ws_url = f"ws://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=self.port, log_level="warning",
                                ws_max_size=settings.ws_max_size(), ws_per_message_deflate=False)
        self.server = uvicorn.Server(config)
        self._task: asyncio.Task | None = None

    async def __aenter__(self) -> "ServedGateway":
        self._task = asyncio.create_task(self.server.serve())
        while not self.server.started:
            if self._task.done():
                self._task.result()
            await asyncio.sleep(0.02)
        return self

    async def __aexit__(self, *_exc) -> None:
        self.server.should_exit = True
        await self._task


@pytest.fixture
async def gateway(rabbitmq_url, sqlite_url):
    await declare_commands_exchange(rabbitmq_url)
    async with ServedGateway(gateway_settings(rabbitmq_url, sqlite_url)) as served:
        yield served


async def new_session(gateway: ServedGateway) -> tuple[str, str]:
    async with httpx.AsyncClient(base_url=gateway.url) as http:
        body = (await http.post("/api/sessions", json={"difficulty": "easy", "language": "python"})).json()
    return body["session_id"], body["token"]


async def open_socket(gateway: ServedGateway, session_id: str, token: str, last_seq: int = 0):
    """The interview socket, authenticated the way the browser does it: the token in the first frame."""
    socket = await websockets.connect(f"{gateway.ws_url}/ws/{session_id}", max_size=2**24)
    await socket.send(json.dumps({"type": "authenticate", "payload": {"token": token, "last_seq": last_seq}}))
    return socket


async def receive(socket, timeout: float = 10.0) -> dict:
    return json.loads(await asyncio.wait_for(socket.recv(), timeout))
