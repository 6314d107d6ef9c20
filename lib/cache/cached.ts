import "server-only";
import { unstable_cache, updateTag } from "next/cache";
import { getEnv } from "../env";

/**
 * Public data is read through this cache (docs/decisions/012-caching.md): one tag covers all
 * tracker data, and every write expires it in the same request, so a change shows at once and
 * an unchanged page never reaches the database.
 */
export const DATA_TAG = "tracker-data";

const DATE = "$date";

// Entries live in memory or in Redis with their tag expiry (cache-handler.mjs), never on disk
// without it, so keys need no process id: a restart starts cold (memory) or shares Redis's state.

/**
 * A result larger than this is not kept: its entry holds only a marker and the read goes to the
 * database each time. Unbounded inputs (a `since` date from 1900) cannot each fill the cache.
 */
const TOO_LARGE = "\u0000too-large";

// Next's data cache stores JSON; Dates travel as {"$date": iso} and come back as Dates.
function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, item) {
    const original = this[key];
    return original instanceof Date ? { [DATE]: original.toISOString() } : item;
  });
}

function decode<T>(text: string): T {
  return JSON.parse(text, (_key, item) =>
    item && typeof item === "object" && !Array.isArray(item) && Object.keys(item).length === 1 && typeof item[DATE] === "string"
      ? new Date(item[DATE])
      : item,
  ) as T;
}

/** Wraps a read so its result is cached under `name` + its arguments until the next write. */
export function cachedRead<A extends unknown[], R>(name: string, read: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  const cached = unstable_cache(
    async (...args: A) => {
      const text = encode(await read(...args));
      return text.length > getEnv().DATA_CACHE_MAX_ENTRY_KB * 1024 ? TOO_LARGE : text;
    },
    [name],
    { tags: [DATA_TAG] },
  );
  return async (...args: A) => {
    const text = await cached(...args);
    return text === TOO_LARGE ? read(...args) : decode<R>(text);
  };
}

/** Called by every mutation after it commits. */
export function expireData(): void {
  updateTag(DATA_TAG);
}
