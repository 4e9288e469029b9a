"""Browser ⇄ gateway events over the WebSocket, as the product plan names them.

Client events are `{"type": ..., "payload": {...}}` (an optional `message_id` makes retries idempotent).
Server events add `message_id`, `session_id`, `timestamp` and `seq`: a per-session sequence number
that lets a reconnecting browser resume with `?last_seq=N`. Connection-local replies (`heartbeat_ack`,
`error` about a bad frame) are not part of the resumable stream and carry `seq: null`.
"""

from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from .base import Message, new_id
from .sandbox import MAX_SOURCE_BYTES, Language, SandboxResult

MAX_TEXT_CHARS = 4096


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class Phase(StrEnum):
    GREETING = "greeting"
    CLARIFYING = "clarifying"
    OBSERVING = "observing"
    NUDGING = "nudging"
    REVIEWING = "reviewing"
    WRAPPING_UP = "wrapping_up"


class RunMode(StrEnum):
    RUN = "run"  # sample tests, shown in full
    SUBMIT = "submit"  # hidden tests through the interviewer; only verdicts come back


# ---- client → server -------------------------------------------------------------------------


class _ClientEvent(BaseModel):
    model_config = ConfigDict(extra="forbid")
    message_id: str = Field(default_factory=new_id, max_length=64)


class EmptyPayload(BaseModel):
    model_config = ConfigDict(extra="forbid")


class StartInterview(_ClientEvent):
    type: Literal["start_interview"]
    payload: EmptyPayload = Field(default_factory=EmptyPayload)


class TextPayload(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)


class SendMessage(_ClientEvent):
    type: Literal["send_message"]
    payload: TextPayload


class VoicePayload(BaseModel):
    model_config = ConfigDict(extra="forbid")
    transcript: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    confidence: float = Field(default=1.0, ge=0, le=1)
    language: str = Field(default="en-US", max_length=16)


class SendVoice(_ClientEvent):
    type: Literal["send_voice"]
    payload: VoicePayload


