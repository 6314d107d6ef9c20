import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";
import { E2E_HEALTH_TOKEN, E2E_PORT } from "./ports";

/**
 * The data cache is bounded (cache-handler.mjs): 10,000 distinct anonymous queries leave it
 * within DATA_CACHE_MAX_ENTRIES and DATA_CACHE_MAX_MB and write nothing to disk, and a result
 * larger than DATA_CACHE_MAX_ENTRY_KB is not kept at all.
 */
interface CacheReport {
  kind: string;
  ok: boolean;
  entries: number;
  bytes: number;
  maxEntries: number;
  maxBytes: number;
}

const health = { headers: { Authorization: `Bearer ${E2E_HEALTH_TOKEN}` } };
const FETCH_CACHE = path.join(process.env.NEXT_DIST_DIR ?? ".next", "cache", "fetch-cache");

/** Files under Next's file cache written since `since` (Next's default handler writes one per entry). */
function filesWrittenSince(since: number): string[] {
  if (!existsSync(FETCH_CACHE)) return [];
  return readdirSync(FETCH_CACHE).filter((name) => statSync(path.join(FETCH_CACHE, name)).mtimeMs >= since);
}

test("10,000 distinct anonymous queries keep the data cache within its bounds", async ({ request }) => {
  test.setTimeout(300_000);
  const startedAt = Date.now();
  const cache = async () => ((await (await request.get("/api/health", health)).json()) as { cache: CacheReport }).cache;
  const start = await cache();
  expect(start).toMatchObject({ kind: "memory", ok: true });
  expect(start.maxEntries).toBeGreaterThan(0);

  // Node's fetch (kept-alive connections) rather than the browser context: the server's time is what this measures.
  let next = 0;
  const failed: string[] = [];
  const worker = async () => {
    while (next < 10_000) {
      const i = next++;
      const response = await fetch(`http://localhost:${E2E_PORT}/api/v1/initiatives?q=probe${i}x`);
      await response.arrayBuffer();
      if (response.status !== 200) failed.push(`${i}: ${response.status}`);
    }
  };
  const began = Date.now();
  await Promise.all(Array.from({ length: 8 }, worker));
  console.log(`10,000 distinct queries in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  expect(failed).toEqual([]);

  const after = await cache();
  // Every query was a new entry: the cache is full, and not one entry over.
  expect(after.entries).toBe(Math.min(after.maxEntries, start.entries + 10_000));
  expect(after.bytes).toBeLessThanOrEqual(after.maxBytes);
  expect(filesWrittenSince(startedAt)).toEqual([]);
});

test("a result over DATA_CACHE_MAX_ENTRY_KB leaves only a marker in the cache and still shows; unbounded 'since' dates add one page each", async ({
  request,
}) => {
  test.setTimeout(120_000);
  // A server of its own with a small cap, so that a seed-sized read (the history feed, ≈35 kB) is over it.
  const port = E2E_PORT + 1;
  const origin = `http://localhost:${port}`;
  const child = spawn("npx", ["next", "start", "-p", String(port), "-H", "localhost"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./tests/.e2e/tracker.db",
      HEALTH_TOKEN: E2E_HEALTH_TOKEN,
      DATA_CACHE_MAX_ENTRY_KB: "16",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk));
  try {
    await expect.poll(async () => (await request.get(`${origin}/api/health`).catch(() => null))?.status(), { timeout: 60_000, message: output }).toBe(200);
    const bytes = async () => ((await (await request.get(`${origin}/api/health`, health)).json()) as { cache: CacheReport }).cache.bytes;

    const before = await bytes();
    const feeds = [];
    for (let i = 0; i < 3; i++) {
      const response = await request.get(`${origin}/feeds/history.atom`);
      expect(response.status()).toBe(200);
      feeds.push(await response.text());
    }
    const feed = feeds[0]!;
    expect(feed.length).toBeGreaterThan(16 * 1024);
    expect(feed).toContain("<entry>");
    // Whole and the same each time, and nothing near its size kept (a kept feed entry is ≈35 kB).
    expect(feeds.every((text) => text === feed)).toBe(true);
    expect((await bytes()) - before).toBeLessThan(4 * 1024);

    // "Since" dates back to 1900: each view is one page of entries, its entry at most the cap.
    const beforeChanges = await bytes();
    for (let day = 1; day <= 20; day++) {
      const response = await request.get(`${origin}/en/changes?since=1900-01-${String(day).padStart(2, "0")}`);
      expect(response.status()).toBe(200);
    }
    expect((await bytes()) - beforeChanges).toBeLessThanOrEqual(20 * 16 * 1024);
  } finally {
    process.kill(-child.pid!, "SIGTERM");
  }
});
