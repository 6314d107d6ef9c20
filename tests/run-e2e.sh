#!/usr/bin/env bash
# Browser tests against the production build, on a database of their own.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export E2E_DATABASE_URL="${E2E_DATABASE_URL:-file:./tests/.e2e/tracker.db}"
bash tests/ensure-browser.sh
DATABASE_URL="$E2E_DATABASE_URL" npx tsx scripts/cli/db-reset.ts
npx next build
npx playwright test "$@"
