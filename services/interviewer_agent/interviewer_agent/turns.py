"""Handling one candidate turn: record what the candidate did, run the agent loop, close the turn.

    TurnRequested ─▶ record the input ─▶ phase for the input ─▶ AgentLoop.run_turn ─▶ phase after the turn
                  ─▶ save the turn's Converse messages ─▶ `complete` frame ─▶ park the next silence check
"""

import logging
from datetime import UTC, datetime
from typing import Any

from contracts.bus import (
    CandidateAction,
    CandidateMessageAction,
    CodeRunAction,
    EndInterviewAction,
    FeedbackRequested,
    HintRequestAction,
    SessionWatchAction,
    SilenceCheckAction,
    SpeechRequested,
    StartAction,
    TurnRequested,
)
from contracts.events import Phase, RunMode
from contracts.sandbox import Language
from contracts.topology import RoutingKey
from persistence.interview import ENDED_BY_KEY
from persistence.models import InterviewSession, TranscriptMessage
from persistence.store import UnknownSession
from question_bank.bank import QuestionBank
from runtime.broker import command_publisher
from runtime.worker import WorkerRuntime

from . import history, intents
from .cut import RunningTurns
from .ending import CLOSING, SessionWatch
from .guard import SolutionGuard
from .loop import AgentLoop, ToolOutcome, TurnResult
from .phases import WORKING_PHASES, phase_after_tool, phase_after_turn, phase_for_input
from .prompts import system_prompt
from .providers.base import InterviewState
from .silence import ACTIVITY_KEY, CHECKINS_KEY, MAX_UNANSWERED_CHECKINS, SilenceScheduler, is_current
from .telemetry import traced_tool, traced_turn
from .tool_registry import TOOL_SPECS, ToolCall, ToolRegistry
from .turn import TurnOutput
from .turn_gate import TurnGate, together

log = logging.getLogger("interviewer-agent")
GUARD_MEMORY_TURNS = 6  # the interviewer's recent turns the solution guard adds up with the current one


def candidate_input_text(action: CandidateAction, silence_s: float) -> str:
    """The candidate's input as the model reads it; non-verbal actions are described in brackets."""
    match action:
        case CandidateMessageAction(text=text):
            return text
        case StartAction():
            return "[The candidate has joined and is ready to start the interview.]"
        case CodeRunAction(mode=RunMode.SUBMIT, language=language):
            return f"[The candidate submitted their {language.value} code for review.]"
        case CodeRunAction(language=language):
            return f"[The candidate ran their {language.value} code against the sample tests.]"
        case HintRequestAction():
            return "[The candidate pressed the hint button and asks for the next hint.]"
        case SilenceCheckAction():
            return (f"[The candidate has been silent for {silence_s:.0f} seconds, with no code change. Do not give "
                    "a hint unless they ask for one or accept one you offer.]")
        case EndInterviewAction(reason="finished"):
            return "[The candidate pressed Finish to end the interview.]"
        case EndInterviewAction(reason="time_limit"):
            return "[The interview's time is up.]"
        case EndInterviewAction(reason="abandoned"):
            return "[The candidate left the interview and did not come back.]"
    return f"[{action.kind}]"


