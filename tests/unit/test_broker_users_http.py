"""`python -m runtime.broker_users --management-url …` (compose's broker-users step): the management API
calls carry exactly the rights of `SERVICES`, the same ones `rabbitmqctl` sets in Kubernetes."""

import base64
import json
import threading
from dataclasses import asdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from runtime.broker_users import SERVICES, management_calls, put_over_http, user_name


class FakeManagementApi(BaseHTTPRequestHandler):
    received: list[tuple[str, str, str, dict]] = []
    status = 204

    def do_PUT(self):  # noqa: N802 (http.server's naming)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.received.append((self.command, self.path, self.headers["Authorization"], body))
        self.send_response(self.status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def management_api():
    FakeManagementApi.received = []
    FakeManagementApi.status = 204
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeManagementApi)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", FakeManagementApi
    server.shutdown()
    server.server_close()


def test_each_service_gets_its_user_without_tags_and_exactly_its_permissions():
    passwords = {service: f"pw-{service}" for service in SERVICES}
    calls = dict(management_calls(passwords, "/"))
    for service, rights in SERVICES.items():
        user = user_name(service)
        assert calls[f"/api/users/{user}"] == {"password": f"pw-{service}", "tags": ""}
        assert calls[f"/api/permissions/%2F/{user}"] == asdict(rights)
    assert len(calls) == 2 * len(SERVICES)


def test_the_calls_reach_the_api_as_the_administrator(management_api):
    url, api = management_api
    calls = management_calls({service: "secret" for service in SERVICES}, "mockmind", prefix="mm")
    put_over_http(url, ("admin", "admin-pw"), calls)
    assert [(method, path, body) for method, path, _, body in api.received] == [("PUT", p, b) for p, b in calls]
    assert {auth for _, _, auth, _ in api.received} == {"Basic " + base64.b64encode(b"admin:admin-pw").decode()}
    sandbox = next(body for _, path, _, body in api.received if path == "/api/permissions/mockmind/mm-sandbox-worker")
    assert sandbox == asdict(SERVICES["sandbox-worker"])


def test_a_refusal_stops_the_step_with_the_brokers_answer(management_api):
    url, api = management_api
    api.status = 401
    with pytest.raises(RuntimeError, match="401"):
        put_over_http(url, ("admin", "wrong"), management_calls({s: "x" for s in SERVICES}, "/"))
    assert len(api.received) == 1  # no retries once the broker has answered
