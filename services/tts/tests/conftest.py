"""Shared test helpers for the tts service."""

import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass

import pytest


@dataclass(frozen=True)
class AudioInfo:
    encoding: str
    channels: int
    sample_rate: int
    duration_s: float


def probe_with_soxi(audio: bytes, suffix: str) -> AudioInfo:
    """Decode with a real decoder (sox) so tests check what a player would see."""
    with tempfile.NamedTemporaryFile(suffix=f".{suffix}") as file:
        file.write(audio)
        file.flush()

        def soxi(flag: str) -> str:
            return subprocess.run(["soxi", flag, file.name], check=True, capture_output=True,
                                  text=True).stdout.strip()

        return AudioInfo(
            encoding=soxi("-e"),
            channels=int(soxi("-c")),
            sample_rate=int(soxi("-r")),
            duration_s=float(soxi("-D")),
        )


@pytest.fixture
def probe() -> Callable[[bytes, str], AudioInfo]:
    return probe_with_soxi
