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

  it("has deploy/nginx.conf send filtered pages from memory, and change their key every half second", async () => {
    const { readFileSync } = await import("node:fs");
    const config = readFileSync("deploy/nginx.conf", "utf8");
    // The location that substitutes the nonce: with sendfile on, each placeholder costs two system calls.
    const location = /\n        location \/ \{\n[\s\S]*?\n        \}\n/.exec(config)?.[0] ?? "";
    expect(location).toContain("sub_filter ");
    expect(location).toMatch(/^\s*sendfile off;/m);
    expect(location).toMatch(/^\s*proxy_cache_key "[^"]*\$tracker_half_second";/m);
    // nginx wakes a request waiting for a fill only on its timer: a long wait would stall every reader twice a second.
    expect(location).toMatch(/^\s*proxy_cache_lock_timeout \d+ms;/m);
    // The map from $msec, read with the same regular expressions nginx uses.
    const map = /map \$msec \$tracker_half_second \{\n([\s\S]*?)\n {4}\}/.exec(config)?.[1] ?? "";
    const rules = [...map.matchAll(/"~([^"]+)"\s+"([^"]+)";/g)].map(([, pattern, value]) => ({ pattern: new RegExp(pattern!), value: value! }));
    const halfSecond = (msec: string) => {
      for (const { pattern, value } of rules) {
        const match = pattern.exec(msec);
        if (match) return value.replace(/\$\{(\w+)\}/g, (_, name: string) => match.groups?.[name] ?? "");
      }
      return null;
    };
    expect(halfSecond("1796174131.000")).toBe("1796174131.0");
    expect(halfSecond("1796174131.499")).toBe("1796174131.0");
    expect(halfSecond("1796174131.500")).toBe("1796174131.5");
    expect(halfSecond("1796174131.999")).toBe("1796174131.5");
    expect(halfSecond("1796174132.000")).toBe("1796174132.0");
  });

  it("keeps a page in the front to the end of the current second", () => {
    expect(frontExpiresHeader(Date.parse("2026-12-01T10:00:00.999Z"))).toBe(`@${Date.parse("2026-12-01T10:00:00Z") / 1000}`);
  });
});
