import createMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { SESSION_COOKIE } from "./lib/auth/sessions";
import { getEnv } from "./lib/env";
import { routing } from "./lib/i18n/routing";
import { FRONT_SECRET_HEADER, frontExpiresHeader, isTrustedFront, NONCE_PLACEHOLDER } from "./lib/security/front";
import { pageCsp, requestIdFrom } from "./lib/security/headers";

const intl = createMiddleware(routing);

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

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
export default function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers.get("x-request-id"));
  const { pathname } = request.nextUrl;

  const originFree = request.method === "POST" && ORIGIN_FREE_POSTS.has(pathname);
  if (!SAFE_METHODS.has(request.method) && !originFree && !isSameOrigin(request)) {
    return NextResponse.json(
      { error: "Cross-origin or origin-less request refused", details: [], requestId },
      { status: 403, headers: { "x-request-id": requestId, "Cache-Control": "no-store" } },
    );
  }

  const fromFront = isTrustedFront(request.headers.get(FRONT_SECRET_HEADER), getEnv().FRONT_SECRET);
  const forwarded = new Headers(request.headers);
  forwarded.set("x-request-id", requestId);
  forwarded.delete(FRONT_SECRET_HEADER);

  // API routes, feeds, embeds and files: no locale and no page CSP (next.config.ts or the route sets theirs).
  if (pathname.startsWith("/api/") || pathname === "/api" || pathname.startsWith("/embed/") || /\.[a-z0-9]+$/i.test(pathname)) {
    const response = NextResponse.next({ request: { headers: forwarded } });
    response.headers.set("x-request-id", requestId);
    return response;
  }

  // Only a page every anonymous reader shares: never one that may be rendered for a session.
  const placeholder = fromFront && (request.method === "GET" || request.method === "HEAD") && !request.cookies.has(SESSION_COOKIE);
  const nonce = placeholder ? NONCE_PLACEHOLDER : Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
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
