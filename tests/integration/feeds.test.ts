import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "../../app/feeds/[...path]/route";
import type { SessionUser } from "../../lib/auth/sessions";
import { prisma } from "../../lib/db/prisma";
import { markVerifiedSchema } from "../../lib/initiatives/edit-schemas";
import { markVerified } from "../../lib/initiatives/mark-verified";
import { mergeInitiatives } from "../../lib/initiatives/merge-initiatives";
import { mergeInitiativesSchema } from "../../lib/initiatives/merge-schema";
import { correctEvent } from "../../lib/events/correct-event";
import { createEvent } from "../../lib/events/create-event";
import { correctEventSchema, correctMetricSchema, createEventSchema, createMetricSchema } from "../../lib/intake/create-schemas";
import { correctMetric } from "../../lib/metrics/correct-metric";
import { createMetric } from "../../lib/metrics/create-metric";
import { addSource, correctSource } from "../../lib/sources/add-source";
import { addSourceSchema, correctSourceSchema } from "../../lib/sources/source-schemas";
import { seedWorkerDatabase } from "../helpers/seeded";
import { currentVersion, recordThreeEntries, tick } from "../helpers/three-entries";
import { makeUser } from "../helpers/users";

// The route reads through Next's data cache, which exists only inside a Next server: read directly.
vi.mock("next/cache", () => ({ unstable_cache: (read: unknown) => read, updateTag: vi.fn(), revalidatePath: vi.fn() }));

const ATOM = "http://www.w3.org/2005/Atom";
const ORIGIN = "http://localhost:3000";
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const HOSTILE_NOTE = `Careful: <script>alert("x")</script> & 'quoted' \u0001 end`;
const HOSTILE_NOTE_IN_XML = `Careful: <script>alert("x")</script> & 'quoted'  end`;

let editor: SessionUser;
const ids = { status: 0, edit: 0, verify: 0 };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ["entry", "link", "author", "contributor", "category"].includes(name),
});

type Node = string | { "#text"?: string; [key: string]: unknown };
const text = (node: Node | undefined) => (typeof node === "string" ? node : (node?.["#text"] ?? ""));

interface Link {
  "@_rel"?: string;
  "@_type"?: string;
  "@_href": string;
}
interface Entry {
  id: string;
  title: Node;
  updated: string;
  published: string;
  link: Link[];
  author?: { name: string }[];
  contributor?: { name: string }[];
  content: Node;
}
interface Feed {
  "@_xmlns": string;
  id: string;
  title: Node;
  updated: string;
  link: Link[];
  author?: { name: string }[];
  generator: Node;
  entry?: Entry[];
}

/** Calls the route handler the way Next does for /feeds/…, with the catch-all params. */
async function get(pathAndQuery: string, headers: Record<string, string> = {}) {
  const url = new URL(pathAndQuery, ORIGIN);
  const path = url.pathname
    .replace(/^\/feeds\//, "")
    .split("/")
    .map(decodeURIComponent);
  return GET(new Request(url, { headers }), { params: Promise.resolve({ path }) });
}

async function feed(pathAndQuery: string, headers: Record<string, string> = {}) {
  const response = await get(pathAndQuery, headers);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const document = parser.parse(xml) as { feed: Feed };
  return { xml, feed: document.feed, entries: document.feed.entry ?? [] };
}

async function jsonError(pathAndQuery: string, status: number) {
  const response = await get(pathAndQuery);
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: unknown; details: unknown };
  expect(typeof body.error).toBe("string");
  expect(body.error).not.toBe("");
  expect(Array.isArray(body.details)).toBe(true);
  return body;
}

const slugOf = (entry: Entry) => new URL(entry.link[0]!["@_href"]).pathname.split("/").at(-1)!;
const entryNumber = (entry: Entry) => Number(/^urn:summit-tracker:history-entry:(\d+)$/.exec(entry.id)?.[1]);
const byId = (entries: Entry[], id: number) => entries.find((entry) => entryNumber(entry) === id);

async function slugsWhere(where: Parameters<typeof prisma.initiative.findMany>[0]) {
  return new Set((await prisma.initiative.findMany({ ...where, select: { slug: true } })).map((i) => i.slug));
}

