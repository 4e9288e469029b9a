"""Play one persona through the public API (HTTP + WebSocket via `gateway.client.InterviewClient`) and keep
what happened: per candidate step, the server events it caused and how long the interviewer took.

The record is all the checks see; nothing here judges the interviewer.
"""

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

import httpx

from contracts.events import ServerEventType
from contracts.sandbox import Language
from gateway.client import InterviewClient
from question_bank.bank import QuestionBank

from .personas import Persona, Step, candidate_code

# Until the `hint_given` server event exists, a hint is inferred from the interviewer's get_hint tool call
# (the n-th call gives level n; later calls find the hints exhausted).
HINT_EVENTS = "hint_given" in {t.value for t in ServerEventType}
MAX_HINT_LEVEL = 3


@dataclass
class Turn:
    """One candidate step and the server events that followed it, until the interviewer's turn was done."""

    step: Step
    sent: str  # the text or code the candidate sent ("" for a wait)
    events: list[dict[str, Any]]
    completed: bool
    first_reply_s: float | None = None  # send → first interviewer words
    done_s: float | None = None  # send → the turn's agent_thinking "done"
    rejected: str | None = None  # an `error` event answering this step (e.g. an unknown client event)
    hint_levels: list[int] = field(default_factory=list)

    @property
    def replies(self) -> list[str]:
        return [e["payload"]["text"] for e in self.events
                if e["type"] == "interviewer_msg" and e["payload"].get("kind") == "complete"]

    @property
    def reply(self) -> str:
        return " ".join(self.replies)

    @property
    def phases(self) -> list[str]:
        return [e["payload"]["to_phase"] for e in self.events if e["type"] == "agent_phase_change"]

    def of_type(self, event_type: str) -> list[dict[str, Any]]:
        return [e for e in self.events if e["type"] == event_type]


@dataclass
class Interview:
    persona: Persona
    provider: str
    session_id: str = ""
    question_id: str | None = None
    language: str = ""
    turns: list[Turn] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    report: dict[str, Any] | None = None
    report_status: str = "not asked"  # how the report endpoint answered last
    end_note: str = ""
    failure: str | None = None  # the persona could not be played to the end (and why)
    wall_s: float = 0.0  # session created → report fetched (or given up on)
    refused_ids: set[str] = field(default_factory=set)  # client events the gateway answered with an error

    @property
    def interviewer_texts(self) -> list[str]:
        return [e["payload"]["text"] for e in self.events
                if e["type"] == "interviewer_msg" and e["payload"].get("kind") == "complete"]

    @property
    def phases(self) -> list[tuple[str | None, str]]:
        return [(e["payload"].get("from_phase"), e["payload"]["to_phase"])
                for e in self.events if e["type"] == "agent_phase_change"]

    @property
    def hints(self) -> list[int]:
        return [level for turn in self.turns for level in turn.hint_levels]

    def tagged(self, tag: str) -> list[Turn]:
        return [t for t in self.turns if tag in t.step.tags]


@dataclass
class Timeouts:
    turn_s: float = 60.0
    code_s: float = 120.0
    report_s: float = 120.0  # the final report measures the code's run time; on a busy machine that takes a while


