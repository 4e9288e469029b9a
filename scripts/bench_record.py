"""`make bench-record`: how many bytes one interview's record takes.

Starts the whole platform (offline interviewer, espeak-ng voice, sandbox) on a RabbitMQ vhost and a
SQLite file of its own, and drives one scripted 30-minute interview through the public API, voice on:
questions typed and spoken, a snapshot of the editor every 5 s of typing (360 of them), sample runs
every 5 minutes, three hints, a submission, the final report. Then it adds up what the database keeps
for that session: the event log, the transcript, code runs, reports and the session's own row.
Interviewer audio is kept once by content beside the record (`audio_clips`, shared by every interview
that says the same sentence) and is reported on its own line; the record holds only its URLs.

The interview runs in a few minutes of wall time: the figure depends on what happens, not on how long
the waits between actions are. The last line is `record_bytes_per_interview=<bytes>`.
"""

import asyncio
import sqlite3
import sys
import tempfile
from pathlib import Path

import httpx
from bench import SECRET, private_vhost  # scripts/ is this script's folder

from gateway.client import InterviewClient
from question_bank.bank import default_bank
from runtime.local_stack import LocalStack, free_port

MINUTES = 30
TOPIC = "two_pointers"  # one easy problem on it (readable_palindrome)
SNAPSHOT_EVERY_S = 5
SNAPSHOTS = MINUTES * 60 // SNAPSHOT_EVERY_S
RUN_EVERY = 60  # snapshots: a sample run every 5 minutes
HINT_AT = (90, 150, 210)
SAID = [  # (snapshot index it follows, text, spoken)
    (0, "How large can the input get?", False),
    (0, "Can the input be empty?", True),
    (0, "Are there duplicates in the input?", False),
    (0, "What should I return when there is no answer?", True),
    (10, "I think I'll go through the input once and keep what I've seen in a dictionary.", True),
    (40, "That should be linear time and linear extra space.", False),
    (100, "Hmm, I'm handling the edge case where the list is empty now.", True),
    (130, "Let me think about whether I need to sort first.", True),
    (170, "I think the loop is right, I'm checking the indices.", False),
    (200, "So far so good, I'll add a check for the last element.", True),
    (230, "Is it fine if I return the first pair I find?", False),
    (260, "Let me trace through the second example by hand.", True),
    (290, "I'm renaming a few variables to make it clearer.", False),
    (320, "Okay, I think it's ready, let me run it once more.", True),
    (340, "I'm fairly confident now.", True),
    (355, "I'll submit it.", False),
]


async def turn(client: InterviewClient, event_type: str, payload: dict | None = None) -> None:
    mark = len(client.events)
    await client.send(event_type, payload)
    await client.wait_turn_complete(after=mark, timeout=180)


def typing(reference: str, i: int) -> str:
    """The editor after snapshot `i`: the solution typed up to here, and a scratch note being edited."""
    typed = reference[: round(len(reference) * (i + 1) / SNAPSHOTS)]
    return f"{typed}\n# scratch: {i * SNAPSHOT_EVERY_S} s in\n"


async def interview(base_url: str) -> str:
    # One problem, always: the size of its test results is part of the figure.
    client = await InterviewClient.create(base_url, difficulty="easy", language="python", topic=TOPIC)
    await client.connect()
    try:
        await turn(client, "start_interview")
        problem = await client.wait_for(lambda e: e["type"] == "problem_presented", timeout=60)
        reference = default_bank().reference_source(problem["payload"]["question_id"], "python")
        said = sorted(SAID)
        for i in range(SNAPSHOTS):
            while said and said[0][0] == i:
                _, text, spoken = said.pop(0)
                if spoken:
                    await turn(client, "send_voice", {"transcript": text, "confidence": 0.9})
                else:
                    await turn(client, "send_message", {"text": text})
            code = typing(reference, i)
            await client.send("code_snapshot", {"code": code, "language": "python"})
            await asyncio.sleep(0.02)
            if i and i % RUN_EVERY == 0:
                await turn(client, "run_code", {"code": code, "language": "python", "mode": "run"})
            if i in HINT_AT:
                await turn(client, "request_hint")
            if i % 60 == 0:
                print(f"  {i * SNAPSHOT_EVERY_S // 60} min in: {len(client.events)} events", flush=True)
        await turn(client, "run_code", {"code": reference, "language": "python", "mode": "submit"})
        await client.wait_for(lambda e: e["type"] == "interview_ended", timeout=120)
        await report_written(base_url, client)
        await asyncio.sleep(5)  # the last sentences are still being spoken
        return client.session_id
    finally:
        await client.close()


