"""`TurnOutput`: everything one interviewer turn says to the browser (and to other services), in order.

Model text streams in as it is generated; each sentence goes out as an `interviewer_msg` delta the moment
it is complete and is handed to the tts service at once. `finish()` sends one `complete` frame with the
whole reply and saves it to the transcript.
"""

from faststream.rabbit import RabbitBroker

from contracts.bus import FeedbackRequested, SpeechRequested
from contracts.events import (
    AgentThinkingPayload,
    ErrorPayload,
    InterviewerMsgPayload,
    Phase,
    PhaseChangePayload,
    ServerEvent,
    ServerEventType,
    server_event,
)
from contracts.sandbox import Language
from contracts.topology import COMMANDS, RoutingKey
from persistence.store import InterviewStore
from runtime.event_log import EventLog

from .guard import SolutionGuard
from .speech import SentenceBuffer, split_sentences


class TurnOutput:
    def __init__(self, *, session_id: str, turn_id: str, events: EventLog, broker: RabbitBroker,
                 store: InterviewStore, guard: SolutionGuard | None = None):
        self.session_id = session_id
        self.turn_id = turn_id
        self.events = events
        self.broker = broker
        self.store = store
        self.guard = guard
        self._buffer = SentenceBuffer()
        self._spoken: list[str] = []
        self._announced = False
        self.tools_called: list[str] = []

    # --- the loop's TurnSink ------------------------------------------------------------------------

    def announcement(self) -> ServerEvent:
        """The turn's first `agent_thinking`, for the turn gate to log with the lease and publish (see
        `TurnGate.hold`); `thinking()` then knows the turn is announced."""
        self._announced = True
        return server_event(self.session_id, ServerEventType.AGENT_THINKING,
                            AgentThinkingPayload(turn_id=self.turn_id, status="thinking"))

    async def thinking(self, status: str = "thinking", tool: str | None = None) -> None:
        if status == "thinking" and tool is None:
            if self._announced:  # the handler announces the turn as soon as it is admitted
                return
            self._announced = True
        if tool:
            self.tools_called.append(tool)
        await self.events.emit(
            self.session_id,
            ServerEventType.AGENT_THINKING,
            AgentThinkingPayload(turn_id=self.turn_id, status=status, tool=tool),
        )

    async def text(self, delta: str) -> None:
        for sentence in self._buffer.feed(delta):
            await self._send_sentence(sentence)

    async def end_text(self) -> None:
        for sentence in self._buffer.flush():
            await self._send_sentence(sentence)

    async def error(self, code: str, message: str) -> None:
        await self.events.emit(self.session_id, ServerEventType.ERROR, ErrorPayload(code=code, message=message))

    # --- everything else a turn does ------------------------------------------------------------------

    async def say(self, text: str) -> None:
        """Text the interviewer says without a model (e.g. a fixed reply)."""
        for sentence in split_sentences(text):
            await self._send_sentence(sentence)

    @property
    def full_text(self) -> str:
        return " ".join(self._spoken)

    async def _send_sentence(self, sentence: str) -> None:
        if self.guard is not None:
            sentence = self.guard.check(sentence)
        await self.events.emit(
            self.session_id,
            ServerEventType.INTERVIEWER_MSG,
            InterviewerMsgPayload(turn_id=self.turn_id, kind="delta", text=sentence + " "),
        )
        await self.broker.publish(
            SpeechRequested(session_id=self.session_id, turn_id=self.turn_id, index=len(self._spoken), text=sentence),
            exchange=COMMANDS,
            routing_key=RoutingKey.SPEECH_REQUESTED,
            persist=True,
        )
        self._spoken.append(sentence)

    async def finish(self) -> str:
        """Close the reply: one `complete` frame with the whole text (already saved by the caller)."""
        if self._spoken:
            await self.events.emit(
                self.session_id,
                ServerEventType.INTERVIEWER_MSG,
                InterviewerMsgPayload(turn_id=self.turn_id, kind="complete", text=self.full_text),
            )
        await self.thinking("done")
        return self.full_text

    async def change_phase(self, from_phase: Phase | None, to_phase: Phase) -> None:
        if from_phase == to_phase:
            return
        await self.store.update_session(self.session_id, phase=to_phase.value)
        await self.events.emit(
            self.session_id,
            ServerEventType.AGENT_PHASE_CHANGE,
            PhaseChangePayload(from_phase=from_phase, to_phase=to_phase),
        )

    async def request_final_feedback(self, code: str | None, language: Language) -> None:
        """On wrap-up: ask the feedback agent for the final report, stored with the session."""
        await self.broker.publish(
            FeedbackRequested(session_id=self.session_id, code=code or "", language=language, kind="final"),
            exchange=COMMANDS,
            routing_key=RoutingKey.FEEDBACK_REQUESTED,
            persist=True,
        )
