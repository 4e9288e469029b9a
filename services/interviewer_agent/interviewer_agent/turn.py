"""`TurnOutput`: everything one interviewer turn says to the browser, in order.

Text goes out sentence by sentence as `interviewer_msg` deltas, each sentence handed to the tts
service at once, then one `complete` frame carries the whole reply.
"""

from faststream.rabbit import RabbitBroker

from contracts.bus import SpeechRequested
from contracts.events import (
    AgentThinkingPayload,
    InterviewerMsgPayload,
    Phase,
    PhaseChangePayload,
    ServerEventType,
)
from contracts.topology import COMMANDS, RoutingKey
from persistence.store import InterviewStore
from runtime.event_log import EventLog

from .speech import split_sentences


class TurnOutput:
    def __init__(self, *, session_id: str, turn_id: str, events: EventLog, broker: RabbitBroker, store: InterviewStore):
        self.session_id = session_id
        self.turn_id = turn_id
        self.events = events
        self.broker = broker
        self.store = store
        self._spoken: list[str] = []
        self.tools_called: list[str] = []

    async def thinking(self, status: str = "thinking", tool: str | None = None) -> None:
        await self.events.emit(
            self.session_id,
            ServerEventType.AGENT_THINKING,
            AgentThinkingPayload(turn_id=self.turn_id, status=status, tool=tool),
        )

    async def tool_running(self, tool: str) -> None:
        self.tools_called.append(tool)
        await self.thinking("running", tool)

    async def say(self, text: str) -> None:
        """Stream `text` sentence by sentence; each finished sentence goes to tts immediately."""
        for sentence in split_sentences(text):
            await self.events.emit(
                self.session_id,
                ServerEventType.INTERVIEWER_MSG,
                InterviewerMsgPayload(turn_id=self.turn_id, kind="delta", text=sentence + " "),
            )
            await self._speak(sentence)

    async def _speak(self, sentence: str) -> None:
        await self.broker.publish(
            SpeechRequested(
                session_id=self.session_id, turn_id=self.turn_id, index=len(self._spoken), text=sentence
            ),
            exchange=COMMANDS,
            routing_key=RoutingKey.SPEECH_REQUESTED,
            persist=True,
        )
        self._spoken.append(sentence)

    async def finish(self) -> str:
        """Close the reply: one `complete` frame with the whole text, saved to the transcript."""
        full_text = " ".join(self._spoken)
        if full_text:
            await self.events.emit(
                self.session_id,
                ServerEventType.INTERVIEWER_MSG,
                InterviewerMsgPayload(turn_id=self.turn_id, kind="complete", text=full_text),
            )
            await self.store.add_message(self.session_id, "interviewer", full_text, turn_id=self.turn_id)
        await self.thinking("done")
        return full_text

    async def change_phase(self, from_phase: Phase | None, to_phase: Phase) -> None:
        if from_phase == to_phase:
            return
        await self.store.update_session(self.session_id, phase=to_phase.value)
        await self.events.emit(
            self.session_id,
            ServerEventType.AGENT_PHASE_CHANGE,
            PhaseChangePayload(from_phase=from_phase, to_phase=to_phase),
        )
