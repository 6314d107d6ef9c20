import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureNginx, startProxyNginx } from "../../scripts/bench/nginx";
import { stopGroup, type Group } from "../../scripts/bench/processes";
import { confirmedSubscription } from "./database";
import { createAccount, expect, signIn, test } from "./fixtures";
import { E2E_FRONT_PORT, E2E_FRONT_SECRET, E2E_PORT } from "./ports";
import { chunkRequestTimes, headChunkScripts } from "./script-timing";

// The app behind a copy of deploy/nginx.conf (docs/decisions/016-public-caching.md): cached pages
// with a fresh nonce per response, the cache bypassed only for sessions the app confirms, and a
// write visible through the cache within a second: the app asks the front for a fresh copy.
const FRONT_PORT = E2E_FRONT_PORT;
const front = `http://localhost:${FRONT_PORT}`;
let nginx: Group | null = null;
let dir = "";

test.beforeAll(async () => {
  const binary = ensureNginx((line) => console.log(line));
  if (!binary) throw new Error("nginx is needed for the front tests (apt-get install nginx)");
  dir = mkdtempSync(path.join(tmpdir(), "tracker-front-e2e-"));
  // nginx started as root runs its workers unprivileged: they must be able to use the cache folder.
  chmodSync(dir, 0o755);
  nginx = await startProxyNginx(binary, dir, FRONT_PORT, E2E_PORT, E2E_FRONT_SECRET);
});

