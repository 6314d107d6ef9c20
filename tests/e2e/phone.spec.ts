import type { Page } from "@playwright/test";
import { confirmedSubscription } from "./database";
import { createAccount, expect, logIn, test } from "./fixtures";
import { expectFits, tooWide } from "./layout";
import { ADMIN_PAGES, EDITOR_PAGES, LOCALES } from "./page-types";

/**
 * A 390 × 844 phone (an iPhone 12–15's CSS viewport), both languages: every signed-in page type
 * fits the screen's width, its chart text is readable, the matrix's marks open on tap and keyboard,
 * and the list's filters fold into a panel with removable chips. (The public pages' width is
 * checked with axe in the same load: accessibility-public.spec.ts; axe on the signed-in pages:
 * accessibility.spec.ts.)
 */
const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE });

/** The smallest text the page renders, in CSS px: SVG text scaled by its viewBox, HTML text by its computed size. */
async function smallestChartText(page: Page) {
  return page.evaluate(() => {
    const sizes: { size: number; text: string }[] = [];
    for (const text of document.querySelectorAll("main svg text")) {
      const svg = text.closest("svg")!;
      const scale = svg.viewBox.baseVal && svg.viewBox.baseVal.width ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
      sizes.push({ size: parseFloat(getComputedStyle(text).fontSize) * scale, text: text.textContent ?? "" });
    }
    for (const cell of document.querySelectorAll(".matrix-grid th, .matrix-grid caption")) {
      sizes.push({ size: parseFloat(getComputedStyle(cell).fontSize), text: cell.textContent ?? "" });
    }
    sizes.sort((a, b) => a.size - b.size);
    return { count: sizes.length, smallest: sizes[0] };
  });
}

test("the editor's desk, its forms, the admin page and the alert pages fit a 390 px screen; the signed-in header stays compact", async ({ page }) => {
  test.setTimeout(120_000);
  const admin = await createAccount("admin", "Phone Admin");
  await logIn(page, admin);
  for (const locale of LOCALES) {
    for (const path of [...EDITOR_PAGES, ...ADMIN_PAGES]) await expectFits(page, `${locale}${path}`);
    // Signed in, the header is one line with a menu button (it took 245 of 844 px).
    await page.goto(`${locale}/editor`);
    const header = await page.locator("body > header, header").first().boundingBox();
    expect(header!.height).toBeLessThanOrEqual(72);
    await page.getByText(locale ? "Menu" : "Меню", { exact: true }).click();
    await expect(page.getByTestId("signed-in-as")).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: locale ? "Main" : "Основная навигация" }).getByRole("link", { name: locale ? "Countries" : "Страны" }),
    ).toBeVisible();
  }
  // The admin's accounts are cards: another account's Deactivate button is on the screen.
  const editor = await createAccount("editor", "Phone Editor");
  await page.goto("/en/admin");
  const deactivate = page.getByRole("button", { name: `Deactivate ${editor.email}` });
  await deactivate.scrollIntoViewIfNeeded();
  const box = (await deactivate.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);

  const token = await confirmedSubscription("phone");
  for (const locale of LOCALES) {
    await expectFits(page, `${locale}/alerts/${token}`);
    await expectFits(page, `${locale}/alerts/${token}/unsubscribe`);
  }
});

test("chart text renders at 12 px or more on a phone", async ({ page }) => {
  for (const locale of LOCALES) {
    for (const path of ["/", "/targets", "/countries"]) {
      await page.goto(`${locale}${path}`);
      const { count, smallest } = await smallestChartText(page);
      expect(count, `${path}: no chart text found`).toBeGreaterThan(0);
      expect(smallest!.size, `${locale}${path}: «${smallest!.text}»`).toBeGreaterThanOrEqual(12);
    }
  }
});

