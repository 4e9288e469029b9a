import asyncio

import pytest

from tts.espeak import EspeakEngine
from tts.libespeak import LibEspeakError, shared_libespeak

SHORT = "Hello there."
LONG = ("Hello there. Today we will work through a classic array problem together, and I would like "
        "you to talk me through your thinking as you go.")


async def test_mp3_output_decodes_as_mpeg_audio(probe):
    audio = await EspeakEngine(format="mp3").synthesize(SHORT)
    info = probe(audio, "mp3")
    assert "MPEG audio" in info.encoding
    assert info.channels == 1
    assert 0.3 < info.duration_s < 5


async def test_ogg_output_decodes_as_vorbis(probe):
    audio = await EspeakEngine(format="ogg").synthesize(SHORT)
    info = probe(audio, "ogg")
    assert info.encoding == "Vorbis"
    assert 0.3 < info.duration_s < 5


async def test_duration_grows_with_the_text(probe):
    engine = EspeakEngine(format="mp3")
    short = probe(await engine.synthesize(SHORT), "mp3").duration_s
    long = probe(await engine.synthesize(LONG), "mp3").duration_s
    assert long > 3 * short


async def test_text_that_looks_like_an_option_is_spoken_not_parsed(probe):
    audio = await EspeakEngine().synthesize("--version -v xx")
    assert probe(audio, "mp3").duration_s > 0.5


def test_unsupported_format_is_rejected_up_front():
    with pytest.raises(ValueError):
        EspeakEngine(format="flac")


def test_unknown_voice_is_rejected_up_front():
    # espeak-ng itself would silently fall back to its default voice.
    with pytest.raises(ValueError):
        EspeakEngine(voice="no-such-voice")


async def test_voice_with_variant_is_accepted(probe):
    audio = await EspeakEngine(voice="en-us+f3").synthesize(SHORT)
    assert probe(audio, "mp3").duration_s > 0.3


async def test_concurrent_sentences_each_get_their_own_audio(probe):
    # libespeak-ng keeps global state; the engine must serialise calls so no audio is mixed up.
    engine = EspeakEngine()
    texts = ["One.", LONG, "Two words.", LONG + " " + LONG]
    audios = await asyncio.gather(*(engine.synthesize(text) for text in texts))
    durations = [probe(audio, "mp3").duration_s for audio in audios]
    assert durations[0] < durations[2] < durations[1] < durations[3]
    alone = probe(await engine.synthesize(LONG), "mp3").duration_s
    assert durations[1] == pytest.approx(alone, rel=0.1)


async def test_each_engine_keeps_its_own_settings_on_the_shared_library(probe):
    slow, fast = EspeakEngine(rate_wpm=90), EspeakEngine(rate_wpm=360)
    audios = await asyncio.gather(slow.synthesize(LONG), fast.synthesize(LONG), slow.synthesize(LONG))
    slow_1, fast_1, slow_2 = (probe(audio, "mp3").duration_s for audio in audios)
    assert slow_1 > 2.5 * fast_1
    assert slow_2 == pytest.approx(slow_1, rel=0.1)


def test_library_rejects_an_unknown_voice():
    with pytest.raises(LibEspeakError):
        shared_libespeak().synthesize("Hi.", "no-such-voice", 170)
