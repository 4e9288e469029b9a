"""`make test-browser`: the web client's end-to-end tests in headless Chromium against the real,
running platform (built client served by the gateway, every worker, RabbitMQ in its own vhost).
Arguments go to Playwright, e.g. `python scripts/browser_e2e.py e2e/live.voice.spec.ts` for one spec."""

import asyncio
import os
import subprocess
import sys
import uuid
from pathlib import Path

from runtime.local_stack import LocalStack, free_port

WEB = Path(__file__).resolve().parents[1] / "web"


def rabbitmqctl(*args: str) -> None:
    subprocess.run(["rabbitmqctl", "-q", *args], check=True, capture_output=True, timeout=60)


async def main(playwright_args: list[str]) -> int:
    vhost = f"mockmind-browser-{uuid.uuid4().hex[:8]}"
    rabbitmqctl("add_vhost", vhost)
    rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*")
    database = Path("var") / f"browser-e2e-{vhost}.db"
    stack = LocalStack(
        env={"RABBITMQ_URL": f"amqp://guest:guest@localhost:5672/{vhost}",
             "DATABASE_URL": f"sqlite+aiosqlite:///{database}", "LOG_LEVEL": "WARNING"},
        gateway_ports=[free_port()], echo=False,
    )
    try:
        await stack.start()
        tests = await asyncio.create_subprocess_exec(
            "npm", "run", "e2e", "--", *playwright_args, cwd=WEB, env={**os.environ, "MOCKMIND_URL": stack.urls[0]})
        return await tests.wait()
    finally:
        await stack.stop()
        rabbitmqctl("delete_vhost", vhost)
        database.unlink(missing_ok=True)


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1:])))
