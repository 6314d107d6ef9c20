import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * Two app instances on one PostgreSQL and one Redis, behind nginx round-robin
 * (deploy/nginx-multi.conf). tests/run-multi.sh prepares the database and the servers, and
 * builds nothing: it uses the build the browser tests made.
 */
export const MULTI = {
  a: Number(process.env.MULTI_PORT_A ?? 3341),
  b: Number(process.env.MULTI_PORT_B ?? 3342),
  nginx: Number(process.env.MULTI_PORT_NGINX ?? 3348),
};
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
/** Shows /api/health's details (engine, cache) to the test (test data). */
export const MULTI_HEALTH_TOKEN = "multi-instance-health-token-test-only";
const env = {
  DATABASE_URL: process.env.MULTI_DATABASE_URL ?? "",
  REDIS_URL: process.env.MULTI_REDIS_URL ?? "",
  HEALTH_TOKEN: MULTI_HEALTH_TOKEN,
  NEXT_TELEMETRY_DISABLED: "1",
};
const instance = (port: number) => ({
  command: `npx next start -p ${port} -H localhost`,
  // The project, not this folder (Playwright's default): tests/run-multi.sh runs from there.
  cwd: process.cwd(),
  url: `http://localhost:${port}/api/health`,
  reuseExistingServer: false,
  timeout: 60_000,
  env,
});

export default defineConfig({
  testDir: ".",
  testMatch: /multi-instance\.spec\.ts/,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  timeout: 90_000,
  globalSetup: "./nginx-setup.ts",
  use: {
    baseURL: `http://localhost:${MULTI.nginx}`,
    trace: "off",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumPath,
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        },
      },
    },
  ],
  webServer: [instance(MULTI.a), instance(MULTI.b)],
});
