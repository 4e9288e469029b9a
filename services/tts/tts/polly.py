"""Amazon Polly engine (neural voices) through aioboto3.

Polly limits one SynthesizeSpeech call to 3,000 billed characters, so longer text is sent in
sentence-sized chunks and the MP3/Ogg pieces are concatenated (both containers allow that). If Polly
still answers TextLengthExceededException, the chunk is halved and retried. Throttling and transient
service failures are retried here, twice, after 0.2 s and 0.4 s: a sentence that arrives seconds late
is worse than one spoken by the offline fallback. botocore's own retries are off so there is one policy.
"""

import asyncio
import functools
import logging
import re
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack
from typing import Any

import aioboto3
import botocore.session
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from .engine import SynthesisError

log = logging.getLogger(__name__)

POLLY_ENGINE = "neural"
MAX_CHARS_PER_REQUEST = 3000
# Polly's OutputFormat for each container we offer the browser.
OUTPUT_FORMATS = {"mp3": "mp3", "ogg": "ogg_vorbis"}
RETRYABLE_ERRORS = {"ThrottlingException", "Throttling", "TooManyRequestsException", "ServiceFailureException",
                    "ServiceUnavailableException", "RequestLimitExceeded"}
MAX_ATTEMPTS = 3
# Halving a chunk this many times turns even a 3,000-character sentence into a few words.
MAX_SPLIT_DEPTH = 8

CLIENT_CONFIG = Config(connect_timeout=2, read_timeout=10, retries={"total_max_attempts": 1})


@functools.cache
def known_voice_ids() -> frozenset[str]:
    """VoiceId values in the Polly service model that ships with botocore (no network needed)."""
    model = botocore.session.get_session().get_service_model("polly")
    return frozenset(model.shape_for("VoiceId").enum)


class PollyEngine:
    name = "polly"

    def __init__(
        self,
        voice: str = "Joanna",
        format: str = "mp3",
        region: str = "us-east-1",
        client: Any = None,
        backoff_s: float = 0.2,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        """`client` is an already-open aioboto3 Polly client (tests pass a stubbed one); without it
        the engine opens its own on first use and closes it in `aclose`."""
        if format not in OUTPUT_FORMATS:
            raise ValueError(f"polly engine cannot produce {format!r}; choose one of {sorted(OUTPUT_FORMATS)}")
        if voice not in known_voice_ids():
            # Polly itself would only say so at the first sentence; whether the voice has a neural
            # version needs the live service, see `check_voice`.
            raise ValueError(f"Polly has no voice {voice!r}; e.g. Joanna, Matthew, Ruth, Stephen")
        self.voice = voice
        self.format = format
        self.region = region
        self.backoff_s = backoff_s
        self._sleep = sleep
        self._client = client
        self._exit_stack: AsyncExitStack | None = None
        self._client_lock = asyncio.Lock()

    async def synthesize(self, text: str) -> bytes:
        pieces = [await self._synthesize_chunk(chunk) for chunk in split_for_polly(text)]
        return b"".join(pieces)

    async def warm_up(self) -> None:
        await self.check_voice()  # also opens the HTTPS connection the first sentence will reuse

    async def check_voice(self) -> None:
        """Fail early, with a clear message, if the voice does not exist or has no neural version."""
        client = await self._open_client()
        try:
            response = await client.describe_voices(Engine=POLLY_ENGINE)
        except (ClientError, BotoCoreError) as error:
            raise SynthesisError(f"could not list Polly voices: {error}") from error
        voices = {voice["Id"]: voice for voice in response["Voices"]}
        if self.voice not in voices or POLLY_ENGINE not in voices[self.voice].get("SupportedEngines", []):
            raise SynthesisError(f"Polly voice {self.voice!r} has no {POLLY_ENGINE} engine in {self.region}")

    async def aclose(self) -> None:
        if self._exit_stack is not None:
            await self._exit_stack.aclose()
            self._exit_stack = None
            self._client = None

    async def _synthesize_chunk(self, text: str, depth: int = 0) -> bytes:
        try:
            return await self._call_with_retries(text)
        except ClientError as error:
            if _error_code(error) != "TextLengthExceededException" or depth >= MAX_SPLIT_DEPTH:
                raise SynthesisError(f"Polly refused the text: {error}") from error
            halves = split_in_half(text)
            if len(halves) < 2:
                raise SynthesisError(f"Polly refused the text: {error}") from error
            log.info("Polly said the text was too long (%d chars); splitting it", len(text))
            return b"".join([await self._synthesize_chunk(half, depth + 1) for half in halves])

    async def _call_with_retries(self, text: str) -> bytes:
        client = await self._open_client()
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                response = await client.synthesize_speech(
                    Engine=POLLY_ENGINE,
                    VoiceId=self.voice,
                    OutputFormat=OUTPUT_FORMATS[self.format],
                    TextType="text",  # prepared plain text: nothing in it is markup
                    Text=text,
                )
                async with response["AudioStream"] as stream:
                    return await stream.read()
            except ClientError as error:
                if _error_code(error) not in RETRYABLE_ERRORS or attempt == MAX_ATTEMPTS:
                    raise
                log.warning("Polly %s, retry %d", _error_code(error), attempt)
                await self._sleep(self.backoff_s * 2 ** (attempt - 1))
            except BotoCoreError as error:  # network trouble, timeouts, bad credentials
                raise SynthesisError(f"Polly call failed: {error}") from error
        raise AssertionError("unreachable: the last attempt returns or raises")

    async def _open_client(self) -> Any:
        async with self._client_lock:
            if self._client is None:
                self._exit_stack = AsyncExitStack()
                session = aioboto3.Session()
                self._client = await self._exit_stack.enter_async_context(
                    session.client("polly", region_name=self.region, config=CLIENT_CONFIG)
                )
            return self._client


def _error_code(error: ClientError) -> str:
    return error.response.get("Error", {}).get("Code", "")


def split_for_polly(text: str, limit: int = MAX_CHARS_PER_REQUEST) -> list[str]:
    """Chunks of at most `limit` characters, cut between sentences, else between words."""
    if len(text) <= limit:
        return [text]
    chunks: list[str] = []
    current = ""
    for piece in _sentences_then_words(text, limit):
        if current and len(current) + 1 + len(piece) > limit:
            chunks.append(current)
            current = piece
        else:
            current = f"{current} {piece}" if current else piece
    if current:
        chunks.append(current)
    return chunks


def split_in_half(text: str) -> list[str]:
    """Two pieces cut at the sentence or word boundary nearest the middle ([text] if there is none)."""
    middle = len(text) // 2
    boundaries = [m.end() for m in re.finditer(r"[.!?;,]\s+", text)] or [m.end() for m in re.finditer(r"\s+", text)]
    if not boundaries:
        return [text]
    cut = min(boundaries, key=lambda position: abs(position - middle))
    return [part for part in (text[:cut].strip(), text[cut:].strip()) if part]


def _sentences_then_words(text: str, limit: int) -> list[str]:
    pieces: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+", text.strip()):
        if len(sentence) <= limit:
            pieces.append(sentence)
            continue
        for word in sentence.split():
            # A single "word" longer than the limit (no spaces at all) is cut where it must be.
            pieces.extend(word[start:start + limit] for start in range(0, len(word), limit))
    return pieces
