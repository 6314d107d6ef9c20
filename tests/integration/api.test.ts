import { createHash } from "node:crypto";
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getCatchAll } from "../../app/api/v1/[[...rest]]/route";
import { GET as getCountries } from "../../app/api/v1/countries/route";
import { GET as getHistory } from "../../app/api/v1/history/route";
import { GET as getInitiative } from "../../app/api/v1/initiatives/[slug]/route";
import { GET as getInitiatives, POST as postInitiatives } from "../../app/api/v1/initiatives/route";
import { GET as getMetrics } from "../../app/api/v1/metrics/route";
import { GET as getMetric } from "../../app/api/v1/metrics/[slug]/route";
import { GET as getEvents } from "../../app/api/v1/events/route";
import { GET as getEvent } from "../../app/api/v1/events/[slug]/route";
import { GET as getOpenApi } from "../../app/api/v1/openapi.json/route";
import { GET as getSource } from "../../app/api/v1/sources/[id]/route";
import { GET as getSources } from "../../app/api/v1/sources/route";
import { namedSchemas, objectFields } from "../../lib/api/describe-schema";
import { openApiDocument } from "../../lib/api/openapi";
import type { SessionUser } from "../../lib/auth/sessions";
import { prisma } from "../../lib/db/prisma";
import { changeStatus } from "../../lib/initiatives/change-status";
import { changeStatusSchema, markVerifiedSchema } from "../../lib/initiatives/edit-schemas";
import { markVerified } from "../../lib/initiatives/mark-verified";
import { correctEvent } from "../../lib/events/correct-event";
import { correctEventSchema } from "../../lib/intake/create-schemas";
import { initiativeQuerySchema, queryInitiatives } from "../../lib/initiatives/query-initiatives";
import { seedWorkerDatabase } from "../helpers/seeded";

// Route handlers read through the data cache; outside Next it is a pass-through.
vi.mock("next/cache", () => ({ unstable_cache: (read: unknown) => read, updateTag: vi.fn(), revalidatePath: vi.fn() }));
import { makeUser } from "../helpers/users";

const ORIGIN = "http://localhost:3000";

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

interface Endpoint {
  /** The path as the OpenAPI document names it. */
  path: string;
  handler: Handler;
  /** Path parameters, taken from the request path, for dynamic segments. */
  params?: (url: URL) => Record<string, string | string[]>;
}

/** An endpoint of one item, its path parameter the request path's last segment (`{slug}`, `{id}`). */
function oneItem(path: string, handler: unknown): Endpoint {
  const name = /\{(\w+)\}$/.exec(path)![1]!;
  return { path, handler: handler as Handler, params: (url) => ({ [name]: decodeURIComponent(url.pathname.split("/").at(-1)!) }) };
}

const ENDPOINTS = {
  initiatives: { path: "/api/v1/initiatives", handler: getInitiatives as Handler },
  initiative: oneItem("/api/v1/initiatives/{slug}", getInitiative),
  sources: { path: "/api/v1/sources", handler: getSources as Handler },
  source: oneItem("/api/v1/sources/{id}", getSource),
  history: { path: "/api/v1/history", handler: getHistory as Handler },
  countries: { path: "/api/v1/countries", handler: getCountries as Handler },
  metrics: { path: "/api/v1/metrics", handler: getMetrics as Handler },
  metric: oneItem("/api/v1/metrics/{slug}", getMetric),
  events: { path: "/api/v1/events", handler: getEvents as Handler },
  event: oneItem("/api/v1/events/{slug}", getEvent),
  openapi: { path: "/api/v1/openapi.json", handler: getOpenApi as Handler },
} satisfies Record<string, Endpoint>;

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** Calls a route handler the way Next does, with `path` relative to /api/v1. */
async function call(endpoint: Endpoint, path: string): Promise<Answer> {
  const url = new URL(`/api/v1${path}`, ORIGIN);
  const context = { params: Promise.resolve(endpoint.params?.(url) ?? {}) as Promise<never> };
  const response = await endpoint.handler(new Request(url), context);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) };
}

/** Follows links.next from a first page and returns every page. */
async function allPages(endpoint: Endpoint, first: string): Promise<Answer[]> {
  const pages = [await call(endpoint, first)];
  for (let next = pages[0]!.body.links.next as string | undefined; next; next = pages.at(-1)!.body.links.next) {
    expect(pages.length, "pagination must end").toBeLessThan(200);
    const url = new URL(next);
    pages.push(await call(endpoint, `${url.pathname.replace("/api/v1", "")}${url.search}`));
  }
  return pages;
}

let editor: SessionUser;
const EDITOR_NAME = "Api Test Editor";