test.afterAll(async () => {
  if (nginx) await stopGroup(nginx);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function nonceOf(csp: string): string {
  return /script-src [^;]*'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
}

test("cached pages carry a fresh nonce in every response, in the CSP header and in every script", async ({ request }) => {
  const seen = new Set<string>();
  const statuses: string[] = [];
  for (let k = 0; k < 4; k++) {
    const response = await request.get(`${front}/en/countries`);
    expect(response.status()).toBe(200);
    const csp = response.headers()["content-security-policy"] ?? "";
    const html = await response.text();
    const nonce = nonceOf(csp);
    expect(nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(csp).toContain("'strict-dynamic'");
    expect(csp).not.toContain("unsafe-inline' 'strict");
    expect(html).not.toContain("TrackerFrontNoncePlaceholder");
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
    seen.add(nonce);
    statuses.push(response.headers()["x-cache-status"] ?? "");
  }
  expect(statuses.filter((status) => status === "HIT" || status === "UPDATING").length).toBeGreaterThan(0);
  expect(seen.size).toBe(4);
});

test("every public page kind is kept: a second anonymous request is a cache hit, with its own id", async ({ request }) => {
  const paths = [
    "/",
    "/en",
    "/en/initiatives/ai-declaration",
    "/en/initiatives?status=agreed",
    "/en/initiatives?q=tourism",
    "/en/search?q=tourism",
    "/en/countries",
    "/api/v1/initiatives?pageSize=5",
    "/feeds/history.atom?lang=en",
  ];
  for (const path of paths) {
    // A copy lives to the end of its second: two requests may fall on either side of its end.
    let second = "";
    for (let attempt = 0; attempt < 5 && !["HIT", "UPDATING"].includes(second); attempt++) {
      const first = await request.get(`${front}${path}`);
      expect(first.status(), path).toBe(200);
      const again = await request.get(`${front}${path}`);
      expect(again.status(), path).toBe(200);
      second = again.headers()["x-cache-status"] ?? "";
      // One request id per response: nginx's own, never the app's from the request that filled the copy.
      const ids = again.headersArray().filter(({ name }) => name.toLowerCase() === "x-request-id");
      expect(
        ids.map(({ value }) => value),
        path,
      ).toEqual([expect.stringMatching(/^[0-9a-f]{32}$/)]);
      expect(ids[0]!.value, path).not.toBe(first.headers()["x-request-id"]);
    }
    expect(second, path).toMatch(/^(HIT|UPDATING)$/);
  }
});

test("a cached page runs in the browser under its CSP", async ({ browser, page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(`${front}/en/sign-in`);
  // A copy lives to the end of its second: a page load may cross it, so load it again until it comes from the cache.
  let status = "";
  for (let attempt = 0; attempt < 5 && !["HIT", "UPDATING", "STALE"].includes(status); attempt++) {
    status = (await page.goto(`${front}/en/sign-in`))!.headers()["x-cache-status"] ?? "";
  }
  expect(["HIT", "UPDATING", "STALE"]).toContain(status);
  // The front keeps the shared page's form: its scripts asked for after the parse (decision 058),
  // seen in a new browser whose memory cache does not have them yet.
  expect(headChunkScripts(await (await page.request.get(`${front}/en/sign-in`)).text())).toEqual([]);
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto(`${front}/en/sign-in`);
  const { parsed, requested } = await chunkRequestTimes(fresh);
  await context.close();
  expect(requested.length).toBeGreaterThan(3);
  for (const at of requested) expect(at).toBeGreaterThanOrEqual(parsed);
  // Client-side validation: the page's scripts ran with the substituted nonce.
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("This field is required.").first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("a cookie merely named like a session gets the shared anonymous copy; a real session bypasses the cache", async ({ page, request }) => {
  const path = "/en/initiatives/ai-declaration";
  await request.get(`${front}${path}`);
  const forged = await request.get(`${front}${path}`, { headers: { cookie: "tracker_session=forged-session-token" } });
  expect(forged.status()).toBe(200);
  expect(["HIT", "UPDATING", "STALE", "EXPIRED", "MISS"]).toContain(forged.headers()["x-cache-status"]);
  const forgedHtml = await forged.text();
  expect(forgedHtml).not.toContain('data-testid="signed-in-as"');
  expect(forgedHtml).not.toContain("TrackerFrontNoncePlaceholder");

  await signIn(page, await createAccount("editor", "Front Editor"));
  const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const real = await request.get(`${front}${path}`, { headers: { cookie: cookies } });
  expect(real.headers()["x-cache-status"]).toBe("BYPASS");
  const realHtml = await real.text();
  expect(realHtml).toContain("Signed in as Front Editor");
  // Its nonce is the app's own, not the front's, and the anonymous copy never shows the panel.
  expect(nonceOf(real.headers()["content-security-policy"] ?? "")).not.toMatch(/^[0-9a-f]{32}$/);
  const after = await request.get(`${front}${path}`);
  expect(await after.text()).not.toContain("Signed in as Front Editor");
});

test("only the app's secret asks the front for a fresh copy: a reader's guess gets the kept one", async ({ request }) => {
  const page = "/en/initiatives/ai-declaration";
  await request.get(`${front}${page}`);
  const guessed = await request.get(`${front}${page}`, { headers: { "x-tracker-refresh": "guess-guess-guess-guess-guess-guess-0" } });
  // The copy may have just run out (the end of its second), but a guess never bypasses it.
  expect(["HIT", "UPDATING", "STALE", "EXPIRED"]).toContain(guessed.headers()["x-cache-status"]);
  const asked = await request.get(`${front}${page}`, { headers: { "x-tracker-refresh": E2E_FRONT_SECRET } });
  expect(asked.headers()["x-cache-status"]).toBe("BYPASS");
  // The fresh copy is kept for everyone else.
  expect(["HIT", "UPDATING", "STALE", "EXPIRED"]).toContain((await request.get(`${front}${page}`)).headers()["x-cache-status"]);
});

test("a reader's alert page, changed by their own confirm and save, is never kept by the front", async ({ request }) => {
  const path = `/en/alerts/${await confirmedSubscription("front")}`;
  for (let i = 0; i < 2; i++) {
    const response = await request.get(`${front}${path}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["x-cache-status"]).toBe("BYPASS");
    expect(await response.text()).not.toContain("TrackerFrontNoncePlaceholder");
  }
  // A browser's navigation, answered in the shared page's form (decision 059): its own nonce, filled in.
  const navigation = await request.get(`${front}${path}`, { headers: { accept: "text/html" } });
  expect(navigation.headers()["x-cache-status"]).toBe("BYPASS");
  const html = await navigation.text();
  expect(html).not.toContain("TrackerFrontNoncePlaceholder");
  expect(html).toContain(`nonce="${/'nonce-([^']+)'/.exec(navigation.headers()["content-security-policy"] ?? "")?.[1]}"`);
  expect(html).toContain("requestAnimationFrame");
});

test("a write shows through the cache within a second, to readers whose copy was kept", async ({ browser, request }) => {
  const slug = "single-tourism-space";
  const editor = await (await browser.newContext({ baseURL: front })).newPage();
  await signIn(editor, await createAccount("editor", "Front Writer"));
  // Readers keep the page in the cache.
  for (let k = 0; k < 3; k++) await request.get(`${front}/en/initiatives/${slug}`);

  await editor.goto(`/en/initiatives/${slug}`);
  const form = editor.getByRole("form", { name: "Verification" });
  await form.getByRole("button", { name: "Mark verified" }).click();
  await expect(form.getByRole("status")).toContainText("Marked as verified");
  const version = /version (\d+)/.exec((await form.getByRole("status").textContent()) ?? "")?.[1];
  expect(version).toBeTruthy();
  const savedAt = Date.now();
  let shownAfter = Number.POSITIVE_INFINITY;
  while (Date.now() - savedAt < 5000) {
    const html = await (await request.get(`${front}/en/initiatives/${slug}`)).text();
    if (html.includes(`>version ${version}<`)) {
      shownAfter = Date.now() - savedAt;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  console.log(`write visible through the front after ${shownAfter} ms`);
  // The app asked: the front fetched both languages' pages for its refresh request and kept them.
  const asked = readFileSync(path.join(dir, "access.log"), "utf8")
    .split("\n")
    .filter((line) => line.includes(" refresh=1 ") && line.includes(" 200 "));
  expect(asked.some((line) => line.includes(`"GET /en/initiatives/${slug} `) && line.includes("cache=BYPASS"))).toBe(true);
  expect(asked.some((line) => line.includes(`"GET /initiatives/${slug} `) && line.includes("cache=BYPASS"))).toBe(true);
  // The app asks the front for a fresh copy after the write (decision 052): one render, not the
  // end of the second the kept copy was rendered in plus one.
  expect(shownAfter).toBeLessThan(1000);
});
