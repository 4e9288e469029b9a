"""One utterance, from its first chunk of audio to its final transcript. No bus, no Redis, no model:
the recognizer is handed in, and the state is plain data the listener stores between chunks.

    chunks ─▶ VAD ─▶ speaking?  every `partial_every_ms` of new speech: recognise the audio after the
                 │              committed words (partial); words two consecutive recognitions agree on are
                 │              committed (LocalAgreement) and never recognised again
                 └▶ a pause of `pause_ms`: recognise the uncommitted tail up to the end of speech, speculatively
                 └▶ silence of `end_silence_ms` (longer while coding; shorter when the words already
                    read as a finished sentence), or `audio_end`: final — committed words and the speculative
                    tail when no speech came after it, so little or no work remains at the end of speech.

The recognizer's cost follows the length of the audio it is given (`recognizer.py`), so recognising only
the tail after the committed words keeps each call short however long the candidate talks; the committed
words are passed as the prompt, so the tail is decoded in their context.
"""

import re
import time
from dataclasses import asdict, dataclass, field
from typing import Protocol

import numpy as np

from .vad import FRAME_SAMPLES, SAMPLE_RATE, START_FRAMES, VadState, speech_frames

SAMPLES_PER_MS = SAMPLE_RATE // 1000

# Alone, these acknowledge the interviewer rather than take the turn.
BACKCHANNELS = {"mm", "mmm", "hmm", "mhm", "mm-hm", "mm-hmm", "uh-huh", "okay", "ok", "right", "alright",
                "i see", "got it"}
# A sentence that stops on one of these is not finished, however long the pause.
UNFINISHED_ENDINGS = {"and", "or", "but", "so", "because", "then", "the", "a", "an", "to", "of", "with", "um",
                      "uh", "like", "if", "is", "my", "i", "we", "in", "for", "that", "which", "it's", "its"}


@dataclass(frozen=True)
class Word:
    word: str
    start_ms: int
    end_ms: int
    probability: float = 1.0


@dataclass(frozen=True)
class Recognized:
    text: str
    words: list[Word]  # times from the start of the audio that was recognised


class Recognizer(Protocol):
    def recognize(self, audio: np.ndarray, prompt: str = "") -> Recognized:
        """Text and word timings of 16 kHz int16 mono `audio`; `prompt` is what was said just before it."""
        ...


@dataclass(frozen=True)
class Endpointing:
    end_silence_ms: int = 1000  # in conversation
    coding_end_silence_ms: int = 2500  # while the editor changes, a pause is usually thinking
    early_end_silence_ms: int = 600  # a finished-looking sentence may end sooner (0: never)
    pause_ms: int = 400  # silence after which recognition starts (longer than a comma: speech rarely resumes)
    partial_every_ms: int = 1000  # of new audio while speaking, between partial transcripts
    max_utterance_ms: int = 30_000
    pad_ms: int = 150  # audio kept either side of speech when recognising
    prompt_words: int = 40  # committed words given as context to the recognition of the tail
    reheard_words: int = 3  # committed words heard again before the tail: the model needs their sound as context

    def silence_needed_ms(self, coding: bool) -> int:
        return self.coding_end_silence_ms if coding else self.end_silence_ms


@dataclass
class Heard:
    """The last recognition: of the audio up to `until` (a sample index)."""

    until: int
    text: str
    words: list[dict]


@dataclass
class UtteranceState:
    vad: VadState = field(default_factory=VadState)
    speech_start: int | None = None  # first sample of speech
    speech_end: int = 0  # sample after the last speech frame
    partial_at: int = 0  # audio length at the last partial recognition
    partial_text: str = ""
    heard: Heard | None = None
    committed: list[dict] = field(default_factory=list)  # words (utterance times) not recognised again
    tentative: list[dict] = field(default_factory=list)  # the last recognition's words after the committed ones
    final: dict | None = None  # set once: {text, words, duration_ms, backchannel, confidence}
    delivered: bool = False  # the final went out (event logged, turn published)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "UtteranceState":
        heard = data.get("heard")
        return cls(**{**data, "vad": VadState(**data["vad"]), "heard": Heard(**heard) if heard else None})


