import { expect, test } from "@playwright/test";
import { e2eDatabase } from "./database";
import { createAccount, logIn } from "./fixtures";

const PAGES = ["/", "/en/initiatives?q=водных", "/initiatives/ai-declaration", "/en/sign-in", "/en/countries", "/initiatives/no-such-page"];
const OTHER = ["/api/v1/initiatives?pageSize=1", "/api/v1/initiatives?status=bad", "/feeds/history.atom", "/api/export/initiatives.csv", "/api/health"];

function directives(csp: string): Map<string, string> {
  return new Map(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values.join(" ")]),
  );
}

test("every response carries the security headers; pages get an enforced CSP with a fresh nonce and no unsafe-inline scripts", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of PAGES) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["x-request-id"], path).toMatch(/^[A-Za-z0-9._-]{8,}$/);
    expect(headers["content-security-policy-report-only"], path).toBeUndefined();
    const csp = directives(headers["content-security-policy"] ?? "");
    const scriptSrc = csp.get("script-src") ?? "";
    expect(scriptSrc, path).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(scriptSrc, path).not.toContain("'unsafe-inline'");
    expect(scriptSrc, path).not.toContain("'unsafe-eval'");
    expect(csp.get("frame-ancestors"), path).toBe("'none'");
    expect(csp.get("object-src"), path).toBe("'none'");
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
    nonces.add(nonce);
    // Every script in the page carries that nonce, so none runs without it.
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(PAGES.length);

  for (const path of OTHER) {
    const headers = (await request.get(path)).headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(directives(headers["content-security-policy"] ?? "").get("frame-ancestors"), path).toBe("'none'");
    expect(headers["x-request-id"], path).toBeTruthy();
  }
});

test("HSTS is sent only when the request came over https", async ({ request }) => {
  expect((await request.get("/en")).headers()["strict-transport-security"]).toBeUndefined();
  const https = await request.get("/en", { headers: { "x-forwarded-proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
});

test("pages work under the CSP: no violations, and client-side validation runs", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/en/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("This field is required.").first()).toBeVisible();
  for (const path of ["/", "/en/countries", "/en/targets", "/en/initiatives/ai-declaration"]) await page.goto(path);
  expect(violations).toEqual([]);
});

test("cross-origin and origin-less POSTs to pages are refused before any action runs", async ({ page, request, baseURL }) => {
  const editor = await createAccount("editor", "Origin Editor");
  await logIn(page, editor);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const path = "/en/initiatives/single-tourism-space";
  await page.goto(path);
  const form = page.getByRole("form", { name: "Verification" });
  const fields = await form.evaluate((element) => Object.fromEntries([...new FormData(element as HTMLFormElement)].map(([k, v]) => [k, String(v)])));
  const count = () => e2eDatabase().historyEntry.count();
  const before = await count();
  const attempts: Record<string, string>[] = [{ Origin: "http://evil.example", Cookie: cookie }, { Cookie: cookie }, { Origin: "null", Cookie: cookie }];
  for (const headers of attempts) {
    const response = await request.post(path, { multipart: fields, headers, maxRedirects: 0 });
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ error: expect.stringContaining("refused"), requestId: expect.any(String) });
  }
  expect(await count()).toBe(before);
  // The same request from our own origin goes through: the refusals were about the origin.
  const ok = await request.post(path, { multipart: fields, headers: { Origin: new URL(baseURL!).origin, Cookie: cookie }, maxRedirects: 0 });
  expect(ok.status()).toBe(200);
  expect(await count()).toBe(before + 1);
});

test("every mutation form, replayed cross-origin or without a session, changes nothing", async ({ page, request, baseURL }) => {
  const admin = await createAccount("admin", "Replay Admin");
  await logIn(page, admin);
  const adminCookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const origin = new URL(baseURL!).origin;
  const state = async () => {
    const db = e2eDatabase();
    const counts = await Promise.all([
      db.historyEntry.count(),
      db.pendingChange.count(),
      db.user.count(),
      db.setting.count(),
      db.participation.count(),
      db.metricReading.count(),
      db.quote.count(),
    ]);
    const versions = (await db.initiative.findMany({ select: { version: true }, orderBy: { id: "asc" } })).map((row) => row.version);
    return JSON.stringify({ counts, versions });
  };
  // Every form a signed-in admin sees, with the fields the browser would send.
  const forms: { path: string; name: string; fields: Record<string, string> }[] = [];
  for (const path of ["/en/initiatives/intra-regional-trade-20bn", "/en/admin", "/en/editor"]) {
    await page.goto(path);
    const found = await page.locator("form").evaluateAll((elements) =>
      elements
        .map((element) => ({
          name: element.getAttribute("aria-label") ?? element.getAttribute("aria-labelledby") ?? "",
          fields: Object.fromEntries([...new FormData(element as HTMLFormElement)].map(([key, value]) => [key, String(value)])),
        }))
        .filter((form) => Object.keys(form.fields).some((key) => key.startsWith("$ACTION"))),
    );
    forms.push(...found.map((form) => ({ path, ...form })));
  }
  expect(forms.length).toBeGreaterThanOrEqual(8);
  const before = await state();
  for (const form of forms) {
    const attempts: Record<string, string>[] = [
      { Origin: "http://evil.example", Cookie: adminCookie },
      { Origin: origin },
      { Origin: origin, Cookie: "tracker_session=forged" },
    ];
    for (const headers of attempts) {
      const response = await request.post(form.path, { multipart: form.fields, headers, maxRedirects: 0 });
      expect(response.status(), `${form.name} ${JSON.stringify(Object.keys(headers))}`).toBeLessThan(500);
    }
  }
  expect(await state()).toBe(before);
});
