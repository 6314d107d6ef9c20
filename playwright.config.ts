import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_FRONT_PORT, E2E_FRONT_SECRET, E2E_HEALTH_TOKEN, E2E_PORT as PORT } from "./tests/e2e/ports";

const baseURL = `http://localhost:${PORT}`;
// The app mails alerts to a test SMTP server the alerts spec starts on this port. Chosen once
// in the runner; workers inherit it, so every process that loads this file agrees.
process.env.E2E_SMTP_PORT ??= String(20_000 + Math.floor(Math.random() * 20_000));
// Debian's Chromium where present (Playwright's own browsers cannot be downloaded here);
// elsewhere Playwright's bundled browser, after `npx playwright install chromium`.
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

// Specs that only read the shared database (or add only rows of their own that no spec counts: the
// signed-in axe sweep's account and subscription), or run a server and database of their own.
const READERS = [
  "visitor.spec.ts",
  "analyst.spec.ts",
  "search.spec.ts",
  "crash-recovery.spec.ts",
  "seed-reading.spec.ts",
  "reader-embeds.spec.ts",
  "accessibility-public.spec.ts",
  "accessibility.spec.ts",
];
// Specs about markup, layout and the on-disk data cache, which do not depend on the database engine:
// tests/run-e2e.sh runs them on SQLite only, so the PostgreSQL pass repeats only what the engine can change.
const ENGINE_NEUTRAL = [
  "accessibility.spec.ts",
  "accessibility-public.spec.ts",
  "lighthouse.spec.ts",
  "phone.spec.ts",
  "data-cache-bound.spec.ts",
  "html-cache.spec.ts",
  "compile-hints.spec.ts",
];
const skipEngineNeutral = process.env.E2E_SKIP_ENGINE_NEUTRAL === "1";

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  },
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  // Two workers for the readers; every other spec writes to the shared database (and may count its
  // rows or watch its cache), so those run after the readers, one at a time. New specs are writers.
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL,
    trace: "off",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "readers",
      testMatch: READERS,
      testIgnore: skipEngineNeutral ? ENGINE_NEUTRAL : [],
      use: chromium,
    },
    {
      name: "writers",
      testIgnore: skipEngineNeutral ? [...READERS, ...ENGINE_NEUTRAL] : READERS,
      dependencies: ["readers"],
      workers: 1,
      use: chromium,
    },
  ],
  webServer: {
    command: `npx next start -p ${PORT} -H localhost`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./tests/.e2e/tracker.db",
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
      PUBLIC_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: "1",
      // front.spec.ts puts a copy of deploy/nginx.conf in front with the same secret.
      FRONT_SECRET: E2E_FRONT_SECRET,
      // …and the app asks it for fresh copies after a write (nothing listens there outside that spec).
      FRONT_URL: `http://localhost:${E2E_FRONT_PORT}`,
      // data-cache-bound.spec.ts reads the cache's figures in the health details.
      HEALTH_TOKEN: E2E_HEALTH_TOKEN,
    },
  },
});
