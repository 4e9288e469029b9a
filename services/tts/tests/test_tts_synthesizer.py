import uuid

import pytest

from tts.cache import MemoryAudioCache, RedisAudioCache, cache_key
from tts.engine import SynthesisError
from tts.espeak import EspeakEngine
from tts.piper import PiperEngine
from tts.polly import PollyEngine
from tts.settings import TtsSettings
from tts.speech_text import CODE_MENTION
from tts.synthesizer import SpokenAudio, Synthesizer, build_synthesizer

REDIS_URL = "redis://localhost:6379/0"


class CountingEngine:
    """A fake engine that records what it was asked to say."""

    name = "fake"
    format = "mp3"

    def __init__(self, voice: str = "v1") -> None:
        self.voice = voice
        self.calls: list[str] = []

    async def synthesize(self, text: str) -> bytes:
        self.calls.append(text)
        return f"audio:{self.voice}:{text}".encode()

    async def warm_up(self) -> None: ...

    async def aclose(self) -> None: ...


class FailingEngine(CountingEngine):
    name = "flaky"

    def __init__(self) -> None:
        super().__init__(voice="cloud")
        self.failing = True

    async def synthesize(self, text: str) -> bytes:
        self.calls.append(text)
        if self.failing:
            raise SynthesisError("throttled for good")
        return f"audio:cloud:{text}".encode()

    async def warm_up(self) -> None:
        if self.failing:
            raise SynthesisError("no such voice")


@pytest.fixture
def engine():
    return CountingEngine()


@pytest.fixture
def synthesizer(engine):
    return Synthesizer(engine, MemoryAudioCache(ttl_s=60))


async def test_speaks_the_prepared_text(synthesizer, engine):
    spoken = await synthesizer.speak("Use **`two_sum`** here:\n```py\npass\n```")
    assert spoken == SpokenAudio(format="mp3", data=f"audio:v1:Use two sum here: {CODE_MENTION}".encode(),
                                 text=f"Use two sum here: {CODE_MENTION}")
    assert engine.calls == [spoken.text]


@pytest.mark.parametrize("text", ["", "  \n", "---", "**"])
async def test_nothing_speakable_means_no_synthesis(synthesizer, engine, text):
    assert await synthesizer.speak(text) is None
    assert engine.calls == []


async def test_a_repeated_phrase_is_synthesized_once(synthesizer, engine):
    first = await synthesizer.speak("Can you walk me through it?")
    again = await synthesizer.speak("Can you **walk** me through it?")  # same words once prepared
    assert first == again
    assert engine.calls == ["Can you walk me through it?"]


async def test_cache_key_separates_voices_and_formats():
    keys = {
        cache_key("espeak", "en-us", "mp3", "Hi."),
        cache_key("espeak", "en-gb", "mp3", "Hi."),
        cache_key("espeak", "en-us", "ogg", "Hi."),
        cache_key("polly", "en-us", "mp3", "Hi."),
        cache_key("espeak", "en-us", "mp3", "Hi!"),
    }
    assert len(keys) == 5


async def test_espeak_synthesizer_end_to_end(probe):
    synthesizer = build_synthesizer(TtsSettings(tts_engine="espeak", redis_url=""))
    spoken = await synthesizer.speak("## Plan\nSort first, giving `O(n log n)`.")
    assert spoken.text == "Plan. Sort first, giving O of n log n."
    assert spoken.format == "mp3"
    assert probe(spoken.data, "mp3").duration_s > 1.5


class TestMemoryCache:
    async def test_entries_expire(self, monkeypatch):
        now = [1000.0]
        monkeypatch.setattr("tts.cache.time.monotonic", lambda: now[0])
        cache = MemoryAudioCache(ttl_s=10)
        await cache.put("k", b"audio")
        now[0] += 9
        assert await cache.get("k") == b"audio"
        now[0] += 2
        assert await cache.get("k") is None

    async def test_least_recently_used_entry_is_dropped_first(self):
        cache = MemoryAudioCache(ttl_s=60, max_entries=2)
        await cache.put("a", b"1")
        await cache.put("b", b"2")
        await cache.get("a")  # "b" is now the least recently used
        await cache.put("c", b"3")
        assert (await cache.get("a"), await cache.get("b"), await cache.get("c")) == (b"1", None, b"3")
        assert len(cache) == 2


