#!/usr/bin/env bash
# Stops the test PostgreSQL started by start-postgres.sh (same port argument).
set -euo pipefail
PORT="${1:-${PG_TEST_PORT:-55432}}"
DATA="/tmp/tracker-pg-$PORT"
[ -f "$DATA/postmaster.pid" ] || exit 0
BIN="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V -r | head -1 || command -v pg_ctl)")"
if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$BIN/pg_ctl -D $DATA -m fast -w stop" >/dev/null
else "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null; fi
