#!/usr/bin/env bash
# Start the local RabbitMQ (and, with --all, PostgreSQL and Redis) when installed but not running.
# Usage: scripts/ensure-services.sh [--all]
set -euo pipefail

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() { # name port seconds
  for _ in $(seq 1 "$3"); do port_open "$2" && return 0; sleep 1; done
  echo "$1 did not start listening on port $2 within $3 s" >&2; return 1
}

if ! port_open 5672; then
  if command -v rabbitmq-server >/dev/null; then
    echo "starting RabbitMQ…"; rabbitmq-server -detached; wait_port RabbitMQ 5672 90
  else
    echo "RabbitMQ is not running on localhost:5672 and not installed." >&2
    echo "Install it (Debian/Ubuntu: sudo apt-get install rabbitmq-server) or point RABBITMQ_URL at one." >&2
    exit 1
  fi
fi

[ "${1:-}" = "--all" ] || exit 0

if ! port_open 5432; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    echo "starting PostgreSQL…"; pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
    wait_port PostgreSQL 5432 60
  else
    echo "PostgreSQL is not running on localhost:5432 and not installed (apt-get install postgresql)." >&2; exit 1
  fi
fi

if ! port_open 6379; then
  if command -v redis-server >/dev/null; then
    echo "starting Redis…"
    mkdir -p /var/lib/redis /var/log/redis
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log
    wait_port Redis 6379 30
  else
    echo "Redis is not running on localhost:6379 and not installed (apt-get install redis-server)." >&2; exit 1
  fi
fi
