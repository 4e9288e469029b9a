"""Feedback-agent settings, from the environment (names shared with the interviewer where they mean the same)."""

import os
from pathlib import Path
from typing import Literal

from runtime.worker import StoreSettings

DEFAULT_FEEDBACK_MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0"  # faster and cheaper than the interviewer's
AWS_CREDENTIAL_VARIABLES = ("AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE",
                            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI")


class FeedbackSettings(StoreSettings):
    # auto: Bedrock when AWS credentials are configured, else the embedded offline writer.
    feedback_llm_provider: Literal["auto", "bedrock", "openai", "offline"] = "auto"
    bedrock_feedback_model_id: str = DEFAULT_FEEDBACK_MODEL
    aws_region: str = "us-east-1"
    openai_base_url: str = "http://localhost:11434/v1"
    feedback_openai_model: str = "llama3.1"
    openai_api_key: str | None = None
    model_timeout_s: float = 60.0
    # Measuring complexity runs the code many times; past this budget the scorecard says "not measured".
    complexity_budget_s: float = 45.0

    @property
    def feedback_provider(self) -> str:
        if self.feedback_llm_provider != "auto":
            return self.feedback_llm_provider
        return "bedrock" if _aws_credentials_configured() else "offline"

    @property
    def feedback_model(self) -> str:
        return self.bedrock_feedback_model_id


def _aws_credentials_configured() -> bool:
    if any(os.environ.get(name) for name in AWS_CREDENTIAL_VARIABLES):
        return True
    credentials_file = os.environ.get("AWS_SHARED_CREDENTIALS_FILE", str(Path.home() / ".aws" / "credentials"))
    return Path(credentials_file).is_file()
