// Next's data cache for this app (next.config.ts `cacheHandler`; docs/decisions/023-shared-cache.md).
// REDIS_URL set: one cache in Redis shared by every instance, tag expiry included, so an
// `updateTag` on one instance reaches all of them. Unset: a bounded in-memory LRU per process.
// Either way nothing is written to disk and a restart needs no process id in the keys.
// Plain JavaScript: Next loads this file as it is, without compiling it.
import { CacheHandler } from "@fortedigital/nextjs-cache-handler";
import { createConfiguredCache } from "@fortedigital/nextjs-cache-handler/local-lru";
import createRedisHandler from "@fortedigital/nextjs-cache-handler/redis-strings";
import { PHASE_PRODUCTION_BUILD } from "next/constants.js";
import { createClient } from "redis";
import { z } from "zod";

// The same rules as lib/env.ts (which the app parses at boot); repeated because this file is not compiled.
const settings = z
  .object({
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/.+/)
      .optional(),
    REDIS_KEY_PREFIX: z.string().min(1).default("tracker:"),
    DATA_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).max(1_000_000).default(5_000),
    DATA_CACHE_MAX_MB: z.coerce.number().int().min(1).max(100_000).default(64),
  })
  .parse(process.env);

// Must match TAG.all in lib/cache/tags.ts: every entry carries it.
const ALL_TAG = "tracker-data";

/**
 * What /api/health reports about the cache (lib/cache/cache-status.ts reads it). On globalThis,
 * made once: Next evaluates this file in more than one module graph of the same process, and every
 * copy must report the one handler that onCreation made (also kept on globalThis).
 */
const shared = Boolean(settings.REDIS_URL) && process.env.NEXT_PHASE !== PHASE_PRODUCTION_BUILD;
const state = (globalThis.__trackerDataCache ??= {
  kind: shared ? "redis" : "memory",
  // Redis: not ready until its client says so.
  ready: !shared,
  entries: () => 0,
  bytes: () => 0,
  maxEntries: settings.DATA_CACHE_MAX_ENTRIES,
  maxBytes: settings.DATA_CACHE_MAX_MB * 1024 * 1024,
});

// This process's count of tag expiries (lib/cache/cached.ts, which puts the count at the start of
// each read first in the entry's text).
const clock = (globalThis[Symbol.for("summit-tracker.tag-clock")] ??= { count: 0, expired: new Map() });

/** The clock's count when the read behind an entry began, or null (not one of cachedRead's entries). */
function readAt(value) {
  const body = value.value?.kind === "FETCH" ? value.value.data?.body : undefined;
  const match = typeof body === "string" ? /^"(\d+)\\u0001/.exec(body) : null;
  return match ? Number(match[1]) : null;
}

/**
 * The local-lru handler's logic over a store we can measure: entries and their JSON size are
 * bounded (least recently used first out); health reports both.
 */
function memoryHandler() {
  const store = createConfiguredCache((value) => JSON.stringify(value).length, {
    maxItemsNumber: settings.DATA_CACHE_MAX_ENTRIES,
    maxItemSizeBytes: state.maxBytes,
  });
  const expiredAt = new Map();
  state.entries = () => store.size;
  state.bytes = () => store.calculatedSize;
  return {
    name: "bounded-memory",
    async get(key, { implicitTags }) {
      const value = store.get(key);
      if (!value) return null;
      // Read before a write to one of its tags committed, stored after the write expired them: stale.
      const began = readAt(value);
      if (began !== null && value.tags.some((tag) => (clock.expired.get(tag) ?? -1) > began)) {
        store.delete(key);
        return null;
      }
      for (const tag of new Set([...value.tags, ...implicitTags])) {
        if ((expiredAt.get(tag) ?? 0) > value.lastModified) {
          store.delete(key);
          return null;
        }
      }
      return value;
    },
    async set(key, value, ctx) {
      if (ctx?.setOnlyIfNotExists && store.has(key)) return;
      store.set(key, value);
    },
    async revalidateTag(tag) {
      for (const [key, { tags }] of store.entries()) if (tags.includes(tag)) store.delete(key);
      // Implicit (path) tags are not stored on entries: remember when they expired.
      if (tag.startsWith("_N_T_")) expiredAt.set(tag, Date.now());
    },
    async delete(key) {
      store.delete(key);
    },
  };
}

// The redis-strings handler's tag index: one field per entry in each hash, never expired by Redis.
const TAG_INDEX = "__sharedTags__";
const TTL_INDEX = "__sharedTagsTtl__";
/**
 * Sets between two prunings of the index: half the fields the last pass kept, and at least 100. A pass
 * reads every field, so this keeps its cost per set constant on a large healthy index, while the dead
 * fields that pile up between passes stay under half the live ones.
 */
const PRUNE_EVERY_SETS = 100;
const PRUNE_BATCH = 500;

/**
 * Removes the index fields whose entry is gone (evicted by maxmemory or expired). The handler keeps
 * a field for every entry it ever set and Redis cannot evict the index (it carries no expiry), so
 * without this a flood of distinct queries fills maxmemory with fields and no entry fits any more.
 * Keys this instance sets during a pass are spared; another instance's entry written during the
 * pass may lose its field, which only costs that entry: the handler reads it as a miss.
 */
