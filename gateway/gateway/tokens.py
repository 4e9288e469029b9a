"""Session tokens: signed, expiring, bound to one session id and to the candidate (browser) that holds
it, so a browser can list its own past sessions and nothing else."""

import hashlib
import time
from dataclasses import dataclass
from uuid import uuid4

from itsdangerous import BadSignature, SignatureExpired, URLSafeSerializer, URLSafeTimedSerializer


class TokenError(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@dataclass(frozen=True)
class TokenClaims:
    session_id: str
    candidate_id: str


class SessionTokens:
    def __init__(self, secret: str, ttl_s: int):
        self._serializer = URLSafeTimedSerializer(secret, salt="mockmind-session")
        self._ttl_s = ttl_s

    @staticmethod
    def new_candidate_id() -> str:
        return uuid4().hex

    def issue(self, session_id: str, candidate_id: str = "") -> str:
        return self._serializer.dumps({"sid": session_id, "cid": candidate_id})

    def claims(self, token: str | None) -> TokenClaims:
        """The verified claims of a live token, or `TokenError` (401)."""
        if not token:
            raise TokenError(401, "missing_token", "a session token is required")
        try:
            claims = self._serializer.loads(token, max_age=self._ttl_s)
        except SignatureExpired:
            raise TokenError(401, "expired_token", "the session token has expired") from None
        except BadSignature:
            raise TokenError(401, "invalid_token", "the session token is not valid") from None
        if not isinstance(claims, dict) or not isinstance(claims.get("sid"), str):
            raise TokenError(401, "invalid_token", "the session token is not valid")
        return TokenClaims(session_id=claims["sid"], candidate_id=str(claims.get("cid") or ""))

    def check(self, token: str | None, session_id: str) -> TokenClaims:
        """Raise `TokenError` unless `token` is a live token for exactly `session_id`."""
        claims = self.claims(token)
        if claims.session_id != session_id:
            raise TokenError(403, "wrong_session", "this token belongs to another session")
        return claims


class ShareTokens:
    """Read-only replay links for a mentor: the session id and an expiry, signed with HMAC-SHA256 under
    the gateway's `SESSION_SECRET` (another salt than session tokens, so neither passes for the other).
    The expiry is inside the signed payload, so each link can have its own lifetime."""

    def __init__(self, secret: str):
        self._serializer = URLSafeSerializer(secret, salt="mockmind-replay-share",
                                             signer_kwargs={"digest_method": hashlib.sha256})

    def issue(self, session_id: str, expires_at: float) -> str:
        return self._serializer.dumps({"sid": session_id, "exp": int(expires_at)})

    def session_of(self, token: str, now: float | None = None) -> str:
        """The session a live share token opens; `TokenError` 403 when forged, 410 when expired."""
        try:
            claims = self._serializer.loads(token)
        except BadSignature:
            raise TokenError(403, "invalid_share_link", "this share link is not valid") from None
        if not isinstance(claims, dict) or not isinstance(claims.get("sid"), str) or not isinstance(claims.get("exp"), int):
            raise TokenError(403, "invalid_share_link", "this share link is not valid")
        if claims["exp"] <= (time.time() if now is None else now):
            raise TokenError(410, "share_expired", "this share link has expired; ask for a new one")
        return claims["sid"]
