import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installServerHooks } from "../../lib/http/node-server";

// Next's own multipart parser, fed the request the hook hands on, as Next's action handler does.
const busboy = createRequire(import.meta.url)("next/dist/compiled/busboy") as (options: { headers: http.IncomingHttpHeaders }) => NodeJS.WritableStream;

let server: http.Server;
let base: string;

beforeAll(async () => {
  installServerHooks();
  server = http.createServer((request, response) => {
    const fields: Record<string, string> = {};
    const parser = busboy({ headers: request.headers });
    parser.on("field", (name: string, value: string) => (fields[name] = value));
    parser.on("error", (error: Error) => {
      response.writeHead(500).end(error.message);
    });
    parser.on("close", () => {
      response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(fields));
    });
    request.pipe(parser);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function post(body: Buffer, contentType: string) {
  const response = await fetch(`${base}/en/sign-in`, {
    method: "POST",
    body: new Uint8Array(body),
    headers: { "Next-Action": "0".repeat(42), "Content-Type": contentType },
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe("multipart server-action bodies read by the server hook", () => {
  it("hand a well-formed body on unchanged, and answer a cut-off one with 400 JSON, the usual headers and a request id", async () => {
    const form = new FormData();
    form.append("email", "ä@example.test");
    form.append("note", "x".repeat(200_000));
    const encoded = new Request("http://test.invalid/", { method: "POST", body: form });
    const contentType = encoded.headers.get("content-type")!;
    const body = Buffer.from(await encoded.arrayBuffer());

    const whole = await post(body, contentType);
    expect(whole.status).toBe(200);
    expect(JSON.parse(whole.text)).toEqual({ email: "ä@example.test", note: "x".repeat(200_000) });

    const cut = await post(body.subarray(0, body.indexOf("example")), contentType);
    expect(cut.status).toBe(400);
    expect(cut.headers.get("x-frame-options")).toBe("DENY");
    expect(cut.headers.get("x-content-type-options")).toBe("nosniff");
    expect(cut.headers.get("x-request-id")).toMatch(/^[A-Za-z0-9._-]{8,}$/);
    expect(JSON.parse(cut.text)).toMatchObject({ error: expect.stringContaining("cut off"), details: [], requestId: cut.headers.get("x-request-id") });
  });
});
