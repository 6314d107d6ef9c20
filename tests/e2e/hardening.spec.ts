import http from "node:http";
import type { Page } from "@playwright/test";
import { e2eDatabase } from "./database";
import { expect, signIn, test } from "./fixtures";

/** Every spec signs in from this machine's address: forget the counters a test ran up. */
async function clearSignInLimits() {
  await e2eDatabase().rateLimit.deleteMany({ where: { key: { startsWith: "sign-in:" } } });
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

test("editor pages run without a single CSP violation (no eval probe)", async ({ page, admin }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const consoleViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) consoleViolations.push(message.text());
  });
  // The sign-in page's schema, like the admin's and the password forms', once pulled node:crypto's browser
  // polyfill into the page, whose load-time `Function(...)` probe was the admin page's eval violation.
  await page.goto("/en/sign-in");
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), "/en/sign-in").toEqual([]);
  await signIn(page, admin);
  for (const path of [
    "/en/initiatives/ai-declaration",
    "/en/editor",
    "/en/admin",
    "/admin",
    "/initiatives/ai-declaration",
    "/en/reset-password/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  ]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    // Client-side validation runs the zod schemas: submit a form with a required field left empty.
    if (path === "/en/initiatives/ai-declaration") {
      const form = page.getByRole("form", { name: "Change status or stage" });
      await form.getByLabel("A link").check();
      await form.getByLabel("Link (http or https)").fill("javascript:alert(1)");
      await form.getByRole("button", { name: "Save status" }).click();
      await expect(form.getByText("Enter a full http:// or https:// link.")).toBeVisible();
    }
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), path).toEqual([]);
  }
  expect(consoleViolations).toEqual([]);
});

test("malformed percent-encoding and TRACE answer 400 JSON with the security headers and a request id", async ({ request, baseURL }) => {
  for (const path of ["/initiatives/100%25", "/%FF", "/en/%C3%28", "/%", "/feeds/%G1/history.atom"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    const headers = response.headers();
    expect(headers["content-type"], path).toContain("application/json");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["content-security-policy"], path).toContain("default-src 'none'");
    expect(headers["x-request-id"], path).toMatch(/^[A-Za-z0-9._-]{8,}$/);
    expect(await response.json(), path).toMatchObject({ error: "Malformed percent-encoding in the address.", details: [], requestId: headers["x-request-id"] });
  }
  const trace = await request.fetch("/", { method: "TRACE" });
  expect(trace.status()).toBe(400);
  expect(trace.headers()["x-frame-options"]).toBe("DENY");

  // A server-action post that is not a form: a 4xx with a message, not a 500.
  const origin = new URL(baseURL!).origin;
  const plain = await request.post("/en/sign-in", {
    data: "not a form",
    headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8", Origin: origin },
  });
  expect(plain.status()).toBe(415);
  expect((await plain.json()).error).toMatch(/multipart\/form-data/);
  const big = await request.post("/en/sign-in", {
    multipart: { field: "x".repeat(1024 * 1024 + 10) },
    headers: { "Next-Action": "0".repeat(42), Origin: origin },
  });
  expect(big.status()).toBe(413);

  // Multipart without its boundary, and a body sent without a length (chunked): Next.js answered both with a 500.
  const noBoundary = await request.post("/en/sign-in", {
    data: "garbage",
    headers: { "Next-Action": "0".repeat(42), "Content-Type": "multipart/form-data", Origin: origin },
  });
  expect(noBoundary.status()).toBe(400);
  expect(await noBoundary.json()).toMatchObject({ error: expect.stringContaining("boundary"), details: [] });
  const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const sent = http.request(
      new URL("/en/sign-in", baseURL),
      {
        method: "POST",
        headers: { "Next-Action": "0".repeat(42), "Content-Type": "multipart/form-data; boundary=XX", "Transfer-Encoding": "chunked", Origin: origin },
      },
      (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    sent.on("error", reject);
    sent.end("a".repeat(1024 * 1024 + 10));
  });
  expect(chunked.status).toBe(411);
  expect(JSON.parse(chunked.body)).toMatchObject({ error: expect.stringContaining("Content-Length") });

  // A multipart body cut off mid-part, sent with its true length: Next.js answered a bare 500.
  const boundary = "----cut-off-test";
  const cutOff = `--${boundary}\r\nContent-Disposition: form-data; name="email"\r\n\r\nsomeone@exa`;
  const truncated = await request.post("/en/sign-in", {
    data: Buffer.from(cutOff),
    headers: { "Next-Action": "0".repeat(42), "Content-Type": `multipart/form-data; boundary=${boundary}`, Origin: origin },
  });
  expect(truncated.status()).toBe(400);
  expect(truncated.headers()["x-frame-options"]).toBe("DENY");
  expect(truncated.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(await truncated.json()).toMatchObject({ error: expect.stringContaining("cut off"), details: [], requestId: truncated.headers()["x-request-id"] });
});

test("'what changed since 1900' is paged, not the whole history at once", async ({ page, admin }) => {
  // Test data: 120 old verification entries, so the history is longer than two pages.
  const db = e2eDatabase();
  const { id } = await db.initiative.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } });
  const { id: authorId } = await db.user.findUniqueOrThrow({ where: { email: admin.email }, select: { id: true } });
  // Editors' entries dated by their effective date: the page lists those, not the seed's imported ones.
  await db.historyEntry.createMany({
    data: Array.from({ length: 120 }, (_, i) => {
      const at = new Date(Date.UTC(1950, 0, 1) + i * 60_000);
      return { initiativeId: id, kind: "verification" as const, note: `paging test ${i}`, version: 900_000 + i, recordedAt: at, effectiveOn: at, authorId };
    }),
  });
  await page.goto("/en/changes?since=1900-01-02");
  const entries = page.locator("main section li");
  await expect(page.getByTestId("changes-summary")).toContainText("Page 1: changes 1–50.");
  const pages = page.getByRole("navigation", { name: "Pages of changes" });
  await pages.getByRole("link", { name: "Older changes →" }).click();
  await expect(page).toHaveURL(/since=1900-01-02&page=2$/);
  await expect(page.getByTestId("changes-summary")).toContainText("Page 2: changes 51–100.");
  await expect(pages.getByRole("link", { name: "← Newer changes" })).toBeVisible();
  expect(await entries.count()).toBeGreaterThan(0);
});
