"""The MockMind the harness talks to: the one answering at MOCKMIND_URL, or one it starts there with
`runtime.local_stack` (own RabbitMQ vhost and SQLite database, so nothing else's workers take its turns)
and the chosen interviewer provider. With `--fake-openai` it also serves the fake OpenAI-compatible
server and points the interviewer at it."""

import contextlib
import os
import shutil
import subprocess
import tempfile
import uuid
from urllib.parse import urlsplit

from runtime.local_stack import LocalStack, wait_healthy

from .fake_openai import FakeChatServer, scripted_interviewer


def _rabbitmqctl(*args: str) -> None:
    subprocess.run(["rabbitmqctl", "-q", *args], check=True, capture_output=True, timeout=60)


class EvalStack:
    def __init__(self, url: str, provider: str, *, fake_openai: bool = False, silence_s: float = 4.0):
        self.url = url.rstrip("/")
        self.provider = provider
        self.fake_openai = fake_openai
        self.silence_s = silence_s
        self.reused = False
        self._stack: LocalStack | None = None
        self._fake: FakeChatServer | None = None
        self._vhost: str | None = None
        self._directory: str | None = None

    async def start(self) -> None:
        if self.fake_openai:
            self._fake = await FakeChatServer(scripted_interviewer).start()
        with contextlib.suppress(TimeoutError):
            await wait_healthy(self.url, timeout_s=2)
            self.reused = True
            return
        env = self._env()
        port = urlsplit(self.url).port or 80
        self._stack = LocalStack(env=env, gateway_ports=[port], echo=bool(os.environ.get("EVAL_ECHO")))
        try:
            await self._stack.start(timeout_s=120)
        except (TimeoutError, RuntimeError) as exc:
            logs = "\n".join(f"{name}: {line}" for name, lines in self._stack.group.logs.items() for line in lines[-15:])
            await self.stop()
            raise SystemExit(f"could not start MockMind: {exc}\n{logs}") from exc

    def _env(self) -> dict[str, str]:
        self._directory = tempfile.mkdtemp(prefix="mockmind-eval-")
        env = {
            "DATABASE_URL": f"sqlite+aiosqlite:///{self._directory}/eval.db",
            "LLM_PROVIDER": self.provider,
            # The harness grades the interviewer; the report's prose stays offline unless asked otherwise.
            "FEEDBACK_LLM_PROVIDER": os.environ.get("FEEDBACK_LLM_PROVIDER", "offline"),
            "SILENCE_CHECKIN_S": str(self.silence_s),
            "LOG_LEVEL": os.environ.get("LOG_LEVEL", "WARNING"),
        }
        if self._fake is not None:
            env |= {"OPENAI_BASE_URL": self._fake.url, "OPENAI_MODEL": "fake", "OPENAI_API_KEY": "fake"}
        if "RABBITMQ_URL" not in os.environ:
            with contextlib.suppress(OSError, subprocess.SubprocessError):
                vhost = f"mockmind-eval-{uuid.uuid4().hex[:10]}"
                _rabbitmqctl("add_vhost", vhost)
                self._vhost = vhost
                _rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*")
                env["RABBITMQ_URL"] = f"amqp://guest:guest@localhost:5672/{vhost}"
        return env

    def describe(self) -> str:
        if self.reused:
            return (f"using the MockMind already answering at {self.url}: its interviewer runs whatever provider "
                    f"it was started with (PROVIDER={self.provider} applies only to a stack this harness starts)")
        where = f" (fake OpenAI-compatible server at {self._fake.url})" if self._fake else ""
        openai = f" at {os.environ.get('OPENAI_BASE_URL', 'http://localhost:11434/v1')}" \
            if self.provider == "openai" and not self._fake else ""
        return f"started MockMind at {self.url} with LLM_PROVIDER={self.provider}{openai}{where}"

    async def stop(self) -> None:
        if self._stack is not None:
            await self._stack.stop()
            self._stack = None
        if self._fake is not None:
            await self._fake.stop()
            self._fake = None
        if self._vhost is not None:
            with contextlib.suppress(OSError, subprocess.SubprocessError):
                _rabbitmqctl("delete_vhost", self._vhost)
            self._vhost = None
        if self._directory is not None:
            shutil.rmtree(self._directory, ignore_errors=True)
            self._directory = None
