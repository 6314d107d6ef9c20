/**
 * What the data cache (cache-handler.mjs) says about itself, for /api/health. Absent outside
 * `next start`/`next dev` (tests calling the data layer directly): reported as "none".
 */
export interface CacheStatus {
  kind: "memory" | "redis" | "none";
  ok: boolean;
  /** Memory: entries held and their size (JSON characters), and the bounds; Redis bounds itself. */
  entries: number | null;
  bytes: number | null;
  maxEntries: number | null;
  maxBytes: number | null;
}

interface HandlerState {
  kind: "memory" | "redis";
  ready: boolean;
  entries: () => number | null;
  bytes: () => number | null;
  maxEntries: number | null;
  maxBytes: number | null;
}

export function cacheStatus(): CacheStatus {
  const state = (globalThis as { __trackerDataCache?: HandlerState }).__trackerDataCache;
  if (!state) return { kind: "none", ok: true, entries: null, bytes: null, maxEntries: null, maxBytes: null };
  return { kind: state.kind, ok: state.ready, entries: state.entries(), bytes: state.bytes(), maxEntries: state.maxEntries, maxBytes: state.maxBytes };
}
