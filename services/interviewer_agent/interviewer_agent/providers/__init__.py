"""Model backends behind one interface (`base.Provider`): Bedrock, OpenAI-compatible, embedded offline."""

from question_bank.bank import QuestionBank

from ..settings import InterviewerSettings
from .base import Provider


def build_provider(settings: InterviewerSettings, bank: QuestionBank) -> Provider:
    match settings.chosen_provider():
        case "bedrock":
            from .bedrock import BedrockProvider

            return BedrockProvider(model_id=settings.bedrock_interviewer_model_id, region=settings.aws_region,
                                   max_tokens=settings.llm_max_tokens, temperature=settings.llm_temperature,
                                   streaming=settings.bedrock_streaming)
        case "openai":
            from .openai_compat import OpenAICompatProvider

            return OpenAICompatProvider(base_url=settings.openai_base_url, model=settings.openai_model,
                                        api_key=settings.openai_api_key, max_tokens=settings.llm_max_tokens,
                                        temperature=settings.llm_temperature, timeout_s=settings.llm_timeout_s)
        case _:
            from .offline import OfflineInterviewer

            return OfflineInterviewer(bank)