test.describe("the countries matrix on a touch screen", () => {
  test.use({ hasTouch: true, isMobile: true });

  test("columns are named, and every mark opens its details on tap and from the keyboard", async ({ page }) => {
    await page.goto("/en/countries");
    const grid = page.locator("table.matrix-grid");
    await expect(grid.getByRole("columnheader", { name: "Kazakhstan" })).toBeVisible();
    await expect(grid.getByRole("columnheader", { name: "China" })).toBeVisible();
    await expect(grid.getByRole("rowheader").first()).toHaveText(/\w{4,}/);

    const marks = grid.locator("td button");
    expect(await marks.count()).toBeGreaterThan(10);
    // Tap: the details appear, naming country, initiative and role.
    const mark = grid.getByRole("button", { name: /^Tajikistan: Participant/ }).first();
    await mark.tap();
    const tip = page.locator(`[id="${await mark.getAttribute("popovertarget")}"]`);
    await expect(tip).toBeVisible();
    await expect(tip).toHaveText(/^Tajikistan: Participant/);
    const box = (await tip.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    // A tap elsewhere closes it.
    await page.getByRole("heading", { level: 1 }).tap();
    await expect(tip).toBeHidden();

    // Keyboard: Tab goes from mark to mark along a row, Enter opens, Escape closes.
    const slug = await grid
      .locator("tbody tr")
      .evaluateAll((rows) => rows.find((row) => row.querySelectorAll("td button").length >= 2)!.getAttribute("data-slug"));
    const row = grid.locator(`tbody tr[data-slug="${slug}"] td button`);
    const first = row.first();
    await first.focus();
    await expect(first).toBeFocused();
    await page.keyboard.press("Tab");
    const second = row.nth(1);
    await expect(second).toBeFocused();
    await page.keyboard.press("Enter");
    const secondTip = page.locator(`[id="${await second.getAttribute("popovertarget")}"]`);
    await expect(secondTip).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(secondTip).toBeHidden();
    await expect(second).toBeFocused();
  });

  test("the full table folds behind one line below the compact matrix, and opens on tap or from the matrix's link to it", async ({ page }) => {
    for (const [locale, open, heading] of [
      ["/en", "Show the table", "Initiative"],
      ["", "Те же сведения в виде таблицы", "Инициатива"],
    ] as const) {
      await page.goto(`${locale}/countries`);
      const table = page.getByTestId("country-matrix");
      await expect(table).toBeHidden();
      await page.getByText(open, { exact: true }).tap();
      await expect(table).toBeVisible();
      await expect(table).toBeInViewport();
      await expect(table.getByRole("columnheader", { name: heading, exact: true })).toBeVisible();
      await expect(table.getByRole("rowheader").first()).toHaveText(/\p{L}{4,}/u);
      // Open, it scrolls sideways inside its own region; the page does not, and its caption wraps on the screen.
      expect(await tooWide(page, `${locale}/countries`)).toBeNull();
      const caption = (await table.locator("caption").boundingBox())!;
      expect(caption.x + caption.width).toBeLessThanOrEqual(PHONE.width);
    }
  });
});

test("the list's filters fold into a panel on a phone, with the active filters as removable chips", async ({ page }) => {
  await page.goto("/en/initiatives");
  // The form is inside a folded <details>, hidden from roles until it opens: found by its markup.
  const panel = page.locator("details.fold-narrow").filter({ has: page.locator("form[role=search]") });
  const tajikistan = page.getByRole("group", { name: "Country", exact: true }).getByRole("checkbox", { name: /^Tajikistan \(\d+\)$/ });
  // Folded: the first result is on the first screen.
  await expect(tajikistan).toBeHidden();
  const firstRow = (await page.getByTestId("initiative-table").locator("tbody tr").first().boundingBox())!;
  expect(firstRow.y).toBeLessThan(PHONE.height);

  await panel.locator("summary").click();
  await tajikistan.check();
  await page
    .getByRole("group", { name: "Country", exact: true })
    .getByRole("checkbox", { name: /^China \(\d+\)$/ })
    .check();
  await page
    .getByRole("group", { name: "Leave out status" })
    .getByRole("checkbox", { name: /^Agreed/ })
    .check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/notStatus=agreed/);
  await expect(page).toHaveURL(/country=TJ&country=CN|country=CN&country=TJ/);
  const count = Number((await page.getByTestId("result-count").textContent())!.match(/\d+/)![0]);
  expect(count).toBeGreaterThan(0);
  await expect(page.getByTestId("initiative-table").locator('[data-status="agreed"]')).toHaveCount(0);
  await expect(panel.locator("summary")).toHaveText("Filters (3 active)");

  const chips = page.getByTestId("active-filters");
  await expect(chips.getByRole("link", { name: "Remove filter Country: Tajikistan" })).toBeVisible();
  await chips.getByRole("link", { name: "Remove filter Leave out status: Agreed" }).click();
  await expect(page).not.toHaveURL(/notStatus/);
  await expect(page).toHaveURL(/country=TJ%2CCN|country=CN%2CTJ/);
  await expect(panel.locator("summary")).toHaveText("Filters (2 active)");
  const wider = Number((await page.getByTestId("result-count").textContent())!.match(/\d+/)![0]);
  expect(wider).toBeGreaterThanOrEqual(count);

  // A value that would give nothing stays listed, disabled, with its 0.
  await page.goto("/en/initiatives?status=dropped");
  await panel.locator("summary").click();
  const zero = page
    .getByRole("group", { name: "Country", exact: true })
    .getByRole("checkbox", { name: /\(0\)$/ })
    .first();
  await expect(zero).toBeVisible();
  await expect(zero).toBeDisabled();

  // Values the list does not know are named; a page past the end says so.
  await page.goto("/en/initiatives?status=bogus");
  await expect(page.getByTestId("ignored-parameters")).toHaveText("Not understood and ignored: status=bogus.");
  await page.goto("/initiatives?page=99");
  await expect(page.getByTestId("page-beyond")).toContainText("Страницы 99 нет");
  await page.getByRole("link", { name: "На первую страницу" }).click();
  await expect(page.getByTestId("initiative-table").locator("tbody tr").first()).toBeVisible();
});
