import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { APIResponse } from "@playwright/test";
import { createSession, SESSION_COOKIE } from "../../lib/auth/sessions";
import { REQUEST_ID_PLACEHOLDER } from "../../lib/cache/html-cache";
import { createPrismaClient } from "../../lib/db/create-client";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { NONCE_PLACEHOLDER } from "../../lib/security/front";
import { createUser } from "../../lib/users/manage-users";
import { confirmedSubscription } from "./database";
import { expect, test } from "./fixtures";
import { E2E_PORT } from "./ports";
import { chunkRequestTimes, headChunkScripts } from "./script-timing";
import { changeStatus } from "./status-change";

/**
 * The app alone (`next start`, no nginx) answers anonymous page GETs from its own HTML cache
 * (docs/decisions/041-in-app-html-cache.md) with a fresh nonce in every response. This spec runs a
 * server of its own on a database of its own, with entries kept for a minute: a write must show
 * because it empties the cache, not because an entry ran out.
 */
const PORT = Number(process.env.E2E_HTML_CACHE_PORT ?? E2E_PORT + 2);
const origin = `http://localhost:${PORT}`;
const slug = "regional-security-concept";
let dir = "";
let server: ChildProcess | null = null;
let database: PrismaClient | null = null;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = mkdtempSync(path.join(tmpdir(), "tracker-html-cache-e2e-"));
  const databaseUrl = `file:${path.join(dir, "tracker.db")}`;
  const reset = spawnSync("npx", ["tsx", "scripts/cli/db-reset.ts"], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
  if (reset.status !== 0) throw new Error(`db-reset failed: ${reset.stderr}`);
  database = createPrismaClient(databaseUrl, 10_000);
  server = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "localhost"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: databaseUrl, HTML_CACHE_TTL_MS: "60000", NEXT_TELEMETRY_DISABLED: "1" },
  });
  let output = "";
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk));
  const deadline = Date.now() + 60_000;
  while ((await fetch(`${origin}/api/health`).catch(() => null))?.status !== 200) {
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`next start did not become healthy:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});

test.afterAll(async () => {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
  await database?.$disconnect();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function nonceOf(response: APIResponse | { headers: () => Record<string, string> }): string {
  return /script-src [^;]*'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1] ?? "";
}

/** Every script tag in the page carries the nonce of its CSP header, and no placeholder is left. */
function expectOwnNonce(html: string, nonce: string) {
  expect(nonce.length).toBeGreaterThan(15);
  expect(html).not.toContain(NONCE_PLACEHOLDER);
  expect(html).not.toContain(REQUEST_ID_PLACEHOLDER);
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(3);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  // The RSC payload names it too (JSON-escaped): React hands it to the scripts it adds later.
  expect(html).toContain(`\\"nonce\\":\\"${nonce}\\"`);
}

async function editorCookie(name: string) {
  const user = await createUser(database!, {
    email: `html-cache-${Date.now()}@example.test`,
    displayName: name,
    role: "editor",
    password: `pw-${Date.now()}-test`,
  });
  const { token } = await createSession(database!, user.id);
  return { name: SESSION_COOKIE, value: token, domain: "localhost", path: "/" };
}

test("two anonymous loads of a cached page get their own nonces, run under their CSP and hydrate", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
  });
  const first = (await page.goto(`${origin}/en/sign-in`))!;
  const firstHtml = await first.text();
  const second = (await page.goto(`${origin}/en/sign-in`))!;
  expect(second.headers()["x-app-cache"]).toBe("hit");
  const [a, b] = [nonceOf(first), nonceOf(second)];
  expect(a).not.toBe(b);
  expectOwnNonce(firstHtml, a);
  expectOwnNonce(await second.text(), b);
  expect(second.headers()["content-security-policy"]).toContain("'strict-dynamic'");
  expect(second.headers()["content-security-policy"]).not.toContain("'unsafe-inline' 'strict");
  expect(first.headers()["x-request-id"]).not.toBe(second.headers()["x-request-id"]);
  // Each page names its own request id, the one in its header.
  expect(await second.text()).toContain(`<meta name="request-id" content="${second.headers()["x-request-id"]}"/>`);

  // The copy from the cache hydrated: the form's own client-side check answers.
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("This field is required.").first()).toBeVisible();
  // And the router's navigation (RSC requests, never answered from the HTML cache) works under the CSP.
  await page.goto(`${origin}/en`);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Initiatives" }).first().click();
  await expect(page).toHaveURL(/\/en\/initiatives$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Initiatives");
  expect(violations).toEqual([]);
});

test("a shared page asks for its scripts once it is parsed and drawn, then hydrates; so do a session's page and an alert's, never kept", async ({
  browser,
  page,
}) => {
  const pagePath = `${origin}/en/initiatives/ai-declaration`;
  const shared = (await page.goto(pagePath))!;
  expect(shared.headers()["x-app-cache"]).toMatch(/^(miss|hit)$/);
  expect(headChunkScripts(await shared.text())).toEqual([]);
  const { parsed, requested } = await chunkRequestTimes(page);
  expect(requested.length).toBeGreaterThan(3);
  for (const at of requested) expect(at).toBeGreaterThanOrEqual(parsed);
  // Hydrated: the suggestion form loads once opened and checks in the browser.
  await page.getByText("Suggest an update or a correction").click();
  const suggest = page.getByTestId("suggest-form");
  await suggest.getByLabel("What should change, and why").fill("Short");
  await suggest.getByRole("button", { name: "Send the suggestion" }).click();
  await expect(suggest.getByText("Write at least 10 characters.")).toBeVisible();

  const context = await browser.newContext();
  await context.addCookies([await editorCookie("Script Order Editor")]);
  const editor = await context.newPage();
  const own = (await editor.goto(pagePath))!;
  expect(own.headers()["x-app-cache"]).toBeUndefined();
  expect(headChunkScripts(await own.text())).toEqual([]);
  const times = await chunkRequestTimes(editor);
  expect(times.requested.length).toBeGreaterThan(3);
  for (const at of times.requested) expect(at).toBeGreaterThanOrEqual(times.parsed);
  await expect(editor.getByTestId("signed-in-as")).toContainText("Script Order Editor");
  await editor.getByText("Suggest an update or a correction").click();
  await editor.getByTestId("suggest-form").getByRole("button", { name: "Send the suggestion" }).click();
  await expect(editor.getByTestId("suggest-form").getByText("This field is required.").first()).toBeVisible();
  await context.close();

  // An alert's page (its secret link, no session): rendered for the reader, with a nonce of its own.
  const token = await confirmedSubscription("script-order", database!);
  const alert = (await page.goto(`${origin}/en/alerts/${token}`))!;
  expect(alert.headers()["x-app-cache"]).toBeUndefined();
  const alertHtml = await alert.text();
  expect(alertHtml).not.toContain(NONCE_PLACEHOLDER);
  const nonce = /'nonce-([^']+)'/.exec(alert.headers()["content-security-policy"] ?? "")?.[1];
  expect(alertHtml).toContain(`nonce="${nonce}"`);
  expect(headChunkScripts(alertHtml)).toEqual([]);
  const alertTimes = await chunkRequestTimes(page);
  expect(alertTimes.requested.length).toBeGreaterThan(3);
  for (const at of alertTimes.requested) expect(at).toBeGreaterThanOrEqual(alertTimes.parsed);
});

test("a signed-in editor is never served the cached copy; a forged session cookie gets a correct page of its own", async ({ browser, request }) => {
  const pagePath = `${origin}/en/initiatives/${slug}`;
  await request.get(pagePath);
  const anonymous = await request.get(pagePath);
  expect(anonymous.headers()["x-app-cache"]).toBe("hit");
  const anonymousHtml = await anonymous.text();
  expect(anonymousHtml).not.toContain('data-testid="signed-in-as"');

  const context = await browser.newContext();
  await context.addCookies([await editorCookie("Cache Check Editor")]);
  const editor = await context.newPage();
  const response = (await editor.goto(pagePath))!;
  expect(response.headers()["x-app-cache"]).toBeUndefined();
  await expect(editor.getByTestId("signed-in-as")).toContainText("Cache Check Editor");
  await expect(editor.getByRole("form", { name: "Change status or stage" })).toBeVisible();
  await context.close();
  // The anonymous copy is still anonymous.
  expect(await (await request.get(pagePath)).text()).not.toContain("Cache Check Editor");

  // Named like a session but not one: rendered for itself (not from the cache, not kept), as anonymous.
  const forged = await request.get(pagePath, { headers: { cookie: `${SESSION_COOKIE}=forged-session-token` } });
  expect(forged.status()).toBe(200);
  expect(forged.headers()["x-app-cache"]).toBeUndefined();
  const forgedHtml = await forged.text();
  expectOwnNonce(forgedHtml, nonceOf(forged));
  expect(forgedHtml).not.toContain('data-testid="signed-in-as"');
  expect(forgedHtml).toContain(">Sign in<");
  expect(forgedHtml.match(/<h1[^>]*>[^<]*<\/h1>/)?.[0]).toBe(anonymousHtml.match(/<h1[^>]*>[^<]*<\/h1>/)?.[0]);
});

test("after an editor's status change the anonymous page shows it at once", async ({ browser, request }) => {
  const pagePath = `${origin}/en/initiatives/${slug}`;
  const note = `HTML cache test ${Date.now()}: work on the concept has begun.`;
  await request.get(pagePath);
  const before = await request.get(pagePath);
  expect(before.headers()["x-app-cache"]).toBe("hit");
  expect(await before.text()).not.toContain(note);

  const context = await browser.newContext();
  await context.addCookies([await editorCookie("Status Editor")]);
  const editor = await context.newPage();
  await changeStatus(editor, pagePath, { status: "in_progress", note, day: "2026-10-01", link: "https://example.org/test-only", linkTitle: "Test page" });
  await context.close();

  // Entries here live a minute: only the write emptying the cache can make this page new.
  const after = await request.get(pagePath);
  expect(after.headers()["x-app-cache"]).toBe("miss");
  expect(await after.text()).toContain(note);
  // Rendered once more and kept again.
  expect((await request.get(pagePath)).headers()["x-app-cache"]).toBe("hit");
});

test("what is not kept is still answered as rendered: the redirect of /ru, a missing page", async ({ request }) => {
  for (let k = 0; k < 2; k++) {
    const redirect = await request.get(`${origin}/ru/initiatives`, { maxRedirects: 0 });
    expect(redirect.status()).toBeGreaterThanOrEqual(300);
    expect(redirect.status()).toBeLessThan(400);
    expect(new URL(redirect.headers()["location"] ?? "", origin).toString()).toBe(`${origin}/initiatives`);
    const missing = await request.get(`${origin}/en/initiatives/no-such-initiative-here`);
    expect(missing.status()).toBe(404);
    expect(missing.headers()["x-app-cache"]).toBe("uncacheable");
    expectOwnNonce(await missing.text(), nonceOf(missing));
  }
  const russian = await request.get(`${origin}/initiatives`);
  expect(russian.status()).toBe(200);
  expect(await russian.text()).toContain('<html lang="ru"');
});

test("the suite's own server (default settings) answers anonymous pages from its HTML cache", async ({ request }) => {
  await request.get("/en/countries");
  const again = await request.get("/en/countries");
  expect(["hit", "miss"]).toContain(again.headers()["x-app-cache"]);
  expectOwnNonce(await again.text(), nonceOf(again));
});
