import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "../../app/api/export/[file]/route";
import { prisma } from "../../lib/db/prisma";
import { FACETS, facetCounts, queryInitiatives, type InitiativeFilters } from "../../lib/initiatives/query-initiatives";
import { markVerified } from "../../lib/initiatives/mark-verified";
import { markVerifiedSchema } from "../../lib/initiatives/edit-schemas";
import { HISTORY_COLUMNS, INITIATIVE_COLUMNS } from "../../lib/exports/export-data";
import { searchAll } from "../../lib/search/search-all";
import { seedWorkerDatabase } from "../helpers/seeded";
import { makeUser } from "../helpers/users";

beforeAll(async () => {
  await seedWorkerDatabase();
  const editor = await makeUser(prisma, "editor");
  const slug = "single-tourism-space";
  const { version } = await prisma.initiative.findUniqueOrThrow({ where: { slug } });
  await markVerified(prisma, editor, markVerifiedSchema.parse({ slug, version: String(version), note: "Сверено с протоколом квазиуникальнойзаметки" }));
});

async function all(filters: InitiativeFilters) {
  const slugs: string[] = [];
  for (let page = 1; ; page++) {
    const result = await queryInitiatives(prisma, { ...filters, page, pageSize: 7 });
    slugs.push(...result.items.map((item) => item.slug));
    if (page >= result.pageCount) return slugs;
  }
}

