"""Who writes the prose of a scorecard: the embedded offline writer (default), Bedrock or an
OpenAI-compatible endpoint.

The measurements and the scores never come from a model: the tools measure, the rubric scores. A model
only rewrites the summary and the justifications in plainer words, given the evidence as JSON, and its
answer is used only if it parses and keeps every score. Any failure falls back to the offline text.

This is a deliberately small layer of our own; the interviewer agent has a fuller provider interface
(`services/interviewer_agent/.../providers/`) and the two are to be unified.
"""

import json
import logging
import re
from typing import Protocol

import httpx

from contracts.events import FeedbackResult

from .settings import FeedbackSettings

log = logging.getLogger("feedback-agent")

INSTRUCTIONS = """You are the feedback agent of a mock coding interview. You receive a scorecard as JSON,
built from measurements: test verdicts, measured time complexity, failing edge-case categories, code
suggestions and transcript facts. Rewrite only "summary" (two or three sentences to the candidate) and
each score's "justification" (one line that still cites the same evidence: numbers, categories, quotes).
Do not change scores, dimensions or any measurement. Answer with JSON only:
{"summary": "...", "justifications": {"<dimension>": "..."}}"""


class ProseWriter(Protocol):
    name: str

    async def polish(self, draft: FeedbackResult) -> FeedbackResult: ...


class OfflineWriter:
    """The rubric's own wording, unchanged: deterministic, and what tests and `make smoke` use."""

    name = "offline"

    async def polish(self, draft: FeedbackResult) -> FeedbackResult:
        return draft


class _ModelWriter:
    name = "model"

    async def polish(self, draft: FeedbackResult) -> FeedbackResult:
        try:
            answer = await self._complete(INSTRUCTIONS, draft.model_dump_json(exclude={"measured_complexity"}))
            return _apply(draft, answer, self.name)
        except Exception as exc:  # noqa: BLE001 - a model outage must never cost the candidate their feedback
            log.warning("%s could not polish the feedback (%s); using the offline wording", self.name, exc)
            return draft


_SCORE_IN_TEXT = re.compile(r"\b([1-4])\s*/\s*4\b")
_HIRE_WORDS = re.compile(r"\b(hire|hiring|no[- ]hire|strong (yes|no))\b", re.I)


def same_judgement(draft: FeedbackResult, polished: FeedbackResult) -> bool:
    """The model reworded, nothing more: the same dimensions, scores, evidence, signal and caps, no
    score quoted in the prose that differs from the score itself, and no hiring verdict of its own."""
    keys = ("hire_signal", "hire_signal_caps", "hints_used", "edge_case_categories", "suggestions")
    if any(getattr(draft, k) != getattr(polished, k) for k in keys):
        return False
    if [(s.dimension, s.score, s.evidence) for s in draft.scores] != \
            [(s.dimension, s.score, s.evidence) for s in polished.scores]:
        return False
    if _HIRE_WORDS.search(polished.summary) and not _HIRE_WORDS.search(draft.summary):
        return False
    return all(int(n) == s.score for s in polished.scores for n in _SCORE_IN_TEXT.findall(s.justification))

    async def _complete(self, system: str, user: str) -> str:
        raise NotImplementedError


class BedrockWriter(_ModelWriter):
    """Bedrock `converse` (default model: Claude 3.5 Haiku, fast and cheap)."""

    def __init__(self, model_id: str, region: str):
        import aioboto3

        self.name = f"bedrock:{model_id}"
        self.model_id = model_id
        self.region = region
        self._session = aioboto3.Session()

    async def _complete(self, system: str, user: str) -> str:
        async with self._session.client("bedrock-runtime", region_name=self.region) as client:
            response = await client.converse(
                modelId=self.model_id,
                system=[{"text": system}],
                messages=[{"role": "user", "content": [{"text": user}]}],
                inferenceConfig={"maxTokens": 1200, "temperature": 0.2},
            )
        return "".join(part.get("text", "") for part in response["output"]["message"]["content"])


class OpenAICompatibleWriter(_ModelWriter):
    """Any `/v1/chat/completions` endpoint (OpenAI, vLLM, Ollama, llama.cpp server, …)."""

    def __init__(self, base_url: str, model: str, api_key: str, timeout_s: float):
        self.name = f"openai:{model}"
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.api_key = api_key
        self.timeout_s = timeout_s

    async def _complete(self, system: str, user: str) -> str:
        async with httpx.AsyncClient(timeout=self.timeout_s) as client:
            response = await client.post(
                f"{self.base_url}/chat/completions",
                headers={"Authorization": f"Bearer {self.api_key}"} if self.api_key else {},
                json={"model": self.model, "temperature": 0.2,
                      "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}]},
            )
            response.raise_for_status()
        return response.json()["choices"][0]["message"]["content"]


def _apply(draft: FeedbackResult, answer: str, writer_name: str) -> FeedbackResult:
    """Take the model's summary and justifications; everything else stays as measured."""
    start, end = answer.find("{"), answer.rfind("}")
    parsed = json.loads(answer[start:end + 1])
    justifications = parsed.get("justifications") or {}
    scores = [s.model_copy(update={"justification": str(justifications.get(s.dimension) or s.justification)[:400]})
              for s in draft.scores]
    summary = str(parsed.get("summary") or draft.summary)[:1200]
    polished = draft.model_copy(update={"summary": summary, "scores": scores, "model": writer_name})
    if not same_judgement(draft, polished):
        raise ValueError("the model's wording changes the judgement; keeping the offline wording")
    return polished


def build_writer(settings: FeedbackSettings) -> ProseWriter:
    match settings.feedback_provider:
        case "bedrock":
            return BedrockWriter(settings.feedback_model, settings.aws_region)
        case "openai":
            return OpenAICompatibleWriter(settings.openai_base_url, settings.feedback_openai_model,
                                          settings.openai_api_key or "", settings.model_timeout_s)
        case _:
            return OfflineWriter()
