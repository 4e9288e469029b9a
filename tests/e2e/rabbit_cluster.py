"""A three-node RabbitMQ cluster on this machine, beside the system broker, for `make test-cluster`.

Each node is the Debian package's own `rabbitmq-server` script with its own node name, AMQP and
distribution ports, data, log and config files, and an Erlang cookie of its own (in the `HOME` the
node runs with; `rabbitmqctl` gets it with `--erlang-cookie`), so the system broker on 5672 and its
cookie are never touched. Nodes join the first with `rabbitmqctl join_cluster`.
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

RABBITMQ_BIN = Path(os.environ.get("RABBITMQ_BIN", "/usr/lib/rabbitmq/bin"))
HOST = "localhost"


def _free_port_pair() -> tuple[int, int]:
    """An AMQP port and a distribution port, both free now (RabbitMQ would otherwise derive the
    distribution port as AMQP + 20000, which may be taken)."""
    ports = []
    for _ in range(2):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            ports.append(s.getsockname()[1])
    return ports[0], ports[1]


@dataclass
class Node:
    name: str
    amqp_port: int
    dist_port: int
    home: Path
    process: subprocess.Popen | None = None

    @property
    def nodename(self) -> str:
        return f"{self.name}@{HOST}"

    @property
    def pid_file(self) -> Path:
        return self.home / "pid"

    def url(self, user: str = "guest", password: str = "guest", vhost: str = "") -> str:
        return f"amqp://{user}:{password}@127.0.0.1:{self.amqp_port}/{vhost}"


class RabbitCluster:
    def __init__(self, root: Path, size: int = 3, prefix: str = "mmcluster"):
        self.root = root
        self.cookie = secrets.token_hex(16)
        tag = secrets.token_hex(3)
        self.nodes = []
        for i in range(size):
            amqp, dist = _free_port_pair()
            self.nodes.append(Node(f"{prefix}{i + 1}-{tag}", amqp, dist, root / f"node{i + 1}"))

    def urls(self, vhost: str = "") -> str:
        """RABBITMQ_URL for the services: every node, comma-separated."""
        return ",".join(node.url(vhost=vhost) for node in self.nodes)

    # ── lifecycle ──────────────────────────────────────────────────────────────────────────────────
    def start(self, timeout_s: float = 180.0) -> None:
        for node in self.nodes:
            self._start_node(node)
        for node in self.nodes:
            self._await_boot(node, timeout_s)
        first = self.nodes[0]
        for node in self.nodes[1:]:
            self.ctl(node, "stop_app")
            self.ctl(node, "join_cluster", first.nodename)
            self.ctl(node, "start_app", timeout_s=timeout_s)
        self.ctl(first, "await_online_nodes", str(len(self.nodes)), timeout_s=timeout_s)

    def _await_boot(self, node: Node, timeout_s: float) -> None:
        """`await_startup` needs a node already registered with epmd: wait for that first."""
        deadline = time.monotonic() + timeout_s
        while True:
            if node.process.poll() is not None:
                raise RuntimeError(f"{node.nodename} exited with {node.process.returncode}:\n{self.server_log(node)}")
            try:
                self.ctl(node, "await_startup", timeout_s=max(deadline - time.monotonic(), 1))
                return
            except RuntimeError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(1)

    def _start_node(self, node: Node) -> None:
        node.home.mkdir(parents=True, exist_ok=True)
        cookie = node.home / ".erlang.cookie"
        cookie.write_text(self.cookie)
        cookie.chmod(0o400)
        (node.home / "rabbitmq.conf").write_text(
            f"listeners.tcp.default = 127.0.0.1:{node.amqp_port}\n"
            # A node cut off from the majority stops serving instead of diverging.
            "cluster_partition_handling = pause_minority\n"
            "log.console = false\n"
        )
        (node.home / "enabled_plugins").write_text("[].\n")  # no management listener on 15672
        (node.home / "rabbitmq-env.conf").write_text("")  # not the system node's /etc/rabbitmq one
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("RABBITMQ_", "ERL_"))},
            "HOME": str(node.home),
            "RABBITMQ_NODENAME": node.nodename,
            "RABBITMQ_NODE_IP_ADDRESS": "127.0.0.1",
            "RABBITMQ_NODE_PORT": str(node.amqp_port),
            "RABBITMQ_DIST_PORT": str(node.dist_port),
            "RABBITMQ_MNESIA_BASE": str(node.home / "mnesia"),
            "RABBITMQ_LOG_BASE": str(node.home / "log"),
            "RABBITMQ_CONFIG_FILE": str(node.home / "rabbitmq.conf"),
            "RABBITMQ_ENABLED_PLUGINS_FILE": str(node.home / "enabled_plugins"),
            "RABBITMQ_CONF_ENV_FILE": str(node.home / "rabbitmq-env.conf"),
            "RABBITMQ_PID_FILE": str(node.pid_file),
            "ERL_EPMD_ADDRESS": "127.0.0.1",
            "ERL_CRASH_DUMP": str(node.home / "erl_crash.dump"),
            "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS": "-kernel inet_dist_use_interface {127,0,0,1}",
        }
        log = open(node.home / "server.out", "ab")  # noqa: SIM115 - handed to the child process
        node.process = subprocess.Popen([str(RABBITMQ_BIN / "rabbitmq-server")], env=env, stdout=log,
                                        stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
                                        cwd=node.home)

    def ctl(self, node: Node, *args: str, timeout_s: float = 120.0) -> str:
        command = [str(RABBITMQ_BIN / "rabbitmqctl"), "-q", "-n", node.nodename, "--erlang-cookie", self.cookie,
                   *args]
        if args and args[0] in ("await_startup", "await_online_nodes", "start_app"):
            command += ["--timeout", str(int(timeout_s))] if args[0] != "start_app" else []
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout_s + 30,
                                env={**os.environ, "HOME": str(node.home)}, cwd=node.home)
        if result.returncode != 0:
            raise RuntimeError(f"rabbitmqctl {' '.join(args)} on {node.nodename} failed: "
                               f"{result.stdout}{result.stderr}\n{self.server_log(node)}")
        return result.stdout

    def server_log(self, node: Node, lines: int = 30) -> str:
        out = node.home / "server.out"
        return "\n".join(out.read_text(errors="replace").splitlines()[-lines:]) if out.exists() else ""

    def beam_pid(self, node: Node) -> int:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if node.pid_file.exists() and node.pid_file.read_text().strip():
                return int(node.pid_file.read_text().strip())
            time.sleep(0.2)
        raise RuntimeError(f"{node.nodename} wrote no pid file")

    def kill(self, node: Node) -> None:
        """`kill -9` the node's Erlang VM: no clean shutdown, connections drop, leaders move."""
        os.kill(self.beam_pid(node), signal.SIGKILL)
        if node.process is not None:
            node.process.wait(timeout=30)

    def stop(self) -> None:
        for node in self.nodes:
            if node.process is None or node.process.poll() is not None:
                continue
            try:
                os.killpg(node.process.pid, signal.SIGKILL)  # the run is over: its data goes too
            except ProcessLookupError:
                pass
            node.process.wait(timeout=30)
        if not os.environ.get("KEEP_CLUSTER_DATA"):
            shutil.rmtree(self.root, ignore_errors=True)
