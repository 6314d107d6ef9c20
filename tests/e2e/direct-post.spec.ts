import type { APIRequestContext, Page } from "@playwright/test";
import { e2eDatabase } from "./database";
import { createAccount, expect, logIn, test } from "./fixtures";

/** Counts that any accepted mutation would change. */
async function databaseState() {
  const db = e2eDatabase();
  return {
    history: await db.historyEntry.count(),
    users: await db.user.count(),
    settings: await db.setting.findMany({ select: { key: true, value: true }, orderBy: { key: "asc" } }),
    versions: await db.initiative.findMany({ select: { slug: true, version: true, status: true }, orderBy: { id: "asc" } }),
  };
}

/** Everything the browser would send for the form: the action reference React renders plus the fields. */
async function capture(page: Page, formName: string): Promise<Record<string, string>> {
  const form = page.getByRole("form", { name: formName });
  return form.evaluate((element) => {
    const data = new FormData(element as HTMLFormElement);
    const fields: Record<string, string> = {};
    for (const [key, value] of data.entries()) fields[key] = String(value);
    return fields;
  });
}

async function replay(request: APIRequestContext, origin: string, path: string, fields: Record<string, string>, cookie?: string) {
  const response = await request.post(path, {
    multipart: fields,
    headers: { Origin: origin, ...(cookie ? { Cookie: cookie } : {}) },
    maxRedirects: 0,
  });
  expect(response.status()).toBeLessThan(500);
  return response;
}

test("mutations sent straight over HTTP, bypassing the UI, change nothing without the right session", async ({ page, admin, playwright, baseURL }) => {
  const editor = await createAccount("editor", "Direct Post Editor");
  const editorContext = await page.context().browser()!.newContext();
  await logIn(await editorContext.newPage(), editor);
  const editorCookie = (await editorContext.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const anonymous = await playwright.request.newContext({ baseURL });
  const origin = new URL(baseURL!).origin;

  await logIn(page, admin);
  const adminCookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

  const initiativePath = "/en/initiatives/ai-declaration";
  await page.goto(initiativePath);
  const status = page.getByRole("form", { name: "Change status or stage" });
  await status.getByLabel("New status").selectOption("in_preparation");
  await status.getByLabel("Note (why)").fill("Replayed");
  await status.getByLabel("A link").check();
  await status.getByLabel("Link (http or https)").fill("https://example.org/replay");
  await status.getByLabel("Title of the linked page").fill("Replay");
  await status.getByLabel("Date of the linked page").fill("2026-01-01");
  const statusFields = await capture(page, "Change status or stage");
  expect(Object.keys(statusFields).some((key) => key.startsWith("$ACTION"))).toBe(true);

  await page.goto("/en/admin");
  const create = page.getByRole("form", { name: "Create an account" });
  await create.getByLabel("E-mail").fill("intruder@example.test");
  await create.getByLabel("Display name").fill("Intruder");
  await create.getByLabel("Role").selectOption("admin");
  await create.getByLabel("Initial password").fill("intruder password 1");
  const createFields = await capture(page, "Create an account");

  const before = await databaseState();
  for (const cookie of [undefined, `tracker_session=forged-token`]) {
    await replay(anonymous, origin, initiativePath, statusFields, cookie);
    await replay(anonymous, origin, "/en/admin", createFields, cookie);
  }
  await replay(anonymous, origin, "/en/admin", createFields, editorCookie);
  expect(await databaseState()).toEqual(before);

  // The same requests with the admin's own session do go through: the refusals above were about who asked.
  await replay(anonymous, origin, initiativePath, statusFields, adminCookie);
  await replay(anonymous, origin, "/en/admin", createFields, adminCookie);
  const after = await databaseState();
  expect(after.history).toBe(before.history + 1);
  expect(after.users).toBe(before.users + 1);

  await anonymous.dispose();
  await editorContext.close();
});
