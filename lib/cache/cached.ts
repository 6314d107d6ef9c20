import "server-only";
import { unstable_cache, updateTag } from "next/cache";

/**
 * Public data is read through this cache (docs/decisions/012-caching.md): one tag covers all
 * tracker data, and every write expires it in the same request, so a change shows at once and
 * an unchanged page never reaches the database.
 */
export const DATA_TAG = "tracker-data";

const DATE = "$date";

// Next keeps data-cache entries on disk but an `updateTag` expiry only in memory, so after a
// restart (or a crash) an expired entry would be served again. Keying every entry by this
// process makes a new process start cold.
const BOOT_ID = `${process.pid}-${Date.now()}`;

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
  const cached = unstable_cache(async (...args: A) => encode(await read(...args)), [name, BOOT_ID], { tags: [DATA_TAG] });
  return async (...args: A) => decode<R>(await cached(...args));
}

/** Called by every mutation after it commits. */
export function expireData(): void {
  updateTag(DATA_TAG);
}