describe("full-text search", () => {
  it("finds Russian word forms: «водная», «водной» and «водных» all find «водных стратегий»", async () => {
    for (const q of ["водная", "водной", "водных", "ВОДНЫЕ стратегии"]) {
      expect(await all({ q }), q).toContain("water-strategy-harmonisation");
    }
  });

  it("finds English words and their forms", async () => {
    expect(await all({ q: "water" })).toEqual(expect.arrayContaining(["water-use-framework-convention", "water-strategy-harmonisation"]));
    expect(await all({ q: "tracks" })).toContain("electronic-cargo-tracking");
    expect(await all({ q: "tourism" })).toEqual(["single-tourism-space"]);
  });

  it("ranks initiatives matching every word first, then those matching some, and says how many match all", async () => {
    // «водная» is in one title, «конвенция» in another: all-words matching used to find nothing.
    const result = await queryInitiatives(prisma, { q: "водная конвенция", pageSize: 100 });
    const all = result.words!.allMatched;
    expect(result.words!.count).toBe(2);
    expect(all).toBeGreaterThan(0);
    expect(result.items[0]).toMatchObject({ slug: "water-use-framework-convention", matchedWords: 2 });
    expect(result.items.slice(0, all).every((item) => item.matchedWords === 2)).toBe(true);
    const partial = result.items.slice(all);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.every((item) => item.matchedWords === 1)).toBe(true);
    expect(result.total).toBe(result.items.length);
    // Other orders keep the all-words matches first too.
    const byTitle = await queryInitiatives(prisma, { q: "водная конвенция", sort: "title", pageSize: 100 });
    const slugs = (items: { slug: string }[]) => new Set(items.map((item) => item.slug));
    expect(slugs(byTitle.items.slice(0, all))).toEqual(slugs(result.items.slice(0, all)));
    expect(byTitle.total).toBe(result.total);
  });

  it("among initiatives matching as many words, ranks those whose title holds them first", async () => {
    const result = await queryInitiatives(prisma, { q: "Казахстан", pageSize: 100 });
    const titled = await prisma.initiative.findMany({ where: { titleRu: { contains: "Казахстан" } }, select: { slug: true } });
    expect(titled.length).toBeGreaterThan(0);
    expect(result.items.length).toBeGreaterThan(titled.length);
    expect(new Set(result.items.slice(0, titled.length).map((item) => item.slug))).toEqual(new Set(titled.map((item) => item.slug)));
  });

  it("expands the synonym list and compounds' parts on both engines", async () => {
    const top = async (q: string) => (await queryInitiatives(prisma, { q, pageSize: 3 })).items.map((item) => item.slug);
    expect((await top("ИИ декларация"))[0]).toBe("ai-declaration");
    expect((await top("AI"))[0]).toBe("ai-declaration");
    expect((await top("rare earth center"))[0]).toBe("rare-earth-research-centre");
    expect((await top("торговля 20 миллиардов"))[0]).toBe("intra-regional-trade-20bn");
    expect(await top("водопользование")).toContain("water-strategy-harmonisation");
  });

  it("finds quotes, article passages and history notes, with the matching words highlighted", async () => {
    const note = await searchAll(prisma, "квазиуникальнойзаметки");
    expect(note.hits).toHaveLength(1);
    expect(note.hits[0]).toMatchObject({ kind: "note", initiative: { slug: "single-tourism-space" } });
    expect(note.hits[0]!.parts.filter((part) => part.match).map((part) => part.text)).toEqual(["квазиуникальнойзаметки"]);
    expect(await all({ q: "квазиуникальнойзаметки" })).toEqual(["single-tourism-space"]);

    const passages = await searchAll(prisma, "Каспийское море", 1, 50);
    expect(passages.hits.map((hit) => hit.kind)).toContain("passage");
    const quote = await searchAll(prisma, "редкоземельным металлам", 1, 50);
    // Both rare-earth entries quote these words: the research centre, and the broader proposal to join efforts.
    const quoteHit = quote.hits.find((hit) => hit.kind === "quote" && hit.initiative?.slug === "rare-earth-research-centre");
    expect(quoteHit, quote.hits.map((hit) => `${hit.kind} ${hit.initiative?.slug}`).join("\n")).toMatchObject({
      kind: "quote",
      initiative: { slug: "rare-earth-research-centre" },
    });
    expect(quote.hits.some((hit) => hit.kind === "quote" && hit.initiative?.slug === "rare-earth-joint-efforts")).toBe(true);
    // Other forms of the same words are marked too.
    const marked = quoteHit!.parts.filter((part) => part.match).map((part) => part.text.toLowerCase());
    expect(marked.some((word) => word.startsWith("редкоземельн"))).toBe(true);
    expect(marked.some((word) => word.startsWith("металл"))).toBe(true);
    expect(marked.every((word) => word.startsWith("редкоземельн") || word.startsWith("металл"))).toBe(true);
    // The list finds an initiative through its quotes too (a quote's hit is mapped to its initiative by the quote's id).
    const listed = await all({ q: "редкоземельным металлам" });
    for (const hit of quote.hits.filter((hit) => hit.kind === "quote" && hit.initiative)) expect(listed).toContain(hit.initiative!.slug);
  });

  it("treats FTS syntax in a query as plain words and never fails", async () => {
    const queries = [
      '" OR * NEAR(a b) -- ;',
      "title:water",
      "a AND NOT b",
      "*",
      '"""',
      "DROP TABLE Initiative",
      "%_\\",
      '"водных" стратегий*',
      "водных: (стратегий)",
      "-водных +стратегий^2",
    ];
    let matched = 0;
    for (const q of queries) {
      // Operators are words like any other: the answer is the one for the same words without them.
      const words = q.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
      const [list, plainList, found, plainFound] = await Promise.all([
        queryInitiatives(prisma, { q }),
        queryInitiatives(prisma, { q: words }),
        searchAll(prisma, q),
        searchAll(prisma, words),
      ]);
      if (!words) {
        // Nothing but symbols: no words to look for, so nothing matches (not everything).
        expect([list.total, found.total], q).toEqual([0, 0]);
        continue;
      }
      expect(
        list.items.map((item) => item.slug),
        q,
      ).toEqual(plainList.items.map((item) => item.slug));
      expect(list.total, q).toBe(plainList.total);
      expect(found.total, q).toBe(plainFound.total);
      expect(
        found.hits.map((hit) => hit.kind),
        q,
      ).toEqual(plainFound.hits.map((hit) => hit.kind));
      matched += list.total + found.total;
    }
    // The comparisons above are not all between two empty answers, and no query wrote anything.
    expect(matched).toBeGreaterThan(0);
    expect(await prisma.initiative.count()).toBeGreaterThan(0);
  });
});

describe("facets", () => {
  it.each<InitiativeFilters>([
    {},
    { theme: "transport_logistics" },
    { theme: "transport_logistics", country: "KZ" },
    { status: "proposed", q: "стратегии" },
    { kind: "proposal", source: 2 },
    { event: "tashkent-2025", theme: "transport_logistics" },
  ])("count what each value would give with the other filters: %o", async (filters) => {
    const facets = await facetCounts(prisma, filters);
    for (const facet of FACETS) {
      for (const { value, count } of facets[facet]) {
        const narrowed = { ...filters, [facet]: facet === "source" ? Number(value) : value } as InitiativeFilters;
        expect((await queryInitiatives(prisma, narrowed)).total, `${facet}=${value}`).toBe(count);
      }
    }
  });
});

