import { randomBytes } from "node:crypto";
import { NONCE_PLACEHOLDER } from "../security/front";
import { scriptsAfterFirstPaint } from "./scripts-after-first-paint";

/**
 * The app's own HTML cache for anonymous page GETs (docs/decisions/041-in-app-html-cache.md): the
 * front's design inside the process. A page is rendered once with placeholders for the CSP nonce
 * and the request id (proxy.ts asks its own server for it with the internal secret below), kept
 * as bytes split at the placeholders, and every response — the first included — gets a fresh
 * nonce and its own request id joined in. Any write in this process empties it (cache-handler.mjs,
 * when the write's tags expire); another instance's writes show when an entry's TTL (≤ 1 s) ends.
 *
 * No `server-only` and no env: proxy.ts passes the settings, and the state lives on globalThis
 * because proxy.ts and the app's server code are bundled apart in one process.
 */

/** Stands for the request id in a kept page (letters and digits: unchanged by HTML and JSON escaping). */
export const REQUEST_ID_PLACEHOLDER = "TrackerRequestIdPlaceholder00000";

export interface HtmlCacheSettings {
  ttlMs: number;
  maxEntries: number;
  maxBytes: number;
  maxEntryBytes: number;
}

/** The request as far as the cache cares. */
export interface PageRequest {
  method: string;
  pathname: string;
  /** The query as sent, with its "?" (or ""). */
  search: string;
  header: (name: string) => string | null;
  cookieNames: readonly string[];
  /** Next renders metadata differently for crawlers (its htmlLimitedBots): they are not served from here. */
  isBot: boolean;
}

// Requests for the router's RSC payloads (navigation, prefetch, server actions), not for a page's HTML.
const RSC_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-url", "next-action"];

/**
 * Pages that are not the same for every reader: an alert's page shows the state its secret link
 * gives access to, which a reader's own actions change without expiring any tag; the editor's and
 * admin's pages need a session (anonymous readers are redirected).
 */
const PERSONAL_PATHS = /^\/(?:en\/)?(?:alerts|editor|admin)(?:\/|$)/;

/** Headers that change what a response says about its own address (next-intl's Link header names it). */
export const ADDRESS_HEADERS = ["host", "x-forwarded-host", "x-forwarded-proto"];

/**
 * The key a page request is kept under, or null when it must be rendered for itself: anything but
 * GET/HEAD, RSC requests, crawlers, personal pages, and any request carrying a cookie named like a
 * session (or Next's draft-mode cookies), whether or not the session is real. Pages read no other cookie and no
 * header that changes their HTML (the locale is in the path): the key is the path and query, and
 * the address the response names.
 */
export function pageCacheKey(request: PageRequest, sessionCookies: readonly string[]): string | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (request.isBot || PERSONAL_PATHS.test(request.pathname)) return null;
  if (RSC_HEADERS.some((name) => request.header(name) !== null)) return null;
  if (/[?&]_rsc=/.test(request.search)) return null;
  if (request.cookieNames.some((name) => sessionCookies.includes(name))) return null;
  return `${ADDRESS_HEADERS.map((name) => request.header(name) ?? "").join(" ")} ${request.pathname}${request.search}`;
}

/**
 * Whether a request is for a page rendered for this reader alone (a session's page, an alert's): it
 * is never kept, but it is given the shared page's script loading all the same (proxy.ts). Only a
 * browser's navigation (it accepts HTML), never the router's RSC requests.
 */
export function isPersonalPageRequest(request: PageRequest, sessionCookies: readonly string[]): boolean {
  if (request.method !== "GET" || !/\btext\/html\b/i.test(request.header("accept") ?? "")) return false;
  if (RSC_HEADERS.some((name) => request.header(name) !== null) || /[?&]_rsc=/.test(request.search)) return false;
  return PERSONAL_PATHS.test(request.pathname) || request.cookieNames.some((name) => sessionCookies.includes(name));
}

/** Response headers that belong to one response, not to the page. */
const HOP_HEADERS = new Set([
  "connection",
  "content-encoding",
  "content-length",
  "date",
  "keep-alive",
  "server-timing",
  "transfer-encoding",
  "x-accel-expires",
]);

/** A rendered page split at its placeholders: `parts[i]` is bytes, or the placeholder's index. */
export interface PageBody {
  parts: (Buffer | number)[];
  bytes: number;
}

export interface RenderedPage {
  status: number;
  headers: [string, string][];
  body: PageBody;
}

export interface CachedPage extends RenderedPage {
  renderedAt: number;
}

const PLACEHOLDERS = [NONCE_PLACEHOLDER, REQUEST_ID_PLACEHOLDER];
const PLACEHOLDER_PATTERN = new RegExp(PLACEHOLDERS.join("|"), "g");

export function splitPage(text: string): PageBody {
  const parts: (Buffer | number)[] = [];
  let at = 0;
  let bytes = 0;
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    const chunk = Buffer.from(text.slice(at, match.index));
    parts.push(chunk, PLACEHOLDERS.indexOf(match[0]));
    bytes += chunk.length + match[0].length;
    at = match.index + match[0].length;
  }
  const tail = Buffer.from(text.slice(at));
  parts.push(tail);
  return { parts, bytes: bytes + tail.length };
}

