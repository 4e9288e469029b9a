from pathlib import Path
from uuid import uuid4

from runtime.worker import StoreSettings

REPO_ROOT = Path(__file__).resolve().parents[2]


class GatewaySettings(StoreSettings):
    host: str = "127.0.0.1"
    port: int = 8000
    # Signs session tokens. Every gateway replica must share it; unset, one is made once under ./var/.
    session_secret: str = ""
    session_token_ttl_s: int = 6 * 3600
    web_dist_dir: Path = REPO_ROOT / "web" / "out"
    worker_stale_after_s: float = 10.0
    tts_timeout_s: float = 20.0  # how long POST /api/voice/tts waits for a tts worker
    # Largest WebSocket frame handled; above the largest valid one (64 Ki characters of code, JSON-escaped).
    # Larger frames get a `frame_too_large` error event; only frames over 4x this close the socket (1009).
    max_ws_frame_bytes: int = 512 * 1024
    # Events waiting for a socket that does not read; beyond this it is closed with 4429 (see websocket.py).
    max_outbox_events: int = 1000
    # Rate limits shared by every replica (empty: in this process only, for one replica).
    redis_url: str = ""
    limits_key_prefix: str = "mockmind:limits"
    # Overrides of `limits.DEFAULT_LIMITS`, as JSON: {"kind": [per_minute, burst]} (benchmarks, load tests).
    rate_limits: dict[str, tuple[int, int]] = {}
    # A socket must authenticate (its first frame) within this time, or it is closed with 4401.
    ws_auth_timeout_s: float = 5.0
    replica_id: str = ""
    # Browser origins allowed to open the WebSocket (comma-separated). Empty: the gateway's own origin
    # and localhost. Clients that send no Origin header (scripts, tests) are not browsers and pass.
    allowed_origins: str = ""
    # While a socket is open the gateway stamps its session this often, so the interviewer's session
    # watch can tell an abandoned interview (no stamp for ABANDON_AFTER_S) across replicas and restarts.
    socket_seen_interval_s: float = 30.0
    # Length of an interview when the client does not choose one (`duration_minutes` at creation).
    interview_minutes: float = 45.0

    def ws_max_size(self) -> int:
        """The WebSocket protocol's own frame limit, above the largest valid frame: a frame between the
        two is answered with an `error` event by the handler; only a larger one closes the socket (1009)."""
        return self.max_ws_frame_bytes * 4

    def resolved_replica_id(self) -> str:
        return self.replica_id or uuid4().hex[:12]

    def resolved_secret(self) -> str:
        if self.session_secret:
            return self.session_secret
        secret_file = Path("var/session-secret")
        secret_file.parent.mkdir(parents=True, exist_ok=True)
        if not secret_file.exists():
            secret_file.write_text(uuid4().hex + uuid4().hex)
            secret_file.chmod(0o600)
        return secret_file.read_text().strip()
