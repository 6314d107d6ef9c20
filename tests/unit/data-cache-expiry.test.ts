import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { RequestTiming } from "../../lib/http/server-timing";

/**
 * The in-memory data cache's expiry (cache-handler.mjs, no REDIS_URL): an entry whose read began
 * before a write expired one of its tags is never served, and a request expires each tag once, so
 * what a server action's answer rendered after its write stays cached (Next expires the action's
 * tags a second time once that render is done).
 */
interface Handler {
  get(key: string, ctx: { implicitTags: string[] }): Promise<{ value: { data: { body: string } } } | null>;
  set(key: string, value: unknown, ctx?: unknown): Promise<void>;
  revalidateTag(tag: string): Promise<void>;
}

let handler: Handler;
const clock = () => (globalThis as unknown as Record<symbol, { count: number }>)[Symbol.for("summit-tracker.tag-clock")]!;
// The request store lib/http/server-timing.ts keeps on globalThis (made by importing it).
let requests: AsyncLocalStorage<RequestTiming>;
const inRequest = <T>(work: () => Promise<T>) => requests.run({ startedAt: 0, dbMs: 0, queries: 0, spans: {} }, work);

beforeAll(async () => {
  delete process.env.REDIS_URL;
  await import("../../lib/http/server-timing");
  requests = (globalThis as unknown as Record<symbol, AsyncLocalStorage<RequestTiming>>)[Symbol.for("summit-tracker.request-timing")]!;
  await import(path.resolve("cache-handler.mjs"));
  handler = (globalThis as unknown as { __trackerCacheConfig: { handlers: Handler[] } }).__trackerCacheConfig.handlers[0]!;
});

const key = (label: string) => createHash("sha256").update(label).digest("hex");

/** A cachedRead entry as Next hands it over: its text (the clock's count when the read began, \u0001, the JSON) JSON-encoded. */
function entry(readAt: number, json: string, tags: string[]) {
  const now = Date.now();
  return {
    lastModified: now,
    lifespan: null,
    tags,
    value: { kind: "FETCH", data: { headers: {}, body: JSON.stringify(`${readAt}\u0001${json}`), status: 200, url: "" }, revalidate: false },
  };
}

const get = (label: string) => handler.get(key(label), { implicitTags: [] });

describe("the in-memory data cache's tag expiry", () => {
  it("never serves an entry read before a write expired its tag, even when stored after", async () => {
    const tags = ["tracker-data", "initiative:a"];
    const before = clock().count;
    await handler.revalidateTag("initiative:a");
    await handler.set(key("straddling"), entry(before, '{"status":"agreed"}', tags));
    expect(await get("straddling")).toBeNull();

    await handler.set(key("fresh"), entry(clock().count, '{"status":"stalled"}', tags));
    expect((await get("fresh"))?.value.data.body).toContain("stalled");
    // Another initiative's write leaves it alone.
    await handler.revalidateTag("initiative:b");
    expect(await get("fresh")).not.toBeNull();
  });

  it("expires a tag once per request: what the answer's render stored survives Next's second pass, not the next write", async () => {
    const tags = ["tracker-data", "initiative:c"];
    await handler.set(key("page c"), entry(clock().count, '{"version":1}', tags));
    await inRequest(async () => {
      await handler.revalidateTag("initiative:c");
      expect(await get("page c")).toBeNull();
      // The answer's render reads the new state and stores it; then Next expires the same tags again.
      await handler.set(key("page c"), entry(clock().count, '{"version":2}', tags));
      await handler.revalidateTag("initiative:c");
      expect((await get("page c"))?.value.data.body).toContain('\\"version\\":2');
    });
    // The next write, another request, expires it.
    await inRequest(() => handler.revalidateTag("initiative:c"));
    expect(await get("page c")).toBeNull();
  });

  it("empties the HTML cache on every write, once per request", async () => {
    let cleared = 0;
    (globalThis as unknown as Record<symbol, unknown>)[Symbol.for("summit-tracker.html-cache")] = { clear: () => cleared++ };
    await inRequest(async () => {
      await handler.revalidateTag("initiative:d");
      await handler.revalidateTag("initiative:d");
    });
    await inRequest(() => handler.revalidateTag("initiative:d"));
    expect(cleared).toBe(2);
  });
});