describe("sorting and pagination", () => {
  it("counts a search's hits the same on its first page and on a page past the end", async () => {
    const first = await queryInitiatives(prisma, { q: "стратегии" });
    expect(first.total).toBeGreaterThan(0);
    expect(first.items.length).toBe(Math.min(25, first.total));
    const beyond = await queryInitiatives(prisma, { q: "стратегии", page: first.pageCount + 5 });
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(first.total);
    // The same count as by title order, which counts with its own statement.
    expect((await queryInitiatives(prisma, { q: "стратегии", sort: "title" })).total).toBe(first.total);
  });

  it("pages through every row once, in a stable order", async () => {
    const total = await prisma.initiative.count();
    for (const sort of ["title", "status", "updated"] as const) {
      const slugs = await all({ sort });
      expect(slugs).toHaveLength(total);
      expect(new Set(slugs).size).toBe(total);
    }
  });
});

describe("exports", () => {
  const download = async (file: string, query = "") =>
    exportRoute(new Request(`http://localhost:3000/api/export/${file}${query}`), { params: Promise.resolve({ file }) });

  it("CSV holds exactly the filtered list's rows, in its order, UTF-8 with a BOM and stable columns", async () => {
    const response = await download("initiatives.csv", "?theme=transport_logistics&sort=status");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="initiatives-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(INITIATIVE_COLUMNS.join(","));
    const slugs = lines.slice(1).map((line) => line.split(",")[0]);
    expect(slugs).toEqual(await all({ theme: "transport_logistics", sort: "status" }));
  });

  it("JSON holds the same rows with the same columns", async () => {
    const body = await (await download("initiatives.json", "?q=стратегия&lang=en")).json();
    expect(body.columns).toEqual([...INITIATIVE_COLUMNS]);
    expect(body.rows.map((row: { slug: string }) => row.slug)).toEqual(await all({ q: "стратегия" }));
    expect(body.rows[0].url).toMatch(/^http:\/\/localhost:3000\/en\/initiatives\//);
  });

  it("carries each row's relation to the meeting and exports only outcomes with relation=outcome", async () => {
    const everything = await (await download("initiatives.json")).json();
    const relations = new Map(everything.rows.map((row: { slug: string; meeting_relation: string }) => [row.slug, row.meeting_relation]));
    expect(relations.get("semey-chip-electronics-production")).toBe("background");
    expect(relations.get("border-junction-point-treaty")).toBe("welcomed");
    const outcomes = await (await download("initiatives.json", "?relation=outcome")).json();
    expect(outcomes.rows.length).toBeGreaterThan(0);
    expect(outcomes.rows.length).toBeLessThan(everything.rows.length);
    expect(outcomes.rows.every((row: { meeting_relation: string }) => row.meeting_relation === "outcome")).toBe(true);
  });

  it("exports the full history with stable columns and no e-mails", async () => {
    const response = await download("history.csv");
    const text = (await response.text()).replace(/^\uFEFF/, "");
    expect(text.split("\r\n")[0]).toBe(HISTORY_COLUMNS.join(","));
    const json = await (await download("history.json")).json();
    expect(json.rows).toHaveLength(await prisma.historyEntry.count());
    expect(JSON.stringify(json)).not.toMatch(/@example\.test/);
  });

  it("answers bad parameters with a JSON error", async () => {
    for (const [file, query] of [
      ["initiatives.csv", "?status=finished"],
      ["initiatives.json", "?foo=1"],
      ["history.csv", "?since=yesterday"],
      ["initiatives.csv", "?lang=de"],
    ]) {
      const response = await download(file!, query);
      expect(response.status, `${file}${query}`).toBe(400);
      expect(await response.json()).toMatchObject({ error: expect.any(String), details: expect.any(Array) });
    }
    expect((await download("secrets.csv")).status).toBe(404);
  });
});

describe("keeping the index in step with writes", () => {
  it("replaces a document's rows instead of adding to them, and finds the new text", async () => {
    const { indexInitiative, indexSource, searchRowId } = await import("../../lib/search/search-index");
    const initiative = await prisma.initiative.findUniqueOrThrow({ where: { slug: "ai-declaration" } });
    const rows = async () => Number((await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "SearchIndex"`))[0]!.n);
    const before = await rows();
    await indexInitiative(prisma, { ...initiative, titleEn: `${initiative.titleEn} Zanzibarish` });
    await indexInitiative(prisma, { ...initiative, titleEn: `${initiative.titleEn} Zanzibarish` });
    expect(await rows()).toBe(before);
    expect(await all({ q: "Zanzibarish" })).toEqual(["ai-declaration"]);
    const source = await prisma.source.findFirstOrThrow();
    await indexSource(prisma, source);
    expect(await rows()).toBe(before);
    const [row] = await prisma.$queryRaw<{ rowid: bigint }[]>`SELECT "rowid" FROM "SearchIndex" WHERE "kind" = 'initiative' AND "refId" = ${initiative.id}`;
    expect(Number(row!.rowid)).toBe(searchRowId("initiative", initiative.id));
    await indexInitiative(prisma, initiative);
  });
});
