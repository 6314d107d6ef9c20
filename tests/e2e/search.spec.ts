import { expect, test } from "@playwright/test";

test("the list ranks initiatives matching every word first and labels those matching only some", async ({ page }) => {
  await page.goto(`/initiatives?q=${encodeURIComponent("водная конвенция")}`);
  const rows = page.getByTestId("initiative-table").locator("tbody tr");
  await expect(rows.first()).toHaveAttribute("data-slug", "water-use-framework-convention");
  await expect(rows.first().getByTestId("partial-match")).toHaveCount(0);
  await expect(page.getByTestId("match-summary")).toHaveText(/Все слова запроса: \d+; часть слов: \d+\./);
  await expect(rows.last().getByTestId("partial-match")).toHaveText("Совпадает часть слов запроса (1 из 2)");

  // The English examples: a US spelling and a word no text uses.
  await page.goto(`/en/initiatives?q=${encodeURIComponent("rare earth center")}`);
  await expect(rows.first()).toHaveAttribute("data-slug", "rare-earth-research-centre");
  await page.goto(`/en/initiatives?q=${encodeURIComponent("trade target")}`);
  await expect(rows.first()).toHaveAttribute("data-slug", "intra-regional-trade-20bn");
  await expect(rows.first().getByTestId("partial-match")).toHaveText("Matches some of your words (1 of 2)");
});

test("a misspelt query that finds nothing offers the corrected one, which finds the initiative", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("рамчная конвецния")}`);
  const suggestion = page.getByTestId("did-you-mean");
  await expect(suggestion).toHaveText("Возможно, вы имели в виду рамочная конвенция?");
  await suggestion.getByRole("link").click();
  await expect(page.locator("#search-q")).toHaveValue("рамочная конвенция");
  await expect(page.getByTestId("search-results")).toContainText("Рамочная конвенция Центральной Азии по водопользованию");

  await page.goto(`/en/initiatives?q=${encodeURIComponent("Azerbaijn")}`);
  await page.getByTestId("did-you-mean").getByRole("link", { name: "Azerbaijan" }).click();
  await expect(page.getByTestId("initiative-table").locator("tbody tr").first()).toHaveAttribute("data-slug", "azerbaijan-full-participant");
});

test("a passage found by /search opens the source at that passage, marked", async ({ page }) => {
  await page.goto(`/en/search?q=${encodeURIComponent("узловой точкой на карте пересечения интересов")}`);
  const hit = page.getByTestId("search-results").locator('li[data-kind="passage"]').first();
  const words = (await hit.locator("mark").allTextContents()).map((word) => word.toLowerCase());
  expect(words.length).toBeGreaterThan(0);
  await hit.getByRole("link", { name: /In the source/ }).click();
  await expect(page).toHaveURL(/\/en\/sources\/\d+#passage-\d+$/);
  const passage = page.locator(":target");
  await expect(passage).toHaveCount(1);
  await expect(passage).toBeInViewport();
  await expect(passage).toHaveCSS("outline-style", "solid");
  await expect(passage).toContainText("Центральная Азия становится узловой точкой на карте пересечения интересов");
  // The passage is far down a long article: the page was scrolled to it, not left at its top.
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
});