beforeAll(async () => {
  await seedWorkerDatabase();
  await tick();
  editor = await makeUser(prisma, "editor", { name: "Feed Editor" });
  const made = await recordThreeEntries(prisma, editor, {
    statusNote: HOSTILE_NOTE,
    evidenceUrl: "https://example.org/news/1?a=1&b=2",
    evidenceTitle: "Working group <formed>",
    titleEn: "AI declaration (corrected)",
    addTheme: "research_expertise",
    editNote: "Title and themes fixed",
  });
  for (const kind of ["status", "edit", "verify"] as const) ids[kind] = made[kind].id;
});

describe("the history feed", () => {
  it("is a valid Atom document with the required feed elements", async () => {
    const { feed: f, entries } = await feed("/feeds/history.atom");
    expect(f["@_xmlns"]).toBe(ATOM);
    expect(f.id).toBe("urn:summit-tracker:feed:history");
    expect(text(f.title)).toBe("Трекер инициатив саммита: все изменения");
    expect(f.updated).toMatch(RFC3339);
    const self = f.link.find((l) => l["@_rel"] === "self");
    expect(self?.["@_href"]).toBe(`${ORIGIN}/feeds/history.atom`);
    const alternate = f.link.find((l) => l["@_rel"] === "alternate");
    expect(alternate).toMatchObject({ "@_type": "text/html", "@_href": `${ORIGIN}/` });
    expect(f.author?.[0]?.name).toBeTruthy();
    expect(text(f.generator)).toBeTruthy();
    expect(entries.length).toBe(await prisma.historyEntry.count());
  });

  it("has complete entries, newest first, the feed updated with the newest", async () => {
    const { feed: f, entries } = await feed("/feeds/history.atom");
    for (const entry of entries) {
      expect(entry.id).toMatch(/^urn:summit-tracker:history-entry:\d+$/);
      expect(text(entry.title).trim()).not.toBe("");
      expect(entry.updated).toMatch(RFC3339);
      expect(entry.published).toBe(entry.updated);
      expect(entry.link[0]!["@_href"]).toMatch(new RegExp(`^${ORIGIN}/initiatives/[a-z0-9-]+#entry-${entryNumber(entry)}$`));
      expect(entry.author?.[0]?.name ?? f.author?.[0]?.name).toBeTruthy();
      expect(text(entry.content).trim()).not.toBe("");
    }
    const times = entries.map((entry) => Date.parse(entry.updated));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(entries.slice(0, 3).map(entryNumber)).toEqual([ids.verify, ids.edit, ids.status]);
    expect(f.updated).toBe(entries[0]!.updated);
  });

  it("says what happened in each entry's title, author and content", async () => {
    const { entries } = await feed("/feeds/history.atom?lang=en");
    const status = byId(entries, ids.status)!;
    expect(text(status.title)).toBe("Single tourism space of Central Asian countries — Status: Proposed → In preparation · Stage: Announced → Drafting");
    expect(status.author?.[0]?.name).toBe("Feed Editor");
    expect(text(status.content)).toContain("Evidence: Working group <formed> (March 1, 2026) — https://example.org/news/1?a=1&b=2");
    expect(text(byId(entries, ids.edit)!.title)).toBe("AI declaration (corrected) — Data corrected: Title (English), Themes");
    expect(text(byId(entries, ids.edit)!.content)).toContain("Themes: Digital and AI → Digital and AI, Research and expertise");
    expect(text(byId(entries, ids.verify)!.title)).toMatch(/ — Verified$/);
    const imported = entries.find((entry) => entry.author?.[0]?.name === "Imported from the source articles");
    expect(imported).toBeDefined();
    expect(text(imported!.content)).toContain("Note: Status as reported in the source articles.");
    expect(text(imported!.content)).toMatch(/Evidence: «.+» — http:\/\/localhost:3000\/en\/sources\/\d+#quote-\d+/);
    // Every entry says what its initiative is to the meeting.
    expect(text(status.content)).toContain("Relation to the meeting: Outcome of the meeting");
    const corridor = entries.find((entry) => slugOf(entry) === "china-europe-corridor-capacity");
    expect(text(corridor!.content)).toContain("Relation to the meeting: Bilateral visit");
  });

  it("escapes markup and drops control characters, staying well-formed", async () => {
    const { xml, entries } = await feed("/feeds/history.atom");
    expect(xml).not.toContain("<script>");
    expect(xml).not.toContain("\u0001");
    expect(xml).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;quoted&apos;");
    const content = text(byId(entries, ids.status)!.content);
    expect(content).toContain(`Примечание: ${HOSTILE_NOTE_IN_XML}`);
  });

  it("never carries an e-mail address", async () => {
    for (const path of ["/feeds/history.atom", "/feeds/history.atom?lang=en", "/feeds/initiatives/single-tourism-space.atom"]) {
      const { xml } = await feed(path);
      expect(xml).toContain("Feed Editor");
      expect(xml).not.toContain("@");
      expect(xml).not.toContain(editor.email);
    }
  });

  it("is in English with lang=en", async () => {
    const { feed: f, entries } = await feed("/feeds/history.atom?lang=en");
    expect(f.id).toBe("urn:summit-tracker:feed:history:en");
    expect(text(f.title)).toBe("Summit Initiatives Tracker: all changes");
    expect(f.link.find((l) => l["@_rel"] === "self")?.["@_href"]).toBe(`${ORIGIN}/feeds/history.atom?lang=en`);
    expect(f.link.find((l) => l["@_rel"] === "alternate")?.["@_href"]).toBe(`${ORIGIN}/en`);
    const initiatives = await prisma.initiative.findMany({ select: { slug: true, titleEn: true, titleRu: true } });
    for (const entry of entries) {
      const initiative = initiatives.find((i) => i.slug === slugOf(entry))!;
      expect(text(entry.title).startsWith(`${initiative.titleEn} — `)).toBe(true);
      expect(entry.link[0]!["@_href"].startsWith(`${ORIGIN}/en/initiatives/`)).toBe(true);
    }
    const { entries: ru } = await feed("/feeds/history.atom?lang=ru");
    const titleRu = initiatives.find((i) => i.slug === "single-tourism-space")!.titleRu;
    expect(text(byId(ru, ids.status)!.title)).toBe(`${titleRu} — Статус: Предложено → В подготовке · Стадия: Объявлено → Разработка текста`);
  });

  it("builds absolute links on the forwarded host and protocol", async () => {
    const { feed: f, entries } = await feed("/feeds/history.atom", { "x-forwarded-host": "tracker.example.org", "x-forwarded-proto": "https" });
    expect(f.link.find((l) => l["@_rel"] === "self")?.["@_href"]).toBe("https://tracker.example.org/feeds/history.atom");
    expect(entries[0]!.link[0]!["@_href"].startsWith("https://tracker.example.org/initiatives/")).toBe(true);
    const { feed: spoofed } = await feed("/feeds/history.atom", { "x-forwarded-host": "evil.example/<x>", "x-forwarded-proto": "javascript" });
    expect(spoofed.link.find((l) => l["@_rel"] === "self")?.["@_href"]).toBe(`${ORIGIN}/feeds/history.atom`);
  });

  it("answers a repeated request with 304 when nothing changed", async () => {
    const first = await get("/feeds/history.atom");
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await get("/feeds/history.atom", { "if-none-match": etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });
});

describe("feeds of one initiative, country or theme", () => {
  it("an initiative's feed holds only its entries", async () => {
    const { feed: f, entries } = await feed("/feeds/initiatives/single-tourism-space.atom?lang=en");
    expect(f.id).toBe("urn:summit-tracker:feed:initiative:single-tourism-space:en");
    expect(text(f.title)).toContain("Single tourism space of Central Asian countries");
    expect(f.link.find((l) => l["@_rel"] === "self")?.["@_href"]).toBe(`${ORIGIN}/feeds/initiatives/single-tourism-space.atom?lang=en`);
    expect(f.link.find((l) => l["@_rel"] === "alternate")?.["@_href"]).toBe(`${ORIGIN}/en/initiatives/single-tourism-space`);
    expect(entries.map(entryNumber)).toEqual([ids.status, expect.any(Number)]);
    expect(entries.every((entry) => slugOf(entry) === "single-tourism-space")).toBe(true);
  });

  it("a country's feed holds the initiatives it proposes or takes part in, whatever the code's case", async () => {
    const { feed: f, entries } = await feed("/feeds/countries/kz.atom");
    expect(f.id).toBe("urn:summit-tracker:feed:country:KZ");
    expect(f.link.find((l) => l["@_rel"] === "alternate")?.["@_href"]).toBe(`${ORIGIN}/countries/KZ`);
    expect(f.link.find((l) => l["@_rel"] === "self")?.["@_href"]).toBe(`${ORIGIN}/feeds/countries/KZ.atom`);
    const kz = await slugsWhere({ where: { OR: [{ proposerCountryCode: "KZ" }, { participations: { some: { countryCode: "KZ" } } }] } });
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((entry) => kz.has(slugOf(entry)))).toBe(true);
    expect(new Set(entries.map(slugOf))).toEqual(kz);
    expect(entries.map(entryNumber)).not.toContain(ids.verify);

    const { entries: upper } = await feed("/feeds/countries/KZ.atom");
    expect(upper.map(entryNumber)).toEqual(entries.map(entryNumber));
  });

  it("a country without initiatives has an empty but valid feed", async () => {
    const { feed: f, entries } = await feed("/feeds/countries/TM.atom");
    expect(entries).toEqual([]);
    expect(f.updated).toMatch(RFC3339);
    expect(Date.parse(f.updated)).toBeGreaterThan(Date.parse("2000-01-01"));
  });

  it("a theme's feed holds only initiatives on that theme", async () => {
    const { feed: f, entries } = await feed("/feeds/themes/digital_ai.atom?lang=en");
    expect(text(f.title)).toBe("Digital and AI: changes to initiatives");
    expect(f.link.find((l) => l["@_rel"] === "alternate")?.["@_href"]).toBe(`${ORIGIN}/en/themes/digital_ai`);
    const digital = await slugsWhere({ where: { themes: { some: { theme: "digital_ai" } } } });
    expect(new Set(entries.map(slugOf))).toEqual(digital);
    expect(entries.map(entryNumber)).toContain(ids.edit);
    expect(entries.map(entryNumber)).not.toContain(ids.status);
  });
});

describe("errors", () => {
  it("answers 404 JSON for an unknown initiative, country, theme or path", async () => {
    expect((await jsonError("/feeds/initiatives/no-such-initiative.atom", 404)).details).toEqual([
      { parameter: "slug", message: 'no initiative with slug "no-such-initiative"' },
    ]);
    await jsonError("/feeds/countries/XX.atom", 404);
    await jsonError("/feeds/countries/KAZ.atom", 404);
    await jsonError("/feeds/themes/cooking.atom", 404);
    await jsonError("/feeds/themes/Digital_AI.atom", 404);
    await jsonError("/feeds/history.rss", 404);
    await jsonError("/feeds/initiatives/single-tourism-space", 404);
    await jsonError("/feeds/initiatives/.atom", 404);
    await jsonError("/feeds/people/1.atom", 404);
    await jsonError("/feeds/history.atom/extra", 404);
  });

  it("answers 400 JSON for a language other than ru or en", async () => {
    for (const lang of ["de", "EN", ""]) {
      const body = await jsonError(`/feeds/history.atom?lang=${lang}`, 400);
      expect(body.details).toEqual([{ parameter: "lang", message: "must be one of: ru, en" }]);
    }
    await jsonError("/feeds/initiatives/single-tourism-space.atom?lang=kz", 400);
  });
});

describe("the entry limit", () => {
  it("carries the latest 50 entries", async () => {
    const slug = "central-asian-expert-forum";
    for (let i = 0; i < 30; i++) {
      await markVerified(prisma, editor, markVerifiedSchema.parse({ slug, version: String(await currentVersion(prisma, slug)), note: `Check ${i}` }));
    }
    expect(await prisma.historyEntry.count()).toBeGreaterThan(50);
    const { entries } = await feed("/feeds/history.atom");
    expect(entries).toHaveLength(50);
    const newest = await prisma.historyEntry.findMany({ orderBy: [{ recordedAt: "desc" }, { id: "desc" }], take: 50, select: { id: true } });
    expect(entries.map(entryNumber)).toEqual(newest.map((e) => e.id));
  });
});

// Records with a history of their own (RecordHistoryEntry): each gets the same kind of feed. Test data only.
describe("feeds of a source, an event and a figure", () => {
  const recordNumber = (entry: Entry) => Number(/^urn:summit-tracker:record-history-entry:(\d+)$/.exec(entry.id)?.[1]);
  const newestFirst = (entries: Entry[]) => entries.map((entry) => entry.updated).every((updated, i, all) => i === 0 || all[i - 1]! >= updated);

  it("a source's feed: its addition and a correction, newest first, with who, when and why", async () => {
    const { id } = await addSource(
      prisma,
      editor,
      addSourceSchema.parse({ origin: "paste", language: "ru", text: "ТЕСТ: текст источника для проверки его ленты.", title: "ТЕСТ: источник ленты" }),
      { maxBytes: 1_000_000 },
    );
    const before = await feed(`/feeds/sources/${id}.atom?lang=en`);
    expect(before.entries).toHaveLength(1);
    await tick();
    const { tags } = await correctSource(
      prisma,
      editor,
      correctSourceSchema.parse({
        sourceId: String(id),
        version: "1",
        language: "ru",
        title: "ТЕСТ: источник ленты (исправлен)",
        outlet: "Test outlet",
        note: "Outlet named",
      }),
    );
    // The correction expires this source's page and feed, not every source's.
    expect(tags).toContain(`source:${id}`);
    expect(tags.filter((tag) => tag.startsWith("source:"))).toEqual([`source:${id}`]);

    const { feed: f, entries } = await feed(`/feeds/sources/${id}.atom?lang=en`);
    expect(f.id).toBe(`urn:summit-tracker:feed:source:${id}:en`);
    expect(text(f.title)).toBe("ТЕСТ: источник ленты (исправлен): history of the source");
    expect(f.link.find((l) => l["@_rel"] === "alternate")?.["@_href"]).toBe(`${ORIGIN}/en/sources/${id}`);
    expect(entries).toHaveLength(2);
    expect(newestFirst(entries)).toBe(true);
    const [correction, addition] = entries as [Entry, Entry];
    expect(f.updated).toBe(correction.updated);
    expect(correction.id).toMatch(/^urn:summit-tracker:record-history-entry:\d+$/);
    expect(recordNumber(correction)).toBeGreaterThan(recordNumber(addition));
    expect(text(correction.title)).toBe("ТЕСТ: источник ленты (исправлен) — Corrected: Title, Outlet");
    expect(correction.author?.[0]?.name).toBe("Feed Editor");
    expect(correction.link[0]!["@_href"]).toBe(`${ORIGIN}/en/sources/${id}#record-${recordNumber(correction)}`);
    expect(text(correction.content)).toContain("Outlet: — → Test outlet");
    expect(text(correction.content)).toContain("Note: Outlet named");
    expect(text(correction.content)).toContain("Version: 2");
    expect(text(addition.title)).toContain("— Added");
    expect(text(addition.content)).toContain("Language: Russian");
    // Russian by default.
    expect(text((await feed(`/feeds/sources/${id}.atom`)).entries[0]!.title)).toContain("Исправлено: Заголовок, Издание");
  });

  it("an event's feed: its creation and its correction", async () => {
    const { id, slug } = await createEvent(
      prisma,
      editor,
      createEventSchema.parse({ nameRu: "ТЕСТ: встреча для ленты", nameEn: "Test feed meeting", note: "Test event." }),
    );
    await tick();
    const { tags } = await correctEvent(
      prisma,
      editor,
      correctEventSchema.parse({
        eventId: String(id),
        version: "1",
        nameRu: "ТЕСТ: встреча для ленты",
        nameEn: "Test feed meeting",
        placeEn: "Bishkek",
        note: "Place stated.",
      }),
    );
    expect(tags).toContain(`event:${slug}`);
    const { feed: f, entries } = await feed(`/feeds/events/${slug}.atom?lang=en`);
    expect(text(f.title)).toBe("Test feed meeting: history of the event");
    expect(entries.map((entry) => text(entry.title))).toEqual(["Test feed meeting — Corrected: Place (English)", "Test feed meeting — Added"]);
    expect(text(entries[0]!.content)).toContain("Place (English): — → Bishkek");
    expect(text(entries[0]!.content)).toContain("Note: Place stated.");
    expect(text(entries[1]!.content)).toContain("Note: Test event.");
    expect(entries.every((entry) => entry.author?.[0]?.name === "Feed Editor")).toBe(true);
    // A seed event without recorded changes: an empty but valid feed.
    expect((await feed("/feeds/events/tashkent-2025.atom")).entries.length).toBeGreaterThanOrEqual(0);
  });

  it("a figure's feed: its addition, a correction and its initiative's entries about it, kept after the initiative is merged", async () => {
    const [from, into] = await prisma.initiative.findMany({
      where: { mergedIntoId: null, quotes: { some: {} }, pendingChanges: { none: { state: "pending" } }, slug: { not: "single-tourism-space" } },
      orderBy: { id: "desc" },
      take: 2,
      select: { slug: true, version: true, quotes: { select: { sourceId: true, text: true }, take: 1, orderBy: { id: "asc" } } },
    });
    const quote = from!.quotes[0]!;
    const { metricSlug } = await createMetric(
      prisma,
      editor,
      createMetricSchema.parse({
        slug: from!.slug,
        version: String(from!.version),
        nameRu: "ТЕСТ: показатель ленты",
        nameEn: "Test feed figure",
        unitRu: "шт.",
        unitEn: "pcs",
        targetValue: "5",
        quoteSourceId: String(quote.sourceId),
        quoteText: quote.text,
        note: "Figure added.",
      }),
    );
    await tick();
    const correction = {
      metricSlug,
      version: "1",
      nameRu: "ТЕСТ: показатель ленты",
      nameEn: "Test feed figure",
      unitRu: "шт.",
      unitEn: "pcs",
      targetValue: "6",
      targetDate: "2030-12-31",
      quoteSourceId: String(quote.sourceId),
      quoteText: quote.text,
      note: "Target restated.",
    };
    const { version, tags } = await correctMetric(prisma, editor, correctMetricSchema.parse(correction));
    expect(version).toBe(2);
    // Exactly this figure's feed, not the other figures'.
    expect(tags.filter((tag) => tag.startsWith("metric:"))).toEqual([`metric:${metricSlug}`]);
    expect(tags).toEqual(expect.arrayContaining(["list:metrics", `initiative:${from!.slug}`]));

    const { feed: f, entries } = await feed(`/feeds/targets/${metricSlug}.atom?lang=en`);
    expect(text(f.title)).toBe("Test feed figure: history of the figure");
    expect(f.link.find((l) => l["@_rel"] === "alternate")?.["@_href"]).toBe(`${ORIGIN}/en/targets/${metricSlug}`);
    expect(newestFirst(entries)).toBe(true);
    expect(text(entries[0]!.title)).toBe("Test feed figure — Corrected: Target, Target date");
    expect(text(entries[0]!.content)).toContain("Target: 5 → 6");
    expect(text(entries[0]!.content)).toContain("Note: Target restated.");
    // Its addition twice: in its own record and as the initiative's entry (titled with the initiative).
    expect(entries.filter((entry) => recordNumber(entry) > 0).map((entry) => text(entry.title))).toEqual([
      "Test feed figure — Corrected: Target, Target date",
      "Test feed figure — Added",
    ]);
    const initiativeEntries = entries.filter((entry) => entryNumber(entry) > 0);
    expect(initiativeEntries).toHaveLength(1);
    expect(text(initiativeEntries[0]!.content)).toContain("Note: Figure added.");

    // Merged into another initiative, the figure moves and its feed still holds the duplicate's entry about it.
    const keep = await prisma.initiative.findUniqueOrThrow({ where: { slug: into!.slug }, select: { version: true } });
    const duplicate = await prisma.initiative.findUniqueOrThrow({ where: { slug: from!.slug }, select: { version: true } });
    const merged = await mergeInitiatives(
      prisma,
      editor,
      mergeInitiativesSchema.parse({
        duplicateSlug: from!.slug,
        duplicateVersion: String(duplicate.version),
        keepSlug: into!.slug,
        keepVersion: String(keep.version),
        note: "Test merge.",
      }),
    );
    expect(merged.tags).toContain(`metric:${metricSlug}`);
    const after = await feed(`/feeds/targets/${metricSlug}.atom?lang=en`);
    expect(after.entries.map((entry) => entry.id)).toEqual(entries.map((entry) => entry.id));
  });

  it("answers 404 JSON for an unknown source, event or figure", async () => {
    expect((await jsonError("/feeds/sources/999999.atom", 404)).details).toEqual([{ parameter: "id", message: 'no source with id "999999"' }]);
    await jsonError("/feeds/sources/abc.atom", 404);
    await jsonError("/feeds/events/no-such-event.atom", 404);
    expect((await jsonError("/feeds/targets/no-such-figure.atom?lang=en", 404)).error).toBe("There is no figure with this slug.");
  });
});
