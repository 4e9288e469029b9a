"""Split interviewer text into sentences as it streams, so each can be spoken the moment it ends."""

import re

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'`(*_\[])")


def split_sentences(text: str) -> list[str]:
    """Sentences of `text`; a fenced code block stays one piece so it is never cut mid-code."""
    pieces: list[str] = []
    for block in re.split(r"(```.*?```)", text, flags=re.S):
        if block.startswith("```"):
            pieces.append(block)
        else:
            pieces.extend(p.strip() for p in _SENTENCE_END.split(block) if p.strip())
    return pieces
