import { beforeAll, describe, expect, it } from "vitest";
import { getStatusByTheme } from "../../lib/dashboard/status-by-theme";
import { getStatusChangesOverTime } from "../../lib/dashboard/status-changes-over-time";
import { getCountryMatrix } from "../../lib/countries/country-matrix";
import { getCountryPage } from "../../lib/countries/get-country";
import { prisma } from "../../lib/db/prisma";
import { INITIATIVE_STATUSES, THEMES } from "../../lib/domain/vocabulary";
import { judgeTarget } from "../../lib/metrics/judge-target";
import { listMetrics } from "../../lib/metrics/list-metrics";
import { getThemeOverview } from "../../lib/themes/get-theme";
import { makeUser } from "../helpers/users";
import { seedWorkerDatabase } from "../helpers/seeded";

beforeAll(async () => {
  await seedWorkerDatabase();
});

describe("country × initiative matrix", () => {
  it("has a row for every initiative and the members first, then the partners", async () => {
    const matrix = await getCountryMatrix(prisma);
    const slugs = (await prisma.initiative.findMany({ select: { slug: true } })).map((row) => row.slug).sort();
    expect(matrix.rows.map((row) => row.slug).sort()).toEqual(slugs);
    expect(matrix.countries.map((country) => country.code)).toEqual(["KZ", "KG", "TJ", "TM", "UZ", "AZ", "CN", "US", "RU", "EU"]);
    expect(matrix.countries.filter((country) => country.member)).toHaveLength(6);
  });

  it("gives each country's role and own stage, and counts the signatories", async () => {
    const matrix = await getCountryMatrix(prisma);
    const treaty = matrix.rows.find((row) => row.slug === "tajikistan-kyrgyzstan-border-treaty")!;
    expect(treaty.cells.TJ).toEqual({ role: "participant", stage: "signed" });
    expect(treaty.cells.KG).toEqual({ role: "participant", stage: "signed" });
    expect(treaty.cells.KZ).toEqual({ role: "supporter", stage: null });
    expect(treaty.cells.UZ).toBeUndefined();
    expect(treaty.signed).toEqual({ reached: 2, total: 2 });

    const junction = matrix.rows.find((row) => row.slug === "border-junction-point-treaty")!;
    expect(junction.signed).toEqual({ reached: 3, total: 3 });

    const ai = matrix.rows.find((row) => row.slug === "ai-declaration")!;
    expect(ai.cells.KZ).toEqual({ role: "proposer", stage: null });
    expect(ai.signed).toBeNull();
  });

  it("has exactly one cell per stored participation", async () => {
    const matrix = await getCountryMatrix(prisma);
    const cells = matrix.rows.reduce((sum, row) => sum + Object.keys(row.cells).length, 0);
    expect(cells).toBe(await prisma.participation.count());
  });
});