class TestRedisCache:
    async def test_round_trip_with_ttl(self):
        cache = RedisAudioCache.from_url(REDIS_URL, ttl_s=30)
        key = f"mockmind:tts:test:{uuid.uuid4()}"
        try:
            assert await cache.get(key) is None
            await cache.put(key, b"\x00\xffaudio")
            assert await cache.get(key) == b"\x00\xffaudio"
            assert 0 < await cache.redis.ttl(key) <= 30
        finally:
            await cache.redis.delete(key)
            await cache.aclose()

    async def test_shared_between_synthesizers(self):
        text = f"Shared phrase {uuid.uuid4().hex[:8]}."
        first_engine, second_engine = CountingEngine(), CountingEngine()
        first = Synthesizer(first_engine, RedisAudioCache.from_url(REDIS_URL, ttl_s=30))
        second = Synthesizer(second_engine, RedisAudioCache.from_url(REDIS_URL, ttl_s=30))
        try:
            assert await first.speak(text) == await second.speak(text)
            assert (first_engine.calls, second_engine.calls) == ([text], [])
        finally:
            await first.cache.redis.delete(cache_key("fake", "v1", "mp3", text))
            await first.aclose()
            await second.aclose()

    async def test_unreachable_redis_only_costs_a_synthesis(self, engine):
        synthesizer = Synthesizer(engine, RedisAudioCache.from_url("redis://127.0.0.1:1/0", ttl_s=30))
        assert (await synthesizer.speak("Still talking.")).data == b"audio:v1:Still talking."
        assert (await synthesizer.speak("Still talking.")).data == b"audio:v1:Still talking."
        assert len(engine.calls) == 2
        await synthesizer.aclose()


class TestBuildSynthesizer:
    @pytest.fixture(autouse=True)
    def clean_env(self, monkeypatch):
        for name in ["TTS_ENGINE", "TTS_VOICE", "TTS_FORMAT", "AWS_ACCESS_KEY_ID", "AWS_PROFILE", "REDIS_URL"]:
            monkeypatch.delenv(name, raising=False)

    def test_defaults_to_offline_piper_with_espeak_behind_and_memory_cache(self):
        synthesizer = build_synthesizer(TtsSettings())
        assert isinstance(synthesizer.engine, PiperEngine)
        assert (synthesizer.engine.voice, synthesizer.engine.format) == ("en_US-joe-medium", "mp3")
        assert isinstance(synthesizer.fallback, EspeakEngine)
        assert isinstance(synthesizer.cache, MemoryAudioCache)

    def test_without_piper_auto_speaks_with_espeak(self, monkeypatch):
        monkeypatch.setattr("tts.piper.piper_installed", lambda: False)
        synthesizer = build_synthesizer(TtsSettings())
        assert isinstance(synthesizer.engine, EspeakEngine)
        assert (synthesizer.engine.voice, synthesizer.engine.format) == ("en-us", "mp3")

    def test_auto_picks_polly_when_aws_credentials_exist(self, monkeypatch):
        monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE")
        synthesizer = build_synthesizer(TtsSettings())
        assert isinstance(synthesizer.engine, PollyEngine)
        assert (synthesizer.engine.voice, synthesizer.engine.format) == ("Joanna", "mp3")
        assert isinstance(synthesizer.fallback, EspeakEngine)
        assert synthesizer.fallback.format == "mp3"

    def test_fallback_can_be_switched_off(self, monkeypatch):
        monkeypatch.setenv("TTS_ENGINE", "polly")
        monkeypatch.setenv("TTS_ESPEAK_FALLBACK", "false")
        assert build_synthesizer(TtsSettings()).fallback is None

    def test_espeak_needs_no_fallback(self):
        assert build_synthesizer(TtsSettings(tts_engine="espeak")).fallback is None

    def test_aws_profile_also_counts_as_credentials(self, monkeypatch):
        monkeypatch.setenv("AWS_PROFILE", "interviews")
        assert TtsSettings().resolved_engine() == "polly"

    def test_explicit_engine_voice_format_and_redis(self, monkeypatch):
        monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE")
        monkeypatch.setenv("TTS_ENGINE", "espeak")
        monkeypatch.setenv("TTS_VOICE", "en-gb")
        monkeypatch.setenv("TTS_FORMAT", "ogg")
        monkeypatch.setenv("REDIS_URL", REDIS_URL)
        synthesizer = build_synthesizer(TtsSettings())
        assert isinstance(synthesizer.engine, EspeakEngine)
        assert (synthesizer.engine.voice, synthesizer.engine.format) == ("en-gb", "ogg")
        assert isinstance(synthesizer.cache, RedisAudioCache)


