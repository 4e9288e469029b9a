"""Bodies of the gateway's HTTP API (the WebSocket events are in `events`)."""

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .events import Difficulty, Phase
from .questions import Topic
from .sandbox import MAX_SOURCE_BYTES, Language, SandboxResult


class CreateSessionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    difficulty: Difficulty
    language: Language
    topic: Topic | None = None
    # How long the interview may run, from its creation; the server ends it (and writes the report) then.
    # Unset: the gateway's INTERVIEW_MINUTES.
    duration_minutes: float | None = Field(default=None, gt=0, le=240)
    # A problem the candidate picked (`GET /api/problems`); unknown ids are refused (404 unknown_problem: the problem named does not exist).
    question_id: str | None = Field(default=None, max_length=64)
    # Client-generated, kept in the browser and carried to others by the candidate: sessions made with
    # the same key add up to one progress history (`GET /api/candidates/progress`). No accounts.
    candidate_key: str | None = Field(default=None, min_length=16, max_length=128, pattern=r"^[A-Za-z0-9_-]+$")
    # The server picks the problem from the candidate's weakest topic (needs `candidate_key`).
    practise_weak_spots: bool = False


class ReportStatus(BaseModel):
    """`GET /api/sessions/{id}/report` before the report exists: 202 `preparing` once the interview has
    ended, 409 `in_progress` while it runs."""

    status: Literal["preparing", "in_progress"]
    message: str


class CreateSessionResponse(BaseModel):
    session_id: str
    token: str


class SessionView(BaseModel):
    session_id: str
    difficulty: Difficulty
    language: Language
    topic: Topic | None
    status: str
    phase: Phase | None
    question_id: str | None
    hint_level: int
    last_seq: int
    created_at: datetime
    duration_s: int = 2700
    ended_at: datetime | None = None
    end_reason: Literal["solved", "finished", "time_limit", "abandoned"] | None = None


class TimelineEvent(BaseModel):
    """One entry of a session's record. `payload` by `type`: candidate_message {text, spoken,
    ref_message_id}; interviewer_msg {turn_id, kind: "complete", text}; code_snapshot {code, language}
    (the whole code); code_result; hint_given; agent_phase_change; feedback_result; interview_ended;
    problem_presented; voice_audio {url, sentence_index, turn_id, text, format} (a URL, never audio)."""

    seq: int
    at: datetime
    type: str
    payload: dict[str, Any]


class Timeline(BaseModel):
    """The whole record of a session, in order: what a reload, a second device or a replay rebuilds from."""

    session: SessionView
    events: list[TimelineEvent]


class HttpError(BaseModel):
    error: str
    message: str


class SessionList(BaseModel):
    sessions: list[SessionView]
    next_offset: int | None = None


class CodeRunRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    session_id: str = Field(max_length=64)
    language: Language
    code: str = Field(max_length=MAX_SOURCE_BYTES)
    tests: Literal["sample"] = "sample"


class CodeRunResponse(BaseModel):
    submission_id: str
    result: SandboxResult


MAX_TTS_CHARS = 3000


class TtsRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TTS_CHARS)
    voice: str | None = Field(default=None, max_length=32)


class WorkerHealth(BaseModel):
    alive: int
    status: Literal["ok", "missing"]


class HealthResponse(BaseModel):
    """`status` is `ok` when an interview can run, `degraded` when it can but a worker kind is missing
    (e.g. no voice), `down` when it cannot; the other fields say which part is which."""

    status: Literal["ok", "degraded", "down"]
    rabbitmq: str
    database: str
    sandbox: str
    llm: str
    workers: dict[str, WorkerHealth]
    replica_id: str


# ---- problems, timeline, share links, progress (issue 19) -------------------------------------------


class ProblemSummary(BaseModel):
    """What anyone may read about a problem: never hidden tests, hints or solutions."""

    id: str
    title: str
    difficulty: Difficulty
    topics: list[Topic]
    statement: str


class ProblemList(BaseModel):
    problems: list[ProblemSummary]


class ShareRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ttl_s: int = Field(default=7 * 24 * 3600, ge=60, le=30 * 24 * 3600)


class ShareLink(BaseModel):
    url: str
    token: str
    expires_at: datetime


class InterviewProgress(BaseModel):
    """One finished interview as the progress page sees it (from its final report)."""

    session_id: str
    question_id: str | None
    title: str | None
    topics: list[Topic]
    started_at: datetime
    ended_at: datetime | None
    scores: dict[str, float]
    hints_used: int
    time_to_first_accept_s: float | None
    failed_categories: list[str]
    solved: bool


class CandidateProgress(BaseModel):
    interviews: list[InterviewProgress]
    weakest_topic: Topic | None
    recommended_question_id: str | None
    rule: str
