#!/usr/bin/env bash
# The whole suite: types, unit and integration tests (Vitest), browser tests (Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
npx tsc --noEmit
npx vitest run
bash tests/run-e2e.sh
