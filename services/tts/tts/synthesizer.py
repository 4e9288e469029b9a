"""What the bus handler calls: prepare the text, look in the cache, otherwise ask the engine.

With Polly or Piper as the engine, espeak-ng stands by: if it fails (throttled for good, network down,
credentials without permission) the sentence is spoken offline rather than not at all, and the engine is
left alone for a cool-down so each sentence does not wait for another failure first.
"""

import logging
import shutil
import time
from dataclasses import dataclass, field

from .cache import AudioCache, MemoryAudioCache, RedisAudioCache, cache_key
from .engine import SpeechEngine, SynthesisError
from .espeak import ESPEAK, EspeakEngine
from .settings import DEFAULT_ESPEAK_VOICE, TtsSettings
from .speech_text import speakable_text

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SpokenAudio:
    format: str  # "mp3" | "ogg"
    data: bytes
    text: str  # what was actually spoken after preparation
    engine: str = field(default="", compare=False)  # who spoke it (the fallback when the main engine failed)
    voice: str = field(default="", compare=False)


class Synthesizer:
    """Engine + text preparation + cache (+ an optional fallback engine)."""

    def __init__(
        self,
        engine: SpeechEngine,
        cache: AudioCache,
        fallback: SpeechEngine | None = None,
        fallback_cooldown_s: float = 60.0,
    ) -> None:
        self.engine = engine
        self.cache = cache
        self.fallback = fallback
        self.fallback_cooldown_s = fallback_cooldown_s
        self._engine_down_until = 0.0

    async def speak(self, text: str) -> SpokenAudio | None:
        """Audio for `text`, or None when nothing speakable remains (e.g. only punctuation).

        Raises SynthesisError when every engine fails; cache failures only cost a new synthesis.
        """
        spoken = speakable_text(text)
        if not spoken:
            return None
        engines = self._engines_to_try()
        for engine in engines:
            key = self._cache_key(engine, spoken)
            audio = await self.cache.get(key)
            if audio is None:
                try:
                    audio = await engine.synthesize(spoken)
                except SynthesisError as error:
                    if engine is engines[-1]:
                        raise
                    self._mark_engine_down(error)
                    continue
                await self.cache.put(key, audio)
            return SpokenAudio(format=engine.format, data=audio, text=spoken, engine=engine.name, voice=engine.voice)
        raise AssertionError("unreachable: the last engine returns or raises")

    async def forget(self, text: str) -> None:
        """Drop `text`'s audio from the cache (benchmarks use this to measure a cold synthesis)."""
        if spoken := speakable_text(text):
            await self.cache.delete(self._cache_key(self.engine, spoken))

    async def warm_up(self) -> None:
        """Optional, at service start. Raises SynthesisError if the engine is misconfigured and there
        is no fallback; with one, logs the problem and speaks with the fallback for a while."""
        if self.fallback is not None:
            await self.fallback.warm_up()
        try:
            await self.engine.warm_up()
        except SynthesisError as error:
            if self.fallback is None:
                raise
            self._mark_engine_down(error)

    async def aclose(self) -> None:
        await self.engine.aclose()
        if self.fallback is not None:
            await self.fallback.aclose()
        await self.cache.aclose()

    def _engines_to_try(self) -> list[SpeechEngine]:
        if self.fallback is None:
            return [self.engine]
        if time.monotonic() < self._engine_down_until:
            return [self.fallback]
        return [self.engine, self.fallback]

    def _mark_engine_down(self, error: SynthesisError) -> None:
        log.error("%s failed, using %s for %.0f s: %s",
                  self.engine.name, self.fallback.name, self.fallback_cooldown_s, error)
        self._engine_down_until = time.monotonic() + self.fallback_cooldown_s

    @staticmethod
    def _cache_key(engine: SpeechEngine, spoken_text: str) -> str:
        return cache_key(engine.name, engine.voice, engine.format, spoken_text)


def build_engine(settings: TtsSettings) -> SpeechEngine:
    voice = settings.resolved_voice()
    if settings.resolved_engine() == "polly":
        from .polly import PollyEngine  # imported lazily: aioboto3 is slow to import

        return PollyEngine(voice=voice, format=settings.tts_format, region=settings.aws_region)
    if settings.resolved_engine() == "piper":
        from .piper import PiperEngine

        return PiperEngine(voice=voice, format=settings.tts_format)
    return EspeakEngine(voice=voice, format=settings.tts_format, rate_wpm=settings.tts_espeak_rate_wpm)


def build_fallback(settings: TtsSettings, engine: SpeechEngine) -> SpeechEngine | None:
    """espeak-ng behind Polly or Piper, when it is installed and not switched off."""
    if engine.name == "espeak" or not settings.tts_espeak_fallback or shutil.which(ESPEAK) is None:
        return None
    return EspeakEngine(voice=DEFAULT_ESPEAK_VOICE, format=engine.format, rate_wpm=settings.tts_espeak_rate_wpm)


def build_cache(settings: TtsSettings) -> AudioCache:
    if settings.redis_url:
        return RedisAudioCache.from_url(settings.redis_url, settings.tts_cache_ttl_s)
    return MemoryAudioCache(ttl_s=settings.tts_cache_ttl_s)


def build_synthesizer(settings: TtsSettings) -> Synthesizer:
    engine = build_engine(settings)
    return Synthesizer(engine, build_cache(settings), fallback=build_fallback(settings, engine))
