"""A RabbitMQ user per service, allowed only the exchanges and queues that service uses.

    python -m runtime.broker_users --vhost / --passwords-file broker-users.env

creates (or updates) one user per service with `rabbitmqctl` on the broker's host and writes
`<SERVICE>_RABBITMQ_USER`/`_PASSWORD` lines; each service then runs with `RABBITMQ_USER` and
`RABBITMQ_PASSWORD` set to its own (deploy/README.md). Without them every service uses the
credentials in `RABBITMQ_URL` (guest on a development machine), as before.

    python -m runtime.broker_users --management-url http://rabbitmq:15672

does the same through the management plugin's HTTP API (no `rabbitmqctl`, no Erlang cookie: compose's
`broker-users` step), as the administrator `RABBITMQ_ADMIN_USER`/`RABBITMQ_ADMIN_PASSWORD`, with each
service's password taken from `<SERVICE>_RABBITMQ_PASSWORD` in the environment.

RabbitMQ checks three regular expressions per user and vhost: *configure* (declare or delete a queue
or exchange), *write* (publish to an exchange; bind a queue, which also needs *read* on the exchange)
and *read* (consume from a queue; be the source of a binding). The sandbox worker, which runs
strangers' code beside its credentials, gets the least: its own work queue, the replies exchange,
heartbeats and dead letters; it cannot publish a command or a session event, nor reach any queue by
name through the default exchange (replies go through `mockmind.replies`, see `contracts.topology`).
"""

import argparse
import base64
import json
import os
import re
import secrets
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from urllib.parse import quote

from contracts import topology as t

DEFAULT_EXCHANGE = "amq.default"  # what RabbitMQ calls the nameless exchange in permissions: every queue by name


@dataclass(frozen=True)
class Permissions:
    configure: str
    write: str
    read: str


def _any_of(*names: str) -> str:
    return "^(" + "|".join(dict.fromkeys(names)) + ")$"


def _exact(*names: str) -> list[str]:
    return [re.escape(name) for name in names]


def _like(pattern: str) -> str:
    """A name pattern: `{v}` is the topology version suffix, `*` one or more name characters."""
    return re.escape(pattern.replace("{v}", f".v{t.TOPOLOGY_VERSION}")).replace(r"\*", r"[\w.-]+")


# Every worker's failure path (runtime.reliability) declares and publishes to these.
RETRY_TIERS = [*_exact(t.DEFER_EXCHANGE.name, t.DEAD_LETTERS.name, t.DEAD_LETTER_QUEUE.name),
               _like("mockmind.retry.*s{v}")]
# Where a message nobody can handle is parked (`mockmind.dead-letters` has no consumer and no way out).
DEAD_LETTERS = _exact(t.DEAD_LETTERS.name, t.DEAD_LETTER_QUEUE.name)
HEARTBEAT = _exact(t.HEARTBEATS.name)
EVENTS = _exact(t.EVENTS.name)
COMMANDS = _exact(t.COMMANDS.name)
REPLIES = _exact(t.REPLIES.name)
REPLY_QUEUES = [_like("replies.*")]
VOICE_CUTS = _exact(t.VOICE_CUTS.name)


@dataclass(frozen=True)
class Needs:
    """What a service does on the bus, from which its permissions follow."""
    consumes: list[str]  # its work queues, bound to the commands exchange
    publishes_to: list[str]
    requests: bool = False  # has its own reply queue, bound to the replies exchange
    replies: bool = False  # answers requests through the replies exchange
    retries: bool = True  # retry tiers; else dead letters only (the tiers lead back to the commands exchange)


def _worker(needs: Needs) -> Permissions:
    failures = RETRY_TIERS if needs.retries else DEAD_LETTERS
    inbox = REPLY_QUEUES if needs.requests else []
    replies = REPLIES if needs.replies or needs.requests else []
    return Permissions(
        configure=_any_of(*needs.consumes, *COMMANDS, *needs.publishes_to, *HEARTBEAT, *failures, *inbox, *replies),
        write=_any_of(*needs.consumes, *needs.publishes_to, *HEARTBEAT, *failures, *inbox,
                      *(REPLIES if needs.replies else [])),
        read=_any_of(*needs.consumes, *COMMANDS, *failures, *inbox, *(REPLIES if needs.requests else [])),
    )


SERVICES: dict[str, Permissions] = {
    "gateway": Permissions(
        configure=_any_of(_like("gateway.*"), *REPLY_QUEUES, *COMMANDS, *EVENTS, *HEARTBEAT, *REPLIES, *RETRY_TIERS,
                          *VOICE_CUTS),
        # events: the candidate's words and code, logged and published by the gateway (the record)
        write=_any_of(_like("gateway.*"), *REPLY_QUEUES, *COMMANDS, *EVENTS, *RETRY_TIERS, *VOICE_CUTS),
        read=_any_of(_like("gateway.*"), *REPLY_QUEUES, *EVENTS, *HEARTBEAT, *REPLIES, *RETRY_TIERS),
    ),
    # its own voice-cuts queue too: a barge-in stops the turn it is running
    "interviewer-agent": _worker(Needs(
        [*_exact(t.INTERVIEWER_TURNS.name), _like("interviewer.silence.delay.*ms{v}"), _like("interviewer.*.voice-cuts"),
         *VOICE_CUTS],
        # commands: sandbox runs, speech, its own follow-up turns; the default exchange: parking silence checks
        publishes_to=[*COMMANDS, *EVENTS, re.escape(DEFAULT_EXCHANGE)], requests=True)),
    "feedback-agent": _worker(Needs(_exact(t.FEEDBACK_REQUESTS.name), publishes_to=[*COMMANDS, *EVENTS],
                                    requests=True)),
    # its own voice-cuts queue, bound to the fanout the gateways publish barge-ins to
    "tts": _worker(Needs([*_exact(t.TTS_REQUESTS.name, t.TTS_SYNTHESIS.name), _like("tts.*.voice-cuts"), *VOICE_CUTS],
                         publishes_to=EVENTS, replies=True)),
    # partial and final transcripts to the events exchange, the candidate's turn to the commands exchange
    "stt": _worker(Needs(_exact(t.STT_AUDIO.name), publishes_to=[*COMMANDS, *EVENTS])),
    "sandbox-worker": _worker(Needs(_exact(t.SANDBOX_RUNS.name), publishes_to=[], replies=True, retries=False)),
}


