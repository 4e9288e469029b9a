"""Bodies of the gateway's HTTP API (the WebSocket events are in `events`)."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .events import Difficulty, Phase
from .questions import Topic
from .sandbox import MAX_SOURCE_BYTES, Language, SandboxResult


class CreateSessionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    difficulty: Difficulty
    language: Language
    topic: Topic | None = None


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
