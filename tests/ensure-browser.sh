#!/usr/bin/env bash
# Makes a Chromium available to Playwright: Debian's package where we are root with apt
# (Playwright cannot download its own browsers on these machines), otherwise whatever
# `npx playwright install chromium` put in Playwright's cache.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] || [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "No system Chromium and no root apt: using Playwright's own browser (install it once with: npx playwright install chromium)."
