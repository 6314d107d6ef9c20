import { existsSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";

/**
 * The data cache is bounded (cache-handler.mjs): 10,000 distinct anonymous queries leave it
 * within DATA_CACHE_MAX_ENTRIES and DATA_CACHE_MAX_MB, nothing grows on disk, and a result larger
 * than DATA_CACHE_MAX_ENTRY_KB (the whole history since 1900) is not kept at all.
 */
interface CacheReport {
  kind: string;
  ok: boolean;
  entries: number;
  bytes: number;
  maxEntries: number;
  maxBytes: number;
}

test("10,000 distinct anonymous queries keep the data cache within its bounds", async ({ request }) => {
  test.setTimeout(300_000);
  const cache = async () => ((await (await request.get("/api/health")).json()) as { cache: CacheReport }).cache;
  const start = await cache();
  expect(start).toMatchObject({ kind: "memory", ok: true });
  expect(start.maxEntries).toBeGreaterThan(0);

  let next = 0;
  const worker = async () => {
    while (next < 10_000) {
      const i = next++;
      const response = await request.get(`/api/v1/initiatives?q=probe${i}x`);
      expect(response.status()).toBe(200);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));

  const after = await cache();
  // Every query was a new entry: the cache is full, and not one entry over.
  expect(after.entries).toBe(Math.min(after.maxEntries, start.entries + 10_000));
  expect(after.entries).toBeLessThanOrEqual(after.maxEntries);
  expect(after.bytes).toBeLessThanOrEqual(after.maxBytes);
  // Next's default handler wrote every entry to disk here.
  expect(existsSync(path.join(process.env.NEXT_DIST_DIR ?? ".next", "cache", "fetch-cache"))).toBe(false);
});

test("a huge result (everything since 1900) leaves only a marker in the cache, and still shows", async ({ page, request }) => {
  const bytes = async () => ((await (await request.get("/api/health")).json()) as { cache: CacheReport }).cache.bytes;
  await page.goto("/en/changes?since=1900-01-01");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const before = await bytes();
  for (const day of ["1900-01-02", "1900-01-03", "1900-01-04", "1900-01-05", "1900-01-06"]) {
    const response = await request.get(`/en/changes?since=${day}`);
    expect(response.status()).toBe(200);
  }
  // Five page views of the same unbounded size: a few small entries (markers, counts), not 5 × the history.
  expect((await bytes()) - before).toBeLessThan(5 * 64 * 1024);
});
