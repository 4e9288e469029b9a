"""What the bus handler calls: prepare the text, look in the cache, otherwise ask the engine."""

from dataclasses import dataclass

from .cache import AudioCache, MemoryAudioCache, RedisAudioCache, cache_key
from .engine import SpeechEngine
from .espeak import EspeakEngine
from .settings import TtsSettings
from .speech_text import speakable_text


@dataclass(frozen=True)
class SpokenAudio:
    format: str  # "mp3" | "ogg"
    data: bytes
    text: str  # what was actually spoken after preparation


class Synthesizer:
    """Engine + text preparation + cache."""

    def __init__(self, engine: SpeechEngine, cache: AudioCache) -> None:
        self.engine = engine
        self.cache = cache

    async def speak(self, text: str) -> SpokenAudio | None:
        """Audio for `text`, or None when nothing speakable remains (e.g. only punctuation).

        Raises SynthesisError when the engine fails; cache failures only cost a new synthesis.
        """
        spoken = speakable_text(text)
        if not spoken:
            return None
        key = self.cache_key_for(spoken)
        audio = await self.cache.get(key)
        if audio is None:
            audio = await self.engine.synthesize(spoken)
            await self.cache.put(key, audio)
        return SpokenAudio(format=self.engine.format, data=audio, text=spoken)

    def cache_key_for(self, spoken_text: str) -> str:
        return cache_key(self.engine.name, self.engine.voice, self.engine.format, spoken_text)

    async def forget(self, text: str) -> None:
        """Drop `text`'s audio from the cache (benchmarks use this to measure a cold synthesis)."""
        if spoken := speakable_text(text):
            await self.cache.delete(self.cache_key_for(spoken))

    async def warm_up(self) -> None:
        """Optional, at service start: raises SynthesisError if the engine is misconfigured."""
        await self.engine.warm_up()

    async def aclose(self) -> None:
        await self.engine.aclose()
        await self.cache.aclose()


def build_engine(settings: TtsSettings) -> SpeechEngine:
    voice = settings.resolved_voice()
    if settings.resolved_engine() == "polly":
        from .polly import PollyEngine  # imported lazily: aioboto3 is slow to import

        return PollyEngine(voice=voice, format=settings.tts_format, region=settings.aws_region)
    return EspeakEngine(voice=voice, format=settings.tts_format, rate_wpm=settings.tts_espeak_rate_wpm)


def build_cache(settings: TtsSettings) -> AudioCache:
    if settings.redis_url:
        return RedisAudioCache.from_url(settings.redis_url, settings.tts_cache_ttl_s)
    return MemoryAudioCache(ttl_s=settings.tts_cache_ttl_s)


def build_synthesizer(settings: TtsSettings) -> Synthesizer:
    return Synthesizer(build_engine(settings), build_cache(settings))
