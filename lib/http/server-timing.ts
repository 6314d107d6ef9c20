import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";

/**
 * Server-Timing on every response the app sends (`db`, `render`, `total`, in milliseconds): total
 * is the time from the request's arrival to its response headers (pages have no Suspense
 * boundary, so their headers leave once the whole page is rendered), db the time spent in
 * database queries meanwhile (lib/db/timed-adapter.ts), render the rest; a mutation adds `action`
 * (permission check to commit, lib/actions/run-mutation.ts) and its parts `auth` (session and rate
 * limit) and `write` (the domain function), and `expire` (the cache tags' expiry, cache-handler.mjs,
 * which Next runs after the action). The bench reads it.
 *
 * The store lives on globalThis: Next bundles the app's modules apart from instrumentation.ts,
 * and both must see the same one.
 */
export interface RequestTiming {
  startedAt: number;
  dbMs: number;
  queries: number;
  /** Named parts measured on their own (e.g. `action`: a mutation from permission check to commit). */
  spans: Record<string, number>;
  /** The cache tags this request has expired (cache-handler.mjs expires each once per request). */
  expiredTags?: Set<string>;
}

const KEY = Symbol.for("summit-tracker.request-timing");
const registry = globalThis as unknown as Record<symbol, AsyncLocalStorage<RequestTiming> | undefined>;
const storage = (registry[KEY] ??= new AsyncLocalStorage<RequestTiming>());

/** Adds a query's duration to the current request's timing (no-op outside a request). */
export function recordQuery(ms: number): void {
  const timing = storage.getStore();
  if (!timing) return;
  timing.dbMs += ms;
  timing.queries++;
}

/** Adds a named span to the current request's timing. */
export function recordSpan(name: string, ms: number): void {
  const timing = storage.getStore();
  if (timing) timing.spans[name] = (timing.spans[name] ?? 0) + ms;
}

/**
 * Adds the database part of a response this request waited for (the HTML cache renders a page by
 * asking its own server), so a page rendered for the cache reports the queries it took.
 */
export function recordInnerTiming(header: string | null): void {
  const timing = storage.getStore();
  if (!timing || !header) return;
  timing.dbMs += Number(/(?:^|,\s*)db;dur=([\d.]+)/.exec(header)?.[1] ?? 0);
  timing.queries += Number(/db;[^,]*desc="(\d+) queries"/.exec(header)?.[1] ?? 0);
}

export function serverTimingValue(timing: RequestTiming, now: number): string {
  const total = now - timing.startedAt;
  const db = Math.min(timing.dbMs, total);
  const spans = Object.entries(timing.spans).map(([name, ms]) => `${name};dur=${ms.toFixed(1)}, `);
  return `${spans.join("")}db;dur=${db.toFixed(1)};desc="${timing.queries} queries", render;dur=${(total - db).toFixed(1)}, total;dur=${total.toFixed(1)}`;
}

/** Called once from instrumentation.ts, before the server handles requests. */
export function installServerTiming(): void {
  const installed = Symbol.for("summit-tracker.server-timing-installed");
  const flags = globalThis as unknown as Record<symbol, boolean | undefined>;
  if (flags[installed]) return;
  flags[installed] = true;

  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event !== "request") return emit.apply(this, [event, ...args] as unknown as Parameters<typeof emit>);
    const timing: RequestTiming = { startedAt: performance.now(), dbMs: 0, queries: 0, spans: {} };
    (args[1] as http.ServerResponse & { [KEY]?: RequestTiming })[KEY] = timing;
    return storage.run(timing, () => emit.apply(this, [event, ...args] as unknown as Parameters<typeof emit>));
  } as typeof emit;

  const writeHead = http.ServerResponse.prototype.writeHead;
  http.ServerResponse.prototype.writeHead = function (this: http.ServerResponse & { [KEY]?: RequestTiming }, ...args: unknown[]) {
    const timing = this[KEY];
    if (timing && !this.headersSent) this.setHeader("Server-Timing", serverTimingValue(timing, performance.now()));
    return writeHead.apply(this, args as Parameters<typeof writeHead>);
  } as typeof writeHead;
}
