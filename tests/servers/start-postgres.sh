#!/usr/bin/env bash
# Starts a throwaway PostgreSQL (15+) on loopback for the tests: installs Debian's package when it
# is missing and we are root with apt, initialises a cluster in a temporary folder and starts it.
# Prints nothing on success; exits 3 when no server can be had here (the caller skips PostgreSQL).
# Usage: tests/servers/start-postgres.sh [port]   (default 55432; data in /tmp/tracker-pg-<port>)
set -euo pipefail
PORT="${1:-${PG_TEST_PORT:-55432}}"
DATA="/tmp/tracker-pg-$PORT"

# A folder holding the server's own tools (Debian keeps them out of PATH, newest version first).
find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) "$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/x)")"; do
    [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_isready" ] && { echo "$dir"; return 0; }
  done
  return 1
}

if ! BIN="$(find_bin)"; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing PostgreSQL from Debian's packages…" >&2
    (apt-get install -y postgresql >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y postgresql >/dev/null; })
    # Debian's package starts its own cluster on 5432; the tests use their own, so stop it.
    (command -v pg_ctlcluster >/dev/null && service postgresql stop >/dev/null 2>&1) || true
    BIN="$(find_bin)" || { echo "PostgreSQL installed but pg_ctl not found." >&2; exit 3; }
  else
    echo "No PostgreSQL here (no pg_ctl, and no root with apt to install it)." >&2
    exit 3
  fi
fi

# initdb refuses root: run the server as the `postgres` user in a folder it owns.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql postgres
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" 2>/dev/null; then exit 0; fi
if [ ! -f "$DATA/PG_VERSION" ]; then
  rm -rf "$DATA" && mkdir -p "$DATA"
  [ "$(id -u)" = 0 ] && chown postgres "$DATA"
  as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
fi
# Test server: durable enough for the crash test (fsync stays on), quick to start, loopback only.
as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 start \
  -o "-h 127.0.0.1 -p $PORT -k $DATA -c max_connections=300 -c shared_buffers=64MB" >/dev/null
