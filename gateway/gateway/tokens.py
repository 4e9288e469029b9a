"""Session tokens: signed, expiring, bound to one session id."""

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer


class TokenError(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class SessionTokens:
    def __init__(self, secret: str, ttl_s: int):
        self._serializer = URLSafeTimedSerializer(secret, salt="mockmind-session")
        self._ttl_s = ttl_s

    def issue(self, session_id: str) -> str:
        return self._serializer.dumps({"sid": session_id})

    def check(self, token: str | None, session_id: str) -> None:
        """Raise `TokenError` unless `token` is a live token for exactly `session_id`."""
        if not token:
            raise TokenError(401, "missing_token", "a session token is required")
        try:
            claims = self._serializer.loads(token, max_age=self._ttl_s)
        except SignatureExpired:
            raise TokenError(401, "expired_token", "the session token has expired") from None
        except BadSignature:
            raise TokenError(401, "invalid_token", "the session token is not valid") from None
        if not isinstance(claims, dict) or claims.get("sid") != session_id:
            raise TokenError(403, "wrong_session", "this token belongs to another session")
