import http from "node:http";
import createMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { isBot } from "next/dist/shared/lib/router/utils/is-bot";
import { SESSION_COOKIE } from "./lib/auth/sessions";
import {
  ADDRESS_HEADERS,
  fillPlaceholders,
  fillSecret,
  htmlCache,
  isPersonalPageRequest,
  joinPage,
  pageBody,
  pageCacheKey,
  pageHeaders,
  type PageRequest,
  REQUEST_ID_PLACEHOLDER,
  type RenderedPage,
} from "./lib/cache/html-cache";
import { getEnv } from "./lib/env";
import { log } from "./lib/log";
import { routing } from "./lib/i18n/routing";
import { jsonError } from "./lib/http/json-error";
import { FRONT_SECRET_HEADER, frontExpiresHeader, isTrustedFront, NONCE_PLACEHOLDER } from "./lib/security/front";
import { pageCsp, requestIdFrom } from "./lib/security/headers";
import { recordInnerTiming } from "./lib/http/server-timing";

const intl = createMiddleware(routing);

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

// Cookies that may make a page differ for this reader: a session (real or not) or Next's draft mode.
const PERSONAL_COOKIES = [SESSION_COOKIE, "__prerender_bypass", "__next_preview_data"];

function freshNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

const agent = new http.Agent({ keepAlive: true });

interface SelfResponse {
  status: number;
  headers: [string, string][];
  bytes: Buffer;
  contentType: string | undefined;
}

/**
 * Asks our own server for a page, with the internal secret (the proxy's inner pass, below), and
 * reads the whole answer. `next start` names its address in __NEXT_PRIVATE_ORIGIN.
 */
function requestSelf(origin: URL, path: string, headers: Record<string, string>): Promise<SelfResponse> {
  return new Promise((resolve, reject) => {
    const inner = http.request(
      {
        agent,
        hostname: origin.hostname.replace(/^\[|\]$/g, ""),
        port: origin.port,
        path,
        headers: { ...headers, [FRONT_SECRET_HEADER]: fillSecret(), "accept-encoding": "identity" },
        timeout: 30_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const headers: [string, string][] = Object.entries(response.headers).flatMap(([name, value]) =>
            value === undefined ? [] : Array.isArray(value) ? value.map((one): [string, string] => [name, one]) : [[name, value] as [string, string]],
          );
          recordInnerTiming((response.headers["server-timing"] as string | undefined) ?? null);
          resolve({
            status: response.statusCode ?? 500,
            headers: pageHeaders(headers),
            bytes: Buffer.concat(chunks),
            contentType: response.headers["content-type"],
          });
        });
      },
    );
    inner.on("timeout", () => inner.destroy(new Error(`rendering ${path} for the proxy timed out`)));
    inner.on("error", reject);
    inner.end();
  });
}

/**
 * Renders the page for the HTML cache: with the placeholders (the front's path below), no cookies
 * and the reader's address headers.
 */
async function renderForCache(origin: URL, path: string, address: Record<string, string>): Promise<RenderedPage> {
  const response = await requestSelf(origin, path, { ...address, "x-request-id": REQUEST_ID_PLACEHOLDER });
  return { status: response.status, headers: response.headers, body: pageBody(response.bytes, response.contentType) };
}

function pageRequest(request: NextRequest): PageRequest {
  return {
    method: request.method,
    pathname: request.nextUrl.pathname,
    search: request.nextUrl.search,
    header: (name) => request.headers.get(name),
    cookieNames: request.cookies.getAll().map((cookie) => cookie.name),
    isBot: isBot(request.headers.get("user-agent") ?? ""),
  };
}

/** The key an anonymous page GET is shared under (lib/cache/html-cache.ts), or null. */
function sharedPageKey(request: NextRequest): string | null {
  return pageCacheKey(pageRequest(request), PERSONAL_COOKIES);
}

function addressHeaders(request: NextRequest): Record<string, string> {
  return Object.fromEntries(ADDRESS_HEADERS.flatMap((name) => (request.headers.has(name) ? [[name, request.headers.get(name)!]] : [])));
}

