"""Secrets kept out of the logs. Clients send tokens only in the `Authorization` header or the socket's
first frame, but a client may still put one in a URL (an old client, a hand-written request): uvicorn
logs every request's path with its query, so the query values that carry secrets are masked there."""

import logging
import re

SECRET_QUERY_VALUE = re.compile(r"([?&](?:token|access_token|auth|authorization|key)=)[^&\s\"']*", re.IGNORECASE)
UVICORN_LOGGERS = ("uvicorn.access", "uvicorn.error", "uvicorn")


def redact(text: str) -> str:
    return SECRET_QUERY_VALUE.sub(r"\1[redacted]", text)


class SecretRedactingFilter(logging.Filter):
    """Masks secret-bearing query values in a record's final message (its args included)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = redact(message)
        if masked != message:
            record.msg, record.args = masked, ()
        return True


def redact_server_logs() -> None:
    """Call after uvicorn configured its logging (it replaces handlers, not logger filters)."""
    for name in UVICORN_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, SecretRedactingFilter) for f in logger.filters):
            logger.addFilter(SecretRedactingFilter())
