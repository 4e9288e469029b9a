"""gateway: `python -m gateway.main`. Stateless apart from its sockets; run several behind a balancer."""

import uvicorn

from runtime.broker import configure_logging
from runtime.observability import start_observability

from .app import create_app
from .redaction import redact_server_logs
from .settings import GatewaySettings


def main() -> None:
    start_observability("mockmind-gateway")
    settings = GatewaySettings()
    configure_logging(settings.log_level)
    config = uvicorn.Config(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        ws_max_size=settings.ws_max_size(),
        # Frames are small JSON or base64 audio of already-compressed mp3: deflate costs a large share of
        # the gateway's CPU under load (profiled with py-spy at 500 sockets) for little saving.
        ws_per_message_deflate=False,
        log_level=settings.log_level.lower(),
        timeout_graceful_shutdown=5,
    )
    redact_server_logs()  # after `Config`, which configures uvicorn's loggers
    uvicorn.Server(config).run()

if __name__ == "__main__":
    main()
