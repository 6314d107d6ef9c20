#!/usr/bin/env bash
# The multi-instance test (tests/multi/): two `next start` on one PostgreSQL and one Redis behind
# nginx round-robin (deploy/nginx-multi.conf). Uses the build tests/run-e2e.sh made; needs the
# PostgreSQL server (tests/servers/start-postgres.sh), Redis and nginx.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
PG_PORT="${PG_TEST_PORT:-55432}"
export MULTI_REDIS_PORT="${REDIS_TEST_PORT:-56379}"
set +e; bash tests/servers/start-redis.sh "$MULTI_REDIS_PORT"; redis_status=$?; set -e
if [ "$redis_status" = 3 ]; then echo "SKIPPING the multi-instance test: no Redis here and none can be installed (needs root and apt)." >&2; exit 0; fi
[ "$redis_status" = 0 ] || exit "$redis_status"
if ! command -v nginx >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then apt-get install -y nginx >/dev/null || { apt-get update >/dev/null && apt-get install -y nginx >/dev/null; }
  else echo "SKIPPING the multi-instance test: no nginx here (and no root with apt to install it)." >&2; exit 0; fi
fi
export MULTI_DATABASE_URL="postgresql://postgres@127.0.0.1:${PG_PORT}/tracker_multi"
export MULTI_REDIS_URL="redis://127.0.0.1:${MULTI_REDIS_PORT}"
psql_url="postgresql://postgres@127.0.0.1:${PG_PORT}/postgres"
node -e "const pg=require('pg');const c=new pg.Client('$psql_url');c.connect().then(()=>c.query('DROP DATABASE IF EXISTS tracker_multi WITH (FORCE)')).then(()=>c.query('CREATE DATABASE tracker_multi')).then(()=>c.end())"
DATABASE_URL="$MULTI_DATABASE_URL" npx tsx scripts/cli/db-reset.ts
redis-cli -p "$MULTI_REDIS_PORT" flushall >/dev/null
npx playwright test --config tests/multi/playwright.config.ts "$@"
