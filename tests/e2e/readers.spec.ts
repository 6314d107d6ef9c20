import { expect, test } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { createAccount, logIn } from "./fixtures";
import { e2eDatabase } from "./database";

const noOverflow = async (page: import("@playwright/test").Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

test("an analyst ticks two initiatives on the list and compares them side by side, with and without JavaScript, also at 390 px", async ({ page, browser }) => {
  await page.goto("/en/initiatives");
  const rows = page.getByTestId("initiative-table").locator("tbody tr");
  const slugs = [(await rows.nth(0).getAttribute("data-slug"))!, (await rows.nth(1).getAttribute("data-slug"))!];
  await rows.nth(0).getByRole("checkbox").check();
  await rows.nth(1).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Compare the ticked initiatives" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/compare\\?i=${slugs[0]}&i=${slugs[1]}$`));
  const grid = page.getByTestId("compare-grid");
  await expect(grid.getByRole("article")).toHaveCount(2);
  for (const slug of slugs) {
    const card = grid.locator(`article[data-slug="${slug}"]`);
    await expect(card.locator('[data-field="status"] [data-status]')).toBeVisible();
    for (const field of ["stage", "countries", "targets", "last-change"]) await expect(card.locator(`[data-field="${field}"]`)).not.toBeEmpty();
  }
  // The picker keeps the two ticked; adding a third compares three.
  const picker = page.getByRole("group", { name: /Choose 2 to 4 initiatives/ });
  await expect(picker.getByRole("checkbox", { checked: true })).toHaveCount(2);

  await page.setViewportSize({ width: 390, height: 844 });
  await noOverflow(page);

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto("/en/compare");
  const boxes = plain.getByRole("group", { name: /Choose 2 to 4/ }).getByRole("checkbox");
  await boxes.nth(0).check();
  await plain.getByRole("button", { name: "Compare", exact: true }).click();
  await expect(plain.getByTestId("compare-notice")).toContainText("Choose at least 2 initiatives to compare.");
  await plain.goto(`/en/compare?i=${slugs[0]}&i=no-such-initiative&i=${slugs[1]}`);
  await expect(plain.getByTestId("compare-notice")).toContainText("No initiative has the address no-such-initiative.");
  await expect(plain.getByTestId("compare-grid").getByRole("article")).toHaveCount(2);
  await noScript.close();
});

test("scorecards: nothing is shown before editors score; an editor scores a country with a verbatim quote; the public sees the score, averages and history", async ({
  page,
  browser,
}) => {
  const visitor = await browser.newPage();
  await visitor.goto("/en/scorecards");
  await expect(visitor.getByTestId("no-scores")).toContainText("No scores yet");
  await visitor
    .getByRole("link", { name: /methodology/ })
    .first()
    .click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Scorecards: methodology");
  await expect(visitor.getByRole("heading", { name: "The scale" })).toBeVisible();
  await visitor.goto("/scorecards/methodology");
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Оценки стран: методология");

  // A country with an initiative it takes part in, and that initiative's first quote as evidence.
  const db = e2eDatabase();
  const participation = await db.participation.findFirstOrThrow({
    where: { initiative: { quotes: { some: {} } } },
    orderBy: [{ countryCode: "asc" }, { initiativeId: "asc" }],
    select: {
      countryCode: true,
      initiative: {
        select: { slug: true, titleEn: true, quotes: { take: 1, orderBy: { id: "asc" }, select: { text: true, source: { select: { title: true } } } } },
      },
    },
  });
  const { countryCode: code, initiative } = participation;
  const quote = initiative.quotes[0]!;

  const editor = await createAccount("editor", "Score Editor");
  await logIn(page, editor);
  await page.goto(`/en/scorecards/${code}`);
  await page.getByTestId("unscored").locator(`li[data-slug="${initiative.slug}"]`).getByRole("link", { name: "Score it" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/editor/scores/${initiative.slug}/${code}$`));
  await expect(page.getByTestId("current-score")).toHaveText("Not scored yet.");

  // Nothing filled: each error is shown and the first one takes the focus.
  await page.getByRole("button", { name: "Save the score" }).click();
  await expect(page.getByRole("radio", { name: /\+1 full/ })).toBeFocused();
  await expect(page.getByText("Choose a score: +1, 0 or −1.")).toBeVisible();

  await page.getByRole("radio", { name: /\+1 full/ }).check();
  await page.getByLabel("As of").fill("2026-11-20");
  await page.getByLabel("Quote, word for word").fill("these words are not in the source at all, anywhere");
  await page.getByLabel("Note (why)").fill("signed and in force");
  await page.getByRole("button", { name: "Save the score" }).click();
  await expect(page.getByText("This text does not appear word for word in the chosen source.")).toBeVisible();
  // What was typed stays.
  await expect(page.getByLabel("Note (why)")).toHaveValue("signed and in force");

  const sourceId = String((await db.quote.findFirstOrThrow({ where: { text: quote.text }, select: { sourceId: true } })).sourceId);
  await page.getByLabel("Source", { exact: true }).selectOption(sourceId);
  await page.getByLabel("Quote, word for word").fill(quote.text);
  await page.getByRole("button", { name: "Save the score" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Score saved as version 1." })).toBeVisible();

  await visitor.goto(`/en/scorecards/${code}`);
  const scored = visitor.getByTestId("scored").locator(`li[data-slug="${initiative.slug}"]`);
  await expect(scored.locator('[data-score="1"]')).toHaveText("+1 full");
  await expect(scored.getByText(quote.text)).toBeVisible();
  await expect(scored).toContainText("November 20, 2026");
  await expect(visitor.getByTestId("country-average")).toHaveText("Average +1.00 over 1 scored initiative.");
  await expect(visitor.getByTestId("score-history").getByRole("listitem")).toHaveCount(1);
  await expect(visitor.getByTestId("score-history")).toContainText("by Score Editor");

  await visitor.goto("/en/scorecards");
  await expect(visitor.getByTestId("country-averages").locator(`tr[data-country="${code}"] [data-average]`)).toHaveText("+1.00");
  await expect(visitor.getByTestId("theme-averages").locator("tbody tr").first()).toBeVisible();
  await visitor.goto(`/scorecards/${code}`);
  await expect(visitor.getByTestId("country-average")).toContainText("+1,00");
  await visitor.setViewportSize({ width: 390, height: 844 });
  await noOverflow(visitor);
  await visitor.close();
});

test("a printable report of the filtered list and of a country, and its PDF from the browser", async ({ page }) => {
  await page.goto("/en/initiatives?theme=water_environment");
  const listed = await page
    .getByTestId("initiative-table")
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-slug")));
  await page.getByRole("link", { name: "Printable report" }).click();
  await expect(page).toHaveURL(/\/en\/reports\/initiatives\?(.*&)?theme=water_environment(&|$)/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Initiatives: report");
  await expect(page.getByTestId("report-dates")).toContainText(/Made on \w+ \d+, \d{4}/);
  expect(
    await page
      .getByTestId("report-rows")
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-slug"))),
  ).toEqual(listed);
  await expect(page.getByTestId("report-chart")).toBeVisible();
  await expect(page.getByTestId("report-sources").getByRole("listitem").first()).toBeVisible();

  // Printed: the site's header, footer and the print button are gone; the PDF holds the title and rows.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  expect(text).toContain("Initiatives: report");
  expect(text).toContain("Sources");

  await page.emulateMedia({ media: "screen" });
  await page.goto("/en/countries/KZ");
  await page.getByRole("link", { name: "Printable report" }).click();
  await expect(page).toHaveURL(/\/en\/reports\/countries\/KZ$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kazakhstan: report");
  await expect(page.getByRole("heading", { name: "Scores" })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await noOverflow(page);
});

test("feeds: a country's feed link opens a page that explains the feed and gives its address to copy", async ({ page, request }) => {
  await page.goto("/en/countries/KZ");
  await page.getByRole("link", { name: "Follow the history (Atom feed)" }).click();
  await expect(page).toHaveURL(/\/en\/feed\/countries\/KZ$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The history of Kazakhstan");
  const address = await page.getByLabel("The feed's address").inputValue();
  expect(address).toMatch(/\/feeds\/countries\/KZ\.atom\?lang=en$/);
  const feed = await request.get(new URL(address).pathname + new URL(address).search);
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  await page.goto("/en/themes/tourism");
  await page.getByRole("link", { name: "Follow the history (Atom feed)" }).click();
  await expect(page).toHaveURL(/\/en\/feed\/themes\/tourism$/);
  await expect(page.getByRole("link", { name: "Open the feed itself (XML)" })).toHaveAttribute("href", "/feeds/themes/tourism.atom?lang=en");
  expect((await page.goto("/en/feed/countries/QQ"))!.status()).toBe(404);
});

test("the nav marks the current page, /themes lists every theme, and sign-in returns to the page it was pressed on", async ({ page }) => {
  await page.goto("/en/countries/KZ");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Countries" })).toHaveAttribute("aria-current", "page");
  await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);

  await page.goto("/en/themes");
  await expect(page.getByTestId("themes-index").locator(":scope > li")).toHaveCount(9);
  await page.getByRole("link", { name: "Tourism" }).click();
  await expect(page).toHaveURL(/\/en\/themes\/tourism$/);

  const editor = await createAccount("editor", "Return Editor");
  await page.goto("/en/targets");
  // Russian as the source writes it, with an English gloss beside it.
  await expect(page.getByText("(“last year”)").first()).toBeVisible();
  await page.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/en\/sign-in\?next=%2Fen%2Ftargets$/);
  await page.getByLabel("E-mail").fill(editor.email);
  await page.getByLabel("Password").fill(editor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/en\/targets$/);
});

test("the API docs show examples percent-encoded, ready to paste into curl", async ({ page, request }) => {
  await page.goto("/en/api-docs");
  const example = page.locator("code", { hasText: "/api/v1/initiatives?q=%D0%B2%D0%BE%D0%B4%D0%B0&facets=true" });
  await expect(example).toBeVisible();
  expect((await request.get((await example.textContent())!)).status()).toBe(200);
});

test("sign-in never follows a return address off the site", async ({ page }) => {
  const editor = await createAccount("editor", "Careful Editor");
  await page.goto(`/en/sign-in?next=${encodeURIComponent("//evil.example/")}`);
  await page.getByLabel("E-mail").fill(editor.email);
  await page.getByLabel("Password").fill(editor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/localhost:\d+\/en\/editor$/);
});
