"""`TurnOutput`: everything one interviewer turn says to the browser (and to other services), in order.

Model text streams in as it is generated. The reply's first words go out at once, and later words clause by
clause, while the sentence they belong to is still in progress, but only prose: from the first character that
could be code (a backtick, a bracket, an operator, `snake_case`, `camelCase`, a new line) the rest of the
sentence waits for its end, and so do words that add to what the solution guard counts towards the reference.
Each sentence is checked by the guard when it ends; what it withholds is replaced from there on (the words
already shown were prose the guard found no leak in, and it remembers them as said). The delta that ends a
sentence is marked `ends_sentence`, and the whole sentence is handed to the tts service at once (the voice
speaks whole sentences). `finish()` sends one `complete` frame with the whole reply.
"""

import re

from faststream.rabbit import RabbitPublisher

from contracts.bus import FeedbackRequested, SpeechRequested
from contracts.events import (
    AgentThinkingPayload,
    EndReason,
    ErrorPayload,
    InterviewerMsgPayload,
    Phase,
    ServerEvent,
    ServerEventType,
    server_event,
)
from contracts.sandbox import Language
from persistence.models import InterviewSession
from persistence.store import InterviewStore
from runtime.event_log import EventLog

from .cut import TurnCut
from .guard import SolutionGuard
from .speech import SentenceBuffer, split_sentences

# Characters and shapes of code, not prose: text from the first of them waits for its sentence's end.
_CODE_LIKE = re.compile(r"[`(){}\[\]<>=;_*/\\|&^%$#@~+\n]|[a-z][A-Z]|\w\.\w")
_CLAUSE_END = (",", ":")  # (a semicolon is code-like: it holds the rest)


def prose_ahead(pending: str) -> str:
    """The whole words of a sentence in progress that can be shown before it ends: up to the last
    whitespace (the last word may still be arriving) and before anything that could be code."""
    text = pending.lstrip()
    if code := _CODE_LIKE.search(text):
        text = text[:code.start()]
    words_end = max(text.rfind(" "), text.rfind("\t"))
    return text[:words_end].rstrip() if words_end > 0 else ""


class TurnOutput:
    def __init__(self, *, session_id: str, turn_id: str, events: EventLog, speech: RabbitPublisher,
                 feedback: RabbitPublisher, store: InterviewStore, guard: SolutionGuard | None = None):
        self.session_id = session_id
        self.turn_id = turn_id
        self.events = events
        self.speech = speech  # SpeechRequested, to the tts service
        self.feedback = feedback  # FeedbackRequested, to the feedback agent
        self.store = store
        self.guard = guard
        self._buffer = SentenceBuffer()
        self._shown = ""  # the words of the sentence in progress already sent ahead of its end
        self._spoken: list[str] = []
        self._announced = False
        self.tools_called: list[str] = []
        self.cut = TurnCut()  # barge-in: nothing more is said once the candidate talks over the turn

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
        await self._send_words_ahead()

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

    async def _delta(self, text: str, *, ends_sentence: bool) -> None:
        await self.events.emit(
            self.session_id,
            ServerEventType.INTERVIEWER_MSG,
            InterviewerMsgPayload(turn_id=self.turn_id, kind="delta", text=text, ends_sentence=ends_sentence),
        )

    @property
    def full_text(self) -> str:
        """What the candidate was shown: the checked sentences, and (when the reply was cut mid-sentence)
        the first words of the sentence in progress."""
        return " ".join([*self._spoken, self._shown] if self._shown else self._spoken)

    async def _send_words_ahead(self) -> None:
        """Send the sentence in progress's new prose words: the reply's first words at once (what the
        candidate waits for), after them whole clauses (each delta is an event to log and deliver)."""
        if self.cut.is_cut:
            return
        ahead = prose_ahead(self._buffer.pending)
        if len(ahead) <= len(self._shown) or not ahead.startswith(self._shown):
            return
        first_words = not self._spoken and not self._shown
        if not first_words and not ahead.endswith(_CLAUSE_END):
            return
        if self.guard is not None and self.guard.leak(ahead) > self.guard.leak(""):
            return  # these words add to what the guard counts: the sentence waits for its check
        await self._delta(ahead[len(self._shown):], ends_sentence=False)
        self._shown = ahead

    async def _send_sentence(self, sentence: str) -> None:
        if self.cut.is_cut:
            return
        shown, self._shown = self._shown, ""
        if self.guard is not None:
            checked = self.guard.check(sentence)
            if checked != sentence and shown:
                # Withheld after its first words were shown: those stay (the guard found no leak in them)
                # and are remembered as said; the rest is replaced.
                self.guard.check(shown)
                checked = f"{shown} {checked}"
            sentence = checked
        rest = sentence[len(shown):] if sentence.startswith(shown) else sentence
        await self._delta(rest + " ", ends_sentence=True)
        await self.speech.publish(
            SpeechRequested(session_id=self.session_id, turn_id=self.turn_id, index=len(self._spoken), text=sentence),
        )
        self._spoken.append(sentence)

    async def finish(self) -> str:
        """Close the reply: one `complete` frame with the whole text (already saved by the caller), marked
        `interrupted` when the candidate talked over it (the text is then what was said before the cut)."""
        if self.full_text:
            await self.events.emit(
                self.session_id,
                ServerEventType.INTERVIEWER_MSG,
                InterviewerMsgPayload(turn_id=self.turn_id, kind="complete", text=self.full_text,
                                      interrupted=self.cut.is_cut),
            )
        await self.thinking("done")
        return self.full_text

    async def change_phase(self, session: InterviewSession, to_phase: Phase) -> None:
        async with self.events.unit_of_work() as uow:  # the phase and its announcement commit together
            if uow.interviews.attach(session).move_to(to_phase):
                await uow.commit()

    async def end_interview(self, reason: EndReason, by_turn: str | None = None) -> bool:
        """Mark the interview ended and tell the browser; False (and nothing sent) if it had ended already."""
        async with self.events.unit_of_work() as uow:  # the end and `interview_ended` commit together
            if not (await uow.interviews.get(self.session_id)).end(reason, by_turn=by_turn or self.turn_id):
                return False
            await uow.commit()
        return True

    async def request_final_feedback(self, code: str | None, language: Language) -> None:
        """On wrap-up: ask the feedback agent for the final report, stored with the session."""
        await self.feedback.publish(
            FeedbackRequested(session_id=self.session_id, code=code or "", language=language, kind="final"),
        )
