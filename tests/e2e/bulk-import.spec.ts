import { randomUUID } from "node:crypto";
import { e2eDatabase } from "./database";
import { createAccount, expect, logIn, test } from "./fixtures";

// An initiative and a figure of this spec's own (test data, made here and never seeded).
async function arrange() {
  const db = e2eDatabase();
  const event = await db.event.findFirstOrThrow({ select: { id: true }, orderBy: { id: "asc" } });
  const tag = randomUUID().slice(0, 6);
  const initiative = await db.initiative.create({
    data: {
      slug: `test-bulk-import-${tag}`,
      titleRu: `ТЕСТ: массовое обновление ${tag}`,
      titleEn: `Test bulk update ${tag}`,
      summaryRu: "Тестовые данные.",
      summaryEn: "Test data.",
      kind: "proposal",
      status: "proposed",
      eventId: event.id,
      meetingRelation: "outcome",
      themes: { create: [{ theme: "trade_investment" }] },
    },
    select: { id: true, slug: true, version: true },
  });
  await db.metric.create({
    data: { slug: `test-bulk-figure-${tag}`, initiativeId: initiative.id, nameRu: "Тест", nameEn: "Test figure", unitRu: "шт.", unitEn: "pcs" },
  });
  return { slug: initiative.slug, version: initiative.version, metric: `test-bulk-figure-${tag}` };
}

const file = (text: string) => ({ name: "update.csv", mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });

test("an editor uploads a spreadsheet, reads the dry run's table, corrects the file and applies it", async ({ page }) => {
  const { slug, version, metric } = await arrange();
  const editor = await createAccount("editor", "Bulk Editor");
  await logIn(page, editor);
  await page.getByRole("link", { name: "Bulk update from a spreadsheet" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bulk update from a spreadsheet" })).toBeVisible();

  const evidence = "https://example.org/test-report,Test report,2026-05-02";
  const header = "slug,version,status,stage,effective_on,metric_slug,value,observed_on,evidence_url,evidence_title,evidence_date";
  const good = [`${slug},${version},in_preparation,,2026-05-01,,,,${evidence}`, `${slug},${version},,,,${metric},"12,5",2026-04-30,${evidence}`];
  const form = page.getByRole("form", { name: "Upload a spreadsheet" });
  await form.getByLabel("CSV file").setInputFiles(file([header, ...good, `no-such-initiative-${slug},1,agreed,,2026-05-01,,,,${evidence}`].join("\n")));
  await form.getByLabel("Note (why)").fill("Test spreadsheet of the bulk import spec.");
  await form.getByRole("button", { name: "Dry run (check only)" }).click();

  // The problem is named by row and column, and takes the focus; the file and the note stay.
  const issues = page.getByRole("table", { name: "Problems (row, column, message)" });
  await expect(issues.getByRole("row").nth(1)).toContainText("4");
  await expect(issues.getByRole("row").nth(1)).toContainText("slug");
  await expect(issues.getByRole("row").nth(1)).toContainText("No initiative has this address name");
  await expect(issues.getByRole("row").nth(1)).toBeFocused();
  await expect(form.getByRole("alert")).toContainText("Nothing was written");
  await expect(form.getByLabel("Note (why)")).toHaveValue("Test spreadsheet of the bulk import spec.");
  await expect(form.getByLabel("CSV file")).toHaveValue(/update\.csv$/);

  await form.getByLabel("CSV file").setInputFiles(file([header, ...good].join("\n")));
  await form.getByRole("button", { name: "Dry run (check only)" }).click();
  await expect(form.getByRole("status")).toContainText("Dry run: all 2 rows can be applied. Nothing was written.");
  const rows = page.getByRole("table", { name: "Rows" });
  await expect(rows.getByRole("row").nth(1)).toContainText("status changed");
  await expect(rows.getByRole("row").nth(2)).toContainText("reading added");
  expect((await e2eDatabase().initiative.findUniqueOrThrow({ where: { slug }, select: { version: true } })).version).toBe(version);

  await form.getByRole("button", { name: "Apply all rows" }).click();
  await expect(form.getByRole("status")).toContainText("Applied: 2 rows written in one go.");
  await expect(rows.getByRole("row").nth(2)).toContainText(String(version + 2));

  // The public page shows the change, with the upload's note in its history.
  await page.context().clearCookies();
  await page.goto(`/en/initiatives/${slug}`);
  await expect(page.locator("section", { has: page.locator("#history") })).toContainText("Test spreadsheet of the bulk import spec.");
  await expect(page.getByText("In preparation").first()).toBeVisible();
});
