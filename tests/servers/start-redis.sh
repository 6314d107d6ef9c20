#!/usr/bin/env bash
# Starts a throwaway Redis on loopback for the tests (installs Debian's redis-server when missing
# and we are root with apt). Exits 3 when no Redis can be had here.
# Usage: tests/servers/start-redis.sh [port]   (default 56379; pid and log in /tmp/tracker-redis-<port>)
set -euo pipefail
PORT="${1:-${REDIS_TEST_PORT:-56379}}"
DIR="/tmp/tracker-redis-$PORT"
if ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing redis-server from Debian's packages…" >&2
    (apt-get install -y redis-server >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y redis-server >/dev/null; })
    service redis-server stop >/dev/null 2>&1 || true
  else
    echo "No redis-server here (and no root with apt to install it)." >&2
    exit 3
  fi
fi
if redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null 2>&1; then exit 0; fi
mkdir -p "$DIR"
# The production settings (deploy/redis.conf: no persistence, bounded memory) on this port.
redis-server "$(dirname "$0")/../../deploy/redis.conf" --port "$PORT" --daemonize yes \
  --dir "$DIR" --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log"
for _ in $(seq 50); do redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null 2>&1 && exit 0; sleep 0.1; done
echo "redis-server did not start on port $PORT (see $DIR/redis.log)." >&2
exit 1
