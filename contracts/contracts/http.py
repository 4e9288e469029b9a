"""Bodies of the gateway's HTTP API (the WebSocket events are in `events`)."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict

from .events import Difficulty, Phase
from .questions import Topic
from .sandbox import Language


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
