import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TAG } from "../../lib/cache/tags";

const SECRET = "front-refresh-test-secret-0000000000";

describe("asking the front for fresh copies after a write", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("names the changed initiatives' pages and, when the lists changed, the dashboard, in both languages", async () => {
    const { frontRefreshPaths } = await import("../../lib/security/front-refresh");
    expect(frontRefreshPaths([TAG.initiative("single-tourism-space"), TAG.initiatives, TAG.history, TAG.country("KZ")])).toEqual([
      ["/initiatives/single-tourism-space", "/en/initiatives/single-tourism-space"],
      ["/", "/en"],
    ]);
    // A source's or a country's own change names no page the front is asked for.
    expect(frontRefreshPaths([TAG.source(3), TAG.country("UZ")])).toEqual([]);
    // A bulk import leaves its many initiative pages to the end-of-second rule.
    const many = Array.from({ length: 11 }, (_, k) => TAG.initiative(`i-${k}`));
    expect(frontRefreshPaths([...many, TAG.initiatives])).toEqual([["/", "/en"]]);
  });

  it("sends each address once through the front with the secret, and survives a front that is down", async () => {
    const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
    const server = createServer((request, response) => {
      seen.push({ url: request.url ?? "", headers: request.headers });
      response.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    vi.stubEnv("FRONT_SECRET", SECRET);
    vi.stubEnv("FRONT_URL", `http://127.0.0.1:${port}`);
    const { refreshFront } = await import("../../lib/security/front-refresh");
    await refreshFront([TAG.initiative("water-convention")]);
    expect(seen.map((request) => request.url)).toEqual(["/initiatives/water-convention", "/en/initiatives/water-convention"]);
    for (const request of seen) {
      expect(request.headers["x-tracker-refresh"]).toBe(SECRET);
      expect(request.headers.cookie).toBeUndefined();
    }
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // Nothing listens there now: the write has committed, so a refresh failure is only logged.
    const warn = vi.spyOn(console, "log").mockImplementation(() => undefined);
    await expect(refreshFront([TAG.initiative("water-convention")])).resolves.toBeUndefined();
    expect(warn.mock.calls.map((call) => String(call[0])).filter((line) => line.includes("front_refresh_failed"))).toHaveLength(1);
    warn.mockRestore();
  });

  it("coalesces a burst of writes: one more refresh per address after the one in flight, not one per write", async () => {
    const seen: string[] = [];
    const server = createServer((request, response) => {
      seen.push(request.url ?? "");
      setTimeout(() => response.end("ok"), 50);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    vi.stubEnv("FRONT_SECRET", SECRET);
    vi.stubEnv("FRONT_URL", `http://127.0.0.1:${port}`);
    const { refreshFront } = await import("../../lib/security/front-refresh");
    const tags = [TAG.initiative("water-convention")];
    await Promise.all([refreshFront(tags), refreshFront(tags), refreshFront(tags), refreshFront(tags)]);
    expect(seen.filter((url) => url === "/initiatives/water-convention")).toHaveLength(2);
    expect(seen.filter((url) => url === "/en/initiatives/water-convention")).toHaveLength(2);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
