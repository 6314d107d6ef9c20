import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { ACTION_BODY_LIMIT, needsMultipartCheck, refuseMultipartBody, refuseRawRequest } from "../../lib/http/refuse-raw-request";

const get = (url: string, method = "GET", headers: Record<string, string> = {}) => refuseRawRequest({ method, url, headers });

describe("requests refused before Next.js sees them", () => {
  it("refuse a malformed percent-escape in the path, also one that is malformed once decoded", () => {
    for (const url of ["/initiatives/100%25", "/%FF", "/en/%C3%28", "/%", "/feeds/%G1/history.atom"]) {
      expect(get(url), url).toMatchObject({ status: 400, reason: "malformed_path" });
    }
  });

  it("let well-formed addresses through, whatever the query string holds", () => {
    for (const url of ["/", "/en/initiatives?q=%25%FF", "/initiatives/%D0%B2%D0%BE%D0%B4%D0%B0", "/search?q=100%25"]) expect(get(url), url).toBeNull();
  });

  it("refuse TRACE and TRACK", () => {
    expect(get("/", "TRACE")).toMatchObject({ status: 400, reason: "method" });
    expect(get("/", "track")).toMatchObject({ status: 400 });
  });

  it("refuse server-action posts that are too large or not a form, with a message", () => {
    const action = { "next-action": "abc123" };
    expect(get("/en/sign-in", "POST", { ...action, "content-type": "text/plain;charset=UTF-8", "content-length": "5" })).toMatchObject({
      status: 415,
      reason: "action_content_type",
    });
    expect(
      get("/en/sign-in", "POST", { ...action, "content-type": "multipart/form-data; boundary=x", "content-length": String(ACTION_BODY_LIMIT + 1) }),
    ).toMatchObject({ status: 413, error: expect.stringContaining("1 MB") });
    expect(get("/en/sign-in", "POST", { ...action, "content-type": "multipart/form-data; boundary=x", "content-length": "900" })).toBeNull();
    // Next.js answers these with a 500 ("Unexpected end of form"): a body without a length, read past the limit,
    // and multipart without a boundary.
    expect(get("/en/sign-in", "POST", { ...action, "content-type": "multipart/form-data; boundary=x", "transfer-encoding": "chunked" })).toMatchObject({
      status: 411,
      reason: "action_no_length",
    });
    expect(get("/en/sign-in", "POST", { ...action, "content-type": "multipart/form-data", "content-length": "7" })).toMatchObject({
      status: 400,
      reason: "action_no_boundary",
      error: expect.stringContaining("boundary"),
    });
    expect(get("/en/sign-in", "POST", { ...action, "content-type": "multipart/form-data; charset=utf-8", "content-length": "7" })).toMatchObject({
      status: 400,
      reason: "action_no_boundary",
    });
    expect(get("/en/sign-in", "POST", { ...action, "content-type": 'multipart/form-data; boundary="----x y"', "content-length": "7" })).toBeNull();
    expect(get("/en/sign-in", "POST", { ...action, "content-type": "application/x-www-form-urlencoded", "content-length": "7" })).toBeNull();
    // Not an action: left to the route (the API answers 405 itself).
    expect(get("/api/v1/initiatives", "POST", { "content-type": "text/plain" })).toBeNull();
  });

  it("refuse a multipart body that is cut off or broken, exactly where Next's own parser (busboy) fails", async () => {
    const form = new FormData();
    form.append("$ACTION_ID_x", "");
    form.append("email", "ä@example.test");
    form.append("note", "a line\r\n--not the boundary\r\n");
    form.append("file", new Blob(["bytes\r\n"]), "x.txt");
    const encoded = new Request("http://test.invalid/", { method: "POST", body: form });
    const contentType = encoded.headers.get("content-type")!;
    const body = Buffer.from(await encoded.arrayBuffer());
    const busboy = createRequire(import.meta.url)("next/dist/compiled/busboy") as (options: { headers: Record<string, string> }) => NodeJS.WritableStream;
    const busboyFails = (bytes: Buffer) =>
      new Promise<boolean>((resolve) => {
        const parser = busboy({ headers: { "content-type": contentType } });
        parser.on("file", (_name: string, stream: NodeJS.ReadableStream) => stream.on("error", () => {}).resume());
        parser.on("error", () => resolve(true));
        parser.on("close", () => resolve(false));
        parser.end(bytes);
      });

    expect(refuseMultipartBody(contentType, body)).toBeNull();
    expect(await busboyFails(body)).toBe(false);
    for (let cut = 0; cut < body.length; cut++) {
      const truncated = body.subarray(0, cut);
      const refused = refuseMultipartBody(contentType, truncated);
      expect(refused !== null, `cut at ${cut}`).toBe(await busboyFails(truncated));
    }
    // Cut mid-part (the case Next answered with a bare 500): refused with a message.
    expect(refuseMultipartBody(contentType, body.subarray(0, body.indexOf("@example")))).toMatchObject({
      status: 400,
      reason: "action_malformed_multipart",
      error: expect.stringContaining("cut off"),
    });
    // Garbage in place of a part's headers.
    const garbled = Buffer.from(body.toString("latin1").replace('Content-Disposition: form-data; name="email"', "no colon here"), "latin1");
    expect(refuseMultipartBody(contentType, garbled)).toMatchObject({ status: 400 });
    expect(await busboyFails(garbled)).toBe(true);

    // Only multipart action posts with a boundary are read first.
    const action = { "next-action": "abc123", "content-length": "10" };
    expect(needsMultipartCheck({ method: "POST", headers: { ...action, "content-type": contentType } })).toBe(true);
    expect(needsMultipartCheck({ method: "POST", headers: { ...action, "content-type": "application/x-www-form-urlencoded" } })).toBe(false);
    expect(needsMultipartCheck({ method: "POST", headers: { "content-type": contentType } })).toBe(false);
  });
});
