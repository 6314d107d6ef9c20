import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "../../app/api/export/[file]/route";
import { prisma } from "../../lib/db/prisma";
import { EXPORT_PAGE_SIZE, HISTORY_COLUMNS, INITIATIVE_COLUMNS, initiativeRows } from "../../lib/exports/export-data";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { queryInitiatives, SORTS, type InitiativeFilters } from "../../lib/initiatives/query-initiatives";
import { seedWorkerDatabase } from "../helpers/seeded";

const download = (file: string, query = "") =>
  exportRoute(new Request(`http://localhost:3000/api/export/${file}${query}`), { params: Promise.resolve({ file }) });

/** Parses CSV the way Python's csv module (and spreadsheets like it) do. */
function pythonCsv(text: string): string[][] {
  const script = "import csv, io, json, sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline='')))))";
  return JSON.parse(execFileSync("python3", ["-c", script], { input: text, encoding: "utf8" })) as string[][];
}

// Test data only: hostile titles written straight into this worker's copy of the database.
const HOSTILE = ["checked\r=2+3", 'say "hi", then', "two\nlines", "=HYPERLINK(1)", "+1", "-1", "@SUM(A1)", "\tTAB", "\rCR first", "semi; colon"];

beforeAll(async () => {
  await seedWorkerDatabase();
  const initiatives = await prisma.initiative.findMany({ orderBy: { id: "asc" }, take: HOSTILE.length, select: { id: true } });
  for (const [index, { id }] of initiatives.entries()) await prisma.initiative.update({ where: { id }, data: { titleEn: HOSTILE[index]! } });
});

describe("CSV exports", () => {
  it("quote every field with CR, LF, a quote or the separator and defuse every leading = + - @ tab CR (read back by Python's csv)", async () => {
    const text = (await (await download("initiatives.csv")).text()).replace(/^\uFEFF/, "");
    const rows = pythonCsv(text);
    expect(rows[0]).toEqual([...INITIATIVE_COLUMNS]);
    const count = await prisma.initiative.count();
    expect(rows).toHaveLength(count + 1);
    for (const row of rows) {
      expect(row).toHaveLength(INITIATIVE_COLUMNS.length);
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    const titles = rows.slice(1).map((row) => row[INITIATIVE_COLUMNS.indexOf("title_en")]);
    for (const hostile of HOSTILE) expect(titles).toContain(/^[=+\-@\t\r]/.test(hostile) ? `'${hostile}` : hostile);
  });
});

describe("exports are streamed", () => {
  it("send the header before the rows and the rows a page at a time", async () => {
    const initiative = await prisma.initiative.findFirstOrThrow({ select: { id: true } });
    const extra = EXPORT_PAGE_SIZE * 2 + 10;
    await prisma.historyEntry.createMany({
      data: Array.from({ length: extra }, (_, index) => ({
        initiativeId: initiative.id,
        kind: "verification" as const,
        note: `bulk ${index}`,
        version: 100_000 + index,
      })),
    });
    const total = await prisma.historyEntry.count();
    const reader = (await download("history.csv")).body!.getReader();
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    const chunks: string[] = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks.push(decoder.decode(value));
    }
    expect(chunks[0]).toBe(`\uFEFF${HISTORY_COLUMNS.join(",")}\r\n`);
    expect(chunks.length).toBeGreaterThanOrEqual(1 + Math.ceil(total / EXPORT_PAGE_SIZE));
    // Every entry, not the old cap of 10,000 or a page: ids strictly increasing, none missing.
    const ids = pythonCsv(chunks.join("").replace(/^\uFEFF/, ""))
      .slice(1)
      .map((row) => Number(row[0]));
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    const json = await (await download("history.json")).json();
    expect(json.rows).toHaveLength(total);
    expect(json.columns).toEqual([...HISTORY_COLUMNS]);
  });
});

