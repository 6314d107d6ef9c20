#!/usr/bin/env bash
# Browser tests against the production build, on a database of their own: the whole suite on
# SQLite, then again on PostgreSQL when a server is there (TEST_POSTGRES_URL, which tests/run-all.sh
# sets after starting one): every spec that reads pages the app renders from the database runs on
# both; those about markup, layout and the on-disk cache (ENGINE_NEUTRAL in playwright.config.ts)
# run on SQLite only.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export E2E_DATABASE_URL="${E2E_DATABASE_URL:-file:./tests/.e2e/tracker.db}"
bash tests/ensure-browser.sh
# Builds only when a file the build reads changed since the last build (scripts/cli/build-app.ts).
npx tsx scripts/cli/build-app.ts

# One run of the suite on $1 (a database URL), reset, migrated and seeded by the app's own command.
run_suite() {
  local url="$1"
  shift
  # The app's data cache is kept on disk under the build; a run on another database must not see it.
  rm -rf "${NEXT_DIST_DIR:-.next}/cache/fetch-cache"
  DATABASE_URL="$url" npx tsx scripts/cli/db-reset.ts
  E2E_DATABASE_URL="$url" E2E_SKIP_ENGINE_NEUTRAL="${skip_neutral:-0}" npx playwright test "$@"
}

run_suite "$E2E_DATABASE_URL" "$@"
if [ -n "${TEST_POSTGRES_URL:-}" ] && [[ "$E2E_DATABASE_URL" != postgres* ]] && [ -z "${E2E_SQLITE_ONLY:-}" ]; then
  pg_url="${E2E_POSTGRES_URL:-${TEST_POSTGRES_URL%/*}/tracker_e2e}"
  echo "The browser suite again on PostgreSQL ($pg_url)…"
  npx tsx tests/servers/ensure-postgres-database.ts "$pg_url"
  skip_neutral=1 run_suite "$pg_url" "$@"
fi
