import { beforeAll, describe, expect, it } from "vitest";
import { listCountries } from "../../lib/countries/list-countries";
import { getDashboard } from "../../lib/dashboard/get-dashboard";
import { getInitiative } from "../../lib/initiatives/get-initiative";
import { parseQueryLenient, queryInitiatives, type InitiativeFilters } from "../../lib/initiatives/query-initiatives";
import { metricProgress } from "../../lib/initiatives/metric-progress";
import { prisma } from "../../lib/db/prisma";
import { getSource } from "../../lib/sources/get-source";
import { seedWorkerDatabase } from "../helpers/seeded";
import { onPostgres } from "../helpers/test-database";

beforeAll(seedWorkerDatabase);

const listInitiatives = async (filters: InitiativeFilters) => (await queryInitiatives(prisma, { ...filters, pageSize: 100 })).items;

const slugs = (items: { slug: string }[]) => items.map((item) => item.slug).sort();

describe("queryInitiatives", () => {
  it("lists every initiative without filters", async () => {
    expect((await listInitiatives({})).length).toBe(await prisma.initiative.count());
  });

  it("filters by status", async () => {
    const agreed = await listInitiatives({ status: "agreed" });
    expect(agreed.length).toBeGreaterThan(0);
    expect(agreed.every((item) => item.status === "agreed")).toBe(true);
    expect(slugs(agreed)).toContain("regional-security-concept");
  });

  it("filters by theme", async () => {
    const water = await listInitiatives({ theme: "water_environment" });
    expect(slugs(water)).toEqual(expect.arrayContaining(["water-use-framework-convention", "water-strategy-harmonisation"]));
    expect(water.every((item) => item.themes.includes("water_environment"))).toBe(true);
  });

  it("filters by country, as proposer or participant", async () => {
    const china = await listInitiatives({ country: "CN" });
    expect(slugs(china)).toContain("china-europe-corridor-capacity");
    for (const item of china) {
      expect(item.proposer?.code === "CN" || item.countries.some((country) => country.code === "CN")).toBe(true);
    }
  });

  it("searches Russian text case-insensitively and English text", async () => {
    expect(slugs(await listInitiatives({ q: "ИСКУССТВЕННОГО интеллекта" }))).toContain("ai-declaration");
    expect(slugs(await listInitiatives({ q: "tourism" }))).toEqual(["single-tourism-space"]);
    expect(slugs(await listInitiatives({ q: "редкоземельн" }))).toContain("rare-earth-research-centre");
  });

  it("treats LIKE wildcards in a search literally", async () => {
    expect(await listInitiatives({ q: "%" })).toEqual([]);
    expect(await listInitiatives({ q: "_" })).toEqual([]);
  });

  it("combines filters", async () => {
    const combined = await listInitiatives({ status: "proposed", theme: "water_environment", q: "convention" });
    expect(slugs(combined)).toEqual(["water-use-framework-convention"]);
    expect(await listInitiatives({ status: "implemented", theme: "water_environment" })).toEqual([]);
  });

  it("reads filters from the URL and drops values it does not know", () => {
    expect(parseQueryLenient({ status: "agreed", theme: "tourism", country: "kz", q: "  вода " })).toMatchObject({
      status: ["agreed"],
      theme: ["tourism"],
      country: ["KZ"],
      q: "вода",
      page: 1,
      pageSize: 25,
    });
    const dropped = parseQueryLenient({ status: "finished", theme: ["nope"], country: "Kazakhstan", q: "", page: "-3", pageSize: "5000" });
    expect(dropped).toEqual({ page: 1, pageSize: 25 });
    // A repeated filter means several values (checkboxes), any of which may hold.
    expect(parseQueryLenient({ status: ["agreed", "proposed"] }).status).toEqual(["agreed", "proposed"]);
  });
});

describe("getInitiative", () => {
  it("returns everything the page shows, with quotes in context", async () => {
    const initiative = await getInitiative(prisma, "ai-declaration");
    expect(initiative).not.toBeNull();
    expect(initiative!.titleEn).toMatch(/AI|artificial intelligence/i);
    expect(initiative!.proposerCountry?.code).toBe("KZ");
    expect(initiative!.evidence.length).toBeGreaterThanOrEqual(2);
    for (const quote of initiative!.evidence) {
      expect(quote.quote.length).toBeGreaterThan(0);
      expect(`${quote.before}${quote.quote}${quote.after}`).toContain(quote.quote);
    }
    expect(initiative!.history).toHaveLength(1);
    expect(initiative!.history[0]).toMatchObject({ fromStatus: null, toStatus: "proposed", authorName: null, version: 1 });
    expect(initiative!.firstReportedOn?.toISOString().slice(0, 10)).toBe("2025-11-17");
  });

  it("lists each country's role and own stage", async () => {
    const treaty = await getInitiative(prisma, "tajikistan-kyrgyzstan-border-treaty");
    const byCode = Object.fromEntries(treaty!.participations.map((p) => [p.code, p]));
    expect(byCode.TJ).toMatchObject({ role: "participant", stage: "signed" });
    expect(byCode.KG).toMatchObject({ role: "participant", stage: "signed" });
  });

  it("returns null for an unknown slug", async () => {
    expect(await getInitiative(prisma, "no-such-initiative")).toBeNull();
  });
});