describe("initiative exports at any size", () => {
  /** The list's own order, page after page, as a reader clicking through it would see it. */
  async function listed(filters: InitiativeFilters, locale: string): Promise<string[]> {
    const slugs: string[] = [];
    for (let page = 1; ; page++) {
      const result = await queryInitiatives(prisma, { ...filters, page, pageSize: 7 }, locale);
      slugs.push(...result.items.map((item) => item.slug));
      if (page >= result.pageCount) return slugs;
    }
  }

  /** Every export row's slug, read in pages of `pageSize`, and the most rows any one database read returned. */
  async function exported(filters: InitiativeFilters, locale: string, pageSize: number) {
    let largestRead = 0;
    const counting = prisma.$extends({
      query: {
        $queryRaw: async ({ args, query }) => {
          const rows = (await query(args)) as unknown[];
          largestRead = Math.max(largestRead, rows.length);
          return rows;
        },
        initiative: {
          findMany: async ({ args, query }) => {
            const rows = await query(args);
            largestRead = Math.max(largestRead, rows.length);
            return rows;
          },
        },
      },
    }) as unknown as PrismaClient;
    const slugs: string[] = [];
    for await (const page of initiativeRows(counting, filters, locale, "http://localhost:3000", pageSize)) slugs.push(...page.map((row) => String(row.slug)));
    return { slugs, largestRead };
  }

  beforeAll(async () => {
    // Ties in every sort key across a page boundary: the same titles in both languages, status and time.
    const tied = await prisma.initiative.findMany({ orderBy: { id: "desc" }, take: 5, select: { id: true } });
    const updatedAt = new Date("2026-06-01T12:00:00.000Z");
    for (const { id } of tied)
      await prisma.initiative.update({ where: { id }, data: { titleRu: "Общий заголовок", titleEn: "Shared title", status: "agreed", updatedAt } });
  });

  it("read the rows a page at a time (keyset): no single read returns more than a page, whatever the sort", async () => {
    const total = await prisma.initiative.count();
    expect(total).toBeGreaterThan(20);
    for (const sort of ["title", "status", "updated"] as const) {
      const { slugs, largestRead } = await exported({ sort }, "ru", 4);
      expect(slugs, sort).toHaveLength(total);
      expect(largestRead, sort).toBeLessThanOrEqual(4);
    }
    // A filter narrows each page's read, not only the result.
    const { slugs, largestRead } = await exported({ sort: "updated", status: "agreed" }, "en", 4);
    expect(slugs).toEqual(await listed({ sort: "updated", status: "agreed" }, "en"));
    expect(largestRead).toBeLessThanOrEqual(4);
  });

  it("write each initiative's own cells, as the relations hold them: themes in their order, proposer, countries by code, version, time", async () => {
    const initiatives = await prisma.initiative.findMany({
      select: {
        slug: true,
        kind: true,
        status: true,
        stage: true,
        version: true,
        updatedAt: true,
        themes: { select: { theme: true }, orderBy: { theme: "asc" } },
        proposerCountry: { select: { code: true } },
        participations: { select: { countryCode: true }, orderBy: { countryCode: "asc" } },
      },
    });
    expect(initiatives.some((initiative) => initiative.themes.length > 1 && initiative.participations.length > 1)).toBe(true);
    const rows = new Map<string, Record<string, unknown>>();
    for await (const page of initiativeRows(prisma, {}, "en", "https://tracker.test", 3)) for (const row of page) rows.set(String(row.slug), row);
    expect(rows.size).toBe(initiatives.length);
    for (const initiative of initiatives) {
      expect(rows.get(initiative.slug)).toMatchObject({
        kind: initiative.kind,
        status: initiative.status,
        stage: initiative.stage,
        themes: initiative.themes.map((theme) => theme.theme),
        proposer_country: initiative.proposerCountry?.code ?? null,
        countries: initiative.participations.map((participation) => participation.countryCode),
        updated_at: initiative.updatedAt.toISOString(),
        url: `https://tracker.test/en/initiatives/${initiative.slug}`,
        version: String(initiative.version),
      });
    }
  });

  it("hold exactly the list's rows in the list's order for every sort and language, ties across pages included", async () => {
    for (const locale of ["ru", "en"]) {
      for (const sort of SORTS) {
        const filters: InitiativeFilters = sort === "relevance" ? { sort, q: "стратегия" } : { sort };
        const expected = await listed(filters, locale);
        expect(expected.length, `${sort} ${locale}`).toBeGreaterThan(sort === "relevance" ? 1 : 20);
        expect((await exported(filters, locale, 4)).slugs, `${sort} ${locale}`).toEqual(expected);
        expect((await exported(filters, locale, 3)).slugs, `${sort} ${locale}`).toEqual(expected);
      }
    }
  });
});
