"""Configuration from environment variables (see `.env.example` for every one of them)."""

from pydantic_settings import BaseSettings, SettingsConfigDict

from persistence.database import DEFAULT_DATABASE_URL


class ServiceSettings(BaseSettings):
    """Settings every service reads. Service-specific settings subclass this."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    rabbitmq_url: str = "amqp://guest:guest@localhost:5672/"
    database_url: str = DEFAULT_DATABASE_URL
    log_level: str = "INFO"
    heartbeat_interval_s: float = 2.0
    sandbox_timeout_s: float = 60.0
    prefetch_count: int = 8
    retry_delays_s: tuple[int, ...] = (1, 4, 16)
