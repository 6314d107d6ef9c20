import { spawnSync } from "node:child_process";
import { createSession, SESSION_COOKIE } from "../../lib/auth/sessions";
import { e2eDatabase } from "./database";
import { createAccount, expect, test } from "./fixtures";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * `npm run audit:lighthouse` (scripts/cli/audit-lighthouse.ts) against the app the suite runs, in one
 * browser: as a desktop on the pages issue 14 added (compare, scorecards and their methodology,
 * reports, a theme, the feed explainer, search, the embeds, the editor's scoring page) and the
 * heaviest pages, and as a phone on every page issue 14 added but the alert pages, and on the older
 * public pages that cost a phone the most (the dashboard, the initiative page with its forms, the
 * countries matrix, the longest source).
 * Every category scores 95 or more, as a phone too, but for the older pages' performance (below); a
 * performance under its minimum is the median of three runs. The command retries only Lighthouse's
 * own "run again" failures (decision 049).
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
  "/en/editor/scores/ai-declaration/KZ",
  "/embed/initiatives/ai-declaration?lang=en",
  "/embed/countries/KZ",
];

// As a phone, every page issue 14 added (its "Done when": 95 or more in every category on desktop and
// phone for every new page) but the alert pages, which are noindex by design (decision 060)…
const NEW_PHONE_PAGES = [
  "/en/themes",
  "/en/themes/water_environment",
  "/en/compare?i=water-use-framework-convention&i=ai-declaration",
  "/en/scorecards",
  "/en/scorecards/KZ",
  "/scorecards/methodology",
  "/en/reports/initiatives?theme=water_environment",
  "/en/reports/countries/KZ",
  "/en/feed/countries/KZ",
  "/embed/initiatives/ai-declaration?lang=en",
  "/embed/countries/KZ",
  // The editor's scoring page, with the admin's session: 98–100 in six runs here on 2026-12-05.
  "/en/editor/scores/ai-declaration/KZ",
];
// …and the older public pages that cost a phone the most, guarded against a regression at a floor
// of 90 in performance (decision 060): the project's CI measured them at medians of 93 (TBT 270–320
// ms) where this host gives 95–98, and the 95 is for its new pages.
const OLDER_PHONE_PAGES = ["/en", "/en/initiatives/water-use-framework-convention", "/en/countries", "/en/sources/1"];
const OLDER_PHONE_FLOOR = 90;
const PHONE_PAGES = [...NEW_PHONE_PAGES, ...OLDER_PHONE_PAGES];
// The phone is the one Lighthouse's 4x slowdown makes of a host of CPU benchmark 1,533 (the anchor
// of the calculator Lighthouse's docs link to), whatever this host's speed: the slowdown follows a
// benchmark measured before each run (decision 053). Public pages are audited as the anonymous
// readers who read them (the session cookie goes to the editor's and admin's pages only), whose shared copy loads
// its scripts after the first paint (decision 058).
const PHONE_HOST_BENCHMARK = "1533";

test("Lighthouse scores 95 or more in every category on the new and the heaviest pages as a desktop, and as a phone calibrated to the host (the older pages' phone performance at 90)", async ({
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
      "--phone-performance-min",
      OLDER_PHONE_PAGES.map((page) => `${page}=${OLDER_PHONE_FLOOR}`).join(","),
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
  const floors = OLDER_PHONE_PAGES.map((page) => `${page} as a phone: performance ${OLDER_PHONE_FLOOR}`).join(", ");
  expect(output).toContain(`${audits} of ${audits} audits at 95 or more in every category (${floors}).`);
  // Every phone run had its slowdown set from the benchmark measured just before it.
  for (const page of PHONE_PAGES) expect(output).toMatch(new RegExp(`^${escapeRegExp(page)} +mobile .*\\(CPU slowdown [0-9.]+x at [0-9]+`, "m"));
});