beforeAll(async () => {
  await seedWorkerDatabase();
  // An authored history entry, so that leaks of the author's e-mail or id would show.
  editor = await makeUser(prisma, "editor", { name: EDITOR_NAME });
  // A dated status change with link evidence (days and evidence fields filled in)…
  const forum = await prisma.initiative.findUniqueOrThrow({ where: { slug: "central-asian-expert-forum" }, select: { version: true, status: true } });
  const change = changeStatusSchema.parse({
    slug: "central-asian-expert-forum",
    version: forum.version,
    status: forum.status === "in_preparation" ? "agreed" : "in_preparation",
    stage: "drafting",
    effectiveOn: "2025-12-01",
    note: "Drafting announced",
    overrideNote: "Test of the API",
    evidenceType: "link",
    evidenceUrl: "https://example.org/news/forum",
    evidenceTitle: "Expert forum drafting",
    evidenceDate: "2025-11-30",
  });
  await changeStatus(prisma, editor, change, { reviewRequired: false });
  // …then a verification, the newest entry.
  const { version } = await prisma.initiative.findUniqueOrThrow({ where: { slug: "ai-declaration" }, select: { version: true } });
  await markVerified(prisma, editor, markVerifiedSchema.parse({ slug: "ai-declaration", version, note: "Checked against both articles" }));
  // An authored correction of an event, for its history.
  const tashkent = await prisma.event.findUniqueOrThrow({ where: { slug: "tashkent-2025" } });
  await correctEvent(
    prisma,
    editor,
    correctEventSchema.parse({
      eventId: String(tashkent.id),
      version: "1",
      nameRu: tashkent.nameRu,
      nameEn: tashkent.nameEn,
      placeRu: tashkent.placeRu ?? "",
      placeEn: "Tashkent (test correction)",
      dateText: tashkent.dateText ?? "",
      note: "API test correction",
    }),
  );
});

