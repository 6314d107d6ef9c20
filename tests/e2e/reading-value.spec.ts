import { expect, logIn, test } from "./fixtures";

/**
 * A reading typed with a decimal comma once saved 125 for "12,5" (issue 11): the form shows the
 * number it will save, in the page's language, before the editor saves.
 */
test("the reading field shows what it will save in the page's number format, 12,5 meaning 12.5", async ({ page, admin }) => {
  await logIn(page, admin);
  for (const { path, label, typed, shown } of [
    { path: "/en/initiatives/intra-regional-trade-20bn", label: /^New reading/, typed: "12,5", shown: "Will be saved as 12.5" },
    { path: "/en/initiatives/intra-regional-trade-20bn", label: /^New reading/, typed: "1,234.5", shown: "Will be saved as 1,234.5" },
    { path: "/initiatives/intra-regional-trade-20bn", label: /^Новое значение/, typed: "12.5", shown: "Будет сохранено как 12,5" },
  ]) {
    await page.goto(path);
    const field = page.getByLabel(label).first();
    await field.fill(typed);
    await expect(page.getByText(shown, { exact: true }).first()).toBeVisible();
  }
});
