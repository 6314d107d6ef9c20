import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "../../app/api/export/[file]/route";
import { GET as historyApi } from "../../app/api/v1/history/route";
import { compareInitiatives } from "../../lib/compare/compare-initiatives";
import { prisma } from "../../lib/db/prisma";
import { initiativeIdPages } from "../../lib/initiatives/query-initiatives";
import { countryReport, initiativesReport } from "../../lib/reports/build-report";
import { seedWorkerDatabase } from "../helpers/seeded";
import { makeUser } from "../helpers/users";
import { changedOnOrAfter, listHistory } from "../../lib/history/list-history";
import { dayToDate } from "../../lib/dates";

// The API's freshness check reads through the data cache, which needs a running Next server.
vi.mock("next/cache", () => ({ unstable_cache: (read: unknown) => read, updateTag: vi.fn(), revalidatePath: vi.fn() }));

const download = (file: string, query = "") =>
  exportRoute(new Request(`http://localhost:3000/api/export/${file}${query}`), { params: Promise.resolve({ file }) });

beforeAll(seedWorkerDatabase);

describe("compare", () => {
  it("returns the asked initiatives in the order asked, with their countries, figures and newest history entry, and names unknown slugs", async () => {
    const [a, b] = await prisma.initiative.findMany({ orderBy: { slug: "desc" }, take: 2, select: { slug: true, status: true, stage: true } });
    const withFigure = await prisma.initiative.findFirstOrThrow({
      where: { metrics: { some: {} } },
      select: { slug: true, _count: { select: { metrics: true, participations: true } } },
    });
    const { items, missing } = await compareInitiatives(prisma, [b!.slug, "no-such-initiative", a!.slug, withFigure.slug]);
    expect(items.map((item) => item.slug)).toEqual([b!.slug, a!.slug, withFigure.slug]);
    expect(missing).toEqual(["no-such-initiative"]);
    expect(items[0]).toMatchObject({ status: b!.status, stage: b!.stage });
    const figure = items[2]!;
    expect(figure.metrics).toHaveLength(withFigure._count.metrics);
    expect(figure.countries).toHaveLength(withFigure._count.participations);
    const newest = await prisma.historyEntry.findFirstOrThrow({ where: { initiative: { slug: withFigure.slug } }, orderBy: { version: "desc" } });
    expect(figure.lastChange?.note).toBe(newest.note);
  });
});

describe("exports in words", () => {
  it("?labels=en writes statuses, stages, themes and countries as words, keeping the columns and rows", async () => {
    const codes = await (await download("initiatives.json")).json();
    const words = await (await download("initiatives.json", "?labels=en")).json();
    expect(words.columns).toEqual(codes.columns);
    expect(words.rows.map((row: { slug: string }) => row.slug)).toEqual(codes.rows.map((row: { slug: string }) => row.slug));
    const kazakhstan = words.rows.find((row: { countries: string[] }) => row.countries.includes("Kazakhstan"));
    expect(kazakhstan).toBeDefined();
    const statuses = new Set(words.rows.map((row: { status: string }) => row.status));
    expect([...statuses].every((status) => /^[A-Z][a-z ]+$/.test(status as string))).toBe(true);
    expect(words.rows.some((row: { themes: string[] }) => row.themes.includes("Water and environment") || row.themes.some((theme) => / /.test(theme)))).toBe(
      true,
    );
    expect(JSON.stringify(words.rows)).not.toMatch(/"(in_progress|in_preparation|water_environment|text_agreed)"/);
  });

  it("?labels=ru writes Russian words in CSV, history kinds too", async () => {
    const csv = (await (await download("initiatives.csv", "?labels=ru")).text()).replace(/^\uFEFF/, "");
    expect(csv).toMatch(/Казахстан/);
    expect(csv.split("\r\n")[0]).toBe((await (await download("initiatives.csv")).text()).replace(/^\uFEFF/, "").split("\r\n")[0]);
    const history = await (await download("history.json", "?labels=ru")).json();
    const kinds = new Set(history.rows.map((row: { kind: string }) => row.kind));
    for (const kind of kinds) expect(kind).toMatch(/[а-яё]/i);
  });

  it("refuses any other labels value with the JSON error", async () => {
    const response = await download("initiatives.csv", "?labels=de");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: expect.any(String), details: [{ parameter: "labels" }] });
  });
});

