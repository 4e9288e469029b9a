"""Bus messages a handler has finished, so a redelivery does its work once."""

from sqlalchemy.exc import IntegrityError

from contracts.base import utc_now as _now

from .models import ProcessedMessage
from .rows import Rows


class ProcessedRows(Rows):
    # ---- idempotency -------------------------------------------------------------------------

    async def claim_message(self, message_id: str, handler: str) -> bool:
        """True the first time a handler sees this message id; False on a redelivery."""
        try:
            async with self._statements.begin() as db:
                db.add(ProcessedMessage(message_id=message_id, handler=handler, processed_at=_now()))
        except IntegrityError:
            return False
        return True

