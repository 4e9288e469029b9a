"""Amazon Bedrock (production): `converse_stream` through aioboto3, or `converse` when streaming is off.

Bedrock's stream events already are the interface's events, so they pass straight through. Throttling
and a busy service become retryable `ProviderError`s; everything else a plain one.
"""

import contextlib
from collections.abc import AsyncIterator
from typing import Any

import aioboto3
from botocore.exceptions import BotoCoreError, ClientError

from .base import ModelRequest, ProviderError, StreamEvent, events_for_message

RETRYABLE_CODES = {"ThrottlingException", "throttlingException", "ServiceUnavailableException",
                   "serviceUnavailableException", "ModelNotReadyException", "TooManyRequestsException"}


def converse_arguments(model_id: str, request: ModelRequest, *, max_tokens: int, temperature: float) -> dict[str, Any]:
    """The keyword arguments of one `converse` / `converse_stream` call."""
    arguments: dict[str, Any] = {
        "modelId": model_id,
        "messages": request.messages,
        "system": [{"text": request.system}],
        "inferenceConfig": {"maxTokens": max_tokens, "temperature": temperature},
    }
    if request.tools:
        arguments["toolConfig"] = {"tools": request.tools, "toolChoice": {"auto": {}}}
    return arguments


class BedrockProvider:
    name = "bedrock"

    def __init__(self, *, model_id: str, region: str = "us-east-1", max_tokens: int = 1024, temperature: float = 0.5,
                 streaming: bool = True, client: Any = None):
        """`client`: an open aioboto3 `bedrock-runtime` client (tests pass a stubbed one); without it the
        provider opens its own on first use and closes it in `close()`."""
        self.model_id = model_id
        self.region = region
        self.max_tokens = max_tokens
        self.temperature = temperature
        self.streaming = streaming
        self._client = client
        self._exit_stack = contextlib.AsyncExitStack()

    async def _client_for_call(self) -> Any:
        if self._client is None:
            session = aioboto3.Session(region_name=self.region)
            self._client = await self._exit_stack.enter_async_context(session.client("bedrock-runtime"))
        return self._client

    async def close(self) -> None:
        await self._exit_stack.aclose()

    async def stream(self, request: ModelRequest) -> AsyncIterator[StreamEvent]:
        arguments = converse_arguments(self.model_id, request, max_tokens=self.max_tokens,
                                       temperature=self.temperature)
        try:
            client = await self._client_for_call()
            if self.streaming:
                async with contextlib.aclosing(self.converse_stream(client, arguments)) as events:
                    async for event in events:
                        yield event
            else:
                for event in await self.converse(client, arguments):
                    yield event
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            raise ProviderError(f"Bedrock {code}: {exc}", retryable=code in RETRYABLE_CODES) from exc
        except BotoCoreError as exc:  # e.g. no credentials, endpoint unreachable
            raise ProviderError(f"Bedrock: {exc}") from exc

    async def converse_stream(self, client: Any, arguments: dict[str, Any]) -> AsyncIterator[StreamEvent]:
        """One `bedrock.converse` call, streamed (kept whole so it can be traced as one span)."""
        response = await client.converse_stream(**arguments)
        stream = response["stream"]
        try:
            async for event in stream:
                yield event
        finally:  # also when the turn is cut (barge-in): drop the connection, so Bedrock stops writing
            stream.close()

    async def converse(self, client: Any, arguments: dict[str, Any]) -> list[StreamEvent]:
        """One non-streaming `bedrock.converse` call, replayed as the stream events it stands for."""
        response = await client.converse(**arguments)
        return events_for_message(response["output"]["message"]["content"], response["stopReason"],
                                  response.get("usage"))
