"""Steps many end-to-end tests take with a candidate's client: an interview past its greeting, and the
moment a session's record has stopped growing."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

from gateway.client import InterviewClient


@asynccontextmanager
async def greeted_interview(base_url: str, *, timeout: float = 30.0, **create_options) -> AsyncIterator[InterviewClient]:
    """A new interview whose greeting turn (the problem presented) is over; its socket is closed on the way out."""
    client = await InterviewClient.create(base_url, **create_options)
    await client.connect()
    try:
        await client.send("start_interview")
        await client.wait_turn_complete(after=0, timeout=timeout)
        yield client
    finally:
        await client.close()


async def settled_last_seq(client: InterviewClient, http: httpx.AsyncClient, *, quiet_s: float, timeout: float) -> int:
    """The session's last logged seq once the client has received it and nothing newer came for `quiet_s`
    (voice_audio for the last sentences can trail the turn by a moment)."""
    while True:
        logged = await http.get(f"{client.base_url}/api/sessions/{client.session_id}",
                                headers={"Authorization": f"Bearer {client.token}"})
        last_seq = logged.json()["last_seq"]
        await client.wait_for(lambda e, n=last_seq: e["seq"] == n, timeout=timeout)
        await asyncio.sleep(quiet_s)
        if client.last_seq == last_seq:
            return last_seq
