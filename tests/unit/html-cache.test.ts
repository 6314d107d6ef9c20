import { describe, expect, it } from "vitest";
import {
  fillPlaceholders,
  HtmlCache,
  isPersonalPageRequest,
  isStorable,
  joinPage,
  pageBody,
  pageCacheKey,
  pageHeaders,
  REQUEST_ID_PLACEHOLDER,
  splitPage,
  type PageRequest,
  type RenderedPage,
} from "../../lib/cache/html-cache";
import { NONCE_PLACEHOLDER } from "../../lib/security/front";

const SESSION = ["tracker_session", "__prerender_bypass"];
const settings = { ttlMs: 1000, maxEntries: 3, maxBytes: 1000, maxEntryBytes: 400 };

function request(overrides: Partial<PageRequest> & { headers?: Record<string, string> } = {}): PageRequest {
  const { headers = {}, ...rest } = overrides;
  return { method: "GET", pathname: "/en/initiatives", search: "", cookieNames: [], isBot: false, header: (name) => headers[name] ?? null, ...rest };
}

function page(body: string, overrides: Partial<RenderedPage> = {}): RenderedPage {
  return { status: 200, headers: [["content-type", "text/html; charset=utf-8"]], body: splitPage(body), ...overrides };
}

describe("which page requests the HTML cache answers", () => {
  it("keys anonymous GET and HEAD by the path, the whole query and the address the response names", () => {
    const host = { host: "tracker.example.org" };
    expect(pageCacheKey(request({ search: "?status=agreed&q=water", headers: host }), SESSION)).toBe(
      "tracker.example.org   /en/initiatives?status=agreed&q=water",
    );
    expect(pageCacheKey(request({ method: "HEAD", headers: host }), SESSION)).toBe(pageCacheKey(request({ headers: host }), SESSION));
    expect(pageCacheKey(request({ pathname: "/initiatives" }), SESSION)).not.toBe(pageCacheKey(request(), SESSION));
    expect(pageCacheKey(request({ search: "?q=a" }), SESSION)).not.toBe(pageCacheKey(request({ search: "?q=b" }), SESSION));
    expect(pageCacheKey(request({ headers: { host: "a.example" } }), SESSION)).not.toBe(pageCacheKey(request({ headers: { host: "b.example" } }), SESSION));
    expect(pageCacheKey(request({ headers: { ...host, "x-forwarded-proto": "https" } }), SESSION)).not.toBe(pageCacheKey(request({ headers: host }), SESSION));
    // Cookies that no page reads, and other headers, change nothing.
    expect(pageCacheKey(request({ cookieNames: ["theme", "_ga"], headers: { ...host, "accept-language": "ru" } }), SESSION)).toBe(
      pageCacheKey(request({ headers: host }), SESSION),
    );
  });

  it("renders for itself anything that is not an anonymous page GET", () => {
    expect(pageCacheKey(request({ method: "POST" }), SESSION)).toBeNull();
    expect(pageCacheKey(request({ method: "OPTIONS" }), SESSION)).toBeNull();
    // Any cookie named like a session, real or forged, and Next's draft mode.
    expect(pageCacheKey(request({ cookieNames: ["_ga", "tracker_session"] }), SESSION)).toBeNull();
    expect(pageCacheKey(request({ cookieNames: ["__prerender_bypass"] }), SESSION)).toBeNull();
    // The router's RSC payloads, prefetches and server actions.
    for (const name of ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-url", "next-action"])
      expect(pageCacheKey(request({ headers: { [name]: "1" } }), SESSION), name).toBeNull();
    expect(pageCacheKey(request({ search: "?_rsc=abc12" }), SESSION)).toBeNull();
    expect(pageCacheKey(request({ search: "?q=x&_rsc=abc12" }), SESSION)).toBeNull();
    expect(pageCacheKey(request({ isBot: true }), SESSION)).toBeNull();
    // Pages of one reader (an alert's secret link) or of a session.
    for (const pathname of ["/alerts/tok123", "/en/alerts/tok123/unsubscribe", "/editor", "/en/admin", "/en/editor/queue"])
      expect(pageCacheKey(request({ pathname }), SESSION), pathname).toBeNull();
    expect(pageCacheKey(request({ pathname: "/en/initiatives/alerts-system" }), SESSION)).not.toBeNull();
  });
});

describe("which page requests are rendered for one reader with the shared page's script loading", () => {
  const html = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };

  it("takes a browser's navigation to a session's page or an alert's", () => {
    expect(isPersonalPageRequest(request({ headers: html, cookieNames: ["_ga", "tracker_session"] }), SESSION)).toBe(true);
    for (const pathname of ["/alerts/tok123", "/en/alerts/tok123/unsubscribe", "/editor", "/en/admin", "/en/editor/scores/ai-declaration/KZ"])
      expect(isPersonalPageRequest(request({ pathname, headers: html }), SESSION), pathname).toBe(true);
  });

  it("leaves alone the shared pages, the router's requests, other methods and what is not a page", () => {
    // An anonymous reader's public page is the HTML cache's.
    expect(isPersonalPageRequest(request({ headers: html, cookieNames: ["_ga"] }), SESSION)).toBe(false);
    expect(isPersonalPageRequest(request({ pathname: "/en/initiatives/alerts-system", headers: html }), SESSION)).toBe(false);
    const signedIn = { cookieNames: ["tracker_session"] };
    for (const name of ["rsc", "next-router-prefetch", "next-router-state-tree", "next-url", "next-action"])
      expect(isPersonalPageRequest(request({ ...signedIn, headers: { ...html, [name]: "1" } }), SESSION), name).toBe(false);
    expect(isPersonalPageRequest(request({ ...signedIn, search: "?_rsc=abc12", headers: html }), SESSION)).toBe(false);
    for (const method of ["HEAD", "POST"]) expect(isPersonalPageRequest(request({ ...signedIn, method, headers: html }), SESSION), method).toBe(false);
    // A fetch of JSON or anything that does not ask for HTML (curl's */*) is rendered as it always was.
    expect(isPersonalPageRequest(request({ ...signedIn, headers: { accept: "application/json" } }), SESSION)).toBe(false);
    expect(isPersonalPageRequest(request({ ...signedIn, headers: { accept: "*/*" } }), SESSION)).toBe(false);
    expect(isPersonalPageRequest(request({ ...signedIn }), SESSION)).toBe(false);
  });
});

