import { describe, expect, it } from "vitest";
import { frontExpiresHeader, isTrustedFront, NONCE_PLACEHOLDER } from "../../lib/security/front";
import { pageCsp } from "../../lib/security/headers";

describe("the caching front's secret and placeholder", () => {
  const secret = "s".repeat(40);

  it("trusts only the exact secret, and nothing when no secret is configured", () => {
    expect(isTrustedFront(secret, secret)).toBe(true);
    expect(isTrustedFront(`${secret}x`, secret)).toBe(false);
    expect(isTrustedFront("s".repeat(39), secret)).toBe(false);
    expect(isTrustedFront(null, secret)).toBe(false);
    expect(isTrustedFront("", undefined)).toBe(false);
    expect(isTrustedFront(secret, undefined)).toBe(false);
  });

  it("uses a placeholder that JSON and HTML escaping leave unchanged, and that deploy/nginx.conf replaces", async () => {
    expect(NONCE_PLACEHOLDER).toMatch(/^[A-Za-z0-9]+$/);
    expect(JSON.stringify(NONCE_PLACEHOLDER)).toBe(`"${NONCE_PLACEHOLDER}"`);
    const { readFileSync } = await import("node:fs");
    const config = readFileSync("deploy/nginx.conf", "utf8");
    expect(config).toContain(`sub_filter "${NONCE_PLACEHOLDER}" $request_id;`);
    expect(config).toContain(`'nonce-${NONCE_PLACEHOLDER}'`);
    expect(pageCsp(NONCE_PLACEHOLDER, { development: false })).toContain(`'nonce-${NONCE_PLACEHOLDER}' 'strict-dynamic'`);
  });

  it("keeps a page in the front to the end of the current second", () => {
    expect(frontExpiresHeader(Date.parse("2026-12-01T10:00:00.999Z"))).toBe(`@${Date.parse("2026-12-01T10:00:00Z") / 1000}`);
  });
});
