"""Service ⇄ service messages on RabbitMQ. Browser events never travel the bus as they are: the
gateway validates them and turns them into these commands."""

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .base import Message, new_id
from .events import MAX_TEXT_CHARS, UTTERANCE_ID_PATTERN, RunMode, decode_pcm16
from .sandbox import MAX_SOURCE_BYTES, Language, SandboxRequest, SandboxResult


class _Action(BaseModel):
    model_config = ConfigDict(extra="forbid")


class StartAction(_Action):
    kind: Literal["start"] = "start"


class CandidateMessageAction(_Action):
    kind: Literal["message"] = "message"
    text: str = Field(max_length=MAX_TEXT_CHARS)
    spoken: bool = False
    confidence: float | None = None


class CodeRunAction(_Action):
    kind: Literal["run_code"] = "run_code"
    code: str = Field(max_length=MAX_SOURCE_BYTES)
    language: Language
    mode: RunMode = RunMode.RUN


class HintRequestAction(_Action):
    """The candidate pressed the hint button: the next hint level, exactly as if asked in words."""

    kind: Literal["hint_request"] = "hint_request"


class SilenceCheckAction(_Action):
    """Fired by the bus after a quiet spell; `since_seq` lets the agent ignore stale checks."""

    kind: Literal["silence_check"] = "silence_check"
    since_seq: int = 0


class EndInterviewAction(_Action):
    """End the interview and prepare its final report: sent by the gateway when the candidate presses
    Finish, and by the session watch when time runs out or the candidate has gone."""

    kind: Literal["end_interview"] = "end_interview"
    reason: Literal["finished", "time_limit", "abandoned"] = "finished"


class SessionWatchAction(_Action):
    """Fired by the bus every `SESSION_WATCH_INTERVAL_S` while an interview runs: has its time run out,
    has its socket been gone too long? `watch_seq` keeps one chain of checks per session."""

    kind: Literal["session_watch"] = "session_watch"
    watch_seq: int = 0


CandidateAction = Annotated[
    StartAction | CandidateMessageAction | CodeRunAction | HintRequestAction
    | SilenceCheckAction | EndInterviewAction | SessionWatchAction,
    Field(discriminator="kind"),
]


class TurnRequested(Message):
    """Gateway → interviewer-agent: the candidate did something the interviewer must answer."""

    turn_id: str = Field(default_factory=new_id)
    # Numbered per session by the gateway, so replicas run a session's turns in order; silence checks
    # (fired by the bus, not the candidate) carry none.
    turn_number: int | None = None
    action: CandidateAction


class SandboxRunRequested(Message):
    """Any agent → sandbox-worker (request/reply): run this code against these tests."""

    run_id: str = Field(default_factory=new_id)
    request: SandboxRequest


class SandboxRunCompleted(Message):
    run_id: str
    result: SandboxResult


class SpeechRequested(Message):
    """Interviewer → tts: speak one sentence of a turn; `index` orders sentences within the turn."""

    turn_id: str
    index: int = Field(ge=0)
    text: str = Field(max_length=MAX_TEXT_CHARS)


class VoiceCut(Message):
    """Gateway → every tts and interviewer replica (fanout): the candidate talked over this reply (barge-in);
    its remaining sentences are not synthesised, and the interviewer stops writing it (the turn yields)."""

    turn_id: str


class FeedbackRequested(Message):
    """Gateway → feedback-agent: score the candidate's work so far."""

    request_id: str = Field(default_factory=new_id)
    code: str = Field(default="", max_length=MAX_SOURCE_BYTES)
    language: Language | None = None
    # "final": sent by the interviewer on wrap-up; the report is stored with the session.
    kind: Literal["on_demand", "final"] = "on_demand"


class WorkerHeartbeat(BaseModel):
    """Every worker says it is alive every few seconds; gateways use this for /api/health."""

    kind: Literal["interviewer-agent", "feedback-agent", "tts", "stt", "sandbox-worker"]
    instance_id: str
    timestamp: float
    # What the worker knows of its own dependencies, e.g. {"llm": "offline-default"}; checked cheaply
    # by the worker itself, so a health probe never costs a model call.
    details: dict[str, str] = Field(default_factory=dict)


class SynthesisRequested(Message):
    """Gateway → tts (request/reply), for `POST /api/voice/tts`: speak this text, return the audio."""

    text: str = Field(max_length=3000)
    voice: str | None = None


class SynthesisCompleted(Message):
    format: str = ""
    audio_b64: str = ""
    error: str | None = None  # e.g. "nothing speakable" or the engine's failure


class UtteranceAudio(Message):
    """Gateway → stt: one chunk of a candidate's utterance as the browser sent it, or (`ended`) the
    browser stopped the microphone after `chunk_count` chunks. Any stt replica may take any chunk: the
    chunks of an utterance meet in the utterance store (see `services/stt/README.md`)."""

    utterance_id: str = Field(pattern=UTTERANCE_ID_PATTERN)
    seq: int = Field(default=0, ge=0)
    pcm16_b64: str = ""  # empty only when `ended`
    coding: bool = False
    keep_audio: bool = False  # the candidate opted in to keeping their voice (see `AudioChunkPayload`)
    received_at: datetime  # when the gateway got it: the utterance's clock
    ended: bool = False
    chunk_count: int | None = None  # with `ended`: how many chunks this socket forwarded, if it knows

    @field_validator("pcm16_b64")
    @classmethod
    def _is_pcm16(cls, value: str) -> str:
        if value:
            decode_pcm16(value)
        return value
