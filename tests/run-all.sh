#!/usr/bin/env bash
# The whole suite: types and lint, unit and integration tests (Vitest), browser tests (Playwright),
# and the benchmark's smoke run.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

# Each phase's time, so runs can be compared phase by phase (issue 15).
started=$SECONDS
phase_start=$SECONDS
phase() {
  echo "[suite] $1: $((SECONDS - phase_start)) s (total $((SECONDS - started)) s)"
  phase_start=$SECONDS
}

# Types and lint side by side: each keeps one core busy; then the formatting check.
npx tsc --noEmit &
types=$!
npx eslint . &
lint=$!
wait "$types"
wait "$lint"
npx prettier --check . >/dev/null || { npx prettier --list-different .; echo "These files are not formatted: run npm run format." >&2; exit 1; }
phase "types, lint and format"

# A PostgreSQL server on loopback for the tests that need one (docs/decisions/013-postgresql.md).
# Skipped, with this message, only where there is no server and no root with apt to install one.
set +e; bash tests/servers/start-postgres.sh; pg_status=$?; set -e
if [ "$pg_status" = 0 ]; then
  export TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:${PG_TEST_PORT:-55432}/postgres"
elif [ "$pg_status" = 3 ]; then
  echo "SKIPPING the PostgreSQL tests: no PostgreSQL server here and none can be installed (needs root and apt)." >&2
else
  exit "$pg_status"
fi

# Redis for the shared-cache test (tests/integration/redis-cache-index.test.ts starts its own
# server with a small maxmemory) and the multi-instance test; installed when root with apt.
set +e; bash tests/servers/start-redis.sh; redis_status=$?; set -e
if [ "$redis_status" = 3 ]; then echo "SKIPPING the Redis tests: no redis-server here and none can be installed (needs root and apt)." >&2
elif [ "$redis_status" != 0 ]; then exit "$redis_status"; fi

# The production build the browser tests and the bench use, made (only when stale) while Vitest
# runs: neither reads the other's output. Its log is shown after Vitest's.
build_log="$(mktemp)"
bench_log="$(mktemp)"
trap 'kill "${build:-}" 2>/dev/null || true; rm -f "$build_log" "$bench_log"' EXIT
npx tsx scripts/cli/build-app.ts >"$build_log" 2>&1 &
build=$!
phase "PostgreSQL and Redis servers"
npx vitest run
phase "Vitest on SQLite"
# The integration suite again on PostgreSQL (the unit tests touch no database).
if [ -n "${TEST_POSTGRES_URL:-}" ]; then TEST_DATABASE_PROVIDER=postgres npx vitest run tests/integration; phase "Vitest integration on PostgreSQL"; fi
build_status=0
wait "$build" || build_status=$?
cat "$build_log"
[ "$build_status" -eq 0 ] || exit "$build_status"
phase "waiting for the build"

bash tests/run-e2e.sh
phase "browser suite (SQLite, then PostgreSQL)"
# Two instances on PostgreSQL and Redis behind nginx (uses the build run-e2e.sh made).
if [ -n "${TEST_POSTGRES_URL:-}" ]; then bash tests/run-multi.sh; phase "two instances behind nginx"; fi
# The benchmark's smoke run: proves `npm run bench` works (tiny data, seconds, reusing the build the
# browser tests made); asserts nothing about speed, but that every target answered and was reported.
npm run bench -- --smoke | tee "$bench_log"
for row in "| dashboard /en " "| initiative page (" "| list with facets ?" "| list search ?q=" "| search page /en/search?q=" "| countries /en/countries " "| API /api/v1/initiatives?" "Status change (POST" "Write loop (app): " "Write loop through the front: " "Front nonces: " "Public page JavaScript (" "| goal (issue 13)" "JSON: "; do
  grep -qF -- "$row" "$bench_log" || { echo "The bench's smoke run did not print a line starting \"$row\"." >&2; exit 1; }
done
phase "bench smoke run"