class CodePayload(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(max_length=MAX_SOURCE_BYTES)
    language: Language
    mode: RunMode = RunMode.RUN


class RunCode(_ClientEvent):
    type: Literal["run_code"]
    payload: CodePayload


class SnapshotPayload(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(max_length=MAX_SOURCE_BYTES)
    language: Language


class CodeSnapshot(_ClientEvent):
    """Debounced copy of the editor, so the interviewer sees what the candidate is writing."""

    type: Literal["code_snapshot"]
    payload: SnapshotPayload


class FeedbackPayload(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(default="", max_length=MAX_SOURCE_BYTES)
    language: Language | None = None


class RequestFeedback(_ClientEvent):
    type: Literal["request_feedback"]
    payload: FeedbackPayload = Field(default_factory=FeedbackPayload)


class VoicePreferencePayload(BaseModel):
    model_config = ConfigDict(extra="forbid")
    muted: bool


class SetVoice(_ClientEvent):
    """Mute or unmute the interviewer's voice; a muted session gets no speech synthesized at all."""

    type: Literal["set_voice"]
    payload: VoicePreferencePayload


class Heartbeat(_ClientEvent):
    type: Literal["heartbeat"]
    payload: EmptyPayload = Field(default_factory=EmptyPayload)


ClientEvent = Annotated[
    StartInterview | SendMessage | SendVoice | RunCode | CodeSnapshot | RequestFeedback | SetVoice | Heartbeat,
    Field(discriminator="type"),
]
client_event_adapter: TypeAdapter[ClientEvent] = TypeAdapter(ClientEvent)
CLIENT_EVENT_TYPES = (
    "start_interview",
    "send_message",
    "send_voice",
    "run_code",
    "code_snapshot",
    "request_feedback",
    "set_voice",
    "heartbeat",
)


# ---- server → client -------------------------------------------------------------------------


class ServerEventType(StrEnum):
    SESSION_READY = "session_ready"
    INTERVIEWER_MSG = "interviewer_msg"
    PROBLEM_PRESENTED = "problem_presented"
    VOICE_AUDIO = "voice_audio"
    CODE_RESULT = "code_result"
    FEEDBACK_RESULT = "feedback_result"
    AGENT_THINKING = "agent_thinking"
    AGENT_PHASE_CHANGE = "agent_phase_change"
    ERROR = "error"
    HEARTBEAT_ACK = "heartbeat_ack"


class ServerEvent(Message):
    """What the browser receives. `payload` is one of the payload models below, as JSON."""

    type: ServerEventType
    seq: int | None = None
    payload: dict[str, Any] = Field(default_factory=dict)


class SessionReadyPayload(BaseModel):
    session_id: str
    difficulty: Difficulty
    language: Language
    phase: Phase
    resumed_after_seq: int | None = None


class InterviewerMsgPayload(BaseModel):
    """`kind="delta"` frames stream text as it is produced; one `kind="complete"` frame ends the reply."""

    turn_id: str
    kind: Literal["delta", "complete"]
    text: str


class PublicTest(BaseModel):
    id: str
    input: dict[str, Any] | None = None
    expected: Any = None


class ProblemPresentedPayload(BaseModel):
    question_id: str
    title: str
    difficulty: Difficulty
    statement_md: str
    starter_code: str
    language: Language
    sample_tests: list[PublicTest] = Field(default_factory=list)


class VoiceAudioPayload(BaseModel):
    turn_id: str
    index: int
    format: str
    audio_b64: str
    text: str


class CodeResultPayload(BaseModel):
    submission_id: str
    mode: RunMode
    language: Language
    result: SandboxResult


class AgentThinkingPayload(BaseModel):
    turn_id: str
    status: Literal["thinking", "running", "done"]
    tool: str | None = None


class PhaseChangePayload(BaseModel):
    from_phase: Phase | None
    to_phase: Phase


class ErrorPayload(BaseModel):
    code: str
    message: str
    ref_message_id: str | None = None


class FeedbackScore(BaseModel):
    dimension: str
    score: int = Field(ge=1, le=4)
    justification: str


class SizeTiming(BaseModel):
    """Median CPU time of the candidate's code at one input size (harness overhead subtracted if known)."""

    n: int
    time_ms: float


class ComplexityMeasurement(BaseModel):
    """What `analyze_complexity` measured: the fitted growth of time against n beside the expected class."""

    measured: str  # a class such as "O(n log n)", or "unknown"
    expected: str  # from the problem data, as written there
    exponent: float | None = None  # least-squares slope of log(time) against log(n)
    doubling_factor: float | None = None  # time multiplies by this when n doubles (2 ** exponent)
    matches_expected: bool | None = None  # None when the expected class could not be parsed
    points: list[SizeTiming] = Field(default_factory=list)
    summary: str  # e.g. "about O(n²): time ×4.1 when n ×2 (n = 250…4000)"


class EdgeCaseCategory(BaseModel):
    """Hidden tests of one category (e.g. "empty", "duplicates"): how many pass, never the tests themselves."""

    category: str
    passed: int
    total: int


class Suggestion(BaseModel):
    line: int | None = None  # 1-based line of the candidate's code
    kind: Literal["correctness", "performance", "naming", "structure", "idiom"]
    text: str


class FeedbackResult(BaseModel):
    """Structured scorecard from the feedback agent.

    `complexity`, `edge_cases` and `improvements` are the plain-text views; `measured_complexity`,
    `edge_case_categories` and `suggestions` carry the same findings as data."""

    summary: str
    complexity: str
    edge_cases: list[str] = Field(default_factory=list)
    improvements: list[str] = Field(default_factory=list)
    scores: list[FeedbackScore] = Field(default_factory=list)
    hire_signal: Literal["strong_no", "no", "yes", "strong_yes"] = "no"
    practice_next: list[str] = Field(default_factory=list)
    kind: Literal["on_demand", "final"] = "on_demand"
    measured_complexity: ComplexityMeasurement | None = None
    edge_case_categories: list[EdgeCaseCategory] = Field(default_factory=list)
    suggestions: list[Suggestion] = Field(default_factory=list)
    model: str = "offline"  # which provider/model wrote the prose; the measurements are always the same


class FeedbackResultPayload(BaseModel):
    request_id: str
    feedback: FeedbackResult


def server_event(session_id: str, event_type: ServerEventType, payload: BaseModel | None = None) -> ServerEvent:
    return ServerEvent(
        session_id=session_id,
        type=event_type,
        payload=payload.model_dump(mode="json") if payload is not None else {},
    )
