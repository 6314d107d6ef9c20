/** What of the environment (lib/env.ts) decides the app server's memory (README, decision 050). */
export interface AppMemorySettings {
  APP_HEAP_MB: number;
  APP_SEMI_SPACE_MB: number;
  MALLOC_ARENA_MAX: number;
}

/** NODE_OPTIONS for the app server: the caller's own plus the heap bounds (APP_HEAP_MB, APP_SEMI_SPACE_MB). */
export function appNodeOptions(settings: AppMemorySettings, existing = process.env.NODE_OPTIONS ?? ""): string {
  return [
    existing.replace(/--max-(?:old|semi)-space-size=\S+/g, "").trim(),
    `--max-old-space-size=${settings.APP_HEAP_MB}`,
    `--max-semi-space-size=${settings.APP_SEMI_SPACE_MB}`,
  ]
    .filter(Boolean)
    .join(" ");
}

/**
 * The variables `npm start` (and the benches, which run the app as it does) give `next start`:
 * NODE_OPTIONS as above, and glibc's arena bound, which the process reads before any code of ours.
 */
export function appServerEnv(settings: AppMemorySettings, existing = process.env.NODE_OPTIONS ?? ""): { NODE_OPTIONS: string; MALLOC_ARENA_MAX: string } {
  return { NODE_OPTIONS: appNodeOptions(settings, existing), MALLOC_ARENA_MAX: String(settings.MALLOC_ARENA_MAX) };
}