async def report_written(base_url: str, client: InterviewClient) -> None:
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        for _ in range(120):
            response = await http.get(f"/api/sessions/{client.session_id}/report",
                                      headers={"Authorization": f"Bearer {client.token}"})
            if response.status_code == 200:
                return
            await asyncio.sleep(2)
    raise TimeoutError("the final report was not written within 4 minutes")


def measure(database: Path, session_id: str) -> int:
    db = sqlite3.connect(database)
    one = lambda sql: db.execute(sql, (session_id,)).fetchone()[0] or 0  # noqa: E731
    size = "length(CAST({} AS BLOB))"
    parts = {
        "event log": one(f"SELECT sum({size.format('body')}) FROM events WHERE session_id = ?"),
        "transcript": one(f"SELECT sum({size.format('content')} + {size.format('extra')}) FROM messages "
                          "WHERE session_id = ?"),
        "code runs": one(f"SELECT sum({size.format('code')} + coalesce({size.format('result')}, 0)) "
                         "FROM code_submissions WHERE session_id = ?"),
        "reports": one(f"SELECT sum({size.format('report')}) FROM feedback_reports WHERE session_id = ?"),
        "session row": one(f"SELECT {size.format('agent_state')} + coalesce({size.format('turn_checkpoint')}, 0) "
                           "FROM sessions WHERE id = ?"),
    }
    by_type = db.execute(f"SELECT type, count(*), sum({size.format('body')}) FROM events WHERE session_id = ? "
                         "GROUP BY type ORDER BY 3 DESC", (session_id,)).fetchall()
    print("the session's record:")
    for name, count, total in by_type:
        print(f"  event {name:<20} {count:>5} events {total:>10,} bytes")
    for name, total in parts.items():
        print(f"  {name:<26} {total:>18,} bytes")
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "audio_clips" in tables:
        clips, audio = db.execute("SELECT count(*), coalesce(sum(length(data)), 0) FROM audio_clips").fetchone()
        print(f"interviewer audio, kept once by content beside the record: {clips} clips, {audio:,} bytes")
    return sum(parts.values())


async def main() -> int:
    with private_vhost() as rabbitmq_url, tempfile.TemporaryDirectory() as scratch:
        database = Path(scratch) / "mockmind.db"
        env = {
            "RABBITMQ_URL": rabbitmq_url, "DATABASE_URL": f"sqlite+aiosqlite:///{database}", "SESSION_SECRET": SECRET,
            "LOG_LEVEL": "WARNING", "LLM_PROVIDER": "offline", "TTS_ENGINE": "espeak", "DD_TRACE_ENABLED": "false",
            "SILENCE_CHECKIN_S": "0", "INTERVIEW_MINUTES": str(MINUTES + 30),
            # the scripted candidate acts faster than a person: the per-session limits would slow it down
            "RATE_LIMITS": '{"message": [100000, 10000], "code_run": [100000, 10000], "snapshot": [100000, 10000]}',
        }
        stack = LocalStack(env=env, gateway_ports=[free_port()], echo=False)
        await stack.start(timeout_s=180)
        try:
            print(f"one scripted {MINUTES}-minute interview, voice on: {SNAPSHOTS} snapshots, "
                  f"{SNAPSHOTS // RUN_EVERY} runs and a submission, {len(HINT_AT)} hints, {len(SAID)} messages",
                  flush=True)
            session_id = await interview(stack.urls[0])
        finally:
            await stack.stop()
        total = measure(database, session_id)
    print(f"record_bytes_per_interview={total}")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
