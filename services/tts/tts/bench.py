"""Synthesis-side latency of the tts service, for `make bench-tts`.

Measures `Synthesizer.speak` (text preparation + cache + engine + encoding) for typical first
sentences of an interviewer's turn: cold (not cached) and cached. The bus hop to the gateway is not
included; the end-to-end bench adds it.

    uv run python -m tts.bench            # engine and cache from TTS_* / REDIS_URL, like the service
"""

import asyncio
import statistics
import time
from dataclasses import dataclass

from .settings import TtsSettings
from .synthesizer import Synthesizer, build_synthesizer

# About a dozen words each, the length the interviewer's first sentence usually has.
TYPICAL_FIRST_SENTENCES = [
    "Great, let's start with a classic problem about finding two numbers that sum up.",
    "Sure, take a moment to read the problem and ask me any questions.",
    "Nice, that works, but can we do better than O(n^2) time here?",
    "Okay, walk me through what `two_sum` returns when there is no answer.",
    "Good question: you may assume the input array fits comfortably in memory.",
    "That's a solid approach; what would the space complexity be with a hash map?",
    "Let's move on and talk about how you would test this function.",
    "Interesting, can you explain why sorting first gives O(n log n) overall?",
]


@dataclass(frozen=True)
class SynthesisBench:
    engine: str
    runs: int
    cold_median_ms: float
    cold_max_ms: float
    cached_median_ms: float
    audio_bytes_median: int

    def report(self) -> str:
        return "\n".join([
            f"tts_engine={self.engine}",
            f"tts_synthesis_ms={self.cold_median_ms:.1f}",
            f"tts_synthesis_max_ms={self.cold_max_ms:.1f}",
            f"tts_cache_hit_ms={self.cached_median_ms:.2f}",
            f"tts_audio_bytes={self.audio_bytes_median}",
            f"tts_bench_runs={self.runs}",
        ])


async def measure_synthesis(synthesizer: Synthesizer, rounds: int = 2) -> SynthesisBench:
    """Median `speak` time over TYPICAL_FIRST_SENTENCES x `rounds`, cold then cached."""
    await synthesizer.warm_up()
    cold_ms: list[float] = []
    cached_ms: list[float] = []
    sizes: list[int] = []
    for _ in range(rounds):
        for sentence in TYPICAL_FIRST_SENTENCES:
            await synthesizer.forget(sentence)
            elapsed_ms, size = await _timed_speak(synthesizer, sentence)
            cold_ms.append(elapsed_ms)
            sizes.append(size)
            cached_ms.append((await _timed_speak(synthesizer, sentence))[0])
    return SynthesisBench(
        engine=f"{synthesizer.engine.name}/{synthesizer.engine.voice}/{synthesizer.engine.format}",
        runs=len(cold_ms),
        cold_median_ms=statistics.median(cold_ms),
        cold_max_ms=max(cold_ms),
        cached_median_ms=statistics.median(cached_ms),
        audio_bytes_median=int(statistics.median(sizes)),
    )


async def _timed_speak(synthesizer: Synthesizer, sentence: str) -> tuple[float, int]:
    started = time.perf_counter()
    spoken = await synthesizer.speak(sentence)
    elapsed_ms = (time.perf_counter() - started) * 1000
    assert spoken is not None, f"benchmark sentence had nothing speakable: {sentence!r}"
    return elapsed_ms, len(spoken.data)


async def main() -> None:
    synthesizer = build_synthesizer(TtsSettings())
    try:
        print((await measure_synthesis(synthesizer)).report())
    finally:
        await synthesizer.aclose()


if __name__ == "__main__":
    asyncio.run(main())
