import { expect, test } from "@playwright/test";
import { initiatives } from "../../seed/data/catalog";

const convention = initiatives.find((initiative) => initiative.slug === "water-use-framework-convention")!;

test("a visitor goes from the dashboard to a theme, an initiative, its quote and the source", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Обзор" })).toBeVisible();
  // Two cards count themes differently, and each says what it counts.
  await expect(page.getByRole("region", { name: "По темам" })).toContainText("Итоги встречи; инициатива с двумя темами учитывается в обеих.");
  await expect(page.getByRole("region", { name: "Статусы в разрезе тем" }).locator("figcaption")).toContainText("включая записи контекста");

  await page.getByRole("region", { name: "По темам" }).getByRole("link", { name: "Вода и экология" }).click();
  // The dashboard counts the meeting's outcomes, so its links open the list filtered to them.
  await expect(page).toHaveURL(/\/initiatives\?relation=outcome&theme=water_environment$/);
  await expect(page.getByTestId("result-count")).toHaveText("2 инициативы");
  // On a desktop the filter panel is open: the theme's box is shown, ticked.
  const theme = page.getByRole("group", { name: "Тема", exact: true }).getByRole("checkbox", { name: /^Вода и экология \(\d+\)$/ });
  await expect(theme).toBeVisible();
  await expect(theme).toBeChecked();
  await expect(page.getByLabel("Отношение к встрече", { exact: true })).toHaveValue("outcome");

  await page.getByRole("link", { name: convention.titleRu }).click();
  await expect(page).toHaveURL(`/initiatives/${convention.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(convention.titleRu);

  const evidence = page.getByRole("region", { name: "Доказательства" });
  const highlighted = evidence.locator("mark").filter({ hasText: convention.statusQuote.text });
  await expect(highlighted).toBeVisible();
  await expect(highlighted).toHaveCSS("background-color", "rgb(253, 230, 138)");

  await evidence.getByRole("link", { name: "Открыть в источнике" }).first().click();
  await expect(page).toHaveURL(/\/sources\/\d+#quote-\d+$/);
  const anchor = new URL(page.url()).hash.slice(1);
  const target = page.locator(`mark[id="${anchor}"]`);
  await expect(target).toBeVisible();
  await expect(target).toBeInViewport();
  await expect(page.getByTestId("source-outlet")).toHaveText("неизвестно");
  // The date is the metadata line above the text, and the page says so.
  await expect(page.getByTestId("source-published")).toHaveText("17 ноября 2025 г. — по служебной строке над текстом, а не по дате, напечатанной изданием");
  // The convention's quote stands verbatim in the source (inside the wider harmonisation quote, whose link the
  // surrounding text carries).
  await expect(page.getByTestId("source-text")).toContainText(convention.statusQuote.text);
});

test("the other article says it is of unknown date and names its outlet", async ({ page }) => {
  await page.goto("/initiatives/ai-declaration");
  const links = page.getByRole("region", { name: "Доказательства" }).getByRole("link", { name: "Открыть в источнике" });
  const hrefs = await links.evaluateAll((elements) => elements.map((element) => element.getAttribute("href")));
  const sourcePaths = [...new Set(hrefs.map((href) => href!.split("#")[0]!))];
  expect(sourcePaths).toHaveLength(2);
  for (const path of sourcePaths) {
    await page.goto(path);
    const outlet = (await page.getByTestId("source-outlet").textContent())!.trim();
    if (outlet === "Altyn-orda.kz") await expect(page.getByTestId("source-published")).toHaveText("неизвестно");
    else await expect(page.getByTestId("source-outlet")).toHaveText("неизвестно");
  }
});

test("the language switch keeps the page and its filters and translates the interface", async ({ page }) => {
  await page.goto("/initiatives?theme=tourism");
  await expect(page.getByTestId("result-count")).toHaveText("1 инициатива");
  await page.getByRole("link", { name: "Переключить на английский" }).click();
  await expect(page).toHaveURL(/\/en\/initiatives\?theme=tourism$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Initiatives" })).toBeVisible();
  await expect(page.getByTestId("result-count")).toHaveText("1 initiative");
  const tourism = initiatives.find((initiative) => initiative.slug === "single-tourism-space")!;
  await page.getByRole("link", { name: tourism.titleEn }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(tourism.titleEn);
  // The Russian quote is evidence and stays as written on the English page.
  const quote = page.getByRole("region", { name: "Evidence" }).locator('blockquote[lang="ru"]').first();
  await expect(quote.locator("mark")).toHaveText(/[а-яё]/i);
  await page.getByRole("link", { name: "Switch to Russian" }).click();
  await expect(page).toHaveURL(`/initiatives/${tourism.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(tourism.titleRu);
});

test("filters and search live in the URL, with a clear empty state", async ({ page }) => {
  await page.goto("/initiatives");
  await page
    .getByRole("group", { name: "Статус", exact: true })
    .getByRole("checkbox", { name: /^Согласовано \(\d+\)$/ })
    .check();
  await page.getByRole("button", { name: "Применить" }).click();
  await expect(page).toHaveURL(/status=agreed/);
  const badges = page.locator("tbody [data-status]");
  await expect(badges.first()).toBeVisible();
  for (const status of await badges.evaluateAll((elements) => elements.map((element) => element.getAttribute("data-status")))) {
    expect(status).toBe("agreed");
  }

  await page.goto("/initiatives?q=ВОДН");
  await expect(page.getByRole("link", { name: /водных стратегий/i })).toBeVisible();
  await page.goto("/en/initiatives?q=tourism");
  await expect(page.getByTestId("result-count")).toHaveText("1 initiative");

  await page.goto("/initiatives");
  // No word of it is in any text (one known word would list partial matches).
  await page.getByLabel("Поиск").fill("несуществующая квазиинициатива");
  await page.getByLabel("Поиск").press("Enter");
  await expect(page.getByText("Ни одна инициатива не подходит под эти фильтры.")).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Сбросить фильтры" }).first().click();
  await expect(page).toHaveURL(/\/initiatives$/);
});

test("an unknown initiative gets a real 404 page in the visitor's language", async ({ page }) => {
  const response = await page.goto("/initiatives/no-such-initiative");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Страница не найдена" })).toBeVisible();
  const english = await page.goto("/en/initiatives/no-such-initiative");
  expect(english?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Browse all initiatives" }).click();
  await expect(page).toHaveURL("/en/initiatives");
});

test("keyboard users can skip to the content and see where focus is", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Перейти к содержимому" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await expect(skip).toHaveCSS("outline-style", "solid");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#content$/);
});
