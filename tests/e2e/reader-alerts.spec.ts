import { expect, test } from "@playwright/test";
import { linkIn, startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";
import { createAccount, logIn } from "./fixtures";
import { changeStatus } from "./status-change";

// The app (started by playwright.config.ts) sends to this port; here a real SMTP server listens on it.
let sink: SmtpSink;
test.beforeAll(async () => {
  sink = await startSmtpSink(Number(process.env.E2E_SMTP_PORT));
});
test.afterAll(async () => {
  await sink?.close();
});

const SLUG = "semey-chip-electronics-production";

const evidence = { day: "2026-11-30", link: "https://example.org/e2e-test-evidence", linkTitle: "E2E test evidence" };

test("a reader follows an initiative by e-mail: subscribe, confirm, change, digest, unsubscribe", async ({ page, browser }) => {
  const email = `reader-${Date.now()}@reader.test`;
  await page.goto(`/en/initiatives/${SLUG}`);
  const follow = page.getByRole("region", { name: "Follow by e-mail" });
  await follow.getByRole("button", { name: "Follow" }).click();
  await expect(follow.getByLabel("E-mail")).toBeFocused();
  await expect(follow.getByText("This field is required.")).toBeVisible();
  await follow.getByLabel("E-mail").fill(email);
  await follow.getByLabel("One digest a day").check();
  await follow.getByRole("button", { name: "Follow" }).click();
  await expect(follow.getByRole("status")).toHaveText(`Almost done: we sent a link to ${email}. Open it to confirm; nothing is sent until then.`);
  await expect(follow.getByLabel("E-mail")).toHaveValue(email);

  const confirmation = await sink.waitFor(email);
  expect(confirmation.subject).toMatch(/^Confirm your alert: /);
  await page.goto(linkIn(confirmation.text, /\/alerts\//));
  await expect(page.getByTestId("alert-about")).toContainText(email);
  await page.getByRole("button", { name: "Confirm the alert" }).click();
  await expect(page.getByRole("status")).toHaveText("Confirmed. Changes will be sent to this address.");

  await page.reload();
  await expect(page.getByText("Now: One digest a day.")).toBeVisible();
  await page.getByLabel("A message at every change").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");

  // An editor changes the initiative in another browser; the reader's mail arrives.
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await logIn(editor, await createAccount("editor", "Alerts Editor"));
  await changeStatus(editor, `/en/initiatives/${SLUG}`, { status: "stalled", note: "Production paused (e2e test)", ...evidence });
  const digest = await sink.waitFor(email, (mail) => mail.subject.endsWith("1 change"));
  expect(digest.text).toContain("Status: In progress → Stalled");
  expect(digest.text).toContain("Note: Production paused (e2e test)");
  await page.goto(linkIn(digest.text, new RegExp(`/initiatives/${SLUG}#entry-\\d+$`)));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.goto(linkIn(digest.text, /\/unsubscribe$/));
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("status")).toHaveText("Unsubscribed. No more messages will be sent, and the address was deleted.");
  await page.goto(linkIn(digest.text, /\/alerts\/[^/]+$/));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This alert does not exist");

  // Back as it was, for the other specs; the reader hears nothing more.
  await changeStatus(editor, `/en/initiatives/${SLUG}`, { status: "in_progress", note: "Restored after the alerts test", ...evidence });
  await editorContext.close();
  await page.waitForTimeout(500);
  expect(sink.messages.filter((mail) => mail.to === email)).toHaveLength(2);
});

test("a mail program's one-click unsubscribe POST works without an Origin", async ({ request, page }) => {
  const email = `oneclick-${Date.now()}@reader.test`;
  await page.goto("/countries/KZ");
  const follow = page.getByRole("region", { name: "Подписаться по e-mail" });
  await follow.getByLabel("Электронная почта").fill(email);
  await follow.getByRole("button", { name: "Подписаться" }).click();
  await expect(follow.getByRole("status")).toContainText(email);
  const confirmation = await sink.waitFor(email);
  expect(confirmation.subject).toBe("Подтвердите подписку: Казахстан");
  const token = linkIn(confirmation.text, /\/alerts\//).split("/alerts/")[1]!;
  const response = await request.post(`/api/alerts/unsubscribe?token=${token}`, {
    data: "List-Unsubscribe=One-Click",
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  expect(response.status()).toBe(200);
  await page.goto(`/alerts/${token}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Такой подписки нет");
  // Every other POST without our Origin is still refused.
  expect((await request.post("/api/v1/initiatives")).status()).toBe(403);
});
