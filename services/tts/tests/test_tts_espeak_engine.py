import pytest
from tts.espeak import EspeakEngine

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
