import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { initiatives } from "../../seed/data/catalog";

// A page of another origin (its own server, its own port) that embeds the tracker.
let other: Server;
let otherOrigin = "";
test.beforeAll(async ({ baseURL }) => {
  const html = `<!doctype html><html lang="en"><head><title>Another site</title></head><body>
<h1>Another site</h1>
<iframe id="card" title="Initiative card" src="${baseURL}/embed/initiatives/ai-declaration?lang=en" width="420" height="240"></iframe>
<iframe id="country" title="Country card" src="${baseURL}/embed/countries/KZ" width="420" height="360"></iframe>
<iframe id="page" title="A normal page" src="${baseURL}/en/initiatives/ai-declaration" width="420" height="240"></iframe>
<img id="badge" alt="status badge" src="${baseURL}/embed/initiatives/ai-declaration/badge.svg?lang=en">
</body></html>`;
  other = createServer((_request, response) => response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html));
  await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  await new Promise((resolve) => other?.close(resolve));
});

test("another site embeds a status card, a country card and a badge; ordinary pages refuse to be framed", async ({ page }) => {
  const blocked = page.waitForResponse((response) => response.url().endsWith("/en/initiatives/ai-declaration"));
  await page.goto(otherOrigin);
  const card = page.frameLocator("#card");
  await expect(card.getByRole("link", { name: /Declaration on the responsible use of artificial intelligence/ }).first()).toBeVisible();
  await expect(card.locator("[data-status]")).toHaveText(/^(Proposed|In preparation|Agreed|In progress|Implemented|Stalled|Dropped)$/);
  await expect(card.getByRole("link", { name: "Details and sources in the tracker" })).toHaveAttribute("target", "_blank");
  const country = page.frameLocator("#country");
  await expect(country.getByRole("heading", { level: 1 })).toHaveText("Казахстан");
  await expect(country.getByText(/^\d+ инициатив/)).toBeVisible();
  const badge = page.locator("#badge");
  await expect.poll(() => badge.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(60);
  // A normal page: refused by the browser (CSP frame-ancestors 'none' and X-Frame-Options DENY).
  const response = await blocked;
  expect(response.headers()["x-frame-options"]).toBe("DENY");
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  await expect(page.frameLocator("#page").getByRole("heading", { level: 1 })).toHaveCount(0);
});

test("embeds are cacheable and name who may frame them", async ({ request }) => {
  const card = await request.get("/embed/initiatives/ai-declaration");
  expect(card.status()).toBe(200);
  expect(card.headers()["cache-control"]).toMatch(/^public, max-age=300/);
  expect(card.headers()["content-security-policy"]).toContain("frame-ancestors *");
  expect(card.headers()["x-frame-options"]).toBeUndefined();
  const badge = await request.get("/embed/initiatives/ai-declaration/badge.svg");
  expect(badge.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
  expect(await badge.text()).toMatch(/<title>[^<]+: [^<]+<\/title>/);
  const missing = await request.get("/embed/initiatives/no-such-initiative");
  expect(missing.status()).toBe(404);
  const missingHtml = await missing.text();
  expect(missingHtml).toContain("В трекере не найдено.");
  expect(missingHtml).toContain('<meta name="robots" content="noindex">');
});

test("a card points search engines at the tracker's own page and describes itself", async ({ request, baseURL }) => {
  const card = await (await request.get("/embed/initiatives/ai-declaration?lang=en")).text();
  expect(card).toContain(`<link rel="canonical" href="${baseURL}/en/initiatives/ai-declaration">`);
  expect(card).toMatch(/<meta name="description" content="[^"]{20,}">/);
  expect(card).not.toContain("noindex");
  const country = await (await request.get("/embed/countries/KZ")).text();
  expect(country).toContain(`<link rel="canonical" href="${baseURL}/countries/KZ">`);
  expect(country).toContain('<meta name="description" content="Казахстан в трекере инициатив саммита:');
});

test("each initiative page has its own description, Open Graph and Twitter tags and a preview image", async ({ page, request }) => {
  await page.goto("/en/initiatives/ai-declaration");
  const meta = (selector: string) => page.locator(selector).getAttribute("content");
  const description = await meta('meta[name="description"]');
  // "<status>. <the initiative's own summary>", cut at a word.
  const summary = initiatives.find((initiative) => initiative.slug === "ai-declaration")!.summaryEn;
  expect(description).toMatch(/^(Proposed|In preparation|Agreed|In progress|Implemented|Stalled|Dropped)\. /);
  expect(description!.replace(/^[^.]+\. /, "")).toContain(summary.slice(0, 80));
  expect(description!.length).toBeLessThanOrEqual(200);
  expect(await meta('meta[property="og:title"]')).toMatch(/^Declaration on the responsible use of artificial intelligence/);
  expect(await meta('meta[property="og:description"]')).toBe(description);
  expect(await meta('meta[name="twitter:card"]')).toBe("summary_large_image");
  const image = (await meta('meta[property="og:image"]'))!;
  expect(image).toMatch(/^http:\/\/localhost:\d+\/en\/initiatives\/ai-declaration\/opengraph-image/);
  const png = await request.get(new URL(image).pathname + new URL(image).search);
  expect(png.status()).toBe(200);
  expect(png.headers()["content-type"]).toBe("image/png");
  expect((await png.body()).length).toBeGreaterThan(10_000);

  await page.goto("/en/initiatives/single-tourism-space");
  expect(await meta('meta[name="description"]')).not.toBe(description);
  await expect(page).toHaveTitle(/^Single tourism space|tourism/i);
});