describe("getDashboard", () => {
  it("counts the meeting's outcomes only, by status and theme consistently with the list filtered to outcomes", async () => {
    const dashboard = await getDashboard(prisma);
    expect(dashboard.total).toBe((await listInitiatives({ relation: "outcome" })).length);
    expect(dashboard.total + dashboard.contextCount).toBe(await prisma.initiative.count());
    expect(dashboard.contextCount).toBeGreaterThan(0);
    expect(dashboard.byStatus.reduce((sum, entry) => sum + entry.count, 0)).toBe(dashboard.total);
    for (const { theme, count } of dashboard.byTheme) {
      expect(count, theme).toBe((await listInitiatives({ relation: "outcome", theme })).length);
    }
    for (const { status, count } of dashboard.byStatus) {
      expect(count, status).toBe((await listInitiatives({ relation: "outcome", status })).length);
    }
  });

  it("says when the meeting took place as far as the texts say, and how current the tracker is", async () => {
    const dashboard = await getDashboard(prisma);
    expect(dashboard.meeting).toMatchObject({
      nameEn: "Seventh Consultative Meeting of the Leaders of Central Asia",
      dateText: null,
      reportedOnFromMetadata: true,
    });
    expect(dashboard.meeting!.reportedOn!.toISOString().slice(0, 10)).toBe("2025-11-17");
    const latest = await prisma.historyEntry.findFirst({ where: { authorId: { not: null } }, orderBy: { recordedAt: "desc" } });
    expect(dashboard.lastChangeAt).toEqual(latest?.recordedAt ?? null);
  });

  it("shows the quantitative targets with their progress", async () => {
    const dashboard = await getDashboard(prisma);
    const trade = dashboard.targets.find((metric) => metric.slug === "intra-regional-trade-volume");
    expect(trade).toBeDefined();
    expect(metricProgress(trade!)).toMatchObject({ current: 11.5, target: 20 });
    expect(metricProgress(trade!)!.percent).toBeCloseTo(57.5);
    const corridor = dashboard.targets.find((metric) => metric.slug === "china-europe-corridor-capacity");
    expect(corridor?.target?.value).toBe(5);
    expect(metricProgress(corridor!)).toBeNull();
  });

  it("lists the most recent status changes, newest first", async () => {
    const dashboard = await getDashboard(prisma, 5);
    expect(dashboard.recentChanges).toHaveLength(5);
    const times = dashboard.recentChanges.map((change) => change.recordedAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });
});

describe("getSource", () => {
  it("returns the full text, rebuilt exactly from its highlighted segments", async () => {
    const stored = await prisma.source.findFirstOrThrow({ where: { key: "000_02323e7b5ee229ed.txt" } });
    const source = await getSource(prisma, stored.id);
    const segments = source!.paragraphs.flatMap((paragraph) => paragraph.segments);
    expect(segments.map((segment) => segment.text).join("")).toBe(stored.text);
    // Every line starts where the search index says its passage does, so /search can link to it.
    for (const paragraph of source!.paragraphs)
      expect(stored.text.slice(paragraph.start, paragraph.start + (paragraph.segments[0]?.text.length ?? 0))).toBe(paragraph.segments[0]?.text ?? "");
    expect(source!.paragraphs.filter((paragraph) => !paragraph.blank).map((paragraph) => paragraph.start)).toEqual(
      stored.text
        .split("\n")
        .flatMap((line, index, lines) => (line.trim() ? [lines.slice(0, index).reduce((sum, previous) => sum + previous.length + 1, 0)] : [])),
    );
    expect(source!.outlet).toBeNull();
    expect(source!.publishedOn?.toISOString().slice(0, 10)).toBe("2025-11-17");
    const highlighted = new Set(segments.flatMap((segment) => segment.spans.map((span) => span.id)));
    expect(highlighted.size).toBe(source!.quoteCount);
    expect(source!.initiatives.map((i) => i.slug)).toContain("ai-declaration");
  });

  it("returns null for an unknown id", async () => {
    expect(await getSource(prisma, 999_999)).toBeNull();
  });
});

describe("the app's database connection", () => {
  it.runIf(onPostgres)("waits on locks for DATABASE_BUSY_TIMEOUT_MS instead of failing at once (PostgreSQL)", async () => {
    const [row] = await prisma.$queryRaw<{ lock_timeout: string }[]>`SELECT current_setting('lock_timeout') AS lock_timeout`;
    expect(row!.lock_timeout).toBe("4321ms");
  });

  it.skipIf(onPostgres)("uses WAL and waits on locks instead of failing at once", async () => {
    const [journal] = await prisma.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    const [busy] = await prisma.$queryRawUnsafe<{ timeout: bigint | number }[]>("PRAGMA busy_timeout");
    expect(journal!.journal_mode).toBe("wal");
    expect(Number(busy!.timeout)).toBe(4321);
  });
});

describe("listCountries", () => {
  it("lists the format's members first, then the partners", async () => {
    const countries = await listCountries(prisma);
    const members = countries
      .filter((c) => c.member)
      .map((c) => c.code)
      .sort();
    expect(members).toEqual(["AZ", "KG", "KZ", "TJ", "TM", "UZ"]);
    expect(countries.slice(0, 6).every((c) => c.member)).toBe(true);
    expect(countries.map((c) => c.code)).toEqual(expect.arrayContaining(["CN", "US", "RU", "EU"]));
  });
});

describe("evidence on the initiative page", () => {
  it("shows each passage once: quotes inside a longer quote of the same source are folded into it", async () => {
    const initiative = await getInitiative(prisma, "intra-regional-trade-20bn");
    const stored = await prisma.quote.count({ where: { initiative: { slug: "intra-regional-trade-20bn" } } });
    expect(initiative!.evidence.length).toBeGreaterThan(0);
    expect(initiative!.evidence.length).toBeLessThan(stored);
    const texts = initiative!.evidence.map((quote) => quote.quote);
    for (const text of texts) {
      expect(texts.filter((other) => other !== text && other.includes(text))).toEqual([]);
    }
  });
});
