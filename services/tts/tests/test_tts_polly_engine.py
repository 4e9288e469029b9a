"""Polly requests go through botocore's Stubber, so each call is checked against Polly's real
service model (required members, types) and against the exact parameters we expect to send."""

import aioboto3
import pytest
from aiobotocore.stub import AioStubber
from botocore.exceptions import ParamValidationError

from tts.engine import SynthesisError
from tts.polly import MAX_CHARS_PER_REQUEST, PollyEngine, split_for_polly, split_in_half


class FakeAudioStream:
    """Stands in for aiobotocore's StreamingBody: an async context manager with an async read()."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_info):
        return False

    async def read(self) -> bytes:
        return self.data


def audio_response(data: bytes, characters: int = 10) -> dict:
    return {"AudioStream": FakeAudioStream(data), "ContentType": "audio/mpeg", "RequestCharacters": characters}


def expected_request(text: str, voice: str = "Joanna", output_format: str = "mp3") -> dict:
    return {"Engine": "neural", "VoiceId": voice, "OutputFormat": output_format, "TextType": "text", "Text": text}


@pytest.fixture
async def polly_client():
    session = aioboto3.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")
    async with session.client("polly") as client:
        yield client


@pytest.fixture
def stubber(polly_client):
    with AioStubber(polly_client) as stub:
        yield stub
        stub.assert_no_pending_responses()


@pytest.fixture
def sleeps():
    return []


@pytest.fixture
def engine(polly_client, sleeps):
    async def record_sleep(seconds: float) -> None:
        sleeps.append(seconds)

    return PollyEngine(client=polly_client, sleep=record_sleep)


async def test_sends_a_neural_joanna_mp3_plain_text_request(engine, stubber):
    stubber.add_response("synthesize_speech", audio_response(b"ID3mp3-bytes"),
                         expected_request("Hello there."))
    assert await engine.synthesize("Hello there.") == b"ID3mp3-bytes"


async def test_voice_and_format_come_from_the_engine_settings(polly_client, stubber):
    engine = PollyEngine(voice="Matthew", format="ogg", client=polly_client)
    stubber.add_response("synthesize_speech", audio_response(b"OggS..."),
                         expected_request("Hi.", voice="Matthew", output_format="ogg_vorbis"))
    assert await engine.synthesize("Hi.") == b"OggS..."


async def test_markup_characters_are_sent_as_plain_text_not_ssml(engine, stubber):
    text = "Use a < b & c > d, not <speak> tags."
    stubber.add_response("synthesize_speech", audio_response(b"a"), expected_request(text))
    assert await engine.synthesize(text) == b"a"


async def test_text_over_polly_limit_is_sent_in_sentence_chunks(engine, stubber):
    sentence = "This sentence is exactly fifty characters long ok."
    assert len(sentence) == 50
    text = " ".join([sentence] * 100)  # 5,099 characters
    chunks = split_for_polly(text)
    assert len(chunks) == 2
    for index, chunk in enumerate(chunks):
        assert len(chunk) <= MAX_CHARS_PER_REQUEST
        stubber.add_response("synthesize_speech", audio_response(f"<{index}>".encode()), expected_request(chunk))
    assert await engine.synthesize(text) == b"<0><1>"


async def test_text_length_exceeded_splits_the_text_and_retries(engine, stubber):
    text = "First half of the answer. Second half of the answer."
    stubber.add_client_error("synthesize_speech", "TextLengthExceededException", "too long",
                             expected_params=expected_request(text))
    stubber.add_response("synthesize_speech", audio_response(b"one"),
                         expected_request("First half of the answer."))
    stubber.add_response("synthesize_speech", audio_response(b"two"),
                         expected_request("Second half of the answer."))
    assert await engine.synthesize(text) == b"onetwo"


async def test_text_length_exceeded_on_a_single_word_gives_up(engine, stubber):
    stubber.add_client_error("synthesize_speech", "TextLengthExceededException", "too long")
    with pytest.raises(SynthesisError, match="TextLengthExceeded"):
        await engine.synthesize("Supercalifragilistic")


async def test_throttling_is_retried_with_backoff(engine, stubber, sleeps):
    stubber.add_client_error("synthesize_speech", "ThrottlingException", "Rate exceeded", http_status_code=400)
    stubber.add_client_error("synthesize_speech", "ServiceFailureException", "oops", http_status_code=500)
    stubber.add_response("synthesize_speech", audio_response(b"finally"), expected_request("Hi."))
    assert await engine.synthesize("Hi.") == b"finally"
    assert sleeps == [0.2, 0.4]


async def test_persistent_throttling_gives_up_after_three_attempts(engine, stubber, sleeps):
    for _ in range(3):
        stubber.add_client_error("synthesize_speech", "ThrottlingException", "Rate exceeded")
    with pytest.raises(SynthesisError, match="Throttling"):
        await engine.synthesize("Hi.")
    assert len(sleeps) == 2


async def test_non_retryable_errors_are_not_retried(engine, stubber, sleeps):
    stubber.add_client_error("synthesize_speech", "EngineNotSupportedException", "no neural here")
    with pytest.raises(SynthesisError, match="EngineNotSupported"):
        await engine.synthesize("Hi.")
    assert sleeps == []


async def test_the_service_model_rejects_a_malformed_request(polly_client):
    # The Stubber lets botocore validate parameters against Polly's model before "sending":
    # a missing VoiceId or a non-string Text never gets the stubbed response.
    with AioStubber(polly_client) as stub:
        stub.add_response("synthesize_speech", audio_response(b"x"))
        with pytest.raises(ParamValidationError, match="VoiceId"):
            await polly_client.synthesize_speech(Engine="neural", OutputFormat="mp3", Text="Hi.")
        with pytest.raises(ParamValidationError, match="Text"):
            await polly_client.synthesize_speech(Engine="neural", OutputFormat="mp3", Text=42, VoiceId="Joanna")


async def test_check_voice_accepts_a_neural_voice(engine, stubber):
    stubber.add_response("describe_voices", voices_response(), {"Engine": "neural"})
    await engine.check_voice()


async def test_check_voice_rejects_a_voice_without_neural_engine(polly_client, stubber):
    engine = PollyEngine(voice="Aditi", client=polly_client)
    stubber.add_response("describe_voices", voices_response(), {"Engine": "neural"})
    with pytest.raises(SynthesisError, match="Aditi"):
        await engine.check_voice()


def voices_response() -> dict:
    return {"Voices": [
        {"Id": "Joanna", "Name": "Joanna", "Gender": "Female", "LanguageCode": "en-US",
         "LanguageName": "US English", "SupportedEngines": ["neural", "standard"]},
        {"Id": "Aditi", "Name": "Aditi", "Gender": "Female", "LanguageCode": "hi-IN",
         "LanguageName": "Hindi", "SupportedEngines": ["standard"]},
    ]}


def test_unsupported_format_is_rejected_up_front():
    with pytest.raises(ValueError):
        PollyEngine(format="wav")


def test_voice_must_exist_in_polly_service_model():
    with pytest.raises(ValueError, match="Bogus"):
        PollyEngine(voice="Bogus")
    assert PollyEngine(voice="Matthew").voice == "Matthew"


@pytest.mark.parametrize(
    ("text", "halves"),
    [
        ("One. Two. Three. Four.", ["One. Two.", "Three. Four."]),
        ("alpha beta gamma delta", ["alpha beta", "gamma delta"]),
        ("word", ["word"]),
    ],
)
def test_split_in_half(text, halves):
    assert split_in_half(text) == halves


def test_split_for_polly_cuts_an_endless_sentence_between_words():
    text = " ".join(["word"] * 1000)  # 4,999 characters, no sentence end
    chunks = split_for_polly(text)
    assert all(len(chunk) <= MAX_CHARS_PER_REQUEST for chunk in chunks)
    assert " ".join(chunks) == text
