import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";

test("an analyst searches, filters by country, opens the matrix, and exports exactly the rows on screen", async ({ page }) => {
  await page.goto("/en/initiatives");
  await page.getByLabel("Search", { exact: true }).fill("стратегии");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=%D1%81/);
  const table = page.getByTestId("initiative-table");
  await expect(table.locator("mark").first()).toBeVisible();
  const searched = await table.locator("tbody tr").count();
  expect(searched).toBeGreaterThan(1);

  await page
    .getByRole("group", { name: "Country", exact: true })
    .getByRole("checkbox", { name: /^Kazakhstan \(\d+\)$/ })
    .check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/country=KZ/);
  const slugs = await table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-slug")));
  expect(slugs.length).toBeGreaterThan(0);
  expect(slugs.length).toBeLessThanOrEqual(searched);
  await expect(page.getByTestId("result-count")).toHaveText(new RegExp(`^${slugs.length} initiative`));

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "CSV" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^initiatives-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const [header, ...rows] = csv.trim().split("\r\n");
  expect(header!.split(",")[0]).toBe("slug");
  expect(rows.map((row) => row.split(",")[0])).toEqual(slugs);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Countries" }).click();
  await expect(page).toHaveURL(/\/en\/countries$/);
  const matrix = page.getByTestId("country-matrix");
  await expect(matrix.getByRole("columnheader", { name: /Kazakhstan/ })).toBeVisible();
  await expect(matrix.getByRole("row", { name: /State border treaty|border treaty/i }).first()).toContainText(/Signed/);
  // On a desktop the table is always open: no line to open it by.
  await expect(page.getByText("Show the table", { exact: true })).toBeHidden();
});

test("'what changed since' lists real changes after a date, not what was imported from the articles", async ({ page }) => {
  await page.goto("/en/changes?since=2000-01-01");
  // The seed's entries are the starting point: they are neither counted nor listed as changes.
  await expect(page.getByTestId("changes-summary")).toHaveText(/^(No changes|\d+ changes? in \d+ initiatives?) since January 1, 2000\.$/);
  await expect(page.getByText(/What was imported from the source articles is the starting point/)).toBeVisible();
  await expect(page.getByTestId("imported-entry")).toHaveCount(0);
  // Its download holds the same entries: none of the imported ones; at least as many as the page counts
  // (the writers' specs, running meanwhile, may add some).
  const listed = Number((await page.getByTestId("changes-summary").textContent())?.match(/^(\d+) change/)?.[1] ?? 0);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "JSON", exact: true }).click();
  const file = JSON.parse(await readFile((await (await download).path())!, "utf8")) as { rows: { author: string | null }[] };
  expect(file.rows.length).toBeGreaterThanOrEqual(listed);
  expect(file.rows.filter((row) => !row.author)).toHaveLength(0);
  await page.goto("/en/changes?since=2999-01-01");
  await expect(page.getByTestId("changes-summary")).toHaveText("No changes since January 1, 2999.");
});

test("the search page finds article passages and quotes and links to them", async ({ page }) => {
  await page.goto("/en/search?q=водной");
  const results = page.getByTestId("search-results");
  await expect(results.locator('li[data-kind="passage"]').first()).toBeVisible();
  // «водной» also finds the compound «водопользованию» (lib/search/synonyms.json).
  await expect(results.locator("mark").first()).toHaveText(/^вод/i);
  const link = results
    .locator('li[data-kind="quote"]')
    .first()
    .getByRole("link", { name: /In the source/ });
  await link.click();
  await expect(page).toHaveURL(/\/en\/sources\/\d+#quote-\d+$/);
});

test("the open data API documents itself in both languages and answers bad parameters with JSON", async ({ page, request }) => {
  for (const [path, heading] of [
    ["/api-docs", /API/],
    ["/en/api-docs", /API/],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  }
  const bad = await request.get("/api/v1/initiatives?status=finished&pageSize=1000");
  expect(bad.status()).toBe(400);
  expect(bad.headers()["content-type"]).toContain("application/json");
  const body = await bad.json();
  expect(body.details.map((detail: { parameter: string }) => detail.parameter).sort()).toEqual(["pageSize", "status"]);
  const openapi = await request.get("/api/v1/openapi.json");
  expect((await openapi.json()).openapi).toMatch(/^3\.1\./);
});