class InterviewTurn:
    """The loop's `TurnContext`: the prompt, the tools and the phase for one turn of one session."""

    def __init__(self, *, session: InterviewSession, action: CandidateAction, bank: QuestionBank,
                 registry: ToolRegistry, out: TurnOutput, silence: SilenceScheduler,
                 interviewer_said: str | None = None):
        self.session = session
        self.interviewer_said = interviewer_said  # its last words before this input (an echo of them is no move)
        self.bank = bank
        self.registry = registry
        self.out = out
        code, language = latest_code(session)
        self.call = ToolCall(session=session, code=code, language=language, turn_id=out.turn_id)
        self.phase_before = Phase(session.phase) if session.phase else None
        self.state = InterviewState(
            phase=self.phase_before or Phase.GREETING, action=action, question_id=session.question_id,
            hint_level=session.hint_level, language=language,
            unanswered_checkins=session.agent_state.get(CHECKINS_KEY, 0),
            has_code=self.started_coding(), silent_for_s=silence.quiet_for_s(session.agent_state),
            offer_hint_after_s=silence.offer_hint_after_s,
        )

    def system_prompt(self) -> str:
        question = self.bank.question(self.session.question_id) if self.session.question_id else None
        return system_prompt(self.state.phase, question, hint_level=self.session.hint_level,
                             code=self.call.code, language=self.call.language)

    def tool_specs(self) -> list[dict[str, Any]]:
        return TOOL_SPECS

    @traced_tool
    async def run_tool(self, name: str, tool_input: dict[str, Any]) -> ToolOutcome:
        outcome = await self.registry.dispatch(name, tool_input, self.call)
        self.state.question_id, self.state.hint_level = self.session.question_id, self.session.hint_level
        await self.move_to(phase_after_tool(self.state.phase, name, outcome.content))
        return outcome

    async def begin(self) -> None:
        """Announce the phase this turn runs in (the first turn moves from no phase to GREETING)."""
        entering = phase_for_input(self.phase_before, self.state.action, has_question=self.session.question_id
                                   is not None, started_coding=self.started_coding(),
                                   interviewer_said=self.interviewer_said)
        self.state.phase = self.phase_before  # type: ignore[assignment]  # until move_to announces it
        await self.move_to(entering)

    async def end(self) -> None:
        await self.move_to(phase_after_turn(self.state.phase, self.state.action,
                                            has_question=self.session.question_id is not None,
                                            interviewer_said=self.interviewer_said))

    async def move_to(self, phase: Phase) -> None:
        if phase == self.state.phase:
            return
        await self.out.change_phase(self.session, phase)
        self.state.phase = phase
        if phase is Phase.WRAPPING_UP and await self.out.end_interview("solved"):
            await self.out.request_final_feedback(self.call.code, self.call.language)

    def started_coding(self) -> bool:
        return started_coding(self.session, self.bank, self.call.code, self.call.language)


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes (stored in UTC)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def latest_code(session: InterviewSession) -> tuple[str | None, Language]:
    """The editor as the candidate last left it (the gateway keeps it from their snapshots and runs)."""
    return session.code, Language(session.code_language or session.language)


def started_coding(session: InterviewSession, bank: QuestionBank, code: str | None, language: Language) -> bool:
    if not code or not session.question_id:
        return False
    starter = bank.question(session.question_id).starter_code[language]
    return code.split() != starter.split()


