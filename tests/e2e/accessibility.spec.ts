import { confirmedSubscription } from "./database";
import { createAccount, expect, logIn, test } from "./fixtures";
import { violations, WIDTHS } from "./axe";
import { ADMIN_PAGES, EDITOR_PAGES, LOCALES } from "./page-types";

/**
 * axe (WCAG 2.0–2.2 A and AA rules) on the signed-in pages and the alert pages, in both languages,
 * as a desktop and as a phone: no violation anywhere (the public pages and embeds:
 * accessibility-public.spec.ts). It adds only an account and a subscription of its own, so it runs
 * with the readers, one test per width on whichever worker is free.
 */
test.describe.configure({ mode: "parallel" });

for (const { name, viewport } of WIDTHS) {
  test.describe(`on a ${name}`, () => {
    test.use({ viewport });

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
