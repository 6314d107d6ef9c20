import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT, refuseRawRequest } from "../../lib/http/refuse-raw-request";

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
    expect(get("/en/sign-in", "POST", { ...action, "content-type": "text/plain;charset=UTF-8", "content-length": "5" })).toMatchObject({ status: 415, reason: "action_content_type" });
    expect(
      get("/en/sign-in", "POST", { ...action, "content-type": "multipart/form-data; boundary=x", "content-length": String(ACTION_BODY_LIMIT + 1) }),
    ).toMatchObject({ status: 413, error: expect.stringContaining("1 MB") });
    expect(get("/en/sign-in", "POST", { ...action, "content-type": "multipart/form-data; boundary=x", "content-length": "900" })).toBeNull();
    // Next.js answers these with a 500 ("Unexpected end of form"): a body without a length, read past the limit,
    // and multipart without a boundary.
    expect(get("/en/sign-in", "POST", { ...action, "content-type": "multipart/form-data; boundary=x", "transfer-encoding": "chunked" })).toMatchObject({ status: 411, reason: "action_no_length" });
    expect(get("/en/sign-in", "POST", { ...action, "content-type": "multipart/form-data", "content-length": "7" })).toMatchObject({ status: 400, reason: "action_no_boundary", error: expect.stringContaining("boundary") });
    expect(get("/en/sign-in", "POST", { ...action, "content-type": "multipart/form-data; charset=utf-8", "content-length": "7" })).toMatchObject({ status: 400, reason: "action_no_boundary" });
    expect(get("/en/sign-in", "POST", { ...action, "content-type": 'multipart/form-data; boundary="----x y"', "content-length": "7" })).toBeNull();
    expect(get("/en/sign-in", "POST", { ...action, "content-type": "application/x-www-form-urlencoded", "content-length": "7" })).toBeNull();
    // Not an action: left to the route (the API answers 405 itself).
    expect(get("/api/v1/initiatives", "POST", { "content-type": "text/plain" })).toBeNull();
  });
});
