"""Whisper tiny.en from its package, on Piper speech: the words, timed. Slow: loads a 75 MB model."""

import numpy as np
import pytest

from stt.recognizer import WhisperRecognizer, packaged_model_path
from stt.utterance import Endpointing, Transcriber, UtteranceState
from tts.piper import microphone_pcm

pytestmark = pytest.mark.slow

SENTENCE = "I think a hash map gives us linear time overall."


def squashed(text: str) -> str:
    """Lower case without spaces: Whisper writes "hash map" or "hashmap" (Piper's speech varies a little)."""
    return text.lower().replace(" ", "")


@pytest.fixture(scope="module")
def recognizer():
    return WhisperRecognizer(cpu_threads=2)


def test_the_packaged_model_loads_offline():
    assert (packaged_model_path() / "model.bin").is_file()
    with pytest.raises(ValueError, match="model.bin"):
        WhisperRecognizer("/nonexistent")


def test_recognises_piper_speech_with_word_timings(recognizer):
    audio = np.frombuffer(microphone_pcm(SENTENCE), dtype="<i2")
    heard = recognizer.recognize(audio)
    assert "hashmap" in squashed(heard.text) and "lineartime" in squashed(heard.text)
    starts = [w.start_ms for w in heard.words]
    assert starts == sorted(starts) and heard.words[-1].end_ms <= len(audio) / 16 + 100


def test_an_utterance_fed_in_real_time_chunks_ends_with_its_transcript(recognizer):
    speech = np.frombuffer(microphone_pcm(SENTENCE), dtype="<i2")
    audio = np.concatenate([speech, np.zeros(16 * 1500, dtype=np.int16)])
    transcriber, state = Transcriber(recognizer, Endpointing()), UtteranceState()
    for end in range(3200, len(audio) + 1, 3200):
        outcome = transcriber.advance(state, audio[:end], complete=False, coding=False)
        if outcome.final:
            break
    assert outcome.final and "hashmap" in squashed(outcome.final["text"]), outcome.final
    assert outcome.final["duration_ms"] <= len(speech) / 16 + 40
