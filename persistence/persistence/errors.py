"""What the store refuses, for its callers to catch."""


class UnknownSession(LookupError):
    pass


class MessageIdReused(ValueError):
    """An id already used, in this session, for something else (or by another session's row)."""