@dataclass
class Outcome:
    partial: str | None = None  # new partial text to show
    final: dict | None = None  # the utterance is over


class Transcriber:
    """Advances utterances. It remembers how long recognition takes on this machine: a partial transcript
    is worth its cost only while recognition is quicker than the interval between partials; on a busy machine
    partials are skipped so that the final one (which the turn waits for) is not queued behind them."""

    def __init__(self, recognizer: Recognizer, endpointing: Endpointing = Endpointing()):
        self.recognizer = recognizer
        self.endpointing = endpointing
        self.recognition_ms = 0.0  # moving average over this process's recent recognitions

    def advance(self, state: UtteranceState, audio: np.ndarray, *, complete: bool, coding: bool) -> Outcome:
        """Take in the utterance's audio so far (from its first sample; `complete`: the client ended it and
        every chunk is here) and say what changed."""
        if state.final is not None:
            return Outcome(final=state.final)
        self._detect_speech(state, audio)
        outcome = Outcome()
        pausing = state.speech_start is not None and self._silence_ms(state, audio) >= self.endpointing.pause_ms
        if pausing:
            outcome.partial = self._hear_up_to_speech_end(state, audio)
        if self._is_over(state, audio, complete=complete, coding=coding):
            if state.speech_start is not None:
                self._hear_up_to_speech_end(state, audio)
            state.final = self._final(state)
            return Outcome(final=state.final)
        if not pausing and self._partial_due(state, audio):
            state.partial_at = len(audio)
            outcome.partial = self._recognize(state, audio, until=len(audio)).text
        if outcome.partial is not None and outcome.partial != state.partial_text:
            state.partial_text = outcome.partial
            return outcome
        return Outcome()

    # ---- speech and silence ----------------------------------------------------------------------

    @staticmethod
    def _detect_speech(state: UtteranceState, audio: np.ndarray) -> None:
        for index, speech in speech_frames(state.vad, audio):
            if speech:
                if state.speech_start is None:  # speech is confirmed a few frames after it starts
                    state.speech_start = max(0, index - START_FRAMES + 1) * FRAME_SAMPLES
                state.speech_end = (index + 1) * FRAME_SAMPLES

    @staticmethod
    def _silence_ms(state: UtteranceState, audio: np.ndarray) -> float:
        return (len(audio) - state.speech_end) / SAMPLES_PER_MS

    def _is_over(self, state: UtteranceState, audio: np.ndarray, *, complete: bool, coding: bool) -> bool:
        rules = self.endpointing
        if complete or len(audio) >= rules.max_utterance_ms * SAMPLES_PER_MS:
            return True
        if state.speech_start is None:
            return False
        silence_ms = self._silence_ms(state, audio)
        if silence_ms >= rules.silence_needed_ms(coding):
            return True
        finished_sentence = state.heard is not None and state.heard.until == state.speech_end \
            and reads_finished(state.heard.text)
        return (not coding and rules.early_end_silence_ms > 0 and silence_ms >= rules.early_end_silence_ms
                and finished_sentence)

    def _partial_due(self, state: UtteranceState, audio: np.ndarray) -> bool:
        every = self.endpointing.partial_every_ms * SAMPLES_PER_MS
        affordable = self.recognition_ms < self.endpointing.partial_every_ms  # else it falls behind speech
        return affordable and state.speech_start is not None and len(audio) - state.speech_start >= every \
            and len(audio) - state.partial_at >= every

    # ---- recognition -----------------------------------------------------------------------------

    def _hear_up_to_speech_end(self, state: UtteranceState, audio: np.ndarray) -> str:
        """Recognise everything said so far, unless that was done already for this end of speech."""
        if state.heard is None or state.heard.until != state.speech_end:
            recognized = self._recognize(state, audio, until=state.speech_end)
            state.heard = Heard(until=state.speech_end, text=recognized.text,
                                words=[asdict(word) for word in recognized.words])
        return state.heard.text

    def _recognize(self, state: UtteranceState, audio: np.ndarray, *, until: int) -> Recognized:
        """Recognise the audio after the committed words up to `until`; commit what this recognition and the
        previous one agree on; the utterance's words so far (committed, then tentative)."""
        pad = self.endpointing.pad_ms * SAMPLES_PER_MS
        start, context = self._tail_start(state)
        prompt = " ".join(word["word"] for word in context[-self.endpointing.prompt_words:])
        started = time.perf_counter()
        recognized = self.recognizer.recognize(audio[start:min(len(audio), until + pad)], prompt)
        took_ms = (time.perf_counter() - started) * 1000
        self.recognition_ms = took_ms if not self.recognition_ms else 0.7 * self.recognition_ms + 0.3 * took_ms
        offset_ms = start // SAMPLES_PER_MS
        fresh = after_committed(state.committed, [
            asdict(Word(w.word, w.start_ms + offset_ms, w.end_ms + offset_ms, w.probability))
            for w in recognized.words])
        agreed = agreed_prefix(state.tentative, fresh)
        state.committed = state.committed + fresh[:agreed]
        state.tentative = fresh[agreed:]
        words = state.committed + state.tentative
        return Recognized(text=" ".join(word["word"] for word in words),
                          words=[Word(**word) for word in words])

    def _tail_start(self, state: UtteranceState) -> tuple[int, list[dict]]:
        """Where the audio to recognise begins, and the committed words said before it (the prompt): a few
        committed words before the tail, or just before the speech while fewer are committed."""
        reheard = self.endpointing.reheard_words
        if len(state.committed) > reheard:
            return state.committed[-reheard]["start_ms"] * SAMPLES_PER_MS, state.committed[:-reheard]
        return max(0, state.speech_start - self.endpointing.pad_ms * SAMPLES_PER_MS), []

    @staticmethod
    def _final(state: UtteranceState) -> dict:
        text = state.heard.text if state.heard else ""
        words = state.heard.words if state.heard else []
        confidence = float(np.mean([w["probability"] for w in words])) if words else 0.0
        return {"text": text, "words": [{k: w[k] for k in ("word", "start_ms", "end_ms")} for w in words],
                "duration_ms": state.speech_end // SAMPLES_PER_MS, "backchannel": is_backchannel(text),
                "confidence": round(confidence, 3)}


