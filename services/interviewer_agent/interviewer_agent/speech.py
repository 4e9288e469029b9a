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


class SentenceBuffer:
    """Collects streamed text and hands back each sentence as soon as the next one has begun
    (or, for a fenced code block, once the fence closes)."""

    def __init__(self) -> None:
        self._pending = ""

    def feed(self, chunk: str) -> list[str]:
        self._pending += chunk
        if self._pending.count("```") % 2:  # inside an open code block: wait for it to close
            before, fence, rest = self._pending.partition("```")
            finished = split_sentences(before)
            self._pending = fence + rest
            return finished
        pieces = split_sentences(self._pending)
        if len(pieces) <= 1:
            return []
        # The last piece may still grow; it is final only once more text follows it.
        self._pending = self._pending[self._pending.rindex(pieces[-1]):]
        return pieces[:-1]

    @property
    def pending(self) -> str:
        """The text of the sentence still in progress (not yet handed back)."""
        return self._pending

    def flush(self) -> list[str]:
        pieces, self._pending = split_sentences(self._pending), ""
        return pieces
