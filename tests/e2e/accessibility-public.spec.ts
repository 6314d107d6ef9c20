import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { violations, WCAG, WIDTHS } from "./axe";
import { EMBEDS, LOCALES, PUBLIC_PAGES } from "./page-types";

/**
 * axe (WCAG 2.0–2.2 A and AA rules) on every public page type and embed, in both languages, as a
 * desktop (1280 px) and as a phone (390 px, where the tables are cards and the panels fold): no
 * violation anywhere; on the phone, in the same load, no page scrolls sideways (the signed-in
 * pages: accessibility.spec.ts and phone.spec.ts). Only reads, so it runs with the readers, one
 * test per width and language on whichever worker is free.
 */
test.describe.configure({ mode: "parallel" });

for (const { name, viewport } of WIDTHS) {
  test.describe(`on a ${name}`, () => {
    test.use({ viewport });

    for (const locale of LOCALES) {
      test(`public pages ${name === "phone" ? "fit a 390 px screen and " : ""}have no axe violations (${name}, ${locale || "/"})`, async ({ page }) => {
        test.setTimeout(180_000);
        const found: string[] = [];
        for (const path of PUBLIC_PAGES) found.push(...(await violations(page, `${locale}${path}`, { fits: name === "phone" })));
        expect(found).toEqual([]);
      });
    }

    // Framed by other sites, which may give them a phone's width; the language is ?lang.
    test(`embeds ${name === "phone" ? "fit a 390 px screen and " : ""}have no axe violations (${name})`, async ({ page }) => {
      const found: string[] = [];
      for (const path of EMBEDS) found.push(...(await violations(page, path, { fits: name === "phone" })));
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
