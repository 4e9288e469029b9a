"""The one interface every speech engine implements."""

from typing import Protocol


class SynthesisError(RuntimeError):
    """The engine could not turn text into audio."""


class SpeechEngine(Protocol):
    name: str  # "espeak" | "polly": part of the cache key
    voice: str
    format: str  # container the browser plays: "mp3" | "ogg"

    async def synthesize(self, text: str) -> bytes:
        """Audio for plain, already-prepared text, encoded in `format`."""
        ...

    async def warm_up(self) -> None:
        """Check the configuration and pay one-off start-up costs before the first real sentence."""
        ...

    async def aclose(self) -> None: ...
