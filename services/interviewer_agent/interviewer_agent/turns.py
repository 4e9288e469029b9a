"""Handling one candidate turn: record what the candidate did, run the agent loop, close the turn.

    TurnRequested ─▶ record the input ─▶ phase for the input ─▶ AgentLoop.run_turn ─▶ phase after the turn
                  ─▶ save the turn's Converse messages ─▶ `complete` frame ─▶ park the next silence check
"""

import logging
from typing import Any

from contracts.bus import (
    CandidateAction,
    CandidateMessageAction,
    CodeRunAction,
    CodeSnapshotAction,
    SilenceCheckAction,
    StartAction,
    TurnRequested,
)
from contracts.events import Phase, RunMode
from contracts.sandbox import Language
from persistence.models import InterviewSession
from persistence.store import UnknownSession
from question_bank.bank import QuestionBank
from runtime.worker import WorkerRuntime

from . import history
from .guard import SolutionGuard
from .loop import AgentLoop, ToolOutcome, TurnResult
from .phases import WORKING_PHASES, phase_after_tool, phase_after_turn, phase_for_input
from .prompts import system_prompt
from .providers.base import InterviewState
from .silence import ACTIVITY_KEY, CHECKINS_KEY, MAX_UNANSWERED_CHECKINS, SilenceScheduler, is_current
from .telemetry import traced_tool, traced_turn
from .tool_registry import TOOL_SPECS, ToolCall, ToolRegistry
from .turn import TurnOutput
from .turn_gate import TurnGate

log = logging.getLogger("interviewer-agent")


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
        case SilenceCheckAction():
            return f"[The candidate has been silent for {silence_s:.0f} seconds.]"
    return f"[{action.kind}]"


class InterviewTurn:
    """The loop's `TurnContext`: the prompt, the tools and the phase for one turn of one session."""

    def __init__(self, *, session: InterviewSession, action: CandidateAction, bank: QuestionBank,
                 registry: ToolRegistry, out: TurnOutput):
        self.session = session
        self.bank = bank
        self.registry = registry
        self.out = out
        code = session.agent_state.get("latest_code")
        language = Language(session.agent_state.get("latest_language") or session.language)
        self.call = ToolCall(session=session, code=code, language=language)
        self.phase_before = Phase(session.phase) if session.phase else None
        self.state = InterviewState(
            phase=self.phase_before or Phase.GREETING, action=action, question_id=session.question_id,
            hint_level=session.hint_level, language=language,
            unanswered_checkins=session.agent_state.get(CHECKINS_KEY, 0),
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
                                   is not None, started_coding=self.started_coding())
        self.state.phase = self.phase_before  # type: ignore[assignment]  # until move_to announces it
        await self.move_to(entering)

    async def end(self) -> None:
        await self.move_to(phase_after_turn(self.state.phase, self.state.action,
                                            has_question=self.session.question_id is not None))

    async def move_to(self, phase: Phase) -> None:
        if phase == self.state.phase:
            return
        await self.out.change_phase(self.state.phase, phase)
        self.state.phase, self.session.phase = phase, phase.value
        if phase is Phase.WRAPPING_UP:
            await self.out.request_final_feedback(self.call.code, self.call.language)

    def started_coding(self) -> bool:
        return started_coding(self.session, self.bank, self.call.code, self.call.language)


def started_coding(session: InterviewSession, bank: QuestionBank, code: str | None, language: Language) -> bool:
    if not code or not session.question_id:
        return False
    starter = bank.question(session.question_id).starter_code[language]
    return code.split() != starter.split()


