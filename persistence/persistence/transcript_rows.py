"""The transcript: what was said, as the model's conversation is rebuilt from it."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from contracts.base import new_id
from contracts.base import utc_now as _now

from .errors import MessageIdReused
from .models import TranscriptMessage
from .rows import Rows


class TranscriptRows(Rows):
    # ---- transcript --------------------------------------------------------------------------

    async def add_message(self, session_id: str, role: str, content: str, **extra: Any) -> None:
        """Append to the transcript; a redelivered handler adding the same message adds it once. Another
        message under an id this session already holds raises `MessageIdReused`: nothing is dropped silently."""
        message_id = new_id()
        try:
            async with self._statements.begin() as db:
                db.add(
                    TranscriptMessage(
                        message_id=message_id, session_id=session_id, role=role, content=content,
                        extra=extra, created_at=_now(),
                    )
                )
        except IntegrityError:
            async with self._statements() as db:
                kept = (await db.execute(
                    select(TranscriptMessage.role, TranscriptMessage.content).where(
                        TranscriptMessage.session_id == session_id, TranscriptMessage.message_id == message_id)
                )).first()
            if kept is None:
                raise  # not a duplicate id (an unknown session, say): the original error says what
            if (kept.role, kept.content) != (role, content):
                raise MessageIdReused(f"message id {message_id} of session {session_id} holds another message") \
                    from None
            # else: recorded already by an earlier delivery of the same bus message

    async def transcript(self, session_id: str) -> list[TranscriptMessage]:
        return await self._session_rows(TranscriptMessage, session_id, TranscriptMessage.id)

