import type { Locator, Page } from "@playwright/test";
import { createAccount, expect, logIn, signIn, test } from "./fixtures";

/** What a refused save must never do: lose typed text, hide the first error, or say an error twice. */
const statusForm = (page: Page) => page.getByRole("form", { name: "Change status or stage" });
const detailsForm = (page: Page) => page.getByRole("form", { name: "Correct titles, summaries, themes and target date" });

async function focusedName(page: Page): Promise<string | null> {
  return page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.getAttribute("name") ?? null);
}

async function expectOnce(form: Locator, text: string) {
  await expect(form.getByText(text, { exact: true })).toHaveCount(1);
}

test("a quote the source does not hold: every field keeps what was typed, focus on the quote, its error once beside it, the summary on top", async ({
  page,
  admin,
}) => {
  await logIn(page, admin);
  await page.goto("/en/initiatives/ai-declaration");
  const form = statusForm(page);
  await form.getByLabel("New status").selectOption("in_preparation");
  await form.getByLabel("New stage").selectOption("drafting");
  await form.getByLabel("Effective date").fill("2026-10-02");
  await form.getByLabel("Note (why)").fill("A note the editor took time to write.");
  await form.getByLabel("A quote from a source in the tracker").check();
  await form.getByLabel("Quote, word for word").fill("these words are nowhere in the article");
  await form.getByRole("button", { name: "Save status" }).click();

  const alert = form.getByRole("alert");
  await expect(alert).toHaveText("Please correct the highlighted fields.");
  await expectOnce(form, "This text does not appear word for word in the chosen source.");
  await expect(form.getByLabel("Quote, word for word")).toHaveAttribute("aria-invalid", "true");
  await expect.poll(() => focusedName(page)).toBe("quoteText");
  await expect(form.getByLabel("New status")).toHaveValue("in_preparation");
  await expect(form.getByLabel("New stage")).toHaveValue("drafting");
  await expect(form.getByLabel("Effective date")).toHaveValue("2026-10-02");
  await expect(form.getByLabel("Note (why)")).toHaveValue("A note the editor took time to write.");
  await expect(form.getByLabel("Quote, word for word")).toHaveValue("these words are nowhere in the article");

  // A quote too short to mean anything is refused in the browser already, the same way.
  await form.getByLabel("Quote, word for word").fill("и");
  await form.getByRole("button", { name: "Save status" }).click();
  await expectOnce(form, "Quote at least 3 words or 20 characters, so the quote says something and can be found.");
  await expect(form.getByLabel("Note (why)")).toHaveValue("A note the editor took time to write.");

  // A missing required field: focus goes to it, and the earlier error is gone.
  await form.getByLabel("Quote, word for word").fill("these words are nowhere in the article");
  await form.getByLabel("Note (why)").fill("");
  await form.getByRole("button", { name: "Save status" }).click();
  await expect.poll(() => focusedName(page)).toBe("note");
  await expect(form.getByLabel("Note (why)")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Quote at least 3 words or 20 characters, so the quote says something and can be found.")).toHaveCount(0);
  await expect(form.getByLabel("Effective date")).toHaveValue("2026-10-02");
});

/** Opens `url` with its scripts held back until `before` has run, as on a slow phone, then waits for hydration of `root`. */
async function actBeforeHydration(page: Page, url: string, root: Locator, before: () => Promise<void>) {
  let release!: () => void;
  const acted = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    await acted;
    await route.continue();
  });
  await page.goto(url, { waitUntil: "domcontentloaded" });
  await before();
  release();
  await expect.poll(() => root.evaluate((node) => Object.keys(node).some((key) => key.startsWith("__reactFiber")))).toBe(true);
  await page.unrouteAll();
}

test("what is chosen or typed before the page's script has run is what the form follows once it has", async ({ page, admin }) => {
  await logIn(page, admin);
  const form = statusForm(page);
  await actBeforeHydration(page, "/en/initiatives/ai-declaration", form, async () => {
    await form.getByLabel("A link").check();
    await form.getByLabel("Note (why)").fill("Chosen before the script arrived.");
  });
  await expect(form.getByLabel("A link")).toBeChecked();
  await expect(form.getByLabel("Link (http or https)")).toBeVisible();
  await expect(form.getByLabel("Quote, word for word")).toHaveCount(0);
  await expect(form.getByLabel("Note (why)")).toHaveValue("Chosen before the script arrived.");
  // Checked in the browser as a link, not as a quote: nothing is sent.
  await form.getByRole("button", { name: "Save status" }).click();
  await expect(form.getByLabel("Link (http or https)")).toHaveAttribute("aria-invalid", "true");
  await expect.poll(() => focusedName(page)).toBe("evidenceUrl");

  // Pasted text survives the first render after hydration (here: typing the title).
  const source = page.getByRole("form", { name: "Add a source" });
  await actBeforeHydration(page, "/en/editor/sources/new", source, async () => {
    await source.getByLabel("Text", { exact: true }).fill("ТЕСТ: текст, вставленный до загрузки скрипта.");
  });
  await source.getByLabel("Title", { exact: true }).fill("ТЕСТ");
  await expect(source.getByLabel("Text", { exact: true })).toHaveValue("ТЕСТ: текст, вставленный до загрузки скрипта.");
});

