"""Browser ⇄ gateway events over the WebSocket, as the product plan names them.

Client events are `{"type": ..., "payload": {...}}` (an optional `message_id` makes retries idempotent).
Server events add `message_id`, `session_id`, `timestamp` and `seq`: a per-session sequence number
that lets a reconnecting browser resume with `?last_seq=N`. Connection-local replies (`heartbeat_ack`,
`error` about a bad frame) are not part of the resumable stream and carry `seq: null`.
"""

import base64
import binascii
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator

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


class _Strict(BaseModel):
    # What the browser sends is checked field by field: a field it does not declare is refused, not dropped.
    model_config = ConfigDict(extra="forbid")


class _ClientEvent(_Strict):
    message_id: str = Field(default_factory=new_id, max_length=64)


class EmptyPayload(_Strict):
    pass


class StartInterview(_ClientEvent):
    type: Literal["start_interview"]
    payload: EmptyPayload = Field(default_factory=EmptyPayload)


class TextPayload(_Strict):
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)


class SendMessage(_ClientEvent):
    type: Literal["send_message"]
    payload: TextPayload


class VoicePayload(_Strict):
    transcript: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    confidence: float = Field(default=1.0, ge=0, le=1)
    language: str = Field(default="en-US", max_length=16)


class SendVoice(_ClientEvent):
    type: Literal["send_voice"]
    payload: VoicePayload


class CodePayload(_Strict):
    code: str = Field(max_length=MAX_SOURCE_BYTES)
    language: Language
    mode: RunMode = RunMode.RUN


class RunCode(_ClientEvent):
    type: Literal["run_code"]
    payload: CodePayload


class SnapshotPayload(_Strict):
    code: str = Field(max_length=MAX_SOURCE_BYTES)
    language: Language


class CodeSnapshot(_ClientEvent):
    """Debounced copy of the editor, so the interviewer sees what the candidate is writing."""

    type: Literal["code_snapshot"]
    payload: SnapshotPayload


class FeedbackPayload(_Strict):
    code: str = Field(default="", max_length=MAX_SOURCE_BYTES)
    language: Language | None = None


class RequestFeedback(_ClientEvent):
    type: Literal["request_feedback"]
    payload: FeedbackPayload = Field(default_factory=FeedbackPayload)


class VoicePreferencePayload(_Strict):
    muted: bool


class SetVoice(_ClientEvent):
    """Mute or unmute the interviewer's voice; a muted session gets no speech synthesized at all."""

    type: Literal["set_voice"]
    payload: VoicePreferencePayload


class RequestHint(_ClientEvent):
    """The candidate pressed the hint button; the interviewer gives the next hint level."""

    type: Literal["request_hint"]
    payload: EmptyPayload = Field(default_factory=EmptyPayload)


# Microphone audio: 16 kHz mono little-endian int16 PCM, sent in real time in chunks of 100–250 ms.
AUDIO_SAMPLE_RATE = 16_000
MAX_AUDIO_CHUNK_BYTES = 16_000  # 500 ms: twice the longest chunk a browser should send
UTTERANCE_ID_PATTERN = r"^[A-Za-z0-9_.:-]{1,64}$"