/**
 * A response's body: text split at the placeholders (a page's scripts moved after its first paint),
 * anything else (an image route) as it came.
 */
export function pageBody(bytes: Buffer, contentType: string | undefined): PageBody {
  if (/^text\/html\b/i.test(contentType ?? "")) return splitPage(scriptsAfterFirstPaint(bytes.toString()));
  return /^text\//i.test(contentType ?? "") ? splitPage(bytes.toString()) : { parts: [bytes], bytes: bytes.length };
}

/** The page's bytes with this response's nonce and request id in place of the placeholders. */
export function joinPage(body: PageBody, nonce: string, requestId: string): Buffer {
  const values = [Buffer.from(nonce), Buffer.from(requestId)];
  return Buffer.concat(body.parts.map((part) => (typeof part === "number" ? values[part]! : part)));
}

/** The same for a header value (the CSP, the request id). */
export function fillPlaceholders(value: string, nonce: string, requestId: string): string {
  return value.replaceAll(NONCE_PLACEHOLDER, nonce).replaceAll(REQUEST_ID_PLACEHOLDER, requestId);
}

/**
 * What of a rendered response is kept with the page: everything but per-response headers and the
 * proxy's instructions to Next that leak into responses (`x-middleware-rewrite: /ru/…`, which Next
 * would try to follow again when the proxy answers with them).
 */
export function pageHeaders(headers: Iterable<[string, string]>): [string, string][] {
  return [...headers].filter(([name]) => !HOP_HEADERS.has(name.toLowerCase()) && !/^x-middleware-/i.test(name));
}

/** Only a complete, cookie-free 200 HTML page every anonymous reader would get the same. */
export function isStorable(page: RenderedPage, settings: HtmlCacheSettings): boolean {
  const header = (name: string) => page.headers.find(([key]) => key.toLowerCase() === name)?.[1];
  return (
    page.status === 200 &&
    /^text\/html\b/i.test(header("content-type") ?? "") &&
    header("set-cookie") === undefined &&
    page.body.bytes <= settings.maxEntryBytes
  );
}

export interface Filled {
  page: RenderedPage;
  stored: boolean;
}

/** Bounded by entries and bytes, least recently used out first; each entry lives `ttlMs` from its render. */
export class HtmlCache {
  private entries = new Map<string, CachedPage>();
  private inFlight = new Map<string, Promise<Filled>>();
  private bytes = 0;
  private generation = 0;

  constructor(public settings: HtmlCacheSettings) {}

  get(key: string, now = Date.now()): CachedPage | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (now - entry.renderedAt >= this.settings.ttlMs) {
      this.remove(key);
      return null;
    }
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /**
   * Renders the page once for every request waiting on the same key, and keeps it when it is
   * storable and no write emptied the cache meanwhile (the render may have read the data before it).
   */
  fill(key: string, render: () => Promise<RenderedPage>, now: () => number = Date.now): Promise<Filled> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const generation = this.generation;
    const renderedAt = now();
    const promise = render()
      .then((page) => {
        const stored = generation === this.generation && this.settings.ttlMs > 0 && isStorable(page, this.settings);
        if (stored) this.put(key, { ...page, renderedAt });
        return { page, stored };
      })
      .finally(() => {
        if (this.inFlight.get(key) === promise) this.inFlight.delete(key);
      });
    this.inFlight.set(key, promise);
    return promise;
  }

  /** Every entry out, and renders under way are not kept: called after every write. */
  clear(): void {
    this.generation++;
    this.entries.clear();
    this.inFlight.clear();
    this.bytes = 0;
  }

  stats(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private put(key: string, entry: CachedPage): void {
    this.remove(key);
    this.entries.set(key, entry);
    this.bytes += entry.body.bytes;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.settings.maxEntries && this.bytes <= this.settings.maxBytes) break;
      this.remove(oldest);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.body.bytes;
    this.entries.delete(key);
  }
}

interface Shared {
  cache?: HtmlCache;
  /** Shown to our own server when filling the cache; never leaves the process. */
  secret: string;
  /** Called by the data cache (cache-handler.mjs) once a write's tags have expired. */
  clear: () => void;
}

const KEY = Symbol.for("summit-tracker.html-cache");
const registry = globalThis as unknown as Record<symbol, Shared | undefined>;
const shared: Shared = (registry[KEY] ??= {
  secret: randomBytes(32).toString("hex"),
  clear() {
    this.cache?.clear();
  },
});

/** The process's cache (made with these settings on first use). */
export function htmlCache(settings: HtmlCacheSettings): HtmlCache {
  return (shared.cache ??= new HtmlCache(settings));
}

/** The per-process secret proxy.ts sends its own server when it renders a page to keep. */
export function fillSecret(): string {
  return shared.secret;
}
