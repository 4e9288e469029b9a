from pathlib import Path
from uuid import uuid4

from runtime.settings import ServiceSettings

REPO_ROOT = Path(__file__).resolve().parents[2]


class GatewaySettings(ServiceSettings):
    host: str = "127.0.0.1"
    port: int = 8000
    # Signs session tokens. Every gateway replica must share it; unset, one is made once under ./var/.
    session_secret: str = ""
    session_token_ttl_s: int = 6 * 3600
    web_dist_dir: Path = REPO_ROOT / "web" / "out"
    worker_stale_after_s: float = 10.0
    max_ws_frame_bytes: int = 256 * 1024
    replica_id: str = ""
    # Browser origins allowed to open the WebSocket (comma-separated). Empty: the gateway's own origin
    # and localhost. Clients that send no Origin header (scripts, tests) are not browsers and pass.
    allowed_origins: str = ""

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