test("a quote found twice in the source: the editor picks the place, shown in its sentence, and the save keeps that place", async ({ page, admin }) => {
  await logIn(page, admin);
  await page.goto("/en/initiatives/single-tourism-space");
  const form = statusForm(page);
  await form.getByLabel("New status").selectOption("in_preparation");
  await form.getByLabel("New stage").selectOption("drafting");
  await form.getByLabel("Note (why)").fill("The president named it again.");
  await form.getByLabel("A quote from a source in the tracker").check();
  await form.getByLabel("Source", { exact: true }).selectOption({ label: "Каспийское море объединяет, Nov 17, 2025" });
  await form.getByLabel("Quote, word for word").fill("отметил Касым-Жомарт Токаев");
  await form.getByRole("button", { name: "Save status" }).click();

  const places = form.getByRole("group", { name: "Which place in the source" });
  await expect(places.getByRole("radio")).toHaveCount(2);
  await expectOnce(form, "These words appear more than once in the source: choose which place you mean.");
  await expect.poll(() => focusedName(page)).toBe("quoteOccurrence");
  await expect(form.getByLabel("Note (why)")).toHaveValue("The president named it again.");
  await places.getByRole("radio", { name: /Place 2/ }).check();
  await form.getByRole("button", { name: "Save status" }).click();
  await expect(form.getByRole("status")).toHaveText(/Saved as version \d+\./);
});

test("a conflict shows the other editor's values beside the editor's own text, which stays typed", async ({ browser }) => {
  const [a, b] = await Promise.all([browser.newContext(), browser.newContext()]);
  const pageA = await a.newPage();
  const pageB = await b.newPage();
  await logIn(pageA, await createAccount("editor", "Faster Editor"));
  await logIn(pageB, await createAccount("editor", "Slower Editor"));
  const slug = "regional-security-concept";
  await pageA.goto(`/en/initiatives/${slug}`);
  await pageB.goto(`/en/initiatives/${slug}`);
  const theirs = `Regional security concept (their wording ${Date.now()})`;
  const mine = "Regional security concept (my wording)";
  await detailsForm(pageA).getByLabel("Title (English)").fill(theirs);
  await detailsForm(pageA).getByLabel("Note (why)").fill("Their reason");
  await detailsForm(pageA).getByRole("button", { name: "Save details" }).click();
  await expect(detailsForm(pageA).getByRole("status")).toContainText("Saved as version");

  await detailsForm(pageB).getByLabel("Title (English)").fill(mine);
  await detailsForm(pageB).getByLabel("Note (why)").fill("My reason");
  await detailsForm(pageB).getByRole("button", { name: "Save details" }).click();
  const alert = detailsForm(pageB).getByRole("alert");
  await expect(alert).toContainText("Nothing was saved.");
  await expect(alert).toContainText(`Title (English): `);
  await expect(alert).toContainText(`→ ${theirs}`);
  await expect(detailsForm(pageB).getByLabel("Title (English)")).toHaveValue(mine);
  await expect(detailsForm(pageB).getByLabel("Note (why)")).toHaveValue("My reason");
  await expect.poll(() => pageB.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("alert");
  await a.close();
  await b.close();
});

test("changing one's password signs out the other browsers; an admin's one-time link sets a new one and signs out everywhere", async ({
  browser,
  page,
  admin,
}) => {
  const editor = await createAccount("editor", "Password Owner");
  const [laptop, phone, fresh] = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  const onLaptop = await laptop.newPage();
  const onPhone = await phone.newPage();
  await signIn(onLaptop, editor);
  await signIn(onPhone, editor);

  const change = onLaptop.getByRole("form", { name: "Your password" });
  await change.getByLabel("Current password").fill("not the password at all");
  await change.getByLabel("New password", { exact: true }).fill("a new passphrase for 2026");
  await change.getByLabel("New password again").fill("a new passphrase for 2026");
  await change.getByRole("button", { name: "Change password" }).click();
  await expectOnce(change, "This is not your current password.");
  await expect.poll(() => focusedName(onLaptop)).toBe("currentPassword");
  await expect(change.getByLabel("New password again")).toHaveValue("a new passphrase for 2026");

  await change.getByLabel("Current password").fill(editor.password);
  await change.getByLabel("New password again").fill("a new passphrase for 2027");
  await change.getByRole("button", { name: "Change password" }).click();
  await expectOnce(change, "The two new passwords differ.");
  await change.getByLabel("New password again").fill("a new passphrase for 2026");
  await change.getByRole("button", { name: "Change password" }).click();
  await expect(change.getByRole("status")).toHaveText("Your password is changed. 1 other browser was signed out.");
  await onPhone.goto("/en/editor");
  await expect(onPhone).toHaveURL(/\/en\/sign-in$/);
  await onLaptop.goto("/en/editor");
  await expect(onLaptop).toHaveURL(/\/en\/editor$/);

  await logIn(page, admin);
  await page.goto("/en/admin");
  await page.getByRole("button", { name: `Issue a one-time password reset link for ${editor.email}` }).click();
  const link = await page.getByLabel("One-time link").inputValue();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/reset-password\/[A-Za-z0-9_-]{43}$/);

  const visitor = await fresh.newPage();
  await visitor.goto(link.replace("/reset-password/", "/en/reset-password/"));
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Set a new password");
  await expect(visitor.getByText(`For ${editor.email}.`, { exact: false })).toBeVisible();
  await visitor.getByLabel("New password", { exact: true }).fill("the passphrase from the link");
  await visitor.getByLabel("New password again").fill("the passphrase from the link");
  await visitor.getByRole("button", { name: "Set the password" }).click();
  await expect(visitor.getByRole("status")).toContainText(`The password of ${editor.email} is set`);
  await onLaptop.goto("/en/editor");
  await expect(onLaptop).toHaveURL(/\/en\/sign-in$/);
  await signIn(visitor, { email: editor.email, password: "the passphrase from the link" });
  // Once only.
  const again = await fresh.newPage();
  await again.goto(link);
  await expect(again.getByRole("main").getByRole("alert")).toContainText("Ссылка недействительна");
  await Promise.all([laptop.close(), phone.close(), fresh.close()]);
});

