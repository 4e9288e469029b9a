"""Whether the configured model provider answers, checked cheaply and at most once a minute, and
reported in this replica's heartbeat so `/api/health` can show it without costing a model call.

- offline: always `offline-default`.
- openai-compatible: `GET {base}/models` (free on Ollama, vLLM, llama.cpp, LM Studio).
- bedrock: `GetFoundationModel` on the control plane (free), which also proves the credentials work.
"""

import time

import aioboto3
import httpx

from .settings import InterviewerSettings

CHECK_EVERY_S = 60.0


class ProviderHealth:
    def __init__(self, settings: InterviewerSettings):
        self.settings = settings
        self._checked_at = float("-inf")
        self._status = "unchecked"
        # One client for every check: building one loads the CA bundle into a fresh SSL context, tens of
        # milliseconds of CPU on the event loop that runs the turns (seen in `make bench`'s p99).
        self._http: httpx.AsyncClient | None = None

    async def details(self) -> dict[str, str]:
        if time.monotonic() - self._checked_at >= CHECK_EVERY_S:
            self._status = await self._check()
            self._checked_at = time.monotonic()
        return {"llm": self._status, "llm_provider": self.settings.chosen_provider()}

    async def _check(self) -> str:
        try:
            match self.settings.chosen_provider():
                case "offline":
                    return "offline-default"
                case "openai":
                    return await self._check_openai()
                case "bedrock":
                    return await self._check_bedrock()
        except Exception as exc:  # reported, never raised: health must not take the worker down
            return f"error: {type(exc).__name__}: {exc}"[:200]
        return "unknown"

    async def _check_openai(self) -> str:
        headers = {"Authorization": f"Bearer {self.settings.openai_api_key}"} if self.settings.openai_api_key else {}
        if self._http is None:
            self._http = httpx.AsyncClient(timeout=3)
        response = await self._http.get(f"{self.settings.openai_base_url.rstrip('/')}/models", headers=headers)
        return "ok" if response.status_code == 200 else f"error: HTTP {response.status_code}"

    async def _check_bedrock(self) -> str:
        model_id = self.settings.bedrock_interviewer_model_id
        async with aioboto3.Session().client("bedrock", region_name=self.settings.aws_region) as bedrock:
            await bedrock.get_foundation_model(modelIdentifier=model_id.split(".", 1)[-1] if model_id.startswith(
                ("us.", "eu.", "apac.")) else model_id)
        return "ok"

    async def close(self) -> None:
        if self._http is not None:
            await self._http.aclose()