def agreed_prefix(previous: list[dict], current: list[dict]) -> int:
    """How many leading words two consecutive recognitions share (LocalAgreement-2): stable enough to commit.
    The newest recognition's last word is never committed: it may be cut by the end of the audio."""
    count = 0
    for before, now in zip(previous, current[:-1]):
        if _plain(before["word"]) != _plain(now["word"]):
            break
        count += 1
    return count


def after_committed(committed: list[dict], fresh: list[dict]) -> list[dict]:
    """The words of `fresh` (which heard the last few committed words again) after the committed ones: those
    that end after the last committed word, without the committed words' last n-gram repeated at its start."""
    if not committed:
        return fresh
    fresh = [word for word in fresh if word["end_ms"] > committed[-1]["end_ms"] - 100]
    for size in range(min(5, len(committed), len(fresh)), 0, -1):
        if [_plain(w["word"]) for w in committed[-size:]] == [_plain(w["word"]) for w in fresh[:size]]:
            return fresh[size:]
    return fresh


def _plain(text: str) -> str:
    return re.sub(r"[^\w\s'-]", " ", text.lower()).strip()


def is_backchannel(text: str) -> bool:
    """"Mm-hm.", "Okay.", "Right, right." acknowledge; they are not a new turn."""
    words = _plain(text).split()
    if not words or len(words) > 3:
        return False
    phrase = " ".join(words)
    return phrase in BACKCHANNELS or all(word in BACKCHANNELS for word in words)


def reads_finished(text: str) -> bool:
    """A sentence that ends with a full stop or question mark and not on "and", "so", "um"…"""
    text = text.strip()
    words = _plain(text).split()
    return bool(words) and text[-1] in ".?!" and words[-1] not in UNFINISHED_ENDINGS