describe("country page", () => {
  it("lists Kazakhstan's proposals, participations and support, with counts by role", async () => {
    const kz = await getCountryPage(prisma, "kz");
    expect(kz).not.toBeNull();
    expect(kz!.code).toBe("KZ");
    expect(kz!.member).toBe(true);
    const bySlug = Object.fromEntries(kz!.initiatives.map((initiative) => [initiative.slug, initiative]));
    for (const slug of ["ai-declaration", "water-use-framework-convention", "intra-regional-trade-20bn", "single-tourism-space"]) {
      expect(bySlug[slug], slug).toMatchObject({ role: "proposer" });
    }
    expect(bySlug["tajikistan-kyrgyzstan-border-treaty"]).toMatchObject({ role: "supporter", stage: null, status: "agreed" });
    expect(bySlug["china-europe-corridor-capacity"]).toMatchObject({ role: "participant" });

    const proposed = await prisma.initiative.count({ where: { proposerCountryCode: "KZ" } });
    const counts = Object.fromEntries(kz!.byRole.map(({ role, count }) => [role, count])) as Record<"proposer" | "participant" | "supporter", number>;
    expect(counts.proposer).toBe(proposed);
    expect(counts.proposer + counts.participant + counts.supporter).toBe(kz!.initiatives.length);
    const involved = await prisma.initiative.findMany({
      where: { OR: [{ proposerCountryCode: "KZ" }, { participations: { some: { countryCode: "KZ" } } }] },
      select: { slug: true },
    });
    expect(kz!.initiatives.map((i) => i.slug).sort()).toEqual(involved.map((i) => i.slug).sort());
  });

  it("shows the latest history of those initiatives, newest first, imported ones without an author", async () => {
    const kz = await getCountryPage(prisma, "KZ", 5);
    expect(kz!.recentChanges).toHaveLength(5);
    const times = kz!.recentChanges.map((entry) => entry.recordedAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const mine = new Set(kz!.initiatives.map((initiative) => initiative.slug));
    for (const entry of kz!.recentChanges) {
      expect(mine.has(entry.initiative.slug)).toBe(true);
      expect(entry.kind).toBe("status_change");
      expect(entry.authorName).toBeNull();
      expect(entry.toStatus).not.toBeNull();
    }
  });

  it("gives the signed stage of Tajikistan and nothing for unknown codes", async () => {
    const tj = await getCountryPage(prisma, "TJ");
    expect(tj!.initiatives.find((i) => i.slug === "tajikistan-kyrgyzstan-border-treaty")).toMatchObject({ role: "participant", stage: "signed" });
    expect(await getCountryPage(prisma, "XX")).toBeNull();
    expect(await getCountryPage(prisma, "KAZ")).toBeNull();
    const tm = await getCountryPage(prisma, "tm");
    expect(tm).not.toBeNull();
    expect(tm!.initiatives).toEqual([]);
    expect(tm!.recentChanges).toEqual([]);
  });
});

describe("theme overview", () => {
  it("rolls up each theme's initiatives by status, matching the stored themes", async () => {
    for (const theme of THEMES) {
      const overview = await getThemeOverview(prisma, theme);
      const listed = await prisma.initiative.findMany({ where: { themes: { some: { theme } } }, select: { slug: true, status: true } });
      expect(overview!.rollup.total, theme).toBe(listed.length);
      expect(overview!.initiatives.map((i) => i.slug).sort()).toEqual(listed.map((i) => i.slug).sort());
      for (const status of INITIATIVE_STATUSES) {
        expect(overview!.rollup.counts[status], `${theme}/${status}`).toBe(listed.filter((i) => i.status === status).length);
      }
    }
  });

  it("includes the figures and history of its initiatives, and rejects unknown themes", async () => {
    const trade = await getThemeOverview(prisma, "trade_investment");
    expect(trade!.metrics.map((metric) => metric.slug)).toContain("intra-regional-trade-volume");
    expect(trade!.recentChanges.length).toBeGreaterThan(0);
    const security = await getThemeOverview(prisma, "security");
    expect(security!.rollup.counts.agreed).toBe(4);
    expect(await getThemeOverview(prisma, "weather")).toBeNull();
  });

  it("matches the dashboard chart's counts", async () => {
    const rows = await getStatusByTheme(prisma);
    expect(rows.map((row) => row.theme)).toEqual([...THEMES]);
    for (const row of rows) {
      const overview = await getThemeOverview(prisma, row.theme);
      expect(row.counts).toEqual(overview!.rollup.counts);
      expect(row.total).toBe(await prisma.initiativeTheme.count({ where: { theme: row.theme } }));
    }
  });
});

describe("targets", () => {
  it("lists every figure with its baseline, target, unit and readings", async () => {
    const metrics = await listMetrics(prisma);
    expect(metrics).toHaveLength(await prisma.metric.count());
    const trade = metrics.find((metric) => metric.slug === "intra-regional-trade-volume")!;
    expect(trade.baseline).toMatchObject({ value: 11.5, text: "11,5 млрд долларов", period: "в прошлом году" });
    expect(trade.target).toMatchObject({ value: 20, date: null });
    expect(trade.unitEn).toBe("billion dollars");
    expect(trade.initiativeSlug).toBe("intra-regional-trade-20bn");
    expect(judgeTarget(trade, new Date("2026-01-01T00:00:00Z"))).toBe("no_deadline");

    const corridor = metrics.find((metric) => metric.slug === "china-europe-corridor-capacity")!;
    expect(corridor.baseline).toBeNull();
    expect(corridor.target?.value).toBe(5);
    expect(corridor.readings).toEqual([]);
    expect(judgeTarget(corridor, new Date("2026-01-01T00:00:00Z"))).toBe("no_data");

    const projects = metrics.find((metric) => metric.slug === "kazakhstan-uzbekistan-joint-projects-count")!;
    expect(projects.readings.map((reading) => reading.value)).toEqual([7]);
    expect(judgeTarget(projects, new Date())).toBe("no_target");
  });

  it("judges a dated target against now once a reading and a date are recorded", async () => {
    const metric = await prisma.metric.findUniqueOrThrow({ where: { slug: "intra-regional-trade-volume" }, select: { id: true } });
    await prisma.metric.update({ where: { id: metric.id }, data: { targetDate: new Date("2030-12-31T00:00:00Z") } });
    await prisma.metricReading.create({ data: { metricId: metric.id, value: 14, observedOn: new Date("2026-06-30T00:00:00Z") } });
    try {
      const trade = (await listMetrics(prisma)).find((item) => item.slug === "intra-regional-trade-volume")!;
      expect(trade.readings.at(-1)).toMatchObject({ value: 14 });
      expect(judgeTarget(trade, new Date("2030-12-31T12:00:00Z"))).toBe("not_yet_due");
      expect(judgeTarget(trade, new Date("2031-01-01T00:00:00Z"))).toBe("off_track");
    } finally {
      await prisma.metricReading.deleteMany({ where: { metricId: metric.id } });
      await prisma.metric.update({ where: { id: metric.id }, data: { targetDate: null } });
    }
  });
});

describe("status changes over time", () => {
  it("counts real changes by effective date and the seed's imported entries apart, never on the build day", async () => {
    const series = await getStatusChangesOverTime(prisma);
    const imported = await prisma.historyEntry.count({ where: { kind: "status_change", authorId: null } });
    expect(imported).toBeGreaterThan(0);
    // The sources date none of the imported entries: no bar on the day the database was built.
    expect(series.undated).toBe(imported);
    expect(series.total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect(series.buckets.some((bucket) => bucket.key === today && bucket.count > 0)).toBe(false);
  });

  it("places an editor's change on its effective date, or the day it was recorded without one, in months once they span more than one", async () => {
    const editor = await makeUser(prisma, "editor");
    const initiative = await prisma.initiative.findUniqueOrThrow({ where: { slug: "ai-declaration" }, select: { id: true, version: true } });
    // History is append-only, and this file has its own database copy: the entries stay (these tests run last).
    await prisma.historyEntry.create({
      data: {
        initiativeId: initiative.id,
        kind: "status_change",
        fromStatus: "proposed",
        toStatus: "in_preparation",
        note: "test",
        version: initiative.version + 100,
        authorId: editor.id,
        effectiveOn: new Date("2020-01-15T00:00:00Z"),
        recordedAt: new Date("2020-03-02T00:00:00Z"),
      },
    });
    await prisma.historyEntry.create({
      data: {
        initiativeId: initiative.id,
        kind: "status_change",
        fromStatus: "in_preparation",
        toStatus: "agreed",
        note: "test, no effective date",
        version: initiative.version + 101,
        authorId: editor.id,
        recordedAt: new Date("2020-02-20T00:00:00Z"),
      },
    });
    const series = await getStatusChangesOverTime(prisma);
    expect(series.unit).toBe("month");
    expect(series.buckets[0]).toMatchObject({ key: "2020-01", count: 1 });
    expect(series.buckets[1]).toMatchObject({ key: "2020-02", count: 1 });
    expect(series.buckets.find((bucket) => bucket.key === "2020-03")?.count ?? 0).toBe(0);
    expect(series.total).toBe(2);
    expect(series.undated).toBe(await prisma.historyEntry.count({ where: { kind: "status_change", authorId: null } }));
  });
});
