import { spawnSync } from "node:child_process";
import { createSession, SESSION_COOKIE } from "../../lib/auth/sessions";
import { e2eDatabase } from "./database";
import { createAccount, expect, test } from "./fixtures";

/**
 * `npm run audit:lighthouse` (scripts/cli/audit-lighthouse.ts) as a desktop on the pages issue 14
 * added (compare, scorecards and their methodology, reports, a theme, the feed explainer, search) and
 * the heaviest public pages, against the app the suite runs: every category scores 95 or more. The
 * command retries only Lighthouse's own "run again" failures. The phone form is not asserted: its
 * performance is not yet at 95 on every page (README, "Accessibility and Lighthouse"; decision 042).
 */
const PAGES = [
  "/en/initiatives",
  "/initiatives/water-use-framework-convention",
  "/en/countries",
  "/en/compare?i=water-use-framework-convention&i=ai-declaration",
  "/en/scorecards/KZ",
  "/scorecards/methodology",
  "/en/reports/initiatives?theme=water_environment",
  "/en/themes/water_environment",
  "/en/feed/countries/KZ",
  "/search?q=%D0%B2%D0%BE%D0%B4%D0%B0",
  "/en/editor",
];

test("Lighthouse scores 95 or more in every category on the new and the heaviest pages, as a desktop", async ({ baseURL }) => {
  test.setTimeout(420_000);
  const admin = await createAccount("admin", "Lighthouse Admin");
  const { token } = await createSession(e2eDatabase(), admin.id);
  const run = spawnSync(
    "npx",
    [
      "tsx",
      "scripts/cli/audit-lighthouse.ts",
      "--url",
      baseURL!,
      "--pages",
      PAGES.join(","),
      "--form",
      "desktop",
      "--cookie",
      `${SESSION_COOKIE}=${token}`,
      "--debug-port",
      String(Number(new URL(baseURL!).port) + 42),
    ],
    { encoding: "utf8", timeout: 410_000 },
  );
  const output = `${run.stdout}\n${run.stderr}`;
  for (const page of PAGES) expect(output).toContain(`| ${page} | desktop |`);
  expect(run.status, output).toBe(0);
  expect(output).toContain(`${PAGES.length} of ${PAGES.length} audits at 95 or more in every category.`);
});