class TurnHandler:
    def __init__(self, *, runtime: WorkerRuntime, loop: AgentLoop, registry: ToolRegistry, bank: QuestionBank,
                 silence: SilenceScheduler, watch: SessionWatch | None = None):
        self.runtime = runtime
        self.loop = loop
        self.registry = registry
        self.bank = bank
        self.silence = silence
        self.watch = watch
        self.speech = command_publisher(runtime.broker, RoutingKey.SPEECH_REQUESTED, SpeechRequested)
        self.final_feedback = command_publisher(runtime.broker, RoutingKey.FEEDBACK_REQUESTED, FeedbackRequested)
        self._gate: TurnGate | None = None
        self.running = RunningTurns()  # for barge-in: the turns this replica is running

    def cut(self, turn_id: str) -> bool:
        """The candidate talked over this turn (barge-in): it yields, if it runs here."""
        return self.running.cut(turn_id)

    async def handle(self, command: TurnRequested) -> None:
        action = command.action
        if isinstance(action, SessionWatchAction):
            if self.watch is not None:  # a check of the clock and the socket: no lease, usually no turn
                await self.watch.check(command.session_id, action)
            return
        try:
            if isinstance(action, SilenceCheckAction) and not await self._check_is_due_now(command):
                return  # most checks find the candidate active again: no lease for those
            out = self._output(command)
            # A candidate's turn is announced (`agent_thinking`) the moment it is admitted, before anything
            # is saved, so the browser shows the interviewer at work at once. A silence check is announced
            # only once it is known to be due; a snapshot gets no reply at all.
            announces = isinstance(action, CandidateMessageAction | CodeRunAction | StartAction)
            async with self.gate.hold(command, announcement=out.announcement() if announces else None) as session:
                if session is None:
                    return
                self.running.start(command.turn_id, out.cut)
                try:
                    check_after = await self._take(session, command, out)
                finally:
                    self.running.end(command.turn_id)
            # Scheduled once the lease is free: a candidate who answers the moment the reply ends
            # finds the session ready instead of waiting for this publish.
            if check_after is not None:
                await self.silence.schedule(session.id, check_after)
        except UnknownSession:
            log.warning("turn %s for unknown session %s dropped", command.turn_id, command.session_id)

    async def _take(self, session: InterviewSession, command: TurnRequested, out: TurnOutput) -> int | None:
        """Run the turn; returns the activity count a silence check should be scheduled for, if any."""
        action = command.action
        if isinstance(action, SilenceCheckAction) and not self._check_is_due(session, action):
            return None  # a turn ran while the check waited for the lease
        log.info("taking turn %s (%s) of session %s", command.turn_id, action.kind, session.id)
        await self._record_candidate_input(session, command)
        if isinstance(action, EndInterviewAction):
            await self._end(session, command, out)
            return None
        # Read once: the guard and the model's history both start from it, and every read is a
        # database round trip on the way to the model call.
        transcript = await self.runtime.store.transcript(session.id)
        out.guard = self._guard(session, transcript)
        await out.thinking()  # announces a silence check; a candidate's turn was announced on admission
        await self.run_turn(session, command, out, transcript)
        if isinstance(action, StartAction) and self.watch is not None:
            await self.watch.start(session)
        return await self._silence_check_due(session, action)

    async def _end(self, session: InterviewSession, command: TurnRequested, out: TurnOutput) -> None:
        """Finish, time up or gone: close the interview, say so, and ask for the final report, once.
        (A redelivered end turn carries on where it was cut off: the session remembers which turn ended it.)"""
        action = command.action
        if not await out.end_interview(action.reason, by_turn=command.turn_id) \
                and session.agent_state.get(ENDED_BY_KEY) != command.turn_id:
            return  # already over: solved, or ended by an earlier Finish
        await out.change_phase(session, Phase.WRAPPING_UP)
        await out.say(CLOSING[action.reason])
        await self.runtime.store.add_message(session.id, "interviewer", out.full_text, turn_id=command.turn_id)
        await out.finish()
        await out.request_final_feedback(*latest_code(session))

    @property
    def gate(self) -> TurnGate:
        if self._gate is None:  # built on first use: the store opens at service start-up
            self._gate = TurnGate(self.runtime.store, owner=self.runtime.heartbeat.beat.instance_id,
                                  events=self.runtime.events)
        return self._gate

    @traced_turn
    async def run_turn(self, session: InterviewSession, command: TurnRequested, out: TurnOutput,
                       transcript: list[TranscriptMessage]) -> TurnResult:
        """One interviewer turn through the agent loop (kept whole so it can be traced as one span);
        `transcript` is the session's, the candidate's input of this turn included."""
        await intents.ready()  # built at start-up; the first turns may have to wait for it, off the loop
        said = [row.content for row in transcript if row.role == "interviewer"]
        turn = InterviewTurn(session=session, action=command.action, bank=self.bank, registry=self.registry, out=out,
                             silence=self.silence, interviewer_said=said[-1] if said else None)
        await turn.begin()
        messages = history.rebuild(transcript)
        result = await self.loop.run_turn(messages, turn, out, cut=out.cut)
        await turn.end()
        await self._save_turn(session, command, result, out)
        await out.finish()
        return result

    def _output(self, command: TurnRequested) -> TurnOutput:
        """The turn's output; its solution guard is added once the session is known."""
        return TurnOutput(session_id=command.session_id, turn_id=command.turn_id, events=self.runtime.events,
                          speech=self.speech, feedback=self.final_feedback, store=self.runtime.store)

    def _guard(self, session: InterviewSession, rows: list[TranscriptMessage]) -> SolutionGuard:
        """The turn's solution guard: every reference of the problem, what the interviewer said in its
        recent turns (a walkthrough spread over turns adds up), and what the candidate wrote themselves."""
        if not session.question_id:
            return SolutionGuard([], hint_level=lambda: session.hint_level)
        references = [self.bank.reference_source(session.question_id, lang) for lang in Language]
        said_before = [r.content for r in rows if r.role == "interviewer"][-GUARD_MEMORY_TURNS:]
        candidate_wrote = [r.content for r in rows if r.role == "candidate"]
        candidate_wrote.append(session.code or "")
        return SolutionGuard(references, hint_level=lambda: session.hint_level, said_before=said_before,
                             candidate_wrote=candidate_wrote)

    async def _check_is_due_now(self, command: TurnRequested) -> bool:
        session = await self.runtime.store.get_session(command.session_id)
        if not self._check_is_due(session, command.action):
            return False
        if session.code_changed_at is not None and _aware(session.code_changed_at) > command.timestamp:
            # The candidate typed since the check was parked: they are not quiet. Snapshots are not
            # turns, so nothing else parks the next check: this one goes back to wait a full spell.
            await self.silence.schedule(session.id, command.action.since_seq)
            return False
        return True

    def _check_is_due(self, session: InterviewSession, check: SilenceCheckAction) -> bool:
        phase = Phase(session.phase) if session.phase else None
        # A candidate turn the gateway issued but the agent has not finished is activity too: that turn
        # will schedule a fresh check when it ends.
        candidate_pending = session.turns_done < session.turns_issued
        return is_current(check, session.agent_state) and phase in WORKING_PHASES and not candidate_pending

    async def _record_candidate_input(self, session: InterviewSession, command: TurnRequested) -> None:
        store = self.runtime.store
        action = command.action
        writes = []
        if not isinstance(action, SilenceCheckAction):  # a check-in is counted once it has been made
            activity = session.agent_state.get(ACTIVITY_KEY, 0) + 1
            session.agent_state = {**session.agent_state, ACTIVITY_KEY: activity, CHECKINS_KEY: 0}
            writes.append(store.save(session, "agent_state"))
        if isinstance(action, CandidateMessageAction):
            writes.append(store.add_message(session.id, "candidate", action.text, spoken=action.spoken,
                                            turn_id=command.turn_id))
        else:
            text = candidate_input_text(action, self.silence.quiet_for_s(session.agent_state))
            writes.append(store.add_message(session.id, "action", text, turn_id=command.turn_id, action=action.kind,
                                            converse={"role": "user", "content": [{"text": text}]}))
        # Two tables, two commits: at once (a turn redone after a failure restores agent_state from its
        # checkpoint, and the transcript row is idempotent by id).
        await together(*writes)

    async def _save_turn(self, session: InterviewSession, command: TurnRequested, result: TurnResult,
                         out: TurnOutput) -> None:
        """One transcript row per interviewer turn: the text the candidate saw, plus the exact Converse
        messages (tool uses and results included) that the next turn's history is rebuilt from."""
        if not result.new_messages and not out.full_text:
            return
        role = "interviewer" if out.full_text else "tool"
        await self.runtime.store.add_message(
            session.id, role, out.full_text, turn_id=command.turn_id, converse=result.new_messages,
            tools=result.tools_called, stop_reason=result.stop_reason,
        )

    async def _silence_check_due(self, session: InterviewSession, action: CandidateAction) -> int | None:
        """Count a check-in the candidate did not answer; the activity count to check again after, if
        the candidate is still working and has not ignored too many check-ins."""
        phase = Phase(session.phase) if session.phase else None
        checkins = session.agent_state.get(CHECKINS_KEY, 0)
        if isinstance(action, SilenceCheckAction):
            checkins += 1
            session.agent_state = {**session.agent_state, CHECKINS_KEY: checkins}
            await self.runtime.store.save(session, "agent_state")
        if phase in WORKING_PHASES and checkins < MAX_UNANSWERED_CHECKINS:
            return session.agent_state.get(ACTIVITY_KEY, 0)
        return None
