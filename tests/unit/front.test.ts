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

  it("has deploy/nginx.conf send pages from memory, for the whole server", async () => {
    const { readFileSync } = await import("node:fs");
    const config = readFileSync("deploy/nginx.conf", "utf8");
    // sub_filter with sendfile costs two system calls per placeholder; a location's own "sendfile off" is undone by
    // the auth_request subrequest, so it must be off at the http level and on nowhere.
    const http = config.slice(config.indexOf("http {"), config.indexOf("    server {"));
    expect(http).toMatch(/^ {4}sendfile off;/m);
    expect(config).not.toMatch(/^\s*sendfile on;/m);
    expect(config).toContain("sub_filter_once off;");
  });

  it("keeps a page in the front to the end of the current second", () => {
    expect(frontExpiresHeader(Date.parse("2026-12-01T10:00:00.999Z"))).toBe(`@${Date.parse("2026-12-01T10:00:00Z") / 1000}`);
  });
});
