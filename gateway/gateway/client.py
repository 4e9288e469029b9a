"""A Python client of the gateway's public API, as a browser uses it: HTTP to create a session, then
one WebSocket. Used by `make smoke`, the benchmarks and the end-to-end tests."""

import asyncio
import json
from collections.abc import Callable
from typing import Any

import httpx
import websockets

from contracts.base import new_id


class InterviewClient:
    def __init__(self, base_url: str, session_id: str, token: str):
        self.base_url = base_url.rstrip("/")
        self.session_id = session_id
        self.token = token
        self.events: list[dict[str, Any]] = []
        self.last_seq = 0
        self._socket = None
        self._reader: asyncio.Task | None = None
        self._arrived = asyncio.Condition()

    @classmethod
    async def create(cls, base_url: str, difficulty: str = "easy", language: str = "python", **extra) -> "InterviewClient":
        async with httpx.AsyncClient(base_url=base_url, timeout=10) as http:
            response = await http.post("/api/sessions", json={"difficulty": difficulty, "language": language, **extra})
            response.raise_for_status()
            body = response.json()
        return cls(base_url, body["session_id"], body["token"])

    @property
    def ws_url(self) -> str:
        root = self.base_url.replace("http://", "ws://").replace("https://", "wss://")
        return f"{root}/ws/{self.session_id}?token={self.token}&last_seq={self.last_seq}"

    async def connect(self) -> None:
        self._socket = await websockets.connect(self.ws_url, max_size=2**24)
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for frame in self._socket:
            event = json.loads(frame)
            if event.get("seq"):
                self.last_seq = max(self.last_seq, event["seq"])
            async with self._arrived:
                self.events.append(event)
                self._arrived.notify_all()

    async def send(self, event_type: str, payload: dict | None = None, message_id: str | None = None) -> str:
        message_id = message_id or new_id()
        await self._socket.send(json.dumps({"type": event_type, "message_id": message_id, "payload": payload or {}}))
        return message_id

    async def wait_for(self, predicate: Callable[[dict], bool], *, after: int = 0, timeout: float = 30.0) -> dict:
        """The first event at index ≥ `after` that matches, waiting up to `timeout` seconds."""

        def found() -> dict | None:
            return next((e for e in self.events[after:] if predicate(e)), None)

        async with self._arrived:
            try:
                await asyncio.wait_for(self._arrived.wait_for(lambda: found() is not None), timeout)
            except TimeoutError:
                raise TimeoutError(f"no matching event within {timeout:.0f} s; since index {after}: "
                                   f"{self.describe(self.events[after:])}") from None
            return found()

    @staticmethod
    def describe(events: list[dict[str, Any]]) -> str:
        """A one-line account of events (type and the payload fields that say what happened), for failures."""
        keys = ("status", "tool", "to_phase", "kind", "mode", "code", "index")
        return "; ".join(
            f"{e.get('seq')}:{e.get('type')}" + "".join(f" {k}={e['payload'][k]}" for k in keys
                                                     if e.get("payload", {}).get(k) is not None)
            for e in events[-40:]
        ) or "none"

    async def wait_turn_complete(self, *, after: int, timeout: float = 30.0) -> dict:
        """Wait until the interviewer finishes a turn (its `agent_thinking` `done`)."""
        return await self.wait_for(
            lambda e: e["type"] == "agent_thinking" and e["payload"]["status"] == "done", after=after, timeout=timeout
        )

    async def close(self) -> None:
        if self._socket is not None:
            await self._socket.close()
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)