async function pruneTagIndex(client, keyPrefix, written) {
  let removed = 0;
  let kept = 0;
  let cursor = "0";
  do {
    const page = await client.hScan(keyPrefix + TAG_INDEX, cursor, { COUNT: PRUNE_BATCH });
    cursor = String(page.cursor);
    const fields = page.entries.map((entry) => entry.field);
    if (fields.length === 0) continue;
    const exists = await Promise.all(fields.map((field) => client.exists(keyPrefix + field)));
    // A key this instance wrote since the pass began may have its field before its entry: keep it.
    const gone = fields.filter((field, index) => !exists[index] && !written.has(field));
    kept += fields.length - gone.length;
    if (gone.length === 0) continue;
    await Promise.all([client.hDel(keyPrefix + TAG_INDEX, gone), client.hDel(keyPrefix + TTL_INDEX, gone)]);
    removed += gone.length;
  } while (cursor !== "0");
  return { removed, kept };
}

/** Redis, shared by every instance, when REDIS_URL is set (outside `next build`). */
function redisHandler() {
  // Redis bounds itself (maxmemory, deploy/redis.conf).
  state.entries = () => null;
  state.bytes = () => null;
  state.maxEntries = null;
  state.maxBytes = null;
  const client = createClient({
    url: settings.REDIS_URL,
    // Fail at once while Redis is away (a page then reads the database) instead of queueing.
    disableOfflineQueue: true,
    socket: { connectTimeout: 1_000, reconnectStrategy: (retries) => Math.min(100 * (retries + 1), 1_000) },
  });
  const redis = createRedisHandler({ client, keyPrefix: settings.REDIS_KEY_PREFIX, timeoutMs: 1_000 });
  let missedExpiry = false;
  client.on("error", () => {
    // Reported by /api/health; every cache call fails fast meanwhile and pages read the database.
    state.ready = false;
  });
  client.on("ready", () => {
    state.ready = true;
    // A write while Redis was unreachable could not expire its tags there: expire every entry
    // now, so one from before that write is never served again.
    if (missedExpiry)
      redis.revalidateTag(ALL_TAG).then(
        () => (missedExpiry = false),
        () => undefined,
      );
  });
  client.connect().catch(() => undefined);
  let setsSincePrune = 0;
  let pruneAfterSets = PRUNE_EVERY_SETS;
  let pruning;
  /** Keys set while a pruning pass runs (undefined between passes). */
  let written;
  return {
    ...redis,
    name: "redis",
    async set(key, value, ctx) {
      // In the background and one at a time; writes made during a pruning count towards the next,
      // which the first write after it starts: dead fields pile up only for about one pruning's time.
      if (++setsSincePrune >= pruneAfterSets && !pruning) {
        setsSincePrune = 0;
        written = new Set();
        pruning = pruneTagIndex(client, settings.REDIS_KEY_PREFIX, written)
          .then(({ kept }) => (pruneAfterSets = Math.max(PRUNE_EVERY_SETS, Math.floor(kept / 2))))
          .catch(() => undefined)
          .finally(() => {
            pruning = undefined;
            written = undefined;
            state.pruning = undefined;
          });
        // For tests: the pass under way, to wait for before measuring.
        state.pruning = pruning;
      }
      written?.add(key);
      await redis.set(key, value, ctx);
    },
    async revalidateTag(tag) {
      try {
        await redis.revalidateTag(tag);
      } catch (error) {
        missedExpiry = true;
        throw error;
      }
    },
  };
}

/**
 * Every expiry: advances the clock, and empties the in-app HTML cache (lib/cache/html-cache.ts, on
 * globalThis under this symbol), which keeps pages rendered from this data, once the tags' expiry
 * has taken effect here (Next applies a server action's updateTag after the action ran), so no page
 * rendered before is served again.
 *
 * Next expires a server action's tags a second time after rendering its answer (app-render runs
 * the request's pending revalidations again once the page is rendered), which threw away what that
 * render had just read and stored, so the next view of the page read the database again. In one
 * process the clock makes the second pass useless: an entry whose read began before an expiry of one
 * of its tags is refused anyway. So in memory a tag expires once per request; with Redis the second
 * pass stays, as it also drops what another instance stored meanwhile (the clock is per process).
 */
function expiringOncePerRequest(handler) {
  return {
    ...handler,
    async revalidateTag(tag) {
      const request = globalThis[Symbol.for("summit-tracker.request-timing")]?.getStore();
      if (!shared && request) {
        const done = (request.expiredTags ??= new Set());
        if (done.has(tag)) return;
        done.add(tag);
      }
      clock.expired.set(tag, ++clock.count);
      const started = performance.now();
      try {
        await handler.revalidateTag(tag);
      } finally {
        globalThis[Symbol.for("summit-tracker.html-cache")]?.clear();
        // The request's Server-Timing `expire` span (lib/http/server-timing.ts).
        if (request) request.spans.expire = (request.spans.expire ?? 0) + performance.now() - started;
      }
    },
  };
}

// Made when the file is first loaded, not when Next first reads the cache, so that Redis is
// connected (and health knows it) before the first page.
globalThis.__trackerCacheConfig ??= { handlers: [expiringOncePerRequest(shared ? redisHandler() : memoryHandler())] };
CacheHandler.onCreation(() => globalThis.__trackerCacheConfig);

export default CacheHandler;