class InterviewRunner:
    def __init__(self, base_url: str, bank: QuestionBank, provider: str, timeouts: Timeouts | None = None):
        self.base_url = base_url
        self.bank = bank
        self.provider = provider
        self.timeouts = timeouts or Timeouts()

    async def run(self, persona: Persona) -> Interview:
        interview = Interview(persona, self.provider, language=persona.language)
        started = time.monotonic()
        extra = {"topic": persona.topic} if persona.topic else {}
        try:
            client = await InterviewClient.create(self.base_url, difficulty=persona.difficulty,
                                                  language=persona.language, **extra)
        except httpx.HTTPError as exc:
            interview.failure = f"could not create a session: {exc}"
            return interview
        interview.session_id = client.session_id
        try:
            await client.connect()
            await client.wait_for(lambda e: e["type"] == "session_ready", timeout=self.timeouts.turn_s)
            await self._play(client, interview, Step("start"))
            problem = next((e for e in client.events if e["type"] == "problem_presented"), None)
            if problem is None:
                raise RuntimeError("no problem_presented after start_interview")
            interview.question_id = problem["payload"]["question_id"]
            for step in persona.steps:
                await self._play(client, interview, step)
            await self._end(client, interview)
        except Exception as exc:  # noqa: BLE001 — whatever stops one persona is reported, the others go on
            interview.failure = f"{type(exc).__name__}: {str(exc)[:300]}"
        finally:
            interview.events = list(client.events)
            await client.close()
        if interview.failure is None:
            try:
                await self._fetch_report(client, interview)
            except httpx.HTTPError as exc:
                interview.report_status = f"{type(exc).__name__}: {exc}"
        interview.wall_s = time.monotonic() - started
        return interview

    # --- one step ------------------------------------------------------------------------------------

    async def _play(self, client: InterviewClient, interview: Interview, step: Step) -> None:
        mark = len(client.events)
        if step.kind == "wait":
            await asyncio.sleep(step.seconds)
            events = client.events[mark:]
            turn = Turn(step, "", list(events), completed=True)
            turn.hint_levels = self._hint_levels(interview, events)
            interview.turns.append(turn)
            return
        event_type, payload, sent = self._client_event(client, interview, step)
        started = time.monotonic()
        message_id = await client.send(event_type, payload)
        first_words = asyncio.ensure_future(self._first_reply(client, mark, started))
        timeout = self.timeouts.code_s if event_type == "run_code" else self.timeouts.turn_s
        completed, rejected = True, None
        try:
            answer = await client.wait_for(
                lambda e: (e["type"] == "agent_thinking" and e["payload"].get("status") == "done")
                or (e["type"] == "error" and e["payload"].get("ref_message_id") == message_id),
                after=mark, timeout=timeout)
            if answer["type"] == "error":
                rejected = f"{answer['payload'].get('code')}: {answer['payload'].get('message', '')[:120]}"
                completed = False
                interview.refused_ids.add(message_id)
        except TimeoutError:
            completed = False
        done_s = time.monotonic() - started if completed else None
        await asyncio.sleep(0.05)  # let frames published with the "done" arrive
        first_words.cancel()
        first_reply_s = first_words.result() if first_words.done() and not first_words.cancelled() else None
        events = list(client.events[mark:])
        turn = Turn(step, sent, events, completed, first_reply_s, done_s, rejected)
        turn.hint_levels = self._hint_levels(interview, events)
        interview.turns.append(turn)

    @staticmethod
    async def _first_reply(client: InterviewClient, mark: int, started: float) -> float | None:
        try:
            await client.wait_for(lambda e: e["type"] == "interviewer_msg", after=mark, timeout=600)
        except TimeoutError:
            return None
        return time.monotonic() - started

    def _client_event(self, client: InterviewClient, interview: Interview, step: Step) -> tuple[str, dict, str]:
        match step.kind:
            case "start":
                return "start_interview", {}, ""
            case "say":
                return "send_message", {"text": step.text}, step.text
            case "voice":
                return "send_voice", {"transcript": step.text, "confidence": 0.62}, step.text
            case "echo":
                last = [e["payload"]["text"] for e in client.events
                        if e["type"] == "interviewer_msg" and e["payload"].get("kind") == "complete"]
                text = (last[-1] if last else "Okay.")[:4000]
                return "send_message", {"text": text}, text
            case "hint_button":
                return "request_hint", {}, "[hint button]"
            case "run" | "submit":
                language = Language(step.language or interview.language)
                code = candidate_code(self.bank, interview.question_id, language, step.code)
                return "run_code", {"code": code, "language": language.value, "mode": step.kind}, code
        raise ValueError(f"unknown step kind {step.kind!r}")

    def _hint_levels(self, interview: Interview, events: list[dict]) -> list[int]:
        announced = [e["payload"]["level"] for e in events if e["type"] == "hint_given"]
        if HINT_EVENTS or announced:
            return announced
        levels, given = [], len(interview.hints)
        for e in events:
            if e["type"] == "agent_thinking" and e["payload"].get("tool") == "get_hint" \
                    and e["payload"].get("status") == "running" and given < MAX_HINT_LEVEL:
                given += 1
                levels.append(given)
        return levels

    # --- the end -------------------------------------------------------------------------------------

    async def _end(self, client: InterviewClient, interview: Interview) -> None:
        """Press Finish (`end_interview`); a gateway that does not know the event answers with an error."""
        mark = len(client.events)
        message_id = await client.send("end_interview", {})
        try:
            answer = await client.wait_for(
                lambda e: (e["type"] == "error" and e["payload"].get("ref_message_id") == message_id)
                or (e["type"] == "agent_phase_change" and e["payload"]["to_phase"] == "wrapping_up")
                or (e["type"] == "agent_thinking" and e["payload"].get("status") == "done"),
                after=mark, timeout=self.timeouts.turn_s)
            if answer["type"] == "error":
                interview.end_note = f"end_interview rejected: {answer['payload'].get('code')}"
                interview.refused_ids.add(message_id)
        except TimeoutError:
            interview.end_note = "end_interview: no answer"
        await asyncio.sleep(0.2)

    async def _fetch_report(self, client: InterviewClient, interview: Interview) -> None:
        """Poll the report until it is there (200) or the time is up. 202 means it is being prepared; 404 or
        409 after an interview that was neither wrapped up nor ended by Finish means it will never come."""
        expected = interview.end_note == "" or any(to == "wrapping_up" for _, to in interview.phases)
        deadline = time.monotonic() + (self.timeouts.report_s if expected else 5.0)
        headers = {"Authorization": f"Bearer {client.token}"}
        async with httpx.AsyncClient(base_url=self.base_url, timeout=10, headers=headers) as http:
            while True:
                response = await http.get(f"/api/sessions/{interview.session_id}/report")
                interview.report_status = str(response.status_code)
                if response.status_code == 200:
                    interview.report = response.json()
                    return
                if time.monotonic() > deadline:
                    return
                await asyncio.sleep(1.0)
