import "server-only";
import { unstable_cache, updateTag } from "next/cache";
import { getEnv } from "../env";
import { TAG } from "./tags";

/**
 * Public data is read through this cache (docs/decisions/016-public-caching.md): each entry
 * carries the tags of what it shows (lib/cache/tags.ts), and every write expires the tags of what
 * it changed in the same request, so a change shows at once, an unchanged page never reaches the
 * database, and a write leaves the entries it did not touch in place.
 */

const DATE = "$date";

// Entries live in memory or in Redis with their tag expiry (cache-handler.mjs), never on disk
// without it, so keys need no process id: a restart starts cold (memory) or shares Redis's state.

/**
 * A result larger than this is not kept: its entry holds only a marker and the read goes to the
 * database each time. Unbounded inputs (a `since` date from 1900) cannot each fill the cache.
 */
const TOO_LARGE = "\u0000too-large";

/**
 * This process's count of tag expiries and, per tag, the count at its last expiry (cache-handler.mjs
 * advances it; on globalThis because Next loads that file apart from the app's bundles). An entry's
 * text starts with the count when its read began, so the cache can refuse an entry whose read
 * straddled a write to one of its tags (read before the commit, stored after the expiry).
 */
interface TagClock {
  count: number;
  expired: Map<string, number>;
}
const CLOCK = Symbol.for("summit-tracker.tag-clock");
const clock = ((globalThis as unknown as Record<symbol, TagClock | undefined>)[CLOCK] ??= { count: 0, expired: new Map() });
/** Ends the clock's count in an entry's text; JSON never contains it unescaped. */
const READ_AT_END = "\u0001";

// Next's data cache stores JSON; Dates travel as {"$date": iso} and come back as Dates.
function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, item) {
    const original = this[key];
    return original instanceof Date ? { [DATE]: original.toISOString() } : item;
  });
}

function decode<T>(text: string): T {
  return JSON.parse(text, (_key, item) =>
    item && typeof item === "object" && !Array.isArray(item) && Object.keys(item).length === 1 && typeof item[DATE] === "string" ? new Date(item[DATE]) : item,
  ) as T;
}

/**
 * Wraps a read so its result is cached under `name` + its arguments until a write expires one of
 * `tags(args)` (or TAG.all, which every entry carries).
 */
export function cachedRead<A extends unknown[], R>(
  name: string,
  tags: (args: NoInfer<A>) => readonly string[],
  read: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  const compute = async (...args: A) => {
    const readAt = clock.count;
    const text = encode(await read(...args));
    return `${readAt}${READ_AT_END}${text.length > getEnv().DATA_CACHE_MAX_ENTRY_KB * 1024 ? TOO_LARGE : text}`;
  };
  return async (...args: A) => {
    const cached = unstable_cache(compute, [name], { tags: [TAG.all, ...tags(args)] });
    const stored = await cached(...args);
    // An entry from before the count was stored (Redis outlives a deploy) is the text alone.
    const text = stored.slice(stored.indexOf(READ_AT_END) + 1);
    return text === TOO_LARGE ? read(...args) : decode<R>(text);
  };
}

/**
 * Called by every mutation after it commits, with the tags its write function returned (runMutation
 * gives TAG.all for one that states none).
 */
export function expireData(tags: readonly string[]): void {
  for (const tag of new Set(tags)) updateTag(tag);
}
