import { beforeAll, describe, expect, it, vi } from "vitest";

// Route handlers read through the data cache; outside Next it is a pass-through.
vi.mock("next/cache", () => ({ unstable_cache: (read: unknown) => read, updateTag: vi.fn(), revalidatePath: vi.fn() }));

const { GET: getInitiatives } = await import("../../app/api/v1/initiatives/route");
const { GET: getInitiative } = await import("../../app/api/v1/initiatives/[slug]/route");
const { GET: getHistory } = await import("../../app/api/v1/history/route");
const { GET: exportRoute } = await import("../../app/api/export/[file]/route");
const { GET: feedRoute } = await import("../../app/feeds/[...path]/route");
const { prisma } = await import("../../lib/db/prisma");
const { markVerified } = await import("../../lib/initiatives/mark-verified");
const { seedWorkerDatabase } = await import("../helpers/seeded");
const { makeUser } = await import("../helpers/users");

const ORIGIN = "http://localhost:3000";
const request = (path: string, headers: Record<string, string> = {}) => new Request(`${ORIGIN}${path}`, { headers });
const exportFile = (file: string, query = "") => exportRoute(request(`/api/export/${file}${query}`), { params: Promise.resolve({ file }) });
const feed = (path: string) => feedRoute(request(`/feeds/${path}`), { params: Promise.resolve({ path: path.split("?")[0]!.split("/") }) });

beforeAll(seedWorkerDatabase);

describe("bad parameters", () => {
  it("a query with 1,700 unknown parameters gets a short 400 with capped details", async () => {
    const query = Array.from({ length: 1700 }, (_, index) => `p${index}=x`).join("&");
    const response = await getInitiatives(request(`/api/v1/initiatives?${query}`));
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text.length).toBeLessThan(6_000);
    const body = JSON.parse(text) as { error: string; details: { parameter: string; message: string }[] };
    expect(body.details).toHaveLength(21);
    expect(body.details.at(-1)).toEqual({ parameter: "…", message: "and 1680 more problems" });
    expect(body.error).toMatch(/and 1680 more$/);
  });

  it("__proto__ is refused like any unknown parameter by the list API, the history API and the exports", async () => {
    for (const response of [
      await getInitiatives(request("/api/v1/initiatives?__proto__=x")),
      await getHistory(request("/api/v1/history?__proto__=x")),
      await exportFile("initiatives.csv", "?__proto__=x"),
      await exportFile("history.json", "?__proto__=x"),
    ]) {
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toContain("__proto__");
    }
  });
});

describe("public read endpoints", () => {
  it("are all CORS-readable from any origin, without credentials", async () => {
    for (const response of [
      await getInitiatives(request("/api/v1/initiatives")),
      await exportFile("initiatives.json"),
      await exportFile("history.csv"),
      await feed("history.atom"),
      await exportFile("initiatives.csv", "?status=bad"),
    ]) {
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    }
  });

  it("the API sends ETag and Last-Modified and answers 304 to a matching revalidation, 200 after a change", async () => {
    const first = await getInitiative(request("/api/v1/initiatives/ai-declaration"), { params: Promise.resolve({ slug: "ai-declaration" }) });
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(new Date(lastModified).getTime()).toBeGreaterThan(0);

    const again = await getInitiative(request("/api/v1/initiatives/ai-declaration", { "If-None-Match": etag }), {
      params: Promise.resolve({ slug: "ai-declaration" }),
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("access-control-allow-origin")).toBe("*");
    const since = await getInitiatives(request("/api/v1/initiatives", { "If-Modified-Since": lastModified }));
    expect(since.status).toBe(304);

    const editor = await makeUser(prisma, "editor");
    const { version } = await prisma.initiative.findUniqueOrThrow({ where: { slug: "ai-declaration" } });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await markVerified(prisma, editor, { slug: "ai-declaration", version, note: "", correctsId: null });
    const changed = await getInitiative(request("/api/v1/initiatives/ai-declaration", { "If-None-Match": etag }), {
      params: Promise.resolve({ slug: "ai-declaration" }),
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect((await getInitiatives(request("/api/v1/initiatives", { "If-Modified-Since": lastModified }))).status).toBe(200);
  });
});
