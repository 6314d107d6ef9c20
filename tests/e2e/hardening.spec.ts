import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { E2E_DATABASE_URL, expect, test } from "./fixtures";

/** Every spec signs in from this machine's address: forget the counters a test ran up. */
function clearSignInLimits() {
  const db = new Database(E2E_DATABASE_URL.replace(/^file:/, ""));
  try {
    db.prepare(`DELETE FROM "RateLimit" WHERE "key" LIKE 'sign-in:%'`).run();
  } finally {
    db.close();
  }
}

/** The sign-in form's fields as the browser would send them (React's action reference included). */
async function signInFields(page: Page, email: string, password: string): Promise<Record<string, string>> {
  await page.goto("/en/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  return page.locator("form", { has: page.getByLabel("Password") }).evaluate((form) => {
    const fields: Record<string, string> = {};
    for (const [key, value] of new FormData(form as HTMLFormElement).entries()) fields[key] = String(value);
    return fields;
  });
}

test.afterEach(clearSignInLimits);

test("a rotated X-Forwarded-For does not buy more sign-in attempts: the limit keys on the socket's address", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const fields = await signInFields(page, "nobody@example.test", "wrong password");
  const answers: string[] = [];
  for (let i = 0; i < 31; i++) {
    const response = await page.request.post("/en/sign-in", {
      multipart: { ...fields, email: `rotating-${i}@example.test` },
      headers: { Origin: origin, "X-Forwarded-For": `198.51.100.${i}`, Accept: "text/html" },
      maxRedirects: 0,
    });
    expect(response.status()).toBeLessThan(500);
    answers.push(await response.text());
  }
  expect(answers.slice(0, 30).every((html) => html.includes("Wrong e-mail or password."))).toBe(true);
  expect(answers[30]).toContain("Too many sign-in attempts");
});