test("with review on, an editor's detail edit waits: the public sees nothing until a second editor approves it", async ({ browser, page, admin }) => {
  await signIn(page, admin);
  await page.goto("/en/admin");
  await page.getByRole("button", { name: "Turn review on" }).click();
  await expect(page.getByRole("button", { name: "Turn review off" })).toBeVisible();
  const [a, b, c] = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  try {
    const author = await a.newPage();
    const reviewer = await b.newPage();
    const visitor = await c.newPage();
    await logIn(author, await createAccount("editor", "Proposing Editor"));
    await logIn(reviewer, await createAccount("editor", "Reviewing Editor"));
    const slug = "risk-prevention-catalogue";
    await author.goto(`/en/initiatives/${slug}`);
    const title = `Catalogue of risk prevention (reviewed ${Date.now()})`;
    await detailsForm(author).getByLabel("Title (English)").fill(title);
    await detailsForm(author).getByLabel("Note (why)").fill("Closer to the Russian");
    await detailsForm(author).getByRole("button", { name: "Save details" }).click();
    await expect(detailsForm(author).getByRole("status")).toHaveText(
      "Your change is waiting for review by a second person; the public pages show it once it is approved.",
    );
    await visitor.goto(`/en/initiatives/${slug}`);
    await expect(visitor.getByRole("heading", { level: 1 })).not.toHaveText(title);

    await reviewer.goto("/en/editor");
    const item = reviewer
      .getByRole("region", { name: "Changes waiting for review" })
      .getByRole("listitem")
      .filter({ has: reviewer.getByRole("button", { name: "Approve" }) })
      .filter({ hasText: title });
    await expect(item).toContainText("Titles, summaries, themes or target date");
    await expect(item).toContainText("proposed by Proposing Editor");
    await item.getByLabel("Review note").fill("Checked against the article");
    await item.getByRole("button", { name: "Approve" }).click();
    // Approved: it leaves the queue (the page refreshes) and the public page shows it.
    await expect(item).toHaveCount(0);
    await visitor.goto(`/en/initiatives/${slug}`);
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(visitor.getByRole("region", { name: "History" }).getByRole("listitem").first()).toContainText("approved by Reviewing Editor");
  } finally {
    await page.goto("/en/admin");
    await page.getByRole("button", { name: "Turn review off" }).click();
    await expect(page.getByRole("button", { name: "Turn review on" })).toBeVisible();
    await Promise.all([a.close(), b.close(), c.close()]);
  }
});
