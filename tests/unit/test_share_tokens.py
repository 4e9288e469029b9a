"""Read-only replay links: signed with the gateway's secret, expiring, refused when forged."""

import time

import pytest

from gateway.tokens import SessionTokens, ShareTokens, TokenError


def test_a_share_token_opens_its_session_until_it_expires():
    shares = ShareTokens("s3cret")
    token = shares.issue("session-a", expires_at=time.time() + 60)
    assert shares.session_of(token) == "session-a"
    with pytest.raises(TokenError) as expired:
        shares.session_of(token, now=time.time() + 61)
    assert (expired.value.status, expired.value.code) == (410, "share_expired")


@pytest.mark.parametrize("forge", [
    lambda: ShareTokens("another-secret").issue("session-a", time.time() + 60),
    lambda: SessionTokens("s3cret", ttl_s=60).issue("session-a"),  # a session token is no share link
    lambda: "not-a-token",
])
def test_forged_share_tokens_are_forbidden(forge):
    with pytest.raises(TokenError) as refused:
        ShareTokens("s3cret").session_of(forge())
    assert refused.value.status == 403


def test_a_tampered_expiry_breaks_the_signature():
    shares = ShareTokens("s3cret")
    token = shares.issue("session-a", expires_at=time.time() - 5)
    payload, _, signature = token.partition(".")
    longer = ShareTokens("s3cret").issue("session-a", expires_at=time.time() + 3600).partition(".")[0]
    with pytest.raises(TokenError) as refused:
        shares.session_of(f"{longer}.{signature}")
    assert refused.value.status == 403
