import { spawnSync } from "node:child_process";
import { createSession, SESSION_COOKIE } from "../../lib/auth/sessions";
import { e2eDatabase } from "./database";
import { createAccount, expect, test } from "./fixtures";

/**
 * `npm run audit:lighthouse` (scripts/cli/audit-lighthouse.ts) against the app the suite runs, in one
 * browser: as a desktop on the pages issue 14 added (compare, scorecards and their methodology,
 * reports, a theme, the feed explainer, search, the embeds) and the heaviest public pages, and as a
 * phone (Lighthouse's simulated mid-range phone) on the public pages that cost a phone the most: the
 * dashboard, the initiative page with its forms, the countries matrix, the longest source and a theme
 * with its follow form, and issue 14's compare, scorecard, methodology, report and embed pages. Every category scores 95 or more (a performance score below it is the median
 * of three runs), but the longest source's performance as a phone (below). The command retries only Lighthouse's own "run again" failures (decision 049).
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
  "/embed/initiatives/ai-declaration?lang=en",
  "/embed/countries/KZ",
];

const PHONE_PAGES = [
  "/en",
  "/en/initiatives/water-use-framework-convention",
  "/en/countries",
  "/en/sources/1",
  "/en/themes/water_environment",
  // Pages issue 14 added (97–100 as a phone at rest, 2026-12-02).
  "/en/compare?i=water-use-framework-convention&i=ai-declaration",
  "/en/scorecards/KZ",
  "/scorecards/methodology",
  "/en/reports/countries/KZ",
  "/embed/initiatives/ai-declaration?lang=en",
];
// The longest source as a phone scores 97–99 at rest but 90–97 (median 93) whenever the machine is
// busy: React hydrates its whole 190 kB document in one task (425 ms of React DOM at CPU benchmark
// 830; total blocking time 370–410 ms). Its performance is guarded at 90 until that document is
// hydrated in parts (decision 049); its other categories, and every other page, at 95.
const PHONE_PERFORMANCE_MIN = "/en/sources/1=90";

test("Lighthouse scores 95 or more in every category on the new and the heaviest pages, as a desktop and as a phone", async ({ baseURL }) => {
  test.setTimeout(600_000);
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
      "--mobile-pages",
      PHONE_PAGES.join(","),
      "--phone-performance-min",
      PHONE_PERFORMANCE_MIN,
      "--cookie",
      `${SESSION_COOKIE}=${token}`,
      "--debug-port",
      String(Number(new URL(baseURL!).port) + 42),
    ],
    { encoding: "utf8", timeout: 590_000 },
  );
  const output = `${run.stdout}\n${run.stderr}`;
  for (const page of PAGES) expect(output).toContain(`| ${page} | desktop |`);
  for (const page of PHONE_PAGES) expect(output).toContain(`| ${page} | mobile |`);
  expect(run.status, output).toBe(0);
  const audits = PAGES.length + PHONE_PAGES.length;
  expect(output).toContain(`${audits} of ${audits} audits at 95 or more in every category (/en/sources/1 as a phone: performance 90).`);
});
