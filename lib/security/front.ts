import { timingSafeEqual } from "node:crypto";

/**
 * The caching front (deploy/nginx.conf, docs/decisions/016-public-caching.md). For an anonymous
 * GET that carries the front's secret, a page is rendered with this placeholder as its nonce —
 * in the CSP header, in every nonce="…" attribute and inside the RSC payload — and the front
 * replaces it with a fresh random value in every response it sends, cache hits included. Letters
 * and digits only, so JSON escaping leaves it unchanged and it is a valid CSP nonce.
 */
export const NONCE_PLACEHOLDER = "TrackerFrontNoncePlaceholder0000";

/** The request header the front sends its secret in. */
export const FRONT_SECRET_HEADER = "x-tracker-front";

/** Whether the header value is the configured secret (constant time; false without a secret). */
export function isTrustedFront(value: string | null, secret: string | undefined): boolean {
  if (!secret || !value) return false;
  const given = Buffer.from(value);
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * How long the front may keep the page: to the end of the current second (nginx counts whole
 * seconds; `@t` is an absolute time), so a write shows within a second plus one render.
 */
export function frontExpiresHeader(now = Date.now()): string {
  return `@${Math.floor(now / 1000)}`;
}
