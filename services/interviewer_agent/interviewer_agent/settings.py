"""Interviewer settings, from the environment (see `.env.example`)."""

import os
from pathlib import Path
from typing import Literal

from runtime.worker import StoreSettings

DEFAULT_INTERVIEWER_MODEL = "anthropic.claude-3-5-sonnet-20241022-v2:0"
AWS_CREDENTIAL_VARIABLES = ("AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE",
                            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI")


class InterviewerSettings(StoreSettings):
    # auto: Bedrock when AWS credentials are configured, else the embedded offline interviewer.
    llm_provider: Literal["auto", "bedrock", "openai", "offline"] = "auto"
    bedrock_interviewer_model_id: str = DEFAULT_INTERVIEWER_MODEL
    bedrock_streaming: bool = True  # False: one `converse` call per model turn instead of `converse_stream`
    aws_region: str = "us-east-1"
    openai_base_url: str = "http://localhost:11434/v1"  # Ollama's; vLLM, llama.cpp and LM Studio work too
    openai_model: str = "llama3.1"
    openai_api_key: str | None = None
    llm_max_tokens: int = 1024
    llm_temperature: float = 0.5
    llm_timeout_s: float = 120.0
    silence_checkin_s: float = 90.0
    # The session watch (see `ending.py`): how often a running interview's clock and socket are checked,
    # and how long without any socket before it counts as abandoned and is ended with its report.
    session_watch_interval_s: float = 30.0
    abandon_after_s: float = 300.0
    # No message and no code change for this long: the interviewer offers a hint (it never gives one unasked).
    hint_offer_after_s: float = 180.0

    def chosen_provider(self) -> str:
        if self.llm_provider != "auto":
            return self.llm_provider
        return "bedrock" if aws_credentials_configured() else "offline"


def aws_credentials_configured() -> bool:
    """Cheap and offline: credentials in the environment or a shared credentials file (no IMDS probe)."""
    if any(os.environ.get(name) for name in AWS_CREDENTIAL_VARIABLES):
        return True
    credentials_file = os.environ.get("AWS_SHARED_CREDENTIALS_FILE", str(Path.home() / ".aws" / "credentials"))
    return Path(credentials_file).is_file()
