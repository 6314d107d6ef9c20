#!/usr/bin/env bash
# The whole suite: types, unit and integration tests (Vitest), browser tests (Playwright),
# and the benchmark's smoke run.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
npx tsc --noEmit
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
npx vitest run
# The integration suite again on PostgreSQL (the unit tests touch no database).
if [ -n "${TEST_POSTGRES_URL:-}" ]; then TEST_DATABASE_PROVIDER=postgres npx vitest run tests/integration; fi
bash tests/run-e2e.sh
# Two instances on PostgreSQL and Redis behind nginx (uses the build run-e2e.sh made).
if [ -n "${TEST_POSTGRES_URL:-}" ]; then bash tests/run-multi.sh; fi
# The benchmark's smoke run: proves `npm run bench` works (tiny data, seconds); asserts nothing about speed.
npm run bench -- --smoke