def user_name(service: str, prefix: str = "mockmind") -> str:
    return f"{prefix}-{service}"


def new_password() -> str:
    """Hex: rabbitmqctl would read a password that begins with "-" (as `token_urlsafe`'s can) as an option."""
    return secrets.token_hex(24)


def _rabbitmqctl(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["rabbitmqctl", "-q", *args], capture_output=True, text=True, timeout=60)


def ensure_user(service: str, password: str, vhost: str, prefix: str = "mockmind") -> str:
    """Create the service's user (or reset its password) and set its permissions on `vhost`."""
    user = user_name(service, prefix)
    if _rabbitmqctl("add_user", user, password).returncode != 0:
        _check(_rabbitmqctl("change_password", user, password), f"change_password {user}")
    rights = SERVICES[service]
    _check(_rabbitmqctl("set_permissions", "-p", vhost, user, rights.configure, rights.write, rights.read),
           f"set_permissions {user}")
    return user


def _check(result: subprocess.CompletedProcess, what: str) -> None:
    if result.returncode != 0:
        raise RuntimeError(f"rabbitmqctl {what} failed: {result.stdout}{result.stderr}")


def env_name(service: str) -> str:
    return service.upper().replace("-", "_")


def password_variable(service: str) -> str:
    """Where a service's broker password is kept: a line of the written env file, compose's variable, the key
    of the Kubernetes Secret `mockmind-broker-users`."""
    return f"{env_name(service)}_RABBITMQ_PASSWORD"


def management_calls(passwords: dict[str, str], vhost: str, prefix: str = "mockmind") -> list[tuple[str, dict]]:
    """(path, body) of each management API `PUT` that creates a service's user (no tags: no management
    access) and sets its permissions on `vhost`, the same `SERVICES` rights `ensure_user` sets."""
    calls = []
    for service, rights in SERVICES.items():
        user = quote(user_name(service, prefix), safe="")
        calls.append((f"/api/users/{user}", {"password": passwords[service], "tags": ""}))
        calls.append((f"/api/permissions/{quote(vhost, safe='')}/{user}", asdict(rights)))
    return calls


def put_over_http(management_url: str, admin: tuple[str, str], calls: list[tuple[str, dict]], *,
                  attempts: int = 30, wait_s: float = 2.0) -> None:
    """Send `calls` to the management API, waiting for it first (it starts a moment after AMQP's port)."""
    authorization = "Basic " + base64.b64encode(":".join(admin).encode()).decode()
    for path, body in calls:
        request = urllib.request.Request(management_url.rstrip("/") + path, data=json.dumps(body).encode(),
                                         method="PUT", headers={"Authorization": authorization,
                                                                "Content-Type": "application/json"})
        for attempt in range(attempts):
            try:
                urllib.request.urlopen(request, timeout=10).close()
                break
            except urllib.error.HTTPError as error:  # the broker answered: retrying will not help
                raise RuntimeError(f"PUT {path}: {error.code} {error.read().decode(errors='replace')}") from None
            except OSError:
                if attempt == attempts - 1:
                    raise
                time.sleep(wait_s)


def _apply_over_http(args: argparse.Namespace) -> None:
    passwords = {service: os.environ[password_variable(service)] for service in SERVICES}
    admin = (os.environ["RABBITMQ_ADMIN_USER"], os.environ["RABBITMQ_ADMIN_PASSWORD"])
    put_over_http(args.management_url, admin, management_calls(passwords, args.vhost, args.prefix))
    for service in SERVICES:
        print(f"{user_name(service, args.prefix)}: permissions set on vhost {args.vhost!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description="Create a RabbitMQ user per MockMind service (rabbitmqctl).")
    parser.add_argument("--vhost", default="/")
    parser.add_argument("--prefix", default="mockmind", help="user names are <prefix>-<service>")
    parser.add_argument("--passwords-file", default="broker-users.env",
                        help="where the generated credentials are written (keep it secret)")
    parser.add_argument("--management-url", help="use this management API instead of rabbitmqctl, with the "
                        "passwords in <SERVICE>_RABBITMQ_PASSWORD (nothing is generated or written)")
    args = parser.parse_args()
    if args.management_url:
        _apply_over_http(args)
        return
    lines = []
    for service in SERVICES:
        password = new_password()
        user = ensure_user(service, password, args.vhost, args.prefix)
        lines += [f"{env_name(service)}_RABBITMQ_USER={user}", f"{password_variable(service)}={password}"]
        print(f"{user}: permissions set on vhost {args.vhost!r}")
    with open(args.passwords_file, "w", opener=lambda path, flags: os.open(path, flags, 0o600)) as out:
        out.write("\n".join(lines) + "\n")
    print(f"credentials written to {args.passwords_file}")


if __name__ == "__main__":
    main()
