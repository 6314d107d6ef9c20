import { expect, test } from "@playwright/test";

test("the list filters to the meeting's outcomes and shows the rest as context", async ({ page }) => {
  await page.goto("/en/initiatives?pageSize=100");
  const table = page.getByTestId("initiative-table");
  const semey = table.locator('tr[data-slug="semey-chip-electronics-production"]');
  await expect(semey.locator('[data-relation="background"]')).toHaveText("Background");
  await expect(table.locator('tr[data-slug="china-europe-corridor-capacity"] [data-relation]')).toHaveText("Bilateral visit");
  await expect(table.locator('tr[data-slug="border-junction-point-treaty"] [data-relation]')).toHaveText("Welcomed at the meeting");
  const everything = await table.locator("tbody tr").count();

  await page.getByLabel("Relation to the meeting", { exact: true }).selectOption("outcome");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/relation=outcome/);
  const rows = table.locator("tbody tr");
  const outcomes = await rows.count();
  expect(outcomes).toBeGreaterThan(0);
  expect(outcomes).toBeLessThan(everything);
  await expect(table.locator('[data-relation]:not([data-relation="outcome"])')).toHaveCount(0);
  await expect(page.getByTestId("result-count")).toHaveText(new RegExp(`^${outcomes} initiatives`));
  await expect(table.locator('tr[data-slug="semey-chip-electronics-production"]')).toHaveCount(0);
});

test("every quote says who says it; a status resting only on experts says so", async ({ page }) => {
  await page.goto("/en/initiatives/eurasian-transport-logistics-system");
  await expect(page.getByTestId("expert-only")).toHaveText(/rests only on experts' words/);
  const evidence = page.locator("section", { has: page.getByRole("heading", { name: "Evidence" }) });
  await expect(evidence.locator('[data-speaker="expert"]').first()).toContainText("According to Rustem Mustafin (expert)");
  await expect(evidence.locator('[data-speaker="expert"]').first()).toContainText("подчеркнул Рустем Мустафин");
  await expect(page.getByText("Bilateral visit").first()).toBeVisible();

  await page.goto("/en/initiatives/ai-declaration");
  await expect(page.getByTestId("expert-only")).toHaveCount(0);
  const aiEvidence = page.locator("section", { has: page.getByRole("heading", { name: "Evidence" }) });
  const items = aiEvidence.locator("li");
  const speakers = aiEvidence.locator("[data-speaker]");
  await expect(speakers).toHaveCount(await items.count());
  await expect(aiEvidence.locator('[data-speaker="official"]').first()).toContainText("According to Kassym-Jomart Tokayev (official)");
  await expect(aiEvidence.locator('[data-speaker="narrator"]').first()).toHaveText("In the article's own words");
  await expect(page.getByRole("link", { name: "Turkmenistan" })).toBeVisible();
});

test("Turkmenistan's page shows its attendance with the quote that names it", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/en/countries/TM");
  const attendance = page.getByTestId("attendance");
  await expect(attendance).toContainText("Seventh Consultative Meeting of the Leaders of Central Asia, Tashkent");
  await expect(attendance.locator("blockquote")).toContainText("Туркменистана");
  await expect(attendance.getByRole("link", { name: "Open in the source" })).toHaveAttribute("href", /\/en\/sources\/\d+#quote-\d+/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("signed documents without named signatories, and a candidate apart from its supporters", async ({ page }) => {
  await page.goto("/en/initiatives/regional-security-concept");
  await expect(page.getByText("Signatories not named in the source.")).toBeVisible();
  await expect(page.getByText("The sources name no country for this initiative.")).toHaveCount(0);
  await page.goto("/en/initiatives/kyrgyzstan-unsc-candidacy-support");
  await expect(page.getByRole("row", { name: /Kyrgyzstan/ })).toContainText("Candidate");
  await page.goto("/initiatives/kyrgyzstan-unsc-candidacy-support");
  await expect(page.getByRole("row", { name: /Кыргызстан/ })).toContainText("Кандидат");
});

test("the list and an initiative page fit a 390 px screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/en/initiatives", "/initiatives/us-route-kazakhstan-support"]) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
  }
});

test("dates a reader can trust: imported entries dated by the source, the meeting's date as the texts give it", async ({ page }) => {
  await page.goto("/en/initiatives/ai-declaration");
  const imported = page.getByTestId("imported-entry");
  await expect(imported).toHaveCount(1);
  await expect(imported).toContainText("Imported from the source articles · Effective: date unknown (the sources do not say)");
  await expect(imported).not.toContainText("Recorded");

  await page.goto("/en");
  const dates = page.getByTestId("dashboard-dates");
  await expect(dates).toContainText("When the meeting took place");
  await expect(dates).toContainText("not stated in the texts; the earliest article about it is dated November 17, 2025 (by a metadata line above its text)");
  await expect(dates).toContainText("Last change");
  await expect(page.getByTestId("dashboard-intro")).toContainText(
    "of the Seventh Consultative Meeting of the Leaders of Central Asia: outcomes of the meeting",
  );
  await expect(page.getByTestId("dashboard-intro")).toContainText(/\d+ more entries give context/);
  // The imported entries are not counted on the day the database was built.
  await expect(page.getByTestId("undated-imports")).toContainText("entries imported from the source articles are not shown: the sources do not date them.");

  await page.getByRole("link", { name: "The meeting's outcomes" }).click();
  await expect(page).toHaveURL(/relation=outcome/);

  await page.goto("/en/sources/1");
  await expect(page.getByTestId("source-published")).toContainText("from a metadata line above the text, not a dateline printed by the outlet");
});

test("a figure's chart names its baseline in the interface's language; the period the source states is glossed in its table", async ({ page }) => {
  await page.goto("/en/targets");
  const chart = page.getByRole("img", { name: /^Bilateral intra-regional trade volume over time/ });
  const axisLabels = chart.locator("g[data-kind] text:last-of-type");
  await expect(axisLabels.first()).toHaveText("Baseline");
  // The labels under the axis never run into each other.
  const spans = await axisLabels.evaluateAll((texts) => texts.map((text) => text.getBoundingClientRect()).map((box) => [box.left, box.right] as const));
  for (let index = 1; index < spans.length; index++) expect(spans[index]![0]).toBeGreaterThanOrEqual(spans[index - 1]![1]);
  const figure = page.locator("figure", { has: chart });
  await figure.getByText("Data as a table").click();
  await expect(figure.getByRole("table")).toContainText("в прошлом году (“last year”)");
});
