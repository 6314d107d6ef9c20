#!/usr/bin/env bash
# The whole suite: types and lint, unit and integration tests (Vitest), browser tests (Playwright),
# and the benchmark's smoke run.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
npx tsc --noEmit
npx eslint .
npx vitest run
bash tests/run-e2e.sh
# The benchmark's smoke run: proves `npm run bench` works (tiny data, seconds); asserts nothing about speed.
npm run bench -- --smoke
