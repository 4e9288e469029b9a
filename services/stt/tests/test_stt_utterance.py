"""The utterance domain with a recognizer that reports what it was given: VAD, endpointing, partials,
backchannels. Fast: no model, no bus."""

import numpy as np
import pytest

from stt.utterance import (
    Endpointing,
    Recognized,
    Transcriber,
    UtteranceState,
    Word,
    is_backchannel,
    reads_finished,
)
from stt.vad import SAMPLE_RATE, VadState, speech_frames

MS = SAMPLE_RATE // 1000


def tone(ms: int, level: float = 0.3) -> np.ndarray:
    t = np.arange(ms * MS) / SAMPLE_RATE
    return (np.sin(2 * np.pi * 220 * t) * level * 32767).astype(np.int16)


def silence(ms: int, noise: float = 0.0005) -> np.ndarray:
    return (np.random.default_rng(ms).normal(0, noise * 32767, ms * MS)).astype(np.int16)


class ScriptedRecognizer:
    """Says `text` with one word per 300 ms of the audio it is given, carrying on after the words of the
    prompt (what was said before that audio); counts its calls and keeps the prompts."""

    def __init__(self, text: str = "I would use a hash map."):
        self.text = text
        self.calls: list[int] = []
        self.prompts: list[str] = []

    def recognize(self, audio: np.ndarray, prompt: str = "") -> Recognized:
        self.calls.append(len(audio))
        self.prompts.append(prompt)
        words = self.text.split()[len(prompt.split()):][: max(1, len(audio) // (300 * MS))]
        return Recognized(" ".join(words), [Word(w, i * 300, i * 300 + 300, 0.9) for i, w in enumerate(words)])


def feed(transcriber: Transcriber, state: UtteranceState, audio: np.ndarray, *, chunk_ms: int = 200,
         coding: bool = False, complete_at_end: bool = False):
    """Feed `audio` chunk by chunk as it arrives; the outcomes, with the audio length (ms) at each."""
    outcomes = []
    for end in range(chunk_ms * MS, len(audio) + 1, chunk_ms * MS):
        last = end + chunk_ms * MS > len(audio)
        outcome = transcriber.advance(state, audio[:end], complete=complete_at_end and last, coding=coding)
        outcomes.append((end // MS, outcome))
        if outcome.final is not None:
            break
    return outcomes


def test_vad_finds_speech_between_silences():
    state = VadState()
    decisions = speech_frames(state, np.concatenate([silence(400), tone(600), silence(400)]))
    speech = [index for index, is_speech in decisions if is_speech]
    assert 20 <= speech[0] <= 22 and 48 <= speech[-1] <= 50  # 20 ms frames: 400 ms → frame 20
    # Resumable: the same audio again adds nothing new.
    assert speech_frames(state, np.concatenate([silence(400), tone(600), silence(400)])) == []


def test_vad_ignores_a_click():
    click = np.concatenate([silence(300), tone(20), silence(300)])
    assert not any(is_speech for _, is_speech in speech_frames(VadState(), click))


def test_final_after_end_silence_reuses_the_recognition_started_at_the_pause():
    recognizer = ScriptedRecognizer("and then I would use")  # reads unfinished: no early end
    transcriber, state = Transcriber(recognizer, Endpointing(reheard_words=1)), UtteranceState()
    outcomes = feed(transcriber, state, np.concatenate([silence(200), tone(1800), silence(1400)]))
    final_at_ms, final = next((at, o.final) for at, o in outcomes if o.final is not None)
    assert final_at_ms == 200 + 1800 + 1000  # the conversation's end silence, to the chunk
    assert final["text"] == "and then I would use"
    assert final["duration_ms"] == 2000
    assert not final["backchannel"]
    # partials at 1 s and 2 s of speech, one at the pause; none left at the end
    assert len(recognizer.calls) == 3
    # The two partials agreed on "and then I": the pause heard "I" again and the audio after it, with the
    # words before as the prompt, so the work at the end of speech does not grow with the utterance.
    assert recognizer.prompts[-1] == "and then" and recognizer.calls[-1] < 1800 * MS


def test_a_finished_sentence_ends_early_but_not_while_coding():
    transcriber = Transcriber(ScriptedRecognizer("I would use a hash map."), Endpointing())
    audio = np.concatenate([silence(200), tone(1800), silence(3000)])
    talking = feed(transcriber, UtteranceState(), audio)
    assert next(at for at, o in talking if o.final) == 200 + 1800 + 600
    coding = feed(transcriber, UtteranceState(), audio, coding=True)
    assert next(at for at, o in coding if o.final) == 200 + 1800 + 2600  # 2 500 ms, to the next chunk


def test_partials_while_speaking_then_words_are_timed_from_the_utterance_start():
    recognizer = ScriptedRecognizer("one two three four five six seven eight nine ten")
    transcriber, state = Transcriber(recognizer, Endpointing(early_end_silence_ms=0)), UtteranceState()
    outcomes = feed(transcriber, state, np.concatenate([silence(1000), tone(3000), silence(1200)]))
    partials = [o.partial for _, o in outcomes if o.partial]
    assert len(partials) >= 2 and partials[0] != partials[-1]
    final = outcomes[-1][1].final
    assert final["words"][0]["start_ms"] == 1000 - 150  # recognition starts 150 ms before the speech


def test_audio_end_finalises_at_once_and_silence_alone_is_an_empty_final():
    transcriber = Transcriber(ScriptedRecognizer("Okay."), Endpointing())
    outcomes = feed(transcriber, UtteranceState(), np.concatenate([silence(100), tone(500)]), complete_at_end=True)
    assert outcomes[-1][1].final["text"] == "Okay." and outcomes[-1][1].final["backchannel"]
    quiet = feed(transcriber, UtteranceState(), silence(1000), complete_at_end=True)
    assert quiet[-1][1].final["text"] == ""


def test_state_survives_a_round_trip_through_json():
    transcriber, state = Transcriber(ScriptedRecognizer(), Endpointing()), UtteranceState()
    audio = np.concatenate([silence(200), tone(1000), silence(500)])
    feed(transcriber, state, audio)
    copy = UtteranceState.from_dict(state.to_dict())
    assert copy == state


@pytest.mark.parametrize("text, expected", [
    ("Mm-hm.", True), ("Okay.", True), ("Right, right.", True), ("Got it.", True), ("uh-huh", True),
    ("Okay, so I would sort first.", False), ("Yes.", False), ("", False),
])
def test_backchannels(text, expected):
    assert is_backchannel(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("I would use a hash map.", True), ("Is that allowed?", True), ("I would use a hash map and", False),
    ("So the first thing is, um.", False), ("we loop over the array", False),
])
def test_finished_sentences(text, expected):
    assert reads_finished(text) is expected


def test_partials_are_skipped_while_recognition_is_slow():
    class SlowRecognizer(ScriptedRecognizer):
        def recognize(self, audio, prompt=""):
            import time

            time.sleep(1.3)  # longer than the 1 000 ms between partials
            return super().recognize(audio, prompt)

    recognizer = SlowRecognizer("one two three four five six seven eight")
    transcriber = Transcriber(recognizer, Endpointing(early_end_silence_ms=0))
    feed(transcriber, UtteranceState(), np.concatenate([silence(200), tone(1000), silence(400), tone(4000),
                                                         silence(1200)]))
    # one partial while the cost is unknown, the recognition at the first pause; then, recognition known to
    # be slow, none during the 4 s that follow: only the recognition at the second pause (the final reuses it)
    assert len(recognizer.calls) == 3
    assert recognizer.calls[-1] > 4000 * 16
