"""Fields every message carries, whichever side of the gateway it travels on."""

from datetime import UTC, datetime
from uuid import uuid4

from pydantic import BaseModel, ConfigDict, Field


def new_id() -> str:
    return uuid4().hex


def utc_now() -> datetime:
    return datetime.now(UTC)


class Message(BaseModel):
    """Base of every bus message and server event: an id to dedupe by and when it was made."""

    model_config = ConfigDict(extra="forbid")

    message_id: str = Field(default_factory=new_id)
    session_id: str
    timestamp: datetime = Field(default_factory=utc_now)
