"""Configuration from environment variables (see `.env.example` for every one of them)."""

from pydantic_settings import BaseSettings, SettingsConfigDict
from yarl import URL


class ServiceSettings(BaseSettings):
    """Settings every service reads, the sandbox worker included. Service-specific settings subclass this
    (or `runtime.worker.StoreSettings`, which adds the database)."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # One URL, or one per node of a cluster, comma-separated: the client fails over in that order.
    rabbitmq_url: str = "amqp://guest:guest@localhost:5672/"
    rabbitmq_reconnect_interval_s: float = 1.0
    # This service's own broker user (`python -m runtime.broker_users`); unset: the URL's credentials.
    rabbitmq_user: str | None = None
    rabbitmq_password: str | None = None

    log_level: str = "INFO"
    heartbeat_interval_s: float = 2.0
    sandbox_timeout_s: float = 60.0
    prefetch_count: int = 8
    retry_delays_s: tuple[int, ...] = (1, 4, 16)

    def broker_urls(self) -> list[str]:
        """Every node of `rabbitmq_url`, with this service's own credentials when it has them."""
        urls = [url.strip() for url in self.rabbitmq_url.split(",") if url.strip()]
        if not urls:
            raise ValueError("RABBITMQ_URL names no broker")
        if self.rabbitmq_user:
            urls = [str(URL(url).with_user(self.rabbitmq_user).with_password(self.rabbitmq_password or ""))
                    for url in urls]
        return urls