async def test_bench_measures_cold_misses_and_cached_hits(synthesizer, engine):
    from tts.bench import TYPICAL_FIRST_SENTENCES, measure_synthesis

    await synthesizer.speak(TYPICAL_FIRST_SENTENCES[0])  # cached before the bench: must still run cold
    engine.calls.clear()
    result = await measure_synthesis(synthesizer, rounds=2)
    assert result.runs == 2 * len(TYPICAL_FIRST_SENTENCES)
    assert len(engine.calls) == result.runs  # each cold run synthesized, no cached run did
    assert "tts_synthesis_ms=" in result.report() and "tts_cache_hit_ms=" in result.report()


class TestFallback:
    @pytest.fixture
    def primary(self):
        return FailingEngine()

    @pytest.fixture
    def clock(self, monkeypatch):
        now = [1000.0]
        monkeypatch.setattr("tts.synthesizer.time.monotonic", lambda: now[0])
        return now

    @pytest.fixture
    def synthesizer(self, primary, engine, clock):
        return Synthesizer(primary, MemoryAudioCache(ttl_s=600), fallback=engine, fallback_cooldown_s=60)

    async def test_a_failing_engine_hands_over_to_the_fallback(self, synthesizer, primary, engine):
        spoken = await synthesizer.speak("Hello.")
        assert spoken.data == b"audio:v1:Hello."
        assert (primary.calls, engine.calls) == (["Hello."], ["Hello."])

    async def test_the_failing_engine_rests_during_the_cooldown(self, synthesizer, primary, engine, clock):
        await synthesizer.speak("One.")
        primary.failing = False
        clock[0] += 30
        assert (await synthesizer.speak("Two.")).data == b"audio:v1:Two."
        assert primary.calls == ["One."]
        clock[0] += 31
        assert (await synthesizer.speak("Three.")).data == b"audio:cloud:Three."

    async def test_fallback_audio_is_not_cached_as_the_primary_voice(self, synthesizer, primary, clock):
        await synthesizer.speak("Hello.")
        primary.failing = False
        clock[0] += 61
        assert (await synthesizer.speak("Hello.")).data == b"audio:cloud:Hello."

    async def test_when_every_engine_fails_the_error_reaches_the_caller(self, primary, clock):
        second = FailingEngine()
        synthesizer = Synthesizer(primary, MemoryAudioCache(ttl_s=600), fallback=second)
        with pytest.raises(SynthesisError):
            await synthesizer.speak("Hello.")

    async def test_warm_up_failure_switches_to_the_fallback_without_raising(self, synthesizer, primary):
        await synthesizer.warm_up()
        await synthesizer.speak("Hello.")
        assert primary.calls == []

    async def test_warm_up_failure_without_fallback_raises(self, primary):
        with pytest.raises(SynthesisError):
            await Synthesizer(primary, MemoryAudioCache(ttl_s=600)).warm_up()
