import { readFileSync } from "node:fs";
import path from "node:path";
import { createAccount, expect, logIn, test } from "./fixtures";

// Test articles (invented, marked as test data in their text), never seeded.
const FIXTURES = path.join(import.meta.dirname, "../fixtures/sources");

test("an editor uploads a web page, checks the extracted text, saves it, corrects a detail, and the public sees it", async ({ page, browser }) => {
  const editor = await createAccount("editor", "Intake Editor");
  await logIn(page, editor);
  await page.getByRole("link", { name: "Add a source" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a source" })).toBeVisible();

  // Details first: a refused file must not lose them.
  await page.getByLabel("Outlet").fill("Test outlet");
  await page.getByLabel("Kind").selectOption("news_report");
  await page.getByLabel("Upload a file").check();

  const file = page.getByLabel("File", { exact: true });
  await file.setInputFiles(path.join(FIXTURES, "encrypted.pdf"));
  await page.getByRole("button", { name: "Extract the text" }).click();
  // The message shows by the field and in the form's status.
  await expect(page.getByText("This PDF is encrypted: remove the password or paste the text instead.").first()).toBeVisible();
  await expect(file).toBeFocused();
  await file.setInputFiles({ name: "picture.txt", mimeType: "text/plain", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]) });
  await page.getByRole("button", { name: "Save the source" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This type of file is not supported" })).toBeVisible();
  await expect(page.getByLabel("Outlet")).toHaveValue("Test outlet");

  await file.setInputFiles(path.join(FIXTURES, "follow-up-ru.html"));
  await page.getByRole("button", { name: "Extract the text" }).click();
  const preview = page.getByTestId("source-preview");
  await expect(preview).toContainText("Эксперты обсудили проект конвенции о водопользовании");
  await expect(preview).not.toContainText("Курс валют");
  // The page's own title is offered when none was typed.
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("ТЕСТ: Водная встреча в Бишкеке");
  await page.getByLabel("Publication date").fill("2026-03-02");
  await page.getByRole("button", { name: "Save the source" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Source saved." })).toBeVisible();
  await page.getByRole("link", { name: "Open the new source" }).click();
  await expect(page).toHaveURL(/\/en\/sources\/\d+$/);
  const sourceUrl = page.url();

  // The same text pasted again is refused, with the way to the source that has it.
  await page.goto("/en/editor/sources/new");
  await page.getByLabel("Upload a file").check();
  await page.getByLabel("File", { exact: true }).setInputFiles(path.join(FIXTURES, "follow-up-ru.html"));
  await page.getByRole("button", { name: "Extract the text" }).click();
  await page.getByRole("button", { name: "Fix the text by pasting instead" }).click();
  await expect(page.getByLabel("Text", { exact: true })).toHaveValue(/центр по редким землям/);
  await page.getByRole("button", { name: "Save the source" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This exact text is already in the tracker." })).toBeVisible();
  await page.getByRole("link", { name: "Open the existing source" }).click();
  await expect(page).toHaveURL(sourceUrl);

  const correct = page.getByRole("form", { name: "Correct the details" });
  await correct.getByLabel("Outlet").fill("Test outlet (corrected)");
  await correct.getByRole("button", { name: "Save the correction" }).click();
  await expect(correct.getByText("This field is required.")).toBeVisible();
  await correct.getByLabel("Why (shown in the history)").fill("The outlet's name as printed.");
  await correct.getByRole("button", { name: "Save the correction" }).click();
  await expect(correct.getByRole("status")).toHaveText("Saved as version 2.");

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(sourceUrl);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("ТЕСТ: Водная встреча в Бишкеке");
  await expect(visitor.getByTestId("source-outlet")).toHaveText("Test outlet (corrected)");
  await expect(visitor.getByTestId("source-kind")).toHaveText("News report");
  await expect(visitor.getByTestId("source-url")).toHaveText("unknown");
  await expect(visitor.getByTestId("source-file")).toContainText("follow-up-ru.html · text/html");
  await expect(visitor.getByTestId("source-text")).toContainText("центр по редким землям");
  const entries = visitor.getByTestId("record-history").locator(":scope > li");
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText("Corrected by Intake Editor");
  await expect(entries.first()).toContainText("Outlet: Test outlet → Test outlet (corrected)");
  await expect(entries.nth(1)).toContainText("Added by Intake Editor");
  await expect(visitor.getByRole("form", { name: "Correct the details" })).toHaveCount(0);

  await visitor.goto("/en/sources");
  // The seed's two and this one, plus any other spec's (the browser tests share one database).
  await expect(visitor.getByTestId("sources-count")).toHaveText(/^([3-9]|\d{2,}) sources$/);
  await expect(visitor.getByTestId("sources-list")).toContainText("ТЕСТ: Водная встреча в Бишкеке");
  await visitor.getByLabel("Kind").selectOption("news_report");
  await visitor.getByRole("button", { name: "Apply" }).click();
  await expect(visitor).toHaveURL(/kind=news_report/);
  await expect(visitor.getByTestId("sources-count")).toHaveText("1 source");
  await expect(visitor.getByTestId("sources-list")).toContainText("ТЕСТ: Водная встреча в Бишкеке");
  await visitor.goto("/en/sources?language=xx&kind=analysis");
  await expect(visitor.getByText("A filter in the address is not valid and was ignored: Language.")).toBeVisible();

  // Usable at 390 px: nothing wider than the screen.
  for (const url of ["/en/sources", sourceUrl]) {
    await visitor.setViewportSize({ width: 390, height: 800 });
    await visitor.goto(url);
    expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto("/en/editor/sources/new");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await visitorContext.close();
});

test("an editor pastes a follow-up article, accepts proposed passages, uses one as status evidence, and the public sees both quotes", async ({
  page,
  browser,
}) => {
  const text = readFileSync(path.join(import.meta.dirname, "../fixtures/matcher/transport-and-tourism-ru.txt"), "utf8");
  const editor = await createAccount("editor", "Review Editor");
  await logIn(page, editor);
  await page.goto("/en/editor/sources/new");
  await page.getByLabel("Text", { exact: true }).fill(text);
  await page.getByLabel("Title", { exact: true }).fill("ТЕСТ: рабочая группа по транспорту");
  await page.getByRole("button", { name: "Save the source" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Source saved." })).toBeVisible();
  await page.getByRole("link", { name: "Review the passages it mentions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Passages to review" })).toBeVisible();

  const cargo = page.getByTestId("review-electronic-cargo-tracking");
  const tourism = page.getByTestId("review-single-tourism-space");
  await expect(cargo.locator("mark").filter({ hasText: "сопровождения" }).first()).toBeVisible();
  await expect(tourism.locator("mark").filter({ hasText: "туристическому" })).toBeVisible();
  await expect(page.getByTestId("new-commitments")).toContainText("строительстве нового логистического хаба");

  // Who says it: an official needs a person.
  const acceptCargo = cargo.getByRole("form", { name: /^Accept as quote/ }).first();
  await acceptCargo.getByLabel("Who says it").selectOption("official");
  await acceptCargo.getByRole("button", { name: "Accept as quote" }).click();
  await expect(acceptCargo.getByText("Choose the person who says it.")).toBeVisible();
  await acceptCargo.getByLabel("Who says it").selectOption("narrator");
  await acceptCargo.getByRole("button", { name: "Accept as quote" }).click();
  await expect(cargo.getByRole("link", { name: "Use it as evidence for a status change" })).toBeVisible();
  await tourism
    .getByRole("form", { name: /^Accept as quote/ })
    .first()
    .getByRole("button", { name: "Accept as quote" })
    .click();
  await expect(tourism.getByRole("link", { name: "Use it as evidence for a status change" })).toBeVisible();

  await cargo.getByRole("link", { name: "Use it as evidence for a status change" }).click();
  await expect(page).toHaveURL(/\/en\/initiatives\/electronic-cargo-tracking\?evidenceQuote=\d+/);
  const status = page.getByRole("form", { name: "Change status or stage" });
  await expect(status.getByLabel("Quote, word for word")).toHaveValue(/единой системы электронного сопровождения грузов/);
  await status.getByLabel("New status").selectOption("in_preparation");
  await status.getByLabel("Effective date").fill("2026-03-02");
  await status.getByLabel("Note (why)").fill("A pilot of the system was presented.");
  await status.getByRole("button", { name: "Save status" }).click();
  await expect(status.getByRole("status")).toHaveText(/^Saved as version \d+\.$/);

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto("/en/sources");
  await visitor.getByRole("link", { name: "ТЕСТ: рабочая группа по транспорту" }).click();
  const marks = visitor.getByTestId("source-text").locator("mark");
  await expect(marks).toHaveCount(2);
  await expect(visitor.getByTestId("source-text").getByRole("link", { name: /единой системы электронного сопровождения грузов/ })).toHaveAttribute(
    "href",
    "/en/initiatives/electronic-cargo-tracking",
  );
  await visitor.goto("/en/initiatives/electronic-cargo-tracking");
  const latest = visitor.getByRole("region", { name: "History" }).getByRole("listitem").first();
  await expect(latest).toContainText("Status: Proposed → In preparation");
  await expect(latest).toContainText("A pilot of the system was presented.");
  await visitor.goto(`/en/search?q=${encodeURIComponent("пилотный проект сопровождения")}`);
  await expect(visitor.getByRole("main")).toContainText("Unified electronic cargo tracking system");
  const api = await visitor.request.get("/api/v1/initiatives/electronic-cargo-tracking");
  expect(JSON.stringify(await api.json())).toContain("пилотный проект единой системы электронного сопровождения грузов");
  await visitorContext.close();
});
