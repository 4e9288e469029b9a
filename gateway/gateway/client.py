"""A Python client of the gateway's public API, as a browser uses it: HTTP to create a session, then
one WebSocket. Used by `make smoke`, the benchmarks and the end-to-end tests."""

import array
import asyncio
import base64
import itertools
import json
import random
import time
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
        self.arrived_at: list[float] = []  # time.perf_counter() as each event was read, for timing
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
        """The socket's URL: no token in it (URLs end up in logs); `connect` authenticates in the first frame."""
        root = self.base_url.replace("http://", "ws://").replace("https://", "wss://")
        return f"{root}/ws/{self.session_id}"

    def authenticate_frame(self) -> str:
        return json.dumps({"type": "authenticate", "payload": {"token": self.token, "last_seq": self.last_seq}})

    async def connect(self, **options) -> None:
        """Open the socket and authenticate (INTERFACES.md 5); the reply (`session_ready`, or an `error`
        and a close) arrives among the events."""
        self._socket = await websockets.connect(self.ws_url, max_size=2**24, **options)
        await self._socket.send(self.authenticate_frame())
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for frame in self._socket:
            arrived = time.perf_counter()
            event = json.loads(frame)
            if event.get("seq"):
                self.last_seq = max(self.last_seq, event["seq"])
            async with self._arrived:
                self.arrived_at.append(arrived)
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

    def arrival_of(self, event: dict[str, Any]) -> float:
        """When `event` (one of `events`) arrived, on `time.perf_counter()`'s clock."""
        return self.arrived_at[next(i for i, e in enumerate(self.events) if e is event)]

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

    @property
    def connected(self) -> bool:
        """Still reading: False once the server closed the socket (or before `connect`)."""
        return self._reader is not None and not self._reader.done()

    async def timeline(self) -> dict[str, Any]:
        """The session's whole record (`GET /api/sessions/{id}/timeline`), as a reload or a second device reads it."""
        async with httpx.AsyncClient(base_url=self.base_url, timeout=30) as http:
            response = await http.get(f"/api/sessions/{self.session_id}/timeline",
                                      headers={"Authorization": f"Bearer {self.token}"})
            response.raise_for_status()
            return response.json()
    async def stream_speech(self, pcm: bytes, *, utterance_id: str, chunk_ms: int = 200, coding: bool = False,
                            until: Callable[[], bool] = lambda: True, max_silence_ms: int = 6000) -> float:
        """Send 16 kHz mono int16 `pcm` as a browser's microphone does: `audio_chunk` events of `chunk_ms`,
        each when its audio has been captured (real time); then quiet room noise while the microphone stays
        on, until `until()` holds (checked after each chunk) or `max_silence_ms` passed. Returns when the
        speech ended (its last sample was spoken), on `time.perf_counter()`'s clock as `arrival_of` is."""
        loop = asyncio.get_running_loop()
        chunk_samples = 16 * chunk_ms
        total = len(pcm) // 2
        noise = random.Random(0)
        room = array.array("h", (round(noise.gauss(0, 10)) for _ in range(chunk_samples))).tobytes()
        started = loop.time()
        for seq in itertools.count():
            begin = seq * chunk_samples
            if begin >= total and (until() or begin - total >= max_silence_ms * 16):
                break
            chunk = pcm[begin * 2:(begin + chunk_samples) * 2] if begin < total else room
            await asyncio.sleep(max(0.0, started + (begin + chunk_samples) / 16_000 - loop.time()))
            await self.send("audio_chunk", {"utterance_id": utterance_id, "seq": seq, "coding": coding,
                                            "pcm16": base64.b64encode(chunk).decode()})
        return time.perf_counter() - loop.time() + started + total / 16_000

    async def close(self) -> None:
        if self._socket is not None:
            await self._socket.close()
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)
