#!/usr/bin/env bash
# Stops the test Redis started by start-redis.sh (same port argument).
set -euo pipefail
PORT="${1:-${REDIS_TEST_PORT:-56379}}"
redis-cli -h 127.0.0.1 -p "$PORT" shutdown nosave >/dev/null 2>&1 || true
