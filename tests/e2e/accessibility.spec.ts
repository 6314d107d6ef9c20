import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { confirmedSubscription } from "./database";
import { createAccount, expect, logIn, test } from "./fixtures";
import { ADMIN_PAGES, EDITOR_PAGES, EMBEDS, LOCALES, PUBLIC_PAGES } from "./page-types";

/**
 * axe (WCAG 2.0–2.2 A and AA rules) on every page type, in both languages, as a desktop (1280 px)
 * and as a phone (390 px, where the tables are cards and the panels fold): no violation anywhere.
 */
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const WIDTHS = [
  { name: "desktop", viewport: { width: 1280, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

async function violations(page: Page, path: string): Promise<string[]> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return results.violations.map(
    (violation) =>
      `${path} ${violation.id}: ${violation.nodes
        .map((node) => node.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
}

for (const { name, viewport } of WIDTHS) {
  test.describe(`on a ${name}`, () => {
    test.use({ viewport });

    test(`public pages and embeds have no axe violations (${name})`, async ({ page }) => {
      test.setTimeout(240_000);
      const found: string[] = [];
      for (const locale of LOCALES) for (const path of PUBLIC_PAGES) found.push(...(await violations(page, `${locale}${path}`)));
      for (const path of EMBEDS) found.push(...(await violations(page, path)));
      expect(found).toEqual([]);
    });

    test(`the editor's and admin's pages and the alert pages have no axe violations (${name})`, async ({ page }) => {
      test.setTimeout(180_000);
      await logIn(page, await createAccount("admin", `Axe Admin ${name}`));
      const token = await confirmedSubscription("axe");
      const found: string[] = [];
      for (const locale of LOCALES) {
        for (const path of [...EDITOR_PAGES, ...ADMIN_PAGES, `/alerts/${token}`]) found.push(...(await violations(page, `${locale}${path}`)));
      }
      expect(found).toEqual([]);
    });
  });
}

test("with the phone's menu and filter panel open, the list has no axe violations", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/en/initiatives?country=KZ");
  // The site menu comes first in the page, the filter panel second.
  await page.locator("details.fold-narrow summary").first().click();
  await page.locator("details.fold-narrow summary").nth(1).click();
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
});
