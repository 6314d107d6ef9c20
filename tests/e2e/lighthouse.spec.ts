import { spawnSync } from "node:child_process";
import { createSession, SESSION_COOKIE } from "../../lib/auth/sessions";
import { e2eDatabase } from "./database";
import { createAccount, expect, test } from "./fixtures";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * `npm run audit:lighthouse` (scripts/cli/audit-lighthouse.ts) against the app the suite runs, in one
 * browser: as a desktop on the pages issue 14 added (compare, scorecards and their methodology,
 * reports, a theme, the feed explainer, search, the embeds) and the heaviest public pages, and as a
 * phone on the public pages that cost a phone the most: the dashboard, the initiative page with its
 * forms, the countries matrix, the longest source and a theme with its follow form, and issue 14's
 * compare, scorecard, methodology, report and embed pages. Every category scores 95 or more, as a
 * phone too (below); a performance under 95 is the median of three runs. The
 * command retries only Lighthouse's own "run again" failures (decision 049).
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
  // Pages issue 14 added.
  "/en/compare?i=water-use-framework-convention&i=ai-declaration",
  "/en/scorecards/KZ",
  "/scorecards/methodology",
  "/en/reports/countries/KZ",
  "/embed/initiatives/ai-declaration?lang=en",
];
// The phone is the one Lighthouse's 4x slowdown makes of a host of CPU benchmark 1,533 (the anchor
// of the calculator Lighthouse's docs link to), whatever this host's speed: the slowdown follows a
// benchmark measured before each run (decision 053). Public pages are audited as the anonymous
// readers who read them (the session cookie goes to the editor's desk only), whose shared copy loads
// its scripts after the first paint (decision 058): 97–100 in performance there, medians of three,
// two passes on 2026-12-03, against 92–99 before. Guarded at issue 14's 95, like every other category.
const PHONE_HOST_BENCHMARK = "1533";

test("Lighthouse scores 95 or more in every category on the new and the heaviest pages as a desktop, and as a phone calibrated to the host", async ({
  baseURL,
}) => {
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
      "--phone-host-benchmark",
      PHONE_HOST_BENCHMARK,
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
  expect(output).toContain(`${audits} of ${audits} audits at 95 or more in every category.`);
  // Every phone run had its slowdown set from the benchmark measured just before it.
  for (const page of PHONE_PAGES) expect(output).toMatch(new RegExp(`^${escapeRegExp(page)} +mobile .*\\(CPU slowdown [0-9.]+x at [0-9]+`, "m"));
});
