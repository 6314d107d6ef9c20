/**
 * The security headers (docs/decisions/011-security-headers.md). Pages get a per-request
 * nonce in their Content-Security-Policy from proxy.ts; everything else gets the static
 * headers from next.config.ts.
 */

/** No inline script runs without the request's nonce; 'strict-dynamic' lets Next's own chunks load. */
export function pageCsp(nonce: string, options: { development: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    // React renders a few style attributes (progress bars, chart sizes); styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For JSON, XML and files: nothing may run or embed them. */
export const RESOURCE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const COMMON_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** Everything but /embed/… (which names its own frame-ancestors) refuses to be framed, also in old browsers. */
export const NO_FRAMING = { key: "X-Frame-Options", value: "DENY" };

export const HSTS = { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" };

/** A request id we accept from a proxy in front of us, or make ourselves. */
export function requestIdFrom(header: string | null): string {
  return header && /^[A-Za-z0-9._-]{8,128}$/.test(header) ? header : crypto.randomUUID();
}
