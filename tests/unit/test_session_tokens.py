import pytest

from gateway.tokens import SessionTokens, TokenError


def test_a_token_opens_its_own_session_only():
    tokens = SessionTokens("s3cret", ttl_s=60)
    token = tokens.issue("session-a")
    tokens.check(token, "session-a")
    with pytest.raises(TokenError) as refused:
        tokens.check(token, "session-b")
    assert refused.value.status == 403


@pytest.mark.parametrize("token", [None, "", "not-a-token"])
def test_missing_or_forged_tokens_are_unauthorised(token):
    with pytest.raises(TokenError) as refused:
        SessionTokens("s3cret", ttl_s=60).check(token, "session-a")
    assert refused.value.status == 401


def test_a_token_signed_with_another_secret_is_refused():
    forged = SessionTokens("other", ttl_s=60).issue("session-a")
    with pytest.raises(TokenError) as refused:
        SessionTokens("s3cret", ttl_s=60).check(forged, "session-a")
    assert refused.value.code == "invalid_token"


def test_tokens_expire():
    tokens = SessionTokens("s3cret", ttl_s=-1)
    with pytest.raises(TokenError) as refused:
        tokens.check(tokens.issue("session-a"), "session-a")
    assert refused.value.code == "expired_token"