/**
 * An anonymous page for the caching front: rendered afresh by our own server (never from the
 * in-app cache, whose copy may be up to its TTL older than the write the front is refreshing for),
 * in the shared page's form (its scripts after the first paint, lib/cache/scripts-after-first-paint.ts),
 * with the placeholders left for the front to fill. Null when it must be rendered for itself.
 */
async function frontPage(request: NextRequest, requestId: string): Promise<NextResponse | null> {
  const origin = process.env.__NEXT_PRIVATE_ORIGIN;
  if (!origin || !sharedPageKey(request)) return null;
  let page: RenderedPage;
  try {
    page = await renderForCache(new URL(origin), request.nextUrl.pathname + request.nextUrl.search, addressHeaders(request));
  } catch (error) {
    log("warn", "front_page.render_failed", { requestId, path: request.nextUrl.pathname, error });
    return null;
  }
  const response = sharedPageResponse(request, page, NONCE_PLACEHOLDER, requestId);
  response.headers.set("x-accel-expires", frontExpiresHeader());
  return response;
}

/** A shared page's answer with this nonce and request id joined in at its placeholders. */
function sharedPageResponse(request: NextRequest, page: RenderedPage, nonce: string, requestId: string): NextResponse {
  const headers = new Headers(page.headers.map(([name, value]): [string, string] => [name, fillPlaceholders(value, nonce, requestId)]));
  // Next reads a Location in the proxy's own answer as a URL of its own: it must be absolute.
  const location = headers.get("location");
  if (location) headers.set("location", new URL(location, request.nextUrl).toString());
  headers.set("x-request-id", requestId);
  return new NextResponse(request.method === "HEAD" ? null : new Uint8Array(joinPage(page.body, nonce, requestId)), { status: page.status, headers });
}

// The request's own headers that belong to its connection, not to the page asked for.
const CONNECTION_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "upgrade", "accept-encoding", "x-request-id"]);

/**
 * A page rendered for this reader alone (a session's, an alert's), in the shared page's form: our
 * own server renders it with the reader's headers and cookies, and its scripts are moved after the
 * first paint (decision 059). Without a session the inner pass renders with the placeholders, so
 * they are filled in with a fresh nonce like a shared page's. Null when the request is not for such
 * a page, or when that render failed (it is then rendered as usual).
 */
async function personalPage(request: NextRequest, requestId: string): Promise<NextResponse | null> {
  const origin = process.env.__NEXT_PRIVATE_ORIGIN;
  if (!origin || !isPersonalPageRequest(pageRequest(request), PERSONAL_COOKIES)) return null;
  const own: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    if (!CONNECTION_HEADERS.has(name) && name !== FRONT_SECRET_HEADER) own[name] = value;
  });
  let page: SelfResponse;
  try {
    page = await requestSelf(new URL(origin), request.nextUrl.pathname + request.nextUrl.search, { ...own, "x-request-id": requestId });
  } catch (error) {
    log("warn", "personal_page.render_failed", { requestId, path: request.nextUrl.pathname, error });
    return null;
  }
  return sharedPageResponse(request, { status: page.status, headers: page.headers, body: pageBody(page.bytes, page.contentType) }, freshNonce(), requestId);
}

/**
 * An anonymous page GET from the HTML cache (lib/cache/html-cache.ts), rendered once and kept
 * when it is not there: in every response a fresh nonce, in its CSP and in the page. Null when
 * the request must be rendered for itself, or when rendering for the cache failed.
 */
