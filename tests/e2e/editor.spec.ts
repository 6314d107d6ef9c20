import { initiatives } from "../../seed/data/catalog";
import { createAccount, expect, logIn, signIn, test } from "./fixtures";

const forum = initiatives.find((initiative) => initiative.slug === "central-asian-expert-forum")!;

test("an admin creates an editor, who records a status change with a quote that the public then sees", async ({ page, browser, admin }) => {
  await logIn(page, admin);
  await page.goto("/en/admin");
  const editorEmail = `editor-${Date.now()}@example.test`;
  const create = page.getByRole("form", { name: "Create an account" });
  await create.getByLabel("E-mail").fill(editorEmail);
  await create.getByLabel("Display name").fill("Aida Editor");
  await create.getByLabel("Role").selectOption("editor");
  await create.getByLabel("Initial password").fill("short");
  await create.getByRole("button", { name: "Create account" }).click();
  await expect(create.getByText("Use at least 12 characters.")).toBeVisible();
  await create.getByLabel("Initial password").fill("editor password 2026");
  await create.getByRole("button", { name: "Create account" }).click();
  await expect(create.getByRole("status")).toHaveText(`Account ${editorEmail} created.`);
  await expect(page.locator(`tr[data-email="${editorEmail}"]`)).toContainText("Aida Editor");

  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signIn(editor, { email: editorEmail, password: "editor password 2026" });
  await expect(editor.getByTestId("signed-in-as")).toHaveText("Signed in as Aida Editor");

  await editor.goto(`/en/initiatives/${forum.slug}`);
  const form = editor.getByRole("form", { name: "Change status or stage" });
  await form.getByLabel("New status").selectOption("in_preparation");
  await form.getByLabel("New stage").selectOption("drafting");
  await form.getByLabel("Effective date").fill("2026-10-01");
  await form.getByLabel("Note (why)").fill("A working group on the forum's statute was set up.");
  await form.getByLabel("A link").check();
  await form.getByLabel("Link (http or https)").fill("javascript:alert(1)");
  await form.getByLabel("Title of the linked page").fill("Statute");
  await form.getByLabel("Date of the linked page").fill("2026-10-01");
  await form.getByRole("button", { name: "Save status" }).click();
  await expect(form.getByText("Enter a full http:// or https:// link.")).toBeVisible();
  await expect(form.getByLabel("Link (http or https)")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("A quote from a source in the tracker").check();
  await form.getByLabel("Source", { exact: true }).selectOption({ label: "Каспийское море объединяет, Nov 17, 2025" });
  await form.getByLabel("Quote, word for word").fill(forum.statusQuote.text);
  await form.getByRole("button", { name: "Save status" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved as version 2.");

  await editor.getByRole("button", { name: "Sign out" }).click();
  await expect(editor.getByRole("link", { name: "Sign in" })).toBeVisible();
  await editorContext.close();

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(`/en/initiatives/${forum.slug}`);
  await expect(visitor.getByRole("heading", { level: 1 }).locator("xpath=..").getByText("In preparation")).toBeVisible();
  const history = visitor.getByRole("region", { name: "History" });
  const latest = history.getByRole("listitem").first();
  await expect(latest).toContainText("Status: Proposed → In preparation");
  await expect(latest).toContainText("By: Aida Editor");
  await expect(latest).toContainText("A working group on the forum's statute was set up.");
  await expect(latest.getByRole("link", { name: `«${forum.statusQuote.text}»` })).toBeVisible();
  await expect(visitor.getByRole("form")).toHaveCount(0);
  await expect(visitor.getByText(editorEmail)).toHaveCount(0);
  await visitorContext.close();
});

test("the stale queue lists an unverified initiative and clears it when verified", async ({ page }) => {
  const editor = await createAccount("editor", "Queue Editor");
  await logIn(page, editor);
  // Grouped by reason: the heading says it once with the count, the rows do not repeat it.
  const group = page.getByTestId("stale-queue").getByRole("region").first();
  await expect(group.getByRole("heading")).toHaveText(/^(Never verified|Not verified recently) \(\d+\)$/);
  const item = group.getByRole("listitem").first();
  await expect(item).not.toContainText(/never verified|not verified recently/i);
  const slug = (await item.getAttribute("data-slug"))!;
  await item.getByRole("button", { name: /^Mark verified:/ }).click();
  await expect(page.getByTestId("stale-queue").locator(`li[data-slug="${slug}"]`)).toHaveCount(0);
  await page.goto(`/en/initiatives/${slug}`);
  await expect(page.getByRole("region", { name: "History" }).getByRole("listitem").first()).toContainText("Verified");
});

test("two editors on one initiative: the second save is refused and shows the first change", async ({ browser }) => {
  const first = await createAccount("editor", "First Editor");
  const second = await createAccount("editor", "Second Editor");
  const [a, b] = await Promise.all([browser.newContext(), browser.newContext()]);
  const pageA = await a.newPage();
  const pageB = await b.newPage();
  await logIn(pageA, first);
  await logIn(pageB, second);
  const slug = "transport-system-strategy";
  await pageA.goto(`/en/initiatives/${slug}`);
  await pageB.goto(`/en/initiatives/${slug}`);

  const details = (page: typeof pageA) => page.getByRole("form", { name: "Correct titles, summaries, themes and target date" });
  const title = `Comprehensive Strategy for Central Asian Transport (${Date.now()})`;
  await details(pageA).getByLabel("Title (English)").fill(title);
  await details(pageA).getByLabel("Note (why)").fill("Closer translation");
  await details(pageA).getByRole("button", { name: "Save details" }).click();
  await expect(details(pageA).getByRole("status")).toContainText("Saved as version");

  await details(pageB).getByLabel("Target date").fill("2030-01-01");
  await details(pageB).getByLabel("Note (why)").fill("Deadline announced");
  await details(pageB).getByRole("button", { name: "Save details" }).click();
  const alert = details(pageB).getByRole("alert");
  await expect(alert).toContainText("Someone else changed this initiative while you were editing. Nothing was saved.");
  await expect(alert).toContainText("by First Editor");
  await expect(alert).toContainText("Closer translation");

  await pageB.reload();
  await expect(pageB.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(pageB.getByText("Deadline announced")).toHaveCount(0);
  await a.close();
  await b.close();
});

test("sign-in: one message for a wrong password and an unknown e-mail, and a deactivated account is refused", async ({ page, admin }) => {
  const editor = await createAccount("editor", "Soon Deactivated");
  const attempt = async (email: string, password: string) => {
    await page.goto("/en/sign-in");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    return page.getByRole("main").getByRole("alert");
  };
  await expect(await attempt(editor.email, "wrong password!")).toHaveText("Wrong e-mail or password.");
  await expect(await attempt("nobody-here@example.test", "wrong password!")).toHaveText("Wrong e-mail or password.");

  await signIn(page, admin);
  await page.goto("/en/admin");
  await page.getByRole("button", { name: `Deactivate ${editor.email}` }).click();
  await expect(page.locator(`tr[data-email="${editor.email}"]`)).toContainText("Deactivated");
  await page.getByRole("button", { name: "Sign out" }).click();
  // Signed out before the next visit: leaving earlier can abort the sign-out, and until the header
  // offers signing in, /en/sign-in still sends the admin to the editor's desk.
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  // Only someone who knows the password learns that the account is deactivated.
  await expect(await attempt(editor.email, editor.password)).toHaveText("This account has been deactivated. Ask an administrator to reactivate it.");
});

test("anonymous visitors are sent to sign in; editors cannot open the admin page", async ({ page }) => {
  await page.goto("/en/editor");
  await expect(page).toHaveURL(/\/en\/sign-in$/);
  await logIn(page, await createAccount("editor"));
  await page.goto("/en/admin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
});

test("signing out everywhere ends the sessions on every device", async ({ browser }) => {
  const editor = await createAccount("editor", "Two Devices");
  const [laptop, phone] = await Promise.all([browser.newContext(), browser.newContext()]);
  const onLaptop = await laptop.newPage();
  const onPhone = await phone.newPage();
  await signIn(onLaptop, editor);
  await signIn(onPhone, editor);
  await onLaptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(onLaptop).toHaveURL(/\/en\/sign-in$/);
  await onPhone.goto("/en/editor");
  await expect(onPhone).toHaveURL(/\/en\/sign-in$/);
  await expect(onPhone.getByRole("link", { name: "Sign in" })).toBeVisible();
  await laptop.close();
  await phone.close();
});
