import { describe, expect, it, vi } from "vitest";
import { clientAddress, parseTrustedProxies } from "../../lib/security/client-address";

describe("the client address behind proxies", () => {
  const none = parseTrustedProxies("");
  const nginx = parseTrustedProxies("127.0.0.1, ::1, 10.0.0.0/8");

  it("with no trusted proxy is the socket's peer, whatever X-Forwarded-For says", () => {
    for (let i = 0; i < 35; i++) expect(clientAddress("203.0.113.7", `198.51.100.${i}`, none)).toBe("203.0.113.7");
    expect(clientAddress("::ffff:203.0.113.7", null, none)).toBe("203.0.113.7");
  });

  it("through a trusted proxy is the right-most untrusted hop, so a rotated header is ignored", () => {
    // nginx appends the address it saw: a spoofed left part never reaches the front.
    for (let i = 0; i < 35; i++) expect(clientAddress("127.0.0.1", `198.51.100.${i}, 203.0.113.7`, nginx)).toBe("203.0.113.7");
    expect(clientAddress("127.0.0.1", "203.0.113.7, 10.1.2.3", nginx)).toBe("203.0.113.7");
    // A hop that is not trusted ends the walk even if it claims more.
    expect(clientAddress("192.0.2.9", "203.0.113.7", nginx)).toBe("192.0.2.9");
  });

  it("is unknown without a socket peer rather than whatever a header claims", () => {
    expect(clientAddress(null, "198.51.100.1", nginx)).toBe("unknown");
  });

  it("refuses a TRUSTED_PROXIES entry that is not an address or range, naming it", async () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/10\.0\.0\.0\/33/);
    vi.stubEnv("TRUSTED_PROXIES", "localhost");
    vi.resetModules();
    const { getEnv } = await import("../../lib/env");
    expect(() => getEnv()).toThrow(/TRUSTED_PROXIES: "localhost" is not an IP address/);
    vi.unstubAllEnvs();
  });
});