describe("a kept page's placeholders", () => {
  const html =
    `<meta name="request-id" content="${REQUEST_ID_PLACEHOLDER}"/><script nonce="${NONCE_PLACEHOLDER}">1</script>` +
    `<script nonce="${NONCE_PLACEHOLDER}">self.__next_f.push([1,"{\\"nonce\\":\\"${NONCE_PLACEHOLDER}\\",\\"t\\":\\"Водные ресурсы\\"}"])</script>`;

  it("are replaced in nonce attributes, in the JSON-escaped RSC payload and in the request id, byte for byte", () => {
    const body = splitPage(html);
    expect(body.bytes).toBe(Buffer.byteLength(html));
    const out = joinPage(body, "bm9uY2Ux", "req-1234").toString();
    expect(out).toBe(html.replaceAll(NONCE_PLACEHOLDER, "bm9uY2Ux").replaceAll(REQUEST_ID_PLACEHOLDER, "req-1234"));
    expect(out).toContain('<script nonce="bm9uY2Ux">');
    expect(out).toContain('\\"nonce\\":\\"bm9uY2Ux\\"');
    expect(out).toContain('content="req-1234"');
    expect(out).toContain("Водные ресурсы");
    expect(out).not.toContain("Placeholder");
    // Each response its own.
    expect(joinPage(body, "b3RoZXI=", "req-5678").toString()).toContain('nonce="b3RoZXI="');
  });

  it("are looked for in text only: other bodies pass as they came", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00]);
    expect(joinPage(pageBody(png, "image/png"), "n", "r")).toEqual(png);
    expect(joinPage(pageBody(Buffer.from(`a${NONCE_PLACEHOLDER}b`), "text/html; charset=utf-8"), "n", "r").toString()).toBe("anb");
  });

  it("are replaced in header values; per-response headers are not kept", () => {
    expect(fillPlaceholders(`script-src 'nonce-${NONCE_PLACEHOLDER}' 'strict-dynamic'`, "abc", "r")).toBe("script-src 'nonce-abc' 'strict-dynamic'");
    const kept = pageHeaders([
      ["content-type", "text/html"],
      ["Server-Timing", "total;dur=1"],
      ["content-length", "10"],
      ["x-accel-expires", "@1"],
      ["x-middleware-rewrite", "/ru/initiatives"],
      ["x-middleware-request-x-next-intl-locale", "ru"],
      ["vary", "rsc"],
    ]);
    expect(kept).toEqual([
      ["content-type", "text/html"],
      ["vary", "rsc"],
    ]);
  });
});