describe("GET /api/v1/initiatives", () => {
  it("answers JSON with the open-data headers and counts every initiative", async () => {
    const answer = await call(ENDPOINTS.initiatives, "/initiatives");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    expect(answer.headers.get("cache-control")).toMatch(/max-age=0/);
    const total = await prisma.initiative.count();
    expect(answer.body.meta).toMatchObject({ total, page: 1, pageSize: 25, pageCount: Math.ceil(total / 25), sort: "title" });
    expect(answer.body.data).toHaveLength(Math.min(total, 25));
    expect(answer.body.links.self).toBe(`${ORIGIN}/api/v1/initiatives`);
    expect(answer.body.links.prev).toBeUndefined();
    expect(answer.body.meta.facets).toBeUndefined();
  });

  it("pages through every row exactly once: meta.total is the number of rows across pages", async () => {
    const pages = await allPages(ENDPOINTS.initiatives, "/initiatives?pageSize=4");
    const total = pages[0]!.body.meta.total as number;
    expect(total).toBe(await prisma.initiative.count());
    expect(pages).toHaveLength(Math.ceil(total / 4));
    const slugs = pages.flatMap((page) => page.body.data.map((item: { slug: string }) => item.slug));
    expect(slugs).toHaveLength(total);
    expect(new Set(slugs).size).toBe(total);
    pages.forEach((page, index) => {
      expect(page.body.meta).toMatchObject({ page: index + 1, pageSize: 4, pageCount: pages.length, total });
      if (index > 0)
        expect(page.body.links.prev).toBe(index === 1 ? `${ORIGIN}/api/v1/initiatives?pageSize=4` : `${ORIGIN}/api/v1/initiatives?page=${index}&pageSize=4`);
    });
    expect(pages.at(-1)!.body.links.next).toBeUndefined();
  });

  it("filters by status: status=agreed returns only agreed initiatives, all of them", async () => {
    const answer = await call(ENDPOINTS.initiatives, "/initiatives?status=agreed&pageSize=100");
    expect(answer.status).toBe(200);
    const agreed = await prisma.initiative.count({ where: { status: "agreed" } });
    expect(agreed).toBeGreaterThan(0);
    expect(answer.body.meta.total).toBe(agreed);
    expect(answer.body.data).toHaveLength(agreed);
    expect(answer.body.data.every((item: { status: string }) => item.status === "agreed")).toBe(true);
    expect(answer.body.data.map((item: { slug: string }) => item.slug)).toContain("regional-security-concept");
  });

  it("answers the same rows as the list's own query, for combined filters, search and each sort and language", async () => {
    const cases: [string, Parameters<typeof queryInitiatives>[1], string][] = [
      ["theme=water_environment&status=proposed&q=convention", { theme: "water_environment", status: "proposed", q: "convention" }, "ru"],
      ["country=kz&pageSize=100", { country: "KZ", pageSize: 100 }, "ru"],
      ["sort=title&lang=en&pageSize=100", { sort: "title", pageSize: 100 }, "en"],
      ["sort=title&pageSize=100", { sort: "title", pageSize: 100 }, "ru"],
      ["sort=status&pageSize=7&page=2", { sort: "status", pageSize: 7, page: 2 }, "ru"],
      ["q=%D1%82%D1%83%D1%80%D0%B8%D0%B7%D0%BC", { q: "туризм" }, "ru"],
    ];
    for (const [search, filters, lang] of cases) {
      const answer = await call(ENDPOINTS.initiatives, `/initiatives?${search}`);
      expect(answer.status, search).toBe(200);
      const expected = await queryInitiatives(prisma, filters, lang);
      expect(
        answer.body.data.map((item: { slug: string }) => item.slug),
        search,
      ).toEqual(expected.items.map((item) => item.slug));
      expect(answer.body.meta.total, search).toBe(expected.total);
      expect(answer.body.meta.sort, search).toBe(expected.sort);
    }
    const water = await call(ENDPOINTS.initiatives, "/initiatives?theme=water_environment&status=proposed&q=convention");
    expect(water.body.data.map((item: { slug: string }) => item.slug)).toEqual(["water-use-framework-convention"]);
    const kz = await call(ENDPOINTS.initiatives, "/initiatives?country=kz&pageSize=100");
    for (const item of kz.body.data as { proposer: { code: string } | null; countries: { code: string }[] }[]) {
      expect(item.proposer?.code === "KZ" || item.countries.some((country) => country.code === "KZ")).toBe(true);
    }
  });

  it("ranks q's all-words matches first, says how many words each matches, and suggests a spelling when nothing does", async () => {
    const partial = await call(ENDPOINTS.initiatives, `/initiatives?q=${encodeURIComponent("водная конвенция")}&pageSize=100`);
    expect(partial.status).toBe(200);
    expect(partial.body.meta.search).toMatchObject({ words: 2, suggestion: null });
    const matched = (partial.body.data as { matchedWords: number }[]).map((item) => item.matchedWords);
    expect(matched[0]).toBe(2);
    expect(matched.filter((count) => count === 2)).toHaveLength(partial.body.meta.search.allWordsMatched);
    expect(matched).toContain(1);
    expect([...matched].sort((a, b) => b - a)).toEqual(matched);
    const typo = await call(ENDPOINTS.initiatives, `/initiatives?q=${encodeURIComponent("Азербайжан")}`);
    expect(typo.body.meta).toMatchObject({ total: 0, search: { words: 1, allWordsMatched: 0, suggestion: "Азербайджан" } });
    const plain = await call(ENDPOINTS.initiatives, "/initiatives?pageSize=1");
    expect(plain.body.meta.search).toBeUndefined();
    expect(plain.body.data[0].matchedWords).toBeUndefined();
  });

  it("orders titles by the language lang names", async () => {
    const ru = await call(ENDPOINTS.initiatives, "/initiatives?sort=title&pageSize=100");
    const en = await call(ENDPOINTS.initiatives, "/initiatives?sort=title&lang=en&pageSize=100");
    const titles = (answer: Answer, key: "titleRu" | "titleEn") => answer.body.data.map((item: Record<string, string>) => item[key]);
    expect(titles(en, "titleEn")).toEqual([...titles(en, "titleEn")].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(titles(ru, "titleRu")).toEqual([...titles(ru, "titleRu")].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(en.body.links.self).toContain("lang=en");
  });

  it("adds facet counts with facets=true, consistent with the filtered totals", async () => {
    const answer = await call(ENDPOINTS.initiatives, "/initiatives?facets=true&pageSize=1");
    expect(answer.status).toBe(200);
    const facets = answer.body.meta.facets as Record<string, { value: string; count: number }[]>;
    expect(Object.keys(facets).sort()).toEqual(["country", "event", "kind", "proposer", "relation", "source", "stage", "status", "theme"]);
    expect(facets.status!.reduce((sum, entry) => sum + entry.count, 0)).toBe(answer.body.meta.total);
    const water = facets.theme!.find((entry) => entry.value === "water_environment")!;
    const filtered = await call(ENDPOINTS.initiatives, "/initiatives?theme=water_environment");
    expect(water.count).toBe(filtered.body.meta.total);
    expect(answer.body.links.self).toContain("facets=true");
  });
});

describe("GET /api/v1/initiatives/{slug}", () => {
  it("returns everything the initiative page shows, with ISO dates and the authored history", async () => {
    const answer = await call(ENDPOINTS.initiative, "/initiatives/ai-declaration");
    expect(answer.status).toBe(200);
    const initiative = answer.body.data;
    expect(initiative).toMatchObject({ slug: "ai-declaration", kind: expect.any(String), status: expect.any(String) });
    expect(initiative.titleEn).toMatch(/AI|artificial intelligence/i);
    expect(initiative.proposerCountry.code).toBe("KZ");
    expect(initiative.firstReportedOn).toBe("2025-11-17");
    expect(initiative.lastVerifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(initiative.event.nameRu).toBeTruthy();
    expect(initiative.evidence.length).toBeGreaterThanOrEqual(2);
    const stored = await prisma.source.findMany({ select: { id: true, text: true } });
    for (const quote of initiative.evidence) {
      expect(stored.find((source) => source.id === quote.sourceId)!.text).toContain(`${quote.quote}`);
    }
    // Newest first: the verification recorded in beforeAll, then the seed's entry.
    expect(initiative.history.map((entry: { version: number }) => entry.version)).toEqual([2, 1]);
    expect(initiative.history[0]).toMatchObject({
      kind: "verification",
      authorName: EDITOR_NAME,
      note: "Checked against both articles",
      initiative: { slug: "ai-declaration" },
    });
    expect(initiative.history[1]).toMatchObject({ toStatus: "proposed", authorName: null });
    expect(initiative.version).toBe(2);
  });

  it("lists countries with their role and own stage, and figures with baseline, target and readings", async () => {
    const treaty = (await call(ENDPOINTS.initiative, "/initiatives/tajikistan-kyrgyzstan-border-treaty")).body.data;
    const byCode = Object.fromEntries(treaty.participations.map((p: { code: string }) => [p.code, p]));
    expect(byCode.TJ).toMatchObject({ role: "participant", stage: "signed", member: true });
    const trade = (await call(ENDPOINTS.initiative, "/initiatives/intra-regional-trade-20bn")).body.data;
    const metric = trade.metrics.find((m: { slug: string }) => m.slug === "intra-regional-trade-volume");
    expect(metric).toMatchObject({ initiativeSlug: "intra-regional-trade-20bn", target: { value: 20 } });
  });
});

describe("GET /api/v1/sources and /api/v1/sources/{id}", () => {
  it("lists every source without its text", async () => {
    const answer = await call(ENDPOINTS.sources, "/sources");
    expect(answer.status).toBe(200);
    const stored = await prisma.source.findMany({ select: { id: true, _count: { select: { quotes: true } } }, orderBy: { id: "asc" } });
    expect(answer.body.data.map((source: { id: number }) => source.id)).toEqual(stored.map((source) => source.id));
    for (const [index, source] of (answer.body.data as Record<string, unknown>[]).entries()) {
      expect(source.text).toBeUndefined();
      expect(source.quoteCount).toBe(stored[index]!._count.quotes);
    }
  });

  it("filters by kind, language, outlet and publication dates", async () => {
    const all = (await call(ENDPOINTS.sources, "/sources")).body.data as {
      id: number;
      publishedOn: string | null;
      language: string;
      kind: string | null;
      file: unknown;
    }[];
    expect(all.every((source) => source.kind === null && source.file === null)).toBe(true);
    expect((await call(ENDPOINTS.sources, "/sources?kind=analysis")).body.data).toEqual([]);
    const dated = all.filter((source) => source.publishedOn !== null);
    const answer = await call(ENDPOINTS.sources, `/sources?from=${dated[0]!.publishedOn}&to=${dated[0]!.publishedOn}&language=ru`);
    expect(answer.status).toBe(200);
    expect(answer.body.data.map((source: { id: number }) => source.id)).toEqual(dated.filter((s) => s.publishedOn === dated[0]!.publishedOn).map((s) => s.id));
  });

  it("returns one source's full text, its hash and every quote at its offsets", async () => {
    const stored = await prisma.source.findFirstOrThrow({ where: { key: "000_02323e7b5ee229ed.txt" } });
    const answer = await call(ENDPOINTS.source, `/sources/${stored.id}`);
    expect(answer.status).toBe(200);
    const source = answer.body.data;
    expect(source.text).toBe(stored.text);
    expect(source.sha256).toBe(createHash("sha256").update(stored.text).digest("hex"));
    expect(source).toMatchObject({ id: stored.id, outlet: null, publishedOn: "2025-11-17", language: stored.language });
    expect(source.quotes).toHaveLength(source.quoteCount);
    for (const quote of source.quotes) expect(source.text.slice(quote.start, quote.end)).toBe(quote.text);
    expect(source.quotes.map((quote: { initiativeSlug: string | null }) => quote.initiativeSlug)).toContain("ai-declaration");
  });
});

describe("GET /api/v1/history", () => {
  it("lists every entry newest first, each exactly once across pages", async () => {
    const total = await prisma.historyEntry.count();
    const pages = await allPages(ENDPOINTS.history, "/history?pageSize=7");
    expect(pages[0]!.body.meta).toMatchObject({ total, page: 1, pageSize: 7, pageCount: Math.ceil(total / 7) });
    const entries = pages.flatMap((page) => page.body.data as { id: number; recordedAt: string }[]);
    expect(entries).toHaveLength(total);
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(total);
    const times = entries.map((entry) => Date.parse(entry.recordedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(entries[0]).toMatchObject({ kind: "verification", authorName: EDITOR_NAME, initiative: { slug: "ai-declaration" } });
  });

  it("gives days as YYYY-MM-DD and the evidence of a change", async () => {
    const answer = await call(ENDPOINTS.history, "/history?initiative=central-asian-expert-forum");
    expect(answer.body.data[0]).toMatchObject({
      kind: "status_change",
      toStage: "drafting",
      effectiveOn: "2025-12-01",
      evidenceUrl: "https://example.org/news/forum",
      evidenceTitle: "Expert forum drafting",
      evidenceDate: "2025-11-30",
      overrideNote: "Test of the API",
      authorName: EDITOR_NAME,
      reviewerName: null,
      quote: null,
    });
    expect(answer.body.data[0].recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("filters by initiative, country and theme", async () => {
    const ai = await call(ENDPOINTS.history, "/history?initiative=ai-declaration");
    expect(ai.body.data.map((entry: { version: number }) => entry.version)).toEqual([2, 1]);

    const uz = await call(ENDPOINTS.history, "/history?country=uz&pageSize=100");
    const uzSlugs = await prisma.initiative.findMany({
      where: { OR: [{ proposerCountryCode: "UZ" }, { participations: { some: { countryCode: "UZ" } } }] },
      select: { slug: true },
    });
    expect(uz.body.meta.total).toBe(await prisma.historyEntry.count({ where: { initiative: { slug: { in: uzSlugs.map((i) => i.slug) } } } }));
    expect(uz.body.data.every((entry: { initiative: { slug: string } }) => uzSlugs.some((i) => i.slug === entry.initiative.slug))).toBe(true);

    const water = await call(ENDPOINTS.history, "/history?theme=water_environment&pageSize=100");
    expect(water.body.meta.total).toBeGreaterThan(0);
    expect(water.body.data.map((entry: { initiative: { slug: string } }) => entry.initiative.slug)).toContain("water-use-framework-convention");
    expect(water.body.meta.total).toBe(await prisma.historyEntry.count({ where: { initiative: { themes: { some: { theme: "water_environment" } } } } }));
  });

  it("returns only entries recorded strictly after `since`", async () => {
    const latest = await prisma.historyEntry.findFirstOrThrow({ where: { authorId: editor.id }, select: { id: true, recordedAt: true } });
    const before = new Date(latest.recordedAt.getTime() - 1).toISOString();
    const after = await call(ENDPOINTS.history, `/history?since=${encodeURIComponent(before)}`);
    expect(after.status).toBe(200);
    expect(after.body.data.map((entry: { id: number }) => entry.id)).toContain(latest.id);
    const exact = await call(ENDPOINTS.history, `/history?since=${encodeURIComponent(latest.recordedAt.toISOString())}`);
    expect(exact.body.data.map((entry: { id: number }) => entry.id)).not.toContain(latest.id);
    const all = await call(ENDPOINTS.history, "/history?since=2000-01-01");
    expect(all.body.meta.total).toBe(await prisma.historyEntry.count());
    const none = await call(ENDPOINTS.history, "/history?since=2999-01-01T00:00:00%2B05:00");
    expect(none.body).toMatchObject({ data: [], meta: { total: 0, pageCount: 1 } });
  });
});

describe("the meeting's outcomes apart from their context, and who says each quote", () => {
  it("filters by relation to the meeting: relation=outcome gives the meeting's own results only", async () => {
    const outcomes = await call(ENDPOINTS.initiatives, "/initiatives?relation=outcome&pageSize=100");
    expect(outcomes.status).toBe(200);
    const slugs = outcomes.body.data.map((item: { slug: string }) => item.slug);
    expect(slugs).toContain("ai-declaration");
    expect(slugs).not.toContain("china-europe-corridor-capacity");
    expect(slugs).not.toContain("semey-chip-electronics-production");
    expect(slugs).not.toContain("tajikistan-kyrgyzstan-border-treaty");
    expect(outcomes.body.data.every((item: { meetingRelation: string }) => item.meetingRelation === "outcome")).toBe(true);
    const all = await call(ENDPOINTS.initiatives, "/initiatives?pageSize=100");
    expect(all.body.meta.total).toBeGreaterThan(outcomes.body.meta.total);
    const bad = await call(ENDPOINTS.initiatives, "/initiatives?relation=side_event");
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { parameter: string }) => d.parameter)).toEqual(["relation"]);
  });

  it("names the speaker of every non-narrator quote, marks expert-only statuses, attendance and unnamed signatories", async () => {
    const corridor = (await call(ENDPOINTS.initiative, "/initiatives/eurasian-transport-logistics-system")).body.data;
    expect(corridor.meetingRelation).toBe("bilateral_visit");
    expect(corridor.statusRestsOnExperts).toBe(true);
    expect(corridor.evidence.every((quote: { speaker: { kind: string; nameEn: string } | null }) => quote.speaker?.kind === "expert")).toBe(true);
    expect(corridor.evidence[0].speaker).toMatchObject({ nameEn: "Rustem Mustafin", attribution: "подчеркнул Рустем Мустафин" });

    const ai = (await call(ENDPOINTS.initiative, "/initiatives/ai-declaration")).body.data;
    expect(ai.statusRestsOnExperts).toBe(false);
    const speakers = ai.evidence.map((quote: { speaker: { kind: string } | null }) => quote.speaker?.kind ?? "narrator");
    expect(speakers).toEqual(expect.arrayContaining(["official", "narrator"]));
    expect(ai.event.attendance.map((country: { code: string }) => country.code)).toEqual(["AZ", "KG", "KZ", "TJ", "TM", "UZ"]);

    const concept = (await call(ENDPOINTS.initiative, "/initiatives/regional-security-concept")).body.data;
    expect(concept).toMatchObject({ signatoriesUnnamed: true, participations: [] });

    const unsc = (await call(ENDPOINTS.initiative, "/initiatives/kyrgyzstan-unsc-candidacy-support")).body.data;
    expect(unsc.participations).toEqual([expect.objectContaining({ code: "KG", role: "candidate" })]);
    const countries = (await call(ENDPOINTS.countries, "/countries")).body.data as { code: string; initiatives: Record<string, number> }[];
    expect(countries.find((c) => c.code === "KG")!.initiatives.candidate).toBe(1);
  });
});

describe("GET /api/v1/countries and /api/v1/metrics", () => {
  it("lists the members first, each with counts that match the list's country filter", async () => {
    const answer = await call(ENDPOINTS.countries, "/countries");
    expect(answer.status).toBe(200);
    const countries = answer.body.data as { code: string; member: boolean; initiatives: Record<string, number> }[];
    expect(
      countries
        .filter((c) => c.member)
        .map((c) => c.code)
        .sort(),
    ).toEqual(["AZ", "KG", "KZ", "TJ", "TM", "UZ"]);
    expect(countries.slice(0, 6).every((c) => c.member)).toBe(true);
    for (const country of countries) {
      const list = await call(ENDPOINTS.initiatives, `/initiatives?country=${country.code}&pageSize=1`);
      expect(country.initiatives.total, country.code).toBe(list.body.meta.total);
      const proposed = await call(ENDPOINTS.initiatives, `/initiatives?proposer=${country.code}&pageSize=1`);
      expect(country.initiatives.proposer, country.code).toBeGreaterThanOrEqual(proposed.body.meta.total);
      expect(country.initiatives.total).toBeLessThanOrEqual(
        country.initiatives.proposer! + country.initiatives.participant! + country.initiatives.supporter! + country.initiatives.candidate!,
      );
    }
    const kz = countries.find((c) => c.code === "KZ")!;
    expect(kz.initiatives.proposer).toBeGreaterThan(0);
  });

  it("lists every metric with its initiative, baseline, target and readings", async () => {
    const answer = await call(ENDPOINTS.metrics, "/metrics");
    expect(answer.status).toBe(200);
    expect(answer.body.data).toHaveLength(await prisma.metric.count());
    const trade = answer.body.data.find((metric: { slug: string }) => metric.slug === "intra-regional-trade-volume");
    expect(trade).toMatchObject({ initiativeSlug: "intra-regional-trade-20bn", target: { value: 20 } });
    expect(trade.readings.length + (trade.baseline ? 1 : 0)).toBeGreaterThan(0);
    const corridor = answer.body.data.find((metric: { slug: string }) => metric.slug === "china-europe-corridor-capacity");
    expect(corridor.target.value).toBe(5);
  });
});

describe("GET /api/v1/events, /api/v1/events/{slug}, /api/v1/metrics/{slug} and the list's event filter", () => {
  it("lists every event with counts that match the list's event filter, and gives one with its attendees, initiatives and history", async () => {
    const list = await call(ENDPOINTS.events, "/events");
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(await prisma.event.count());
    for (const event of list.body.data as { slug: string; initiatives: number; reannounced: number }[]) {
      const filtered = await call(ENDPOINTS.initiatives, `/initiatives?event=${event.slug}&pageSize=1`);
      expect(filtered.body.meta.total, event.slug).toBe(event.initiatives);
    }
    const tashkent = list.body.data.find((event: { slug: string }) => event.slug === "tashkent-2025");
    expect(tashkent).toMatchObject({ placeEn: "Tashkent (test correction)" });
    expect(tashkent.initiatives).toBeGreaterThan(0);

    const one = await call(ENDPOINTS.event, "/events/tashkent-2025");
    expect(one.status).toBe(200);
    expect(one.body.data).toMatchObject({ slug: "tashkent-2025", version: 2, placeEn: "Tashkent (test correction)" });
    expect(one.body.data.attendance.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(["KZ", "UZ"]));
    expect(one.body.data.initiatives).toHaveLength(tashkent.initiatives);
    expect(one.body.data.history).toEqual([
      {
        version: 2,
        action: "corrected",
        recordedAt: expect.any(String),
        author: EDITOR_NAME,
        note: "API test correction",
        changes: [{ field: "placeEn", from: expect.any(String), to: "Tashkent (test correction)" }],
      },
    ]);
    // The list's facets count the event the way the filter selects.
    const facets = await call(ENDPOINTS.initiatives, "/initiatives?facets=true&pageSize=1");
    expect(facets.body.meta.facets.event).toEqual(expect.arrayContaining([{ value: "tashkent-2025", count: tashkent.initiatives }]));
    expect((await call(ENDPOINTS.initiatives, "/initiatives?event=no-such-event")).body.meta.total).toBe(0);
  });

  it("gives one metric with its readings and the history entries about it", async () => {
    const answer = await call(ENDPOINTS.metric, "/metrics/intra-regional-trade-volume");
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({
      slug: "intra-regional-trade-volume",
      initiativeSlug: "intra-regional-trade-20bn",
      target: { value: 20 },
      history: [],
    });
    const listed = (await call(ENDPOINTS.metrics, "/metrics")).body.data.find((metric: { slug: string }) => metric.slug === "intra-regional-trade-volume");
    const { history, changes, ...metric } = answer.body.data;
    expect(metric).toEqual(listed);
    expect(history).toEqual([]);
    for (const entry of changes)
      expect(entry.changes.some((change: { field: string }) => change.field.startsWith("metric.intra-regional-trade-volume."))).toBe(true);
  });
});

/** Bad requests: [endpoint, path, status, the parameters `details` must name]. */
const ERROR_CASES: [keyof typeof ENDPOINTS, string, number, string[]][] = [
  ["initiatives", "/initiatives?status=finished", 400, ["status"]],
  ["initiatives", "/initiatives?page=-1", 400, ["page"]],
  ["initiatives", "/initiatives?page=abc", 400, ["page"]],
  ["initiatives", "/initiatives?pageSize=1000", 400, ["pageSize"]],
  ["initiatives", "/initiatives?foo=bar", 400, ["foo"]],
  ["initiatives", "/initiatives?lang=de", 400, ["lang"]],
  ["initiatives", "/initiatives?facets=yes", 400, ["facets"]],
  ["initiatives", "/initiatives?country=Kazakhstan", 400, ["country"]],
  ["initiatives", "/initiatives?status=agreed&status=proposed", 400, ["status"]],
  ["initiatives", "/initiatives?status=finished&status=agreed&lang=en&lang=ru", 400, ["status", "lang"]],
  ["initiatives", "/initiatives?status=finished&page=abc&foo=bar&lang=xx", 400, ["status", "page", "foo", "lang"]],
  ["initiative", "/initiatives/nope", 404, ["slug"]],
  ["initiative", "/initiatives/ai-declaration?x=1", 400, ["x"]],
  ["sources", "/sources?page=2", 400, ["page"]],
  ["sources", "/sources?kind=poem&from=2026-13-01&language=xx", 400, ["kind", "from", "language"]],
  ["source", "/sources/abc", 400, ["id"]],
  ["source", "/sources/0x10", 400, ["id"]],
  ["source", "/sources/999999", 404, ["id"]],
  ["history", "/history?since=yesterday", 400, ["since"]],
  ["history", "/history?pageSize=101", 400, ["pageSize"]],
  ["history", "/history?theme=weather", 400, ["theme"]],
  ["history", "/history?status=agreed", 400, ["status"]],
  ["countries", "/countries?member=true", 400, ["member"]],
  ["metrics", "/metrics?q=x", 400, ["q"]],
  ["metric", "/metrics/nope", 404, ["slug"]],
  ["metric", "/metrics/intra-regional-trade-volume?x=1", 400, ["x"]],
  ["events", "/events?page=2", 400, ["page"]],
  ["event", "/events/nope", 404, ["slug"]],
  ["event", "/events/tashkent-2025?lang=en", 400, ["lang"]],
  ["initiatives", "/initiatives?event=Tashkent%202025", 400, ["event"]],
];

describe("errors", () => {
  it.each(ERROR_CASES)("%s %s → %i JSON naming the parameters", async (name, path, status, parameters) => {
    const answer = await call(ENDPOINTS[name], path);
    expect(answer.status).toBe(status);
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(answer.body).toEqual({ error: expect.any(String), details: expect.any(Array) });
    expect(answer.body.error.length).toBeGreaterThan(0);
    expect(answer.body.details.map((detail: { parameter: string }) => detail.parameter).sort()).toEqual([...parameters].sort());
    for (const detail of answer.body.details) expect(detail).toEqual({ parameter: expect.any(String), message: expect.stringMatching(/\S/) });
  });

  it("says what is wrong in words", async () => {
    const status = await call(ENDPOINTS.initiatives, "/initiatives?status=finished");
    expect(status.body.details[0].message).toContain("agreed");
    const unknown = await call(ENDPOINTS.initiatives, "/initiatives?foo=bar");
    expect(unknown.body.details[0].message).toMatch(/unknown parameter.*status/);
    const size = await call(ENDPOINTS.initiatives, "/initiatives?pageSize=1000");
    expect(size.body.details[0].message).toContain("100");
  });

  it("refuses writes with a JSON 405 and answers unknown endpoints with a JSON 404", async () => {
    const response = await postInitiatives(new Request(`${ORIGIN}/api/v1/initiatives`, { method: "POST", body: "{}" }));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toContain("GET");
    expect(await response.json()).toEqual({ error: expect.any(String), details: [] });
    const missing = await getCatchAll(new Request(`${ORIGIN}/api/v1/nothing/here`));
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await missing.json()).details[0].parameter).toBe("path");
  });
});

describe("privacy", () => {
  it("never exposes password hashes, e-mails, user ids or the search column", async () => {
    const sourceId = (await prisma.source.findFirstOrThrow({ select: { id: true } })).id;
    const paths: [keyof typeof ENDPOINTS, string][] = [
      ["initiatives", "/initiatives?pageSize=100&facets=true"],
      ["initiative", "/initiatives/ai-declaration"],
      ["sources", "/sources"],
      ["source", `/sources/${sourceId}`],
      ["history", "/history?pageSize=100"],
      ["history", "/history?initiative=ai-declaration"],
      ["countries", "/countries"],
      ["metrics", "/metrics"],
      ["metric", "/metrics/intra-regional-trade-volume"],
      ["events", "/events"],
      ["event", "/events/tashkent-2025"],
      ["openapi", "/openapi.json"],
    ];
    for (const [name, path] of paths) {
      const answer = await call(ENDPOINTS[name], path);
      expect(answer.status, path).toBe(200);
      expect(answer.text, path).not.toContain("passwordHash");
      expect(answer.text, path).not.toContain(editor.email);
      expect(answer.text, path).not.toContain("@");
      expect(answer.text, path).not.toMatch(/"(authorId|reviewerId|userId|email|searchText)"/);
    }
    const history = await call(ENDPOINTS.history, "/history?initiative=ai-declaration");
    expect(history.text).toContain(EDITOR_NAME);
  });
});

describe("the OpenAPI document", () => {
  const doc = openApiDocument();

  it("is valid OpenAPI 3.1 and served at /api/v1/openapi.json", async () => {
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
    const served = await call(ENDPOINTS.openapi, "/openapi.json");
    expect(served.status).toBe(200);
    expect(served.body).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it("documents every route and every parameter the routes accept", () => {
    expect(Object.keys(doc.paths).sort()).toEqual(
      Object.values(ENDPOINTS)
        .map((endpoint) => endpoint.path)
        .sort(),
    );
    const listParameters = doc.paths["/api/v1/initiatives"]!.get.parameters;
    expect(listParameters.map((p) => p.name).sort()).toEqual([...Object.keys(initiativeQuerySchema.shape), "lang", "facets"].sort());
    const status = listParameters.find((p) => p.name === "status")!;
    // Several values in one parameter, comma-separated (style form, not exploded).
    expect(status).toMatchObject({
      in: "query",
      required: false,
      style: "form",
      explode: false,
      schema: { type: "array", items: { enum: expect.arrayContaining(["agreed", "proposed"]) } },
    });
    expect(status.description.length).toBeGreaterThan(0);
    expect(listParameters.find((p) => p.name === "pageSize")!.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 100 });
    expect(doc.paths["/api/v1/history"]!.get.parameters.map((p) => p.name).sort()).toEqual(
      ["changedSince", "country", "initiative", "page", "pageSize", "since", "theme"].sort(),
    );
    expect(doc.paths["/api/v1/sources/{id}"]!.get.parameters[0]).toMatchObject({ name: "id", in: "path", required: true, schema: { type: "integer" } });
    expect(doc.paths["/api/v1/initiatives/{slug}"]!.get.parameters[0]).toMatchObject({ name: "slug", in: "path", required: true });
  });

  it("gives the docs page a type for every field of every response schema", () => {
    const components = doc.components.schemas;
    const { objects, enums } = namedSchemas(components);
    expect(enums.sort()).toEqual(["CountryRole", "HistoryKind", "InitiativeKind", "InitiativeStatus", "MeetingRelation", "SpeakerKind", "Stage", "Theme"]);
    expect(objects).toEqual(
      expect.arrayContaining([
        "InitiativeList",
        "Initiative",
        "Source",
        "HistoryList",
        "CountryList",
        "MetricList",
        "MetricResponse",
        "EventList",
        "Event",
        "Error",
      ]),
    );
    for (const name of objects) {
      const fields = objectFields(components[name]!, components);
      expect(fields.length, name).toBeGreaterThan(0);
      for (const field of fields) expect(field.type.kind, `${name}.${field.path}`).not.toBe("any");
    }
    const history = objectFields(components.HistoryEntry!, components);
    expect(history.find((field) => field.path === "effectiveOn")!.type).toMatchObject({ kind: "string", format: "date", nullable: true });
    expect(history.find((field) => field.path === "note")!.type).toMatchObject({ kind: "string", nullable: false });
    expect(history.find((field) => field.path === "toStatus")!.type).toMatchObject({
      kind: "ref",
      ref: { name: "InitiativeStatus", isEnum: true },
      nullable: true,
    });
  });

  it("describes the real responses of every endpoint, errors included (Ajv, JSON Schema 2020-12)", async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const DOC_ID = "urn:summit-tracker:openapi";
    ajv.addSchema({ ...JSON.parse(JSON.stringify(doc)), $id: DOC_ID });
    const pointer = (path: string, status: number) =>
      `${DOC_ID}#/paths/${path.replaceAll("~", "~0").replaceAll("/", "~1")}/get/responses/${status}/content/application~1json/schema`;
    const validate = (endpoint: Endpoint, answer: Answer, label: string) => {
      const validator = ajv.getSchema(pointer(endpoint.path, answer.status));
      expect(validator, `${label}: status ${answer.status} is documented`).toBeDefined();
      const valid = validator!(answer.body);
      expect(validator!.errors ?? [], label).toEqual([]);
      expect(valid, label).toBe(true);
    };

    const sourceId = (await prisma.source.findFirstOrThrow({ select: { id: true } })).id;
    const requests: [keyof typeof ENDPOINTS, string][] = [
      ["initiatives", "/initiatives"],
      ["initiatives", "/initiatives?pageSize=3&page=2&facets=true&lang=en"],
      ["initiatives", "/initiatives?q=%D0%B2%D0%BE%D0%B4%D0%B0"],
      ["initiatives", "/initiatives?page=999"],
      ["initiatives", "/initiatives?status=finished&foo=bar"],
      ...(await prisma.initiative.findMany({ select: { slug: true } })).map(
        ({ slug }) => ["initiative", `/initiatives/${slug}`] as [keyof typeof ENDPOINTS, string],
      ),
      ["initiative", "/initiatives/nope"],
      ["sources", "/sources"],
      ["source", `/sources/${sourceId}`],
      ["source", "/sources/abc"],
      ["source", "/sources/999999"],
      ["history", "/history?pageSize=100"],
      ["history", "/history?page=2&pageSize=3&country=KZ"],
      ["history", "/history?since=yesterday"],
      ["countries", "/countries"],
      ["metrics", "/metrics"],
      ["metrics", "/metrics?x=1"],
      ["metric", "/metrics/intra-regional-trade-volume"],
      ["metric", "/metrics/nope"],
      ["events", "/events"],
      ["event", "/events/tashkent-2025"],
      ["event", "/events/nope"],
      ["initiatives", "/initiatives?event=tashkent-2025&facets=true"],
      ["openapi", "/openapi.json"],
    ];
    const statuses = new Set<number>();
    for (const [name, path] of requests) {
      const answer = await call(ENDPOINTS[name], path);
      statuses.add(answer.status);
      validate(ENDPOINTS[name], answer, path);
    }
    expect([...statuses].sort()).toEqual([200, 400, 404]);

    // The schemas are strict: a field they do not list (say, an e-mail) fails validation.
    const history = await call(ENDPOINTS.history, "/history?initiative=ai-declaration");
    history.body.data[0].authorEmail = "someone@example.test";
    expect(ajv.getSchema(pointer("/api/v1/history", 200))!(history.body)).toBe(false);
  });
});
