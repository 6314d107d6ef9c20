import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { e2eDatabase } from "./database";
import { createAccount, expect, logIn, test } from "./fixtures";

/**
 * Forms sent before the page's JavaScript has loaded (a slow phone, a script that failed): the
 * browser posts them to their server action, the page comes back with the answer, a refusal keeps
 * what was typed, and nothing typed ever lands in the address bar.
 */
test.use({ javaScriptEnabled: false });

/** Every document request the page makes from now on: its method and address. */
function documentRequests(page: Page) {
  const requests: { method: string; url: string }[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "document") requests.push({ method: request.method(), url: request.url() });
  });
  return requests;
}

/** Nothing typed in the address of the page or of any request the submissions made. */
function expectNotInAddresses(page: Page, requests: { url: string }[], typed: string[]) {
  for (const url of [page.url(), ...requests.map((request) => request.url)]) {
    const address = decodeURIComponent(url.replace(/\+/g, " "));
    for (const text of typed) expect(address, url).not.toContain(text);
  }
}

test("a reader's suggestion sent without JavaScript: a refusal keeps the text, the fixed one is saved", async ({ page }) => {
  const run = randomUUID().slice(0, 8);
  await page.goto("/en/initiatives/ai-declaration");
  const requests = documentRequests(page);
  await page.getByText("Suggest an update or a correction").click();
  const form = page.getByRole("form", { name: "Suggest an update or a correction" });

  // Too short, and a link that is not one: both refused by the server, the page rendered again.
  await form.getByLabel("What should change, and why").fill(`Short ${run}`.slice(0, 9));
  await form.getByLabel("A link that shows it (optional)").fill(`not a link ${run}`);
  await form.getByLabel("Your e-mail for the answer (optional)").fill(`reader-${run}@example.test`);
  await form.getByRole("button", { name: "Send the suggestion" }).click();
  await page.waitForLoadState("load");

  expect(requests.map((request) => request.method)).toEqual(["POST"]);
  await expect(form.getByRole("alert")).toHaveText("Please correct the highlighted fields.");
  await expect(form.getByText("Write at least 10 characters.")).toBeVisible();
  await expect(form.getByText("Enter a full http:// or https:// link.")).toBeVisible();
  await expect(form.getByLabel("What should change, and why")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("What should change, and why")).toHaveValue(`Short ${run}`.slice(0, 9));
  await expect(form.getByLabel("A link that shows it (optional)")).toHaveValue(`not a link ${run}`);
  await expect(form.getByLabel("Your e-mail for the answer (optional)")).toHaveValue(`reader-${run}@example.test`);
  expect(await e2eDatabase().suggestion.count({ where: { email: `reader-${run}@example.test` } })).toBe(0);

  const text = `The declaration was signed, see the news ${run}`;
  await form.getByLabel("What should change, and why").fill(text);
  await form.getByLabel("A link that shows it (optional)").fill("https://example.org/news");
  await form.getByRole("button", { name: "Send the suggestion" }).click();
  await page.waitForLoadState("load");

  await expect(form.getByRole("status")).toHaveText("Thank you: your suggestion is in the editors' queue.");
  const saved = await e2eDatabase().suggestion.findMany({ where: { text }, select: { subjectKey: true, url: true, email: true } });
  expect(saved).toEqual([{ subjectKey: "ai-declaration", url: "https://example.org/news", email: `reader-${run}@example.test` }]);
  expect(requests.map((request) => request.method)).toEqual(["POST", "POST"]);
  expectNotInAddresses(page, requests, [run, "declaration was signed"]);
});

test("an editor's new event sent without JavaScript: a refusal keeps every field, the fixed one is created", async ({ page }) => {
  const run = randomUUID().slice(0, 8);
  await logIn(page, await createAccount("editor", "No Script Editor"));
  await page.goto("/en/editor/events/new");
  const requests = documentRequests(page);
  const form = page.getByRole("form", { name: "New event" });

  // No English name: refused by the server, everything else as typed.
  await form.getByLabel("Name (Russian)").fill(`Встреча ${run}`);
  await form.getByLabel("Place (Russian, optional)").fill(`Ташкент ${run}`);
  await form.getByLabel("Date as the source states it (optional)").fill("в декабре 2026 года");
  await form.getByLabel("Note (why)").fill(`Announced in a test source ${run}`);
  await form.getByRole("button", { name: "Create the event" }).click();
  await page.waitForLoadState("load");

  await expect(form.getByRole("alert")).toHaveText("Please correct the highlighted fields.");
  await expect(form.getByText("This field is required.")).toBeVisible();
  await expect(form.getByLabel("Name (English)")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Name (Russian)")).toHaveValue(`Встреча ${run}`);
  await expect(form.getByLabel("Place (Russian, optional)")).toHaveValue(`Ташкент ${run}`);
  await expect(form.getByLabel("Date as the source states it (optional)")).toHaveValue("в декабре 2026 года");
  await expect(form.getByLabel("Note (why)")).toHaveValue(`Announced in a test source ${run}`);
  expect(await e2eDatabase().event.count({ where: { nameRu: `Встреча ${run}` } })).toBe(0);

  await form.getByLabel("Name (English)").fill(`Meeting ${run}`);
  await form.getByRole("button", { name: "Create the event" }).click();
  await page.waitForLoadState("load");

  await expect(form.getByRole("status")).toContainText("Event created.");
  expect(requests.map((request) => request.method)).toEqual(["POST", "POST"]);
  expectNotInAddresses(page, requests, [run, "Announced in a test source"]);
  const event = await e2eDatabase().event.findFirstOrThrow({ where: { nameEn: `Meeting ${run}` } });
  expect(event).toMatchObject({ nameRu: `Встреча ${run}`, placeRu: `Ташкент ${run}`, dateText: "в декабре 2026 года" });
  await form.getByRole("link", { name: "Open the event" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Meeting ${run}`);
});

test("signing in without JavaScript: a wrong password keeps the e-mail (never the password), the right one signs in", async ({ page }) => {
  const account = await createAccount("editor", "No Script Sign-in");
  await page.goto("/en/sign-in");
  const requests = documentRequests(page);
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(`${account.password}-wrong`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForLoadState("load");

  await expect(page.getByRole("alert")).toHaveText("Wrong e-mail or password.");
  await expect(page.getByLabel("E-mail")).toHaveValue(account.email);
  await expect(page.getByLabel("Password")).toHaveValue("");
  expect(await page.content()).not.toContain(`${account.password}-wrong`);

  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/en\/editor$/);
  expect(requests.map((request) => request.method).slice(0, 2)).toEqual(["POST", "POST"]);
  expectNotInAddresses(page, requests, [account.email, account.password]);
});
