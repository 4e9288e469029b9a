"""Offline engine: espeak-ng writes WAV to a pipe, an encoder turns it into what the browser plays.

Both programs run concurrently, connected by an OS pipe, so encoding starts while espeak is still
speaking. For a ~12-word sentence the whole thing takes roughly 80-120 ms on a dev machine.
"""

import asyncio
import functools
import os
import subprocess

from .engine import SynthesisError

ESPEAK = "espeak-ng"

# Encoders reading a WAV stream on stdin and writing the container on stdout. lame at a fixed
# 48 kbit/s mono in fast mode (-f) is quick and plenty for a 22 kHz synthetic voice;
# sox's Vorbis encoder is slower.
ENCODER_COMMANDS: dict[str, list[str]] = {
    "mp3": ["lame", "--quiet", "-f", "-b", "48", "-m", "m", "-", "-"],
    "ogg": ["sox", "-q", "-t", "wav", "-", "-t", "ogg", "-C", "0", "-"],
}


@functools.cache
def known_voices() -> frozenset[str]:
    """Every name `espeak-ng -v` accepts: language codes, voice names and voice files.

    espeak-ng silently falls back to its default voice for an unknown name, so we check ourselves.
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


class EspeakEngine:
    name = "espeak"

    def __init__(self, voice: str = "en-us", format: str = "mp3", rate_wpm: int = 170) -> None:
        if format not in ENCODER_COMMANDS:
            raise ValueError(f"espeak engine cannot encode {format!r}; choose one of {sorted(ENCODER_COMMANDS)}")
        base_voice = voice.split("+", 1)[0]  # "en-us+f3" is a voice plus a variant
        if base_voice not in known_voices():
            raise ValueError(f"espeak-ng has no voice {voice!r}; see `espeak-ng --voices`")
        self.voice = voice
        self.format = format
        self.rate_wpm = rate_wpm

    async def warm_up(self) -> None:
        # Loads espeak-ng's voice data and the encoder into the page cache.
        await self.synthesize("Ready.")

    async def aclose(self) -> None:
        pass  # each synthesis is its own process; nothing stays open

    async def synthesize(self, text: str) -> bytes:
        # Text goes in on stdin so nothing in it can be mistaken for a command-line option.
        read_end, write_end = os.pipe()
        try:
            espeak = await asyncio.create_subprocess_exec(
                ESPEAK, "-v", self.voice, "-s", str(self.rate_wpm), "--stdout",
                stdin=asyncio.subprocess.PIPE, stdout=write_end, stderr=asyncio.subprocess.PIPE,
            )
            encoder = await asyncio.create_subprocess_exec(
                *ENCODER_COMMANDS[self.format],
                stdin=read_end, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
            )
        finally:
            # The children hold their own copies; ours must close or the encoder never sees EOF.
            os.close(read_end)
            os.close(write_end)
        (_, espeak_err), (audio, encoder_err) = await asyncio.gather(
            espeak.communicate(text.encode()), encoder.communicate()
        )
        if espeak.returncode != 0:
            raise SynthesisError(f"espeak-ng failed ({espeak.returncode}): {espeak_err.decode(errors='replace')}")
        if encoder.returncode != 0 or not audio:
            raise SynthesisError(f"{self.format} encoder failed ({encoder.returncode}): "
                                 f"{encoder_err.decode(errors='replace')}")
        return audio
