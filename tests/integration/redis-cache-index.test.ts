import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import { createClient } from "redis";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The shared data cache (cache-handler.mjs with REDIS_URL) against a real redis-server with
 * deploy/redis.conf's settings and a small maxmemory: a flood of distinct anonymous queries must
 * not leave the handler's tag index holding the whole bound, so that new entries are cached again.
 */
const MAX_MEMORY = 2 * 1024 * 1024;
const haveRedis = spawnSync("redis-server", ["--version"]).status === 0;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let redisServer: ChildProcess | undefined;
let admin: ReturnType<typeof createClient> | undefined;
afterAll(async () => {
  await admin?.quit().catch(() => undefined);
  redisServer?.kill();
});

/** Next keys fetch-cache entries by a SHA-256 of the request. */
const cacheKey = (label: string) => createHash("sha256").update(label).digest("hex");

interface Handler {
  get(key: string, ctx: { implicitTags: string[] }): Promise<{ value: { data: { body: string } } } | null>;
  set(key: string, value: unknown, ctx?: unknown): Promise<void>;
  revalidateTag(tag: string): Promise<void>;
}

/** An entry as Next's cache handler passes it on: a fetch result with its tags and a year's lifespan. */
function entry(body: string, tags: string[]) {
  const now = Date.now();
  const lastModifiedAt = Math.floor(now / 1000);
  return {
    lastModified: now,
    lifespan: {
      expireAge: 31_536_000,
      expireAt: lastModifiedAt + 31_536_000,
      lastModifiedAt,
      revalidate: false,
      staleAge: 31_536_000,
      staleAt: lastModifiedAt + 31_536_000,
    },
    tags,
    value: { kind: "FETCH", data: { headers: {}, body, status: 200, url: "" }, revalidate: false },
  };
}

describe.skipIf(!haveRedis)("the Redis data cache under a flood of distinct queries", () => {
  it("keeps caching new entries within maxmemory, and a write still expires exactly its pages", async () => {
    const port = await freePort();
    redisServer = spawn("redis-server", [path.resolve("deploy/redis.conf"), "--port", String(port), "--maxmemory", String(MAX_MEMORY), "--dir", "/tmp"], {
      stdio: "ignore",
    });
    admin = createClient({ url: `redis://127.0.0.1:${port}` });
    admin.on("error", () => undefined);
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.connect();
        break;
      } catch (error) {
        if (attempt > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }

    process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
    process.env.REDIS_KEY_PREFIX = "flood:";
    await import(path.resolve("cache-handler.mjs"));
    const globals = globalThis as unknown as {
      __trackerCacheConfig: { handlers: Handler[] };
      __trackerDataCache: { ready: boolean; pruning?: Promise<unknown> };
    };
    const handler = globals.__trackerCacheConfig.handlers[0]!;
    while (!globals.__trackerDataCache.ready) await new Promise((resolve) => setTimeout(resolve, 50));
    // As Next's cache handler does (Promise.allSettled): a set Redis refuses is dropped, the page is still served.
    const save = (key: string, value: unknown) => handler.set(key, value).catch(() => undefined);

    // 10,000 distinct searches of 1 kB each, 50 at a time: several times what fits.
    const page = "x".repeat(1_000);
    const listTags = ["tracker-data", "list:initiatives", "list:countries", "list:sources"];
    for (let i = 0; i < 10_000; i += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, j) => save(cacheKey(`search ${i + j}`), entry(`${i + j}${page}`, listTags))));
    }

    // Once the flood is over, the next pruning leaves the index with the live entries' fields and
    // few dead ones (more new entries start it: half as many as the live ones, at least 100);
    // what follows runs after that pass, as a visitor's next query would.
    let trickle = 0;
    await expect
      .poll(
        async () => {
          await Promise.all(Array.from({ length: 20 }, () => save(cacheKey(`trickle ${trickle++}`), entry("trickle", listTags))));
          const [fields, keys] = await Promise.all([admin!.hLen("flood:__sharedTags__"), admin!.dbSize()]);
          return fields - keys;
        },
        { timeout: 30_000, interval: 50 },
      )
      .toBeLessThanOrEqual(100);
    // A pass's large HSCAN replies count towards maxmemory too: let the last one finish.
    await globals.__trackerDataCache.pruning;
    // Redis's LRU clock counts whole seconds, so a key written in the flood's last second looks as
    // recent as the next query's and may be evicted in its place: the visitor comes a moment later.
    await new Promise((resolve) => setTimeout(resolve, 1_100));

    // A fresh query is cached again: its second view is a hit.
    const fresh = cacheKey("search fresh");
    const other = cacheKey("initiative roads");
    await save(fresh, entry("fresh", ["tracker-data", "initiative:water"]));
    await save(other, entry("other", ["tracker-data", "initiative:roads"]));
    expect((await handler.get(fresh, { implicitTags: [] }))?.value.data.body).toBe("fresh");
    expect((await handler.get(other, { implicitTags: [] }))?.value.data.body).toBe("other");

    // Redis stayed within its bound by evicting entries. It evicts before each command, so between
    // commands the last one's buffers may stand a little over the bound (16 bytes, once in CI).
    const memory = Number(/used_memory:(\d+)/.exec(await admin.info("memory"))![1]);
    expect(memory).toBeLessThanOrEqual(MAX_MEMORY * 1.01);
    expect(Number(/evicted_keys:(\d+)/.exec(await admin.info("stats"))![1])).toBeGreaterThan(0);

    // A write to one initiative expires its page and nothing else. At a full bound each command's
    // reply makes Redis evict, and its LRU clock (1 s) cannot tell the newest keys apart: room first,
    // and both pages cached again after it (the commands above, still at the bound, may have evicted
    // either), so that what disappears now is the tag's doing only.
    await admin.configSet("maxmemory", String(64 * 1024 * 1024));
    await save(fresh, entry("fresh", ["tracker-data", "initiative:water"]));
    await save(other, entry("other", ["tracker-data", "initiative:roads"]));
    expect((await handler.get(fresh, { implicitTags: [] }))?.value.data.body).toBe("fresh");
    await handler.revalidateTag("initiative:water");
    expect(await handler.get(fresh, { implicitTags: [] })).toBeNull();
    expect((await handler.get(other, { implicitTags: [] }))?.value.data.body).toBe("other");
  }, 120_000);
});
