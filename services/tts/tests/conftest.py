"""Shared test helpers for the tts service."""

import io
import subprocess
import tempfile
import wave
from collections.abc import Callable
from dataclasses import dataclass

import pytest


@dataclass(frozen=True)
class AudioInfo:
    encoding: str  # as the container header says, e.g. "MPEG audio (layer I, II or III)" or "Vorbis"
    channels: int
    sample_rate: int
    duration_s: float  # from the decoded samples, not from a header estimate


def probe_with_sox(audio: bytes, suffix: str) -> AudioInfo:
    """Decode the whole file with sox, as a player would, and measure what came out."""
    with tempfile.NamedTemporaryFile(suffix=f".{suffix}") as file:
        file.write(audio)
        file.flush()
        encoding = subprocess.run(["soxi", "-e", file.name], check=True, capture_output=True,
                                  text=True).stdout.strip()
        decoded = subprocess.run(["sox", "-q", file.name, "-t", "wav", "-"], check=True,
                                 capture_output=True).stdout
    with wave.open(io.BytesIO(decoded)) as pcm:
        return AudioInfo(
            encoding=encoding,
            channels=pcm.getnchannels(),
            sample_rate=pcm.getframerate(),
            duration_s=pcm.getnframes() / pcm.getframerate(),
        )


@pytest.fixture
def probe() -> Callable[[bytes, str], AudioInfo]:
    return probe_with_sox
