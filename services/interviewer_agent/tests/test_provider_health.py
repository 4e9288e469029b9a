"""The llm status each interviewer replica reports in its heartbeat."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from interviewer_agent.provider_health import ProviderHealth
from interviewer_agent.settings import InterviewerSettings


class ModelsEndpoint(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's naming
        status = 200 if self.path == "/v1/models" else 404
        self.send_response(status)
        self.end_headers()
        self.wfile.write(b'{"data": [{"id": "llama3.1"}]}')

    def log_message(self, *args):
        pass


@pytest.fixture
def model_server():
    server = HTTPServer(("127.0.0.1", 0), ModelsEndpoint)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


async def test_the_offline_interviewer_reports_the_offline_default():
    details = await ProviderHealth(InterviewerSettings(llm_provider="offline")).details()
    assert details == {"llm": "offline-default", "llm_provider": "offline"}


async def test_an_openai_compatible_server_that_answers_is_ok(model_server):
    settings = InterviewerSettings(llm_provider="openai", openai_base_url=f"{model_server}/v1")
    assert (await ProviderHealth(settings).details())["llm"] == "ok"


async def test_a_wrong_or_unreachable_server_is_reported_not_raised(model_server):
    wrong_path = InterviewerSettings(llm_provider="openai", openai_base_url=f"{model_server}/nope")
    assert (await ProviderHealth(wrong_path).details())["llm"] == "error: HTTP 404"
    unreachable = InterviewerSettings(llm_provider="openai", openai_base_url="http://127.0.0.1:9/v1")
    assert (await ProviderHealth(unreachable).details())["llm"].startswith("error: ConnectError")


async def test_checks_share_one_http_client(model_server, monkeypatch):
    """Building an httpx client loads a fresh SSL context (CPU on the turns' event loop): once per replica."""
    import httpx

    built = []
    real = httpx.AsyncClient

    def counting(*args, **kwargs):
        built.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(httpx, "AsyncClient", counting)
    health = ProviderHealth(InterviewerSettings(llm_provider="openai", openai_base_url=f"{model_server}/v1"))
    try:
        assert [await health._check(), await health._check()] == ["ok", "ok"]
    finally:
        await health.close()
    assert len(built) == 1