def decode_pcm16(pcm16_b64: str) -> bytes:
    """The samples of a base64 `pcm16` field; ValueError with a reason a person can act on."""
    try:
        pcm = base64.b64decode(pcm16_b64, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("pcm16 is not valid base64") from None
    if not pcm:
        raise ValueError("pcm16 holds no audio")
    if len(pcm) > MAX_AUDIO_CHUNK_BYTES:
        raise ValueError(f"pcm16 holds {len(pcm)} bytes; a chunk is at most {MAX_AUDIO_CHUNK_BYTES} bytes "
                         f"(500 ms of 16 kHz mono int16; send 100–250 ms chunks)")
    if len(pcm) % 2:
        raise ValueError("pcm16 has an odd number of bytes; samples are 16-bit little-endian")
    return pcm


class AudioChunkPayload(_Strict):
    utterance_id: str = Field(pattern=UTTERANCE_ID_PATTERN)
    seq: int = Field(ge=0, le=100_000)
    pcm16: str = Field(max_length=(MAX_AUDIO_CHUNK_BYTES + 2) // 3 * 4 + 4)
    # The editor changed in the last few seconds: the server waits longer for the end of the utterance.
    coding: bool = False
    # The candidate opted in to keeping their voice for the replay (off by default): the server stores the
    # utterance's audio once it is a turn. Off in any chunk of an utterance: nothing of it is kept.
    keep_audio: bool = False

    @field_validator("pcm16")
    @classmethod
    def _is_pcm16(cls, value: str) -> str:
        decode_pcm16(value)
        return value


class AudioChunk(_ClientEvent):
    """Microphone audio of one utterance (the client names it), in order, as it is captured."""

    type: Literal["audio_chunk"]
    payload: AudioChunkPayload


class AudioEndPayload(_Strict):
    utterance_id: str = Field(pattern=UTTERANCE_ID_PATTERN)


class AudioEnd(_ClientEvent):
    """The client stopped the microphone: the server finalises that utterance now."""

    type: Literal["audio_end"]
    payload: AudioEndPayload


class BargeIn(_ClientEvent):
    """The candidate started speaking over the interviewer: the client has stopped playback; the server
    sends no more `voice_audio` of the reply that was playing."""

    type: Literal["barge_in"]
    payload: EmptyPayload = Field(default_factory=EmptyPayload)


class Heartbeat(_ClientEvent):
    type: Literal["heartbeat"]
    payload: EmptyPayload = Field(default_factory=EmptyPayload)


class EndInterview(_ClientEvent):
    """The candidate pressed Finish: the interview ends now and its final report is prepared, solved or not."""

    type: Literal["end_interview"]
    payload: EmptyPayload = Field(default_factory=EmptyPayload)


class AuthenticatePayload(_Strict):
    token: str = Field(min_length=1, max_length=4096)
    last_seq: int = Field(default=0, ge=0)  # resume after this sequence number (0: from the start)


class Authenticate(_Strict):
    """The socket's first frame, and only there: tokens never travel in URLs (they end up in logs)."""

    type: Literal["authenticate"]
    payload: AuthenticatePayload


ClientEvent = Annotated[
    StartInterview | SendMessage | SendVoice | RunCode | CodeSnapshot | RequestFeedback | RequestHint | SetVoice
    | Heartbeat | EndInterview | AudioChunk | AudioEnd | BargeIn,
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
    "request_hint",
    "set_voice",
    "heartbeat",
    "end_interview",
    "audio_chunk",
    "audio_end",
    "barge_in",
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
    INTERVIEW_ENDED = "interview_ended"
    HINT_GIVEN = "hint_given"
    # The record (see docs/timeline.md): what the candidate said, logged by the gateway as it arrives, and
    # the editor's debounced snapshots as line edits against the snapshot before.
    CANDIDATE_MESSAGE = "candidate_message"
    CODE_SNAPSHOT = "code_snapshot"
    TRANSCRIPT_PARTIAL = "transcript_partial"
    TRANSCRIPT_FINAL = "transcript_final"


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
    """`kind="delta"` frames stream text as it is produced; one `kind="complete"` frame ends the reply.
    A reply's first words may go out before their sentence ends; the delta that ends a sentence has
    `ends_sentence` (each such sentence is spoken as one voice clip, in order)."""

    turn_id: str
    kind: Literal["delta", "complete"]
    text: str
    # On `complete`: the candidate talked over the reply (barge-in); `text` is what was said before the cut.
    interrupted: bool = False
    ends_sentence: bool = False


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
    """One spoken sentence. The audio is stored once, by its content, at `url` (`GET /api/audio/{key}`).
    The live event also carries it inline (`audio_b64`) so the first sentence plays without another
    round trip; the event log and every replay carry only the URL."""

    turn_id: str
    index: int
    format: str
    text: str
    url: str
    audio_b64: str | None = None
    duration_ms: int | None = None  # how long it plays (the interviewer's talk time in the speaking analytics)


class CandidateMessagePayload(BaseModel):
    """What the candidate said, typed or spoken, as the gateway received it."""

    text: str
    spoken: bool = False
    ref_message_id: str  # the client's `message_id` of the `send_message` / `send_voice`
    # The candidate's own audio of a spoken message (`GET /api/audio/{key}`, WAV), only if they opted in.
    audio_url: str | None = None


CodeEdit = tuple[int, int, str]  # replace lines [start, end) of the previous snapshot with this text


class CodeSnapshotDiffPayload(BaseModel):
    """A debounced snapshot as logged: the edits from the session's previous snapshot (the first one
    from an empty editor). `GET /api/sessions/{id}/timeline` gives the whole code of each."""

    language: Language
    edits: list[CodeEdit]


class TranscriptPartialPayload(BaseModel):
    """What the server has recognised so far of an utterance still being spoken (not logged)."""

    utterance_id: str
    text: str


class SpokenWord(BaseModel):
    word: str
    start_ms: int  # from the start of the utterance
    end_ms: int


class TranscriptFinalPayload(BaseModel):
    """An utterance ended (silence or `audio_end`). Unless it is only a backchannel ("mm-hm", "okay"), its
    text then becomes the candidate's message, as `send_voice` does."""

    utterance_id: str
    text: str
    started_at: datetime
    duration_ms: int
    words: list[SpokenWord] = Field(default_factory=list)
    backchannel: bool = False  # only "mm-hm", "okay", "right"…: shown, but not a turn


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


EndReason = Literal["solved", "finished", "time_limit", "abandoned"]


class InterviewEndedPayload(BaseModel):
    """The interview is over (once per session): solved, the candidate pressed Finish, its time ran out,
    or no socket was open for too long. The final report is being prepared
    (`GET /api/sessions/{id}/report` answers 202 until it is ready, then 200)."""

    reason: EndReason
    ended_at: datetime


class HintGivenPayload(BaseModel):
    """Sent each time the interviewer actually gives a hint (asked for, or an offer accepted)."""

    level: int = Field(ge=1, le=3)
    hints_used: int = Field(ge=1)
    max_level: int = 3


class ErrorPayload(BaseModel):
    code: str
    message: str
    ref_message_id: str | None = None


class ScoreEvidence(BaseModel):
    """One fact a score rests on: the candidate's own words with their time, a hidden-test category,
    a measurement (tests passed, runs, measured complexity), a hint the candidate asked for, a line of code."""

    kind: Literal["quote", "test_category", "measurement", "hint", "code"]
    text: str
    at: datetime | None = None  # when it was said or done, for quotes, hints and runs


class FeedbackScore(BaseModel):
    dimension: str
    score: int = Field(ge=1, le=4)
    justification: str
    evidence: list[ScoreEvidence] = Field(default_factory=list)


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


class SpeakingMoment(BaseModel):
    at_ms: int  # from the start of the interview
    kind: Literal["filler", "pause", "fast", "slow"]
    text: str


class SpeakingAnalytics(BaseModel):
    """How the candidate spoke, from the word timings of their final transcripts (never estimated)."""

    words_per_minute: float
    fillers_per_minute: float
    filler_counts: dict[str, int] = Field(default_factory=dict)
    longest_pause_s: float
    candidate_talk_share: float = Field(ge=0, le=1)  # of candidate + interviewer talk time
    moments: list[SpeakingMoment] = Field(default_factory=list)


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
    # Why the signal is not higher, when a band's cap applied (docs/scoring.md), e.g. "unsolved: at most no".
    hire_signal_caps: list[str] = Field(default_factory=list)
    hints_used: int = 0  # hints the candidate asked for or accepted; offered-and-declined ones never count
    practice_next: list[str] = Field(default_factory=list)
    kind: Literal["on_demand", "final"] = "on_demand"
    measured_complexity: ComplexityMeasurement | None = None
    edge_case_categories: list[EdgeCaseCategory] = Field(default_factory=list)
    suggestions: list[Suggestion] = Field(default_factory=list)
    model: str = "offline"  # which provider/model wrote the prose; the measurements are always the same
    speaking: SpeakingAnalytics | None = None  # None when the candidate never spoke


class FeedbackResultPayload(BaseModel):
    request_id: str
    feedback: FeedbackResult


# The payload each server event carries: the browser's types are generated from this (scripts/web_types.py).
SERVER_EVENT_PAYLOADS: dict[ServerEventType, type[BaseModel]] = {
    ServerEventType.SESSION_READY: SessionReadyPayload,
    ServerEventType.INTERVIEWER_MSG: InterviewerMsgPayload,
    ServerEventType.PROBLEM_PRESENTED: ProblemPresentedPayload,
    ServerEventType.VOICE_AUDIO: VoiceAudioPayload,
    ServerEventType.CODE_RESULT: CodeResultPayload,
    ServerEventType.FEEDBACK_RESULT: FeedbackResultPayload,
    ServerEventType.AGENT_THINKING: AgentThinkingPayload,
    ServerEventType.AGENT_PHASE_CHANGE: PhaseChangePayload,
    ServerEventType.ERROR: ErrorPayload,
    ServerEventType.HEARTBEAT_ACK: EmptyPayload,
    ServerEventType.INTERVIEW_ENDED: InterviewEndedPayload,
    ServerEventType.HINT_GIVEN: HintGivenPayload,
    ServerEventType.CANDIDATE_MESSAGE: CandidateMessagePayload,
    ServerEventType.CODE_SNAPSHOT: CodeSnapshotDiffPayload,
    ServerEventType.TRANSCRIPT_PARTIAL: TranscriptPartialPayload,
    ServerEventType.TRANSCRIPT_FINAL: TranscriptFinalPayload,
}


def server_event(session_id: str, event_type: ServerEventType, payload: BaseModel | None = None) -> ServerEvent:
    return ServerEvent(
        session_id=session_id,
        type=event_type,
        payload=payload.model_dump(mode="json") if payload is not None else {},
    )