class TurnHandler:
    def __init__(self, *, runtime: WorkerRuntime, loop: AgentLoop, registry: ToolRegistry, bank: QuestionBank,
                 silence: SilenceScheduler):
        self.runtime = runtime
        self.loop = loop
        self.registry = registry
        self.bank = bank
        self.silence = silence
        self._gate: TurnGate | None = None

    async def handle(self, command: TurnRequested) -> None:
        action = command.action
        try:
            if isinstance(action, SilenceCheckAction) and not await self._check_is_due_now(command.session_id, action):
                return  # most checks find the candidate active again: no lease for those
            out = self._output(command)
            # A candidate's turn is announced (`agent_thinking`) the moment it is admitted, before anything
            # is saved, so the browser shows the interviewer at work at once. A silence check is announced
            # only once it is known to be due; a snapshot gets no reply at all.
            announces = isinstance(action, CandidateMessageAction | CodeRunAction | StartAction)
            async with self.gate.hold(command, announcement=out.announcement() if announces else None) as session:
                if session is None:
                    return
                check_after = await self._take(session, command, out)
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
        if isinstance(action, CodeSnapshotAction):
            await self._take_snapshot(session, command, out)
        else:
            out.guard = self._guard(session)
            await out.thinking()  # announces a silence check; a candidate's turn was announced on admission
            await self.run_turn(session, command, out)
        return await self._silence_check_due(session, action)

    @property
    def gate(self) -> TurnGate:
        if self._gate is None:  # built on first use: the store opens at service start-up
            self._gate = TurnGate(self.runtime.store, owner=self.runtime.heartbeat.beat.instance_id,
                                  events=self.runtime.events)
        return self._gate

    @traced_turn
    async def run_turn(self, session: InterviewSession, command: TurnRequested, out: TurnOutput) -> TurnResult:
        """One interviewer turn through the agent loop (kept whole so it can be traced as one span)."""
        store = self.runtime.store
        turn = InterviewTurn(session=session, action=command.action, bank=self.bank, registry=self.registry, out=out)
        await turn.begin()
        messages = history.rebuild(await store.transcript(session.id))
        result = await self.loop.run_turn(messages, turn, out)
        await turn.end()
        await self._save_turn(session, command, result, out)
        await out.finish()
        return result

    def _output(self, command: TurnRequested) -> TurnOutput:
        """The turn's output; its solution guard is added once the session is known."""
        return TurnOutput(session_id=command.session_id, turn_id=command.turn_id, events=self.runtime.events,
                          broker=self.runtime.broker, store=self.runtime.store)

    def _guard(self, session: InterviewSession) -> SolutionGuard:
        references = [self.bank.reference_source(session.question_id, lang)
                      for lang in {Language.PYTHON, Language(session.language)}] if session.question_id else []
        return SolutionGuard(references, hint_level=lambda: session.hint_level)

    async def _check_is_due_now(self, session_id: str, check: SilenceCheckAction) -> bool:
        return self._check_is_due(await self.runtime.store.get_session(session_id), check)

    def _check_is_due(self, session: InterviewSession, check: SilenceCheckAction) -> bool:
        phase = Phase(session.phase) if session.phase else None
        # A candidate turn the gateway issued but the agent has not finished is activity too: that turn
        # will schedule a fresh check when it ends.
        candidate_pending = session.turns_done < session.turns_issued
        return is_current(check, session.agent_state) and phase in WORKING_PHASES and not candidate_pending

    async def _record_candidate_input(self, session: InterviewSession, command: TurnRequested) -> None:
        store = self.runtime.store
        action = command.action
        state = dict(session.agent_state)
        if not isinstance(action, SilenceCheckAction):  # a check-in is counted once it has been made
            state[ACTIVITY_KEY] = state.get(ACTIVITY_KEY, 0) + 1
            state[CHECKINS_KEY] = 0
        if isinstance(action, CodeSnapshotAction | CodeRunAction):
            state["latest_code"], state["latest_language"] = action.code, action.language.value
        await store.update_session(session.id, agent_state=state)
        session.agent_state = state
        if isinstance(action, CandidateMessageAction):
            await store.add_message(session.id, "candidate", action.text, spoken=action.spoken,
                                    turn_id=command.turn_id)
        elif not isinstance(action, CodeSnapshotAction):
            text = candidate_input_text(action, self.silence.delay_s)
            await store.add_message(session.id, "action", text, turn_id=command.turn_id, action=action.kind,
                                    converse={"role": "user", "content": [{"text": text}]})

    async def _take_snapshot(self, session: InterviewSession, command: TurnRequested, out: TurnOutput) -> None:
        """No reply to a snapshot, but it is activity, and code appearing ends the clarifying phase."""
        phase = Phase(session.phase) if session.phase else None
        if phase is Phase.CLARIFYING:
            action = command.action
            entering = phase_for_input(phase, action, has_question=True,
                                       started_coding=started_coding(session, self.bank, action.code, action.language))
            await out.change_phase(phase, entering)
            session.phase = entering.value

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
            state = {**session.agent_state, CHECKINS_KEY: checkins}
            await self.runtime.store.update_session(session.id, agent_state=state)
            session.agent_state = state
        if phase in WORKING_PHASES and checkins < MAX_UNANSWERED_CHECKINS:
            return session.agent_state.get(ACTIVITY_KEY, 0)
        return None