describe("what is kept", () => {
  it("only a cookie-free 200 HTML page within the entry size", () => {
    expect(isStorable(page("<p>x</p>"), settings)).toBe(true);
    expect(isStorable(page("<p>x</p>", { status: 404 }), settings)).toBe(false);
    expect(isStorable(page("<p>x</p>", { status: 307 }), settings)).toBe(false);
    expect(isStorable(page("{}", { headers: [["content-type", "application/json"]] }), settings)).toBe(false);
    expect(
      isStorable(
        page("<p>x</p>", {
          headers: [
            ["content-type", "text/html"],
            ["set-cookie", "a=b"],
          ],
        }),
        settings,
      ),
    ).toBe(false);
    expect(isStorable(page("x".repeat(401)), settings)).toBe(false);
  });
});

describe("the cache", () => {
  const render = (body: string, counter: { n: number }) => async () => {
    counter.n++;
    return page(body);
  };

  it("renders once for requests that wait on the same page, then answers from memory until the TTL ends", async () => {
    const cache = new HtmlCache(settings);
    const counter = { n: 0 };
    let now = 10_000;
    const [a, b] = await Promise.all([cache.fill("/a", render("A", counter), () => now), cache.fill("/a", render("A", counter), () => now)]);
    expect(counter.n).toBe(1);
    expect(a.stored && b.stored).toBe(true);
    expect(cache.get("/a", now + 999)).not.toBeNull();
    now += 1000;
    expect(cache.get("/a", now)).toBeNull();
    expect(cache.stats().entries).toBe(0);
  });

  it("is bounded by entries and by bytes, least recently used out first", async () => {
    const cache = new HtmlCache(settings);
    const counter = { n: 0 };
    const now = () => 0;
    for (const key of ["/1", "/2", "/3"]) await cache.fill(key, render("x".repeat(100), counter), now);
    cache.get("/1", 0);
    await cache.fill("/4", render("x".repeat(100), counter), now);
    expect(cache.stats()).toEqual({ entries: 3, bytes: 300 });
    expect(cache.get("/2", 0)).toBeNull();
    expect(cache.get("/1", 0)).not.toBeNull();
    // Bytes: three pages of 400 are more than 1,000.
    for (const key of ["/5", "/6", "/7"]) await cache.fill(key, render("y".repeat(400), counter), now);
    expect(cache.stats().bytes).toBeLessThanOrEqual(1000);
    expect(cache.stats().entries).toBe(2);
  });

  it("keeps nothing rendered across a write, and a write empties it", async () => {
    const cache = new HtmlCache(settings);
    const counter = { n: 0 };
    await cache.fill("/a", render("old", counter), () => 0);
    let finish!: (value: RenderedPage) => void;
    const slow = cache.fill(
      "/b",
      () => new Promise<RenderedPage>((resolve) => (finish = resolve)),
      () => 0,
    );
    cache.clear();
    expect(cache.get("/a", 0)).toBeNull();
    finish(page("read before the write"));
    expect((await slow).stored).toBe(false);
    expect(cache.get("/b", 0)).toBeNull();
    // A request after the write renders again rather than joining the render from before it.
    const after = await cache.fill("/b", render("new", counter), () => 0);
    expect(after.stored).toBe(true);
    expect(joinPage(cache.get("/b", 0)!.body, "n", "r").toString()).toBe("new");
  });

  it("hands a page it does not keep to the requests that waited for it", async () => {
    const cache = new HtmlCache(settings);
    const filled = await cache.fill(
      "/missing",
      async () => page("not found", { status: 404 }),
      () => 0,
    );
    expect(filled).toMatchObject({ stored: false, page: { status: 404 } });
    expect(cache.get("/missing", 0)).toBeNull();
  });

  it("keeps nothing with a TTL of 0, and a failed render is not kept", async () => {
    const cache = new HtmlCache({ ...settings, ttlMs: 0 });
    expect((await cache.fill("/a", async () => page("x"))).stored).toBe(false);
    const failing = new HtmlCache(settings);
    await expect(failing.fill("/a", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect((await failing.fill("/a", async () => page("x"))).stored).toBe(true);
  });
});