describe("history export", () => {
  it("lists entries newest first, as /changes does", async () => {
    const json = await (await download("history.json")).json();
    const times = json.rows.map((row: { recorded_at: string; id: number }) => [row.recorded_at, row.id] as const);
    const sorted = [...times].sort((x, y) => (x[0] === y[0] ? y[1] - x[1] : x[0] < y[0] ? 1 : -1));
    expect(times).toEqual(sorted);
    expect(json.rows).toHaveLength(await prisma.historyEntry.count());
  });

  it("with changedSince holds exactly what /changes lists for that day: changes by effective date, no imported entries; since counts recording", async () => {
    const editor = await makeUser(prisma, "editor");
    const { id: initiativeId } = await prisma.initiative.findFirstOrThrow({ orderBy: { id: "desc" }, select: { id: true } });
    // Test data: recorded today, one of them for a change that took effect before the chosen day.
    const entry = (version: number, note: string, effectiveOn: Date | null) => ({
      initiativeId,
      version,
      note,
      effectiveOn,
      kind: "verification" as const,
      authorId: editor.id,
    });
    await prisma.historyEntry.createMany({
      data: [
        entry(300_001, "took effect before the day", dayToDate("2026-02-19")),
        entry(300_002, "took effect that day", dayToDate("2026-02-20")),
        entry(300_003, "no effective date", null),
      ],
    });
    const listed = await listHistory(prisma, { changedSince: changedOnOrAfter("2026-02-20"), order: "desc", limit: 10_000 });
    const changed = await (await download("history.json", "?changedSince=2026-02-20")).json();
    const notes = changed.rows.map((row: { note: string }) => row.note);
    expect(notes).toContain("took effect that day");
    expect(notes).toContain("no effective date");
    expect(notes).not.toContain("took effect before the day");
    expect(changed.rows.every((row: { author: string | null }) => Boolean(row.author))).toBe(true);
    expect(changed.rows.map((row: { id: number }) => row.id)).toEqual(listed.map((item) => item.id));

    // `since` is about recording: everything recorded from that day on, the seed's imported entries too.
    const recorded = await (await download("history.json", "?since=2026-02-20")).json();
    expect(recorded.rows.map((row: { note: string }) => row.note)).toContain("took effect before the day");
    expect(recorded.rows.some((row: { author: string | null }) => !row.author)).toBe(true);

    const bad = await download("history.json", "?changedSince=yesterday");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ details: [{ parameter: "changedSince" }] });

    // The API's history reads the same parameters through the same schema: the same entries, newest first.
    const apiAnswer = await historyApi(new Request("http://localhost:3000/api/v1/history?changedSince=2026-02-20&pageSize=100"));
    const api = await apiAnswer.json();
    expect(api.data.map((item: { id: number }) => item.id)).toEqual(listed.map((item) => item.id));
    for (const query of ["?changedSince=yesterday", "?changedSince=0000-01-01", "?since=0000-01-01"]) {
      const apiAnswer = await historyApi(new Request(`http://localhost:3000/api/v1/history${query}`));
      const exportAnswer = await download("history.json", query);
      expect([apiAnswer.status, exportAnswer.status], query).toEqual([400, 400]);
      const parameter = query.slice(1, query.indexOf("="));
      const { details } = await apiAnswer.json();
      expect(details, query).toEqual([{ parameter, message: expect.any(String) }]);
      // The same words, too: one schema and one way of reporting it.
      expect((await exportAnswer.json()).details, query).toEqual(details);
    }
  });
});

describe("reports", () => {
  it("hold every row of the filtered view in the list's order, their status counts and the sources quoted for them", async () => {
    const filters = { theme: "water_environment" as const };
    const report = await initiativesReport(prisma, filters, "en");
    const ids: number[] = [];
    for await (const page of initiativeIdPages(prisma, filters, "en", 200)) ids.push(...page);
    expect(report.truncated).toBe(false);
    const slugs = (await prisma.initiative.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true } })).reduce(
      (map, row) => map.set(row.id, row.slug),
      new Map<number, string>(),
    );
    expect(report.rows.map((row) => row.slug)).toEqual(ids.map((id) => slugs.get(id)));
    expect(report.statusCounts.reduce((sum, item) => sum + item.count, 0)).toBe(ids.length);
    const quoted = await prisma.quote.findMany({ where: { initiativeId: { in: ids } }, distinct: ["sourceId"], select: { sourceId: true } });
    expect(report.sources.map((source) => source.id).sort()).toEqual(quoted.map((quote) => quote.sourceId).sort());
  });

  it("of a country hold the initiatives it proposes or takes part in; an unknown code has none", async () => {
    const result = (await countryReport(prisma, "kz"))!;
    const expected = await prisma.initiative.count({ where: { OR: [{ proposerCountryCode: "KZ" }, { participations: { some: { countryCode: "KZ" } } }] } });
    expect(result.country.code).toBe("KZ");
    expect(result.report.rows).toHaveLength(expected);
    expect(await countryReport(prisma, "QQ")).toBeNull();
  });
});
