import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installServerHooks } from "../../lib/http/node-server";

const { POST } = await import("../../app/api/alerts/unsubscribe/route");

let server: http.Server;
let base: string;

// A real socket in front of the route handler, with the server hook that records the peer's address, as in production.
beforeAll(async () => {
  installServerHooks();
  server = http.createServer(async (request, response) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers.set(name, value);
    const answer = await POST(new Request(`http://tracker.test${request.url}`, { method: "POST", headers }));
    response.writeHead(answer.status, { "Content-Type": "application/json" }).end(await answer.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the one-click unsubscribe rate limit", () => {
  it("keys on the socket's address when no proxy is trusted: a rotated X-Forwarded-For does not escape it", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      const response = await fetch(`${base}/api/alerts/unsubscribe?token=nope`, { method: "POST", headers: { "X-Forwarded-For": `198.51.100.${i}` } });
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    // 60 an hour per client: the token is refused (400) until then, the 61st try is limited whatever the header says.
    expect(statuses.slice(0, 60).every((status) => status === 400)).toBe(true);
    expect(statuses[60]).toBe(429);
  });
});
