"""Offline engine: espeak-ng (in-process, through libespeak-ng) speaks, then we encode for the browser.

mp3 is encoded in-process by lameenc (LAME compiled into a wheel) at 48 kbit/s mono in LAME's fast
mode; ogg (Vorbis) goes through `sox`. For a ~12-word sentence: ~15 ms speech + ~20 ms mp3.
"""

import asyncio
import functools
import subprocess
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor

import lameenc

from .engine import SynthesisError
from .libespeak import LibEspeakError, shared_libespeak

ESPEAK = "espeak-ng"
MP3_BIT_RATE_KBPS = 48
MP3_QUALITY = 7  # LAME's 0 (best, slowest) .. 9; 7 is its "fast" preset, 3x quicker than the default

# libespeak-ng is not thread-safe: every call goes through this one thread.
_espeak_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="espeak")


@functools.cache
def known_voices() -> frozenset[str]:
    """Every name `espeak-ng -v` accepts: language codes, voice names and voice files.

    espeak-ng silently falls back to its default voice for some unknown names, so we check ourselves.
    """
    listing = subprocess.run([ESPEAK, "--voices"], check=True, capture_output=True, text=True).stdout
    names: set[str] = set()
    for line in listing.splitlines()[1:]:
        # Columns: Pty Language Age/Gender VoiceName File [Other Languages]
        columns = line.split()
        if len(columns) >= 5:
            language, voice_name, voice_file = columns[1], columns[3], columns[4]
            names.update({language, voice_name, voice_file, voice_file.rsplit("/", 1)[-1]})
    return frozenset(names)


def encode_mp3(pcm: bytes, sample_rate: int) -> bytes:
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(MP3_BIT_RATE_KBPS)
    encoder.set_in_sample_rate(sample_rate)
    encoder.set_channels(1)
    encoder.set_quality(MP3_QUALITY)
    return bytes(encoder.encode(pcm) + encoder.flush())


async def encode_ogg(pcm: bytes, sample_rate: int) -> bytes:
    sox = await asyncio.create_subprocess_exec(
        "sox", "-q", "-t", "raw", "-r", str(sample_rate), "-e", "signed", "-b", "16", "-c", "1", "-",
        "-t", "ogg", "-C", "0", "-",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    audio, errors = await sox.communicate(pcm)
    if sox.returncode != 0 or not audio:
        raise SynthesisError(f"sox could not encode ogg ({sox.returncode}): {errors.decode(errors='replace')}")
    return audio


async def _encode_mp3_off_loop(pcm: bytes, sample_rate: int) -> bytes:
    return await asyncio.get_running_loop().run_in_executor(None, encode_mp3, pcm, sample_rate)


ENCODERS: dict[str, Callable[[bytes, int], Awaitable[bytes]]] = {"mp3": _encode_mp3_off_loop, "ogg": encode_ogg}


class EspeakEngine:
    name = "espeak"

    def __init__(self, voice: str = "en-us", format: str = "mp3", rate_wpm: int = 170) -> None:
        if format not in ENCODERS:
            raise ValueError(f"espeak engine cannot encode {format!r}; choose one of {sorted(ENCODERS)}")
        base_voice = voice.split("+", 1)[0]  # "en-us+f3" is a voice plus a variant
        if base_voice not in known_voices():
            raise ValueError(f"espeak-ng has no voice {voice!r}; see `espeak-ng --voices`")
        self.voice = voice
        self.format = format
        self.rate_wpm = rate_wpm

    async def warm_up(self) -> None:
        # Loads libespeak-ng, its voice data and the encoder before the first real sentence.
        await self.synthesize("Ready.")

    async def aclose(self) -> None:
        pass  # the espeak thread is shared by the whole process and idles at no cost

    async def synthesize(self, text: str) -> bytes:
        loop = asyncio.get_running_loop()
        try:
            pcm, sample_rate = await loop.run_in_executor(_espeak_thread, self._speak_pcm, text)
        except (LibEspeakError, OSError) as error:
            raise SynthesisError(f"espeak-ng failed: {error}") from error
        if not pcm:
            raise SynthesisError(f"espeak-ng produced no audio for {text!r}")
        return await ENCODERS[self.format](pcm, sample_rate)

    def _speak_pcm(self, text: str) -> tuple[bytes, int]:
        espeak = shared_libespeak()
        return espeak.synthesize(text, self.voice, self.rate_wpm), espeak.sample_rate