async function cachedPage(request: NextRequest, requestId: string): Promise<NextResponse | null> {
  const env = getEnv();
  const origin = process.env.__NEXT_PRIVATE_ORIGIN;
  if (!env.HTML_CACHE || !origin) return null;
  const key = sharedPageKey(request);
  if (!key) return null;
  const path = request.nextUrl.pathname + request.nextUrl.search;
  const address = addressHeaders(request);
  const cache = htmlCache({
    ttlMs: env.HTML_CACHE_TTL_MS,
    maxEntries: env.HTML_CACHE_MAX_ENTRIES,
    maxBytes: env.HTML_CACHE_MAX_MB * 1024 * 1024,
    maxEntryBytes: env.HTML_CACHE_MAX_ENTRY_KB * 1024,
  });
  let page: RenderedPage | null = cache.get(key);
  let state = "hit";
  if (!page) {
    try {
      const filled = await cache.fill(key, () => renderForCache(new URL(origin), path, address));
      page = filled.page;
      state = filled.stored ? "miss" : "uncacheable";
    } catch (error) {
      log("warn", "html_cache.render_failed", { requestId, path, error });
      return null;
    }
  }
  const nonce = freshNonce();
  const response = sharedPageResponse(request, page, nonce, requestId);
  response.headers.set("content-security-policy", pageCsp(nonce, { development: process.env.NODE_ENV === "development" }));
  response.headers.set("x-app-cache", state);
  return response;
}

// Mail programs' RFC 8058 one-click unsubscribe POSTs carry no Origin; the token is the only authority.
const ORIGIN_FREE_POSTS = new Set(["/api/alerts/unsubscribe"]);

/** Whether a state-changing request comes from our own pages (Origin must name this host). */
function isSameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * Every request: a request id (echoed in the response and the logs), a same-origin check for
 * anything that is not a read, and for pages a fresh CSP nonce plus the locale routing — or, for
 * an anonymous GET from the trusted caching front, the placeholder the front replaces with a
 * fresh nonce per response (lib/security/front.ts).
 */
export default async function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers.get("x-request-id"));
  const { pathname } = request.nextUrl;

  const originFree = request.method === "POST" && ORIGIN_FREE_POSTS.has(pathname);
  if (!SAFE_METHODS.has(request.method) && !originFree && !isSameOrigin(request)) {
    return jsonError(403, "Cross-origin or origin-less request refused", [], {}, requestId);
  }

  const secretHeader = request.headers.get(FRONT_SECRET_HEADER);
  const fromSelf = isTrustedFront(secretHeader, fillSecret());
  // The front's secret, or the one this process shows itself when it renders a shared page.
  const fromFront = fromSelf || isTrustedFront(secretHeader, getEnv().FRONT_SECRET);
  const forwarded = new Headers(request.headers);
  forwarded.set("x-request-id", requestId);
  forwarded.delete(FRONT_SECRET_HEADER);

  // API routes, feeds, embeds and files: no locale and no page CSP (next.config.ts or the route sets theirs).
  if (pathname.startsWith("/api/") || pathname === "/api" || pathname.startsWith("/embed/") || /\.[a-z0-9]+$/i.test(pathname)) {
    const response = NextResponse.next({ request: { headers: forwarded } });
    response.headers.set("x-request-id", requestId);
    return response;
  }

  if (!fromFront) {
    const cached = await cachedPage(request, requestId);
    if (cached) return cached;
  } else if (!fromSelf) {
    const shared = await frontPage(request, requestId);
    if (shared) return shared;
  }
  if (!fromSelf) {
    const personal = await personalPage(request, requestId);
    if (personal) return personal;
  }

  // Only a page every anonymous reader shares: never one that may be rendered for a session.
  const placeholder = fromFront && (request.method === "GET" || request.method === "HEAD") && !request.cookies.has(SESSION_COOKIE);
  const nonce = placeholder ? NONCE_PLACEHOLDER : freshNonce();
  const csp = pageCsp(nonce, { development: process.env.NODE_ENV === "development" });
  forwarded.set("x-nonce", nonce);
  forwarded.set("content-security-policy", csp);

  const response = intl(new NextRequest(request, { headers: forwarded }));
  // next-intl answers with its own rewrite/redirect; carry our request headers through it.
  const overridden: string[] = [];
  forwarded.forEach((value, key) => {
    response.headers.set(`x-middleware-request-${key}`, value);
    overridden.push(key);
  });
  response.headers.set("x-middleware-override-headers", overridden.join(","));
  response.headers.set("content-security-policy", csp);
  response.headers.set("x-request-id", requestId);
  if (placeholder) response.headers.set("x-accel-expires", frontExpiresHeader());
  return response;
}

export const config = {
  // Everything but Next's build files and the favicon.
  matcher: "/((?!_next/static|_next/image|favicon.ico).*)",
};
