import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalog, type Catalog } from "../../seed/catalog";
import { SeedVerificationError, seedDatabase } from "../../seed/seed-database";
import { ARTICLES_DIR } from "../../seed/verify-quotes";
import { freshDatabase } from "../helpers/test-database";

const ARTICLES = {
  analysis: "000_02323e7b5ee229ed.txt",
  altynOrda: "003_58630abec16fb0d7.txt",
} as const;

function withCatalog(change: (copy: Catalog) => void): Catalog {
  const copy = structuredClone(catalog);
  change(copy);
  return copy;
}

async function tableCounts(prisma: Awaited<ReturnType<typeof freshDatabase>>["prisma"]) {
  return {
    sources: await prisma.source.count(),
    quotes: await prisma.quote.count(),
    initiatives: await prisma.initiative.count(),
    participations: await prisma.participation.count(),
    history: await prisma.historyEntry.count(),
    metrics: await prisma.metric.count(),
    readings: await prisma.metricReading.count(),
    countries: await prisma.country.count(),
    persons: await prisma.person.count(),
    events: await prisma.event.count(),
  };
}

const db = await freshDatabase("seed");

describe("seed from the articles", () => {
  beforeAll(async () => {
    await seedDatabase(db.prisma, catalog);
  });
  afterAll(() => db.prisma.$disconnect());

  it("stores both articles byte for byte with their sha-256", async () => {
    const sources = await db.prisma.source.findMany({ orderBy: { key: "asc" } });
    expect(sources.map((s) => s.key)).toEqual([ARTICLES.analysis, ARTICLES.altynOrda]);
    for (const source of sources) {
      expect(source.text).toBe(readFileSync(path.join(ARTICLES_DIR, source.key), "utf8"));
      expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("says unknown where the texts are silent: the first outlet, the second date", async () => {
    const analysis = await db.prisma.source.findUniqueOrThrow({ where: { key: ARTICLES.analysis } });
    const altynOrda = await db.prisma.source.findUniqueOrThrow({ where: { key: ARTICLES.altynOrda } });
    expect(analysis.outlet).toBeNull();
    expect(analysis.publishedOn?.toISOString().slice(0, 10)).toBe("2025-11-17");
    expect(altynOrda.outlet).toBe("Altyn-orda.kz");
    expect(altynOrda.publishedOn).toBeNull();
    expect(altynOrda.title).toBeNull();
  });

  it("seeds the five headline initiatives and every other one the articles report", async () => {
    const slugs = (await db.prisma.initiative.findMany({ select: { slug: true } })).map((i) => i.slug);
    expect(slugs).toEqual(
      expect.arrayContaining([
        "rare-earth-research-centre",
        "ai-declaration",
        "electronic-cargo-tracking",
        "water-use-framework-convention",
        "single-tourism-space",
        "regional-security-concept",
        "azerbaijan-full-participant",
        "intra-regional-trade-20bn",
        "china-europe-corridor-capacity",
        "kazakhstan-uzbekistan-joint-projects",
      ]),
    );
    expect(slugs.length).toBe(catalog.initiatives.length);
    expect(slugs.length).toBeGreaterThanOrEqual(20);
  });

  it("gives every initiative at least one quote and an initial history entry", async () => {
    const initiatives = await db.prisma.initiative.findMany({
      select: { slug: true, _count: { select: { quotes: true, history: true } } },
    });
    for (const initiative of initiatives) {
      expect(initiative._count.quotes, initiative.slug).toBeGreaterThan(0);
      expect(initiative._count.history, initiative.slug).toBe(1);
    }
  });

  it("stores every quote so that it reads exactly at its offsets", async () => {
    const quotes = await db.prisma.quote.findMany({ select: { start: true, end: true, text: true, source: { select: { text: true } } } });
    expect(quotes.length).toBeGreaterThan(50);
    for (const quote of quotes) expect(quote.source.text.slice(quote.start, quote.end)).toBe(quote.text);
  });

  it("joins an initiative reported in both articles into one with quotes from both", async () => {
    const initiative = await db.prisma.initiative.findUniqueOrThrow({
      where: { slug: "ai-declaration" },
      select: { quotes: { select: { source: { select: { key: true } } } } },
    });
    expect(new Set(initiative.quotes.map((q) => q.source.key))).toEqual(new Set([ARTICLES.analysis, ARTICLES.altynOrda]));
  });

  it("records the trade target exactly as written", async () => {
    const metric = await db.prisma.metric.findUniqueOrThrow({ where: { slug: "intra-regional-trade-volume" } });
    expect(metric).toMatchObject({ baselineValue: 11.5, baselineText: "11,5 млрд долларов", targetValue: 20, targetText: "20 млрд долларов" });
    expect(metric.targetDate).toBeNull();
  });

  it("records what each entry is to the meeting, who says each quote, and who attended", async () => {
    const relations = Object.fromEntries(
      (await db.prisma.initiative.findMany({ select: { slug: true, meetingRelation: true } })).map((i) => [i.slug, i.meetingRelation]),
    );
    expect(relations).toMatchObject({
      "ai-declaration": "outcome",
      "tajikistan-kyrgyzstan-border-treaty": "welcomed",
      "china-europe-corridor-capacity": "bilateral_visit",
      "semey-chip-electronics-production": "background",
    });
    const concept = await db.prisma.initiative.findUniqueOrThrow({ where: { slug: "regional-security-concept" }, select: { signatoriesUnnamed: true } });
    expect(concept.signatoriesUnnamed).toBe(true);

    const water = await db.prisma.initiative.findUniqueOrThrow({
      where: { slug: "water-use-framework-convention" },
      select: { proposerQuote: { select: { speakerKind: true, attribution: true, speakerPerson: { select: { slug: true } } } } },
    });
    expect(water.proposerQuote).toEqual({ speakerKind: "official", attribution: "подчеркнул Глава нашего государства", speakerPerson: { slug: "tokayev" } });
    const narrated = await db.prisma.quote.findFirstOrThrow({ where: { text: "Азербайджан официально присоединился к консультативным встречам" } });
    expect(narrated).toMatchObject({ speakerKind: "narrator", speakerPersonId: null, attribution: null });

    const tashkent = await db.prisma.event.findUniqueOrThrow({
      where: { slug: "tashkent-2025" },
      select: { attendances: { select: { countryCode: true, quote: { select: { text: true } } } } },
    });
    expect(tashkent.attendances.map((a) => a.countryCode).sort()).toEqual(["AZ", "KG", "KZ", "TJ", "TM", "UZ"]);
    expect(tashkent.attendances.find((a) => a.countryCode === "TM")!.quote.text).toContain("Туркменистана");

    const analysis = await db.prisma.source.findUniqueOrThrow({ where: { key: ARTICLES.analysis } });
    expect(analysis.dateFromMetadata).toBe(true);
  });

  it("invents no links", async () => {
    const texts = await db.prisma.initiative.findMany({ select: { summaryRu: true, summaryEn: true, titleEn: true } });
    for (const text of texts) expect(JSON.stringify(text)).not.toMatch(/https?:\/\/|www\./);
  });

  it("is idempotent: a second run creates nothing and changes nothing", async () => {
    const before = await tableCounts(db.prisma);
    const snapshot = await db.prisma.initiative.findMany({ orderBy: { id: "asc" } });
    const summary = await seedDatabase(db.prisma, catalog);
    expect(summary.created).toBe(0);
    expect(await tableCounts(db.prisma)).toEqual(before);
    expect(await db.prisma.initiative.findMany({ orderBy: { id: "asc" } })).toEqual(snapshot);
  });
});

describe("the seed's provenance check", () => {
  it("refuses a quote whose offsets do not match, naming it, and writes nothing", async () => {
    const db = await freshDatabase("seed-broken");
    const broken = withCatalog((copy) => {
      const quote = copy.initiatives.find((i) => i.slug === "ai-declaration")!.statusQuote;
      quote.start += 1;
      quote.end += 1;
    });
    const attempt = seedDatabase(db.prisma, broken);
    await expect(attempt).rejects.toBeInstanceOf(SeedVerificationError);
    await expect(attempt).rejects.toThrow(/initiative ai-declaration status: 000_02323e7b5ee229ed\.txt\[\d+, \d+\) reads «/);
    expect(await db.prisma.initiative.count()).toBe(0);
    expect(await db.prisma.source.count()).toBe(0);
    await db.prisma.$disconnect();
  });

  it("refuses a quote whose text was altered", async () => {
    const db = await freshDatabase("seed-altered");
    const altered = withCatalog((copy) => {
      copy.countries[0]!.quotes[0]!.text = copy.countries[0]!.quotes[0]!.text.replace(/.$/, "X");
    });
    await expect(seedDatabase(db.prisma, altered)).rejects.toThrow(/country \w+ quote #1/);
    expect(await db.prisma.country.count()).toBe(0);
    await db.prisma.$disconnect();
  });

  it("refuses a quote shorter than the editors' minimum (3 words or 20 characters)", async () => {
    const db = await freshDatabase("seed-short");
    const short = withCatalog((copy) => {
      const quote = copy.initiatives.find((i) => i.slug === "ai-declaration")!.statusQuote;
      quote.end = quote.start + 2;
      quote.text = quote.text.slice(0, 2);
    });
    await expect(seedDatabase(db.prisma, short)).rejects.toThrow(/initiative ai-declaration status: «.{2}» is shorter than 3 words or 20 characters/);
    expect(await db.prisma.initiative.count()).toBe(0);
    await db.prisma.$disconnect();
  });

  it("refuses a figure that its quote does not state", async () => {
    const db = await freshDatabase("seed-figure");
    const altered = withCatalog((copy) => {
      copy.initiatives.find((i) => i.slug === "intra-regional-trade-20bn")!.metrics[0]!.target!.text = "25 млрд долларов";
    });
    await expect(seedDatabase(db.prisma, altered)).rejects.toThrow(/figure «25 млрд долларов» does not appear/);
    await db.prisma.$disconnect();
  });

  it("refuses a reference to a country the catalogue does not have", async () => {
    const db = await freshDatabase("seed-reference");
    const altered = withCatalog((copy) => {
      copy.initiatives[0]!.participants.push({ ...copy.initiatives[0]!.participants[0]!, country: "XX" });
    });
    await expect(seedDatabase(db.prisma, altered)).rejects.toThrow(/unknown country XX/);
    await db.prisma.$disconnect();
  });

  it("refuses a proposer quote that names none of the proposer's recorded forms", async () => {
    const db = await freshDatabase("seed-proposer-name");
    const altered = withCatalog((copy) => {
      // «Он также предложил…» is verbatim, but names nobody: it cannot prove who proposed.
      const spanWithoutName = copy.initiatives.find((i) => i.slug === "ai-declaration")!.quotes.find((q) => q.text.startsWith("Он также предложил"))!;
      copy.initiatives.find((i) => i.slug === "ai-declaration")!.proposer!.quote = spanWithoutName;
    });
    await expect(seedDatabase(db.prisma, altered)).rejects.toThrow(
      /initiative ai-declaration: proposer quote «Он также предложил[^»]*» names none of tokayev, KZ's recorded forms/,
    );
    expect(await db.prisma.initiative.count()).toBe(0);
    await db.prisma.$disconnect();
  });

  it("refuses a recorded name form that neither article contains", async () => {
    const db = await freshDatabase("seed-name-form");
    const altered = withCatalog((copy) => {
      copy.nameForms.persons.tokayev!.push("Елбасы");
    });
    await expect(seedDatabase(db.prisma, altered)).rejects.toThrow(/name forms of tokayev: «Елбасы» is in neither article/);
    await db.prisma.$disconnect();
  });

  it("refuses an expert quote without a person, an attribution not written near its quote, and a span two initiatives share", async () => {
    const db = await freshDatabase("seed-speakers");
    const altered = withCatalog((copy) => {
      const ai = copy.initiatives.find((i) => i.slug === "ai-declaration")!;
      ai.quotes[0]!.speaker = { kind: "expert", person: null, attribution: "эксперт" };
      const trade = copy.initiatives.find((i) => i.slug === "intra-regional-trade-20bn")!;
      trade.statusQuote.speaker = { kind: "official", person: "tokayev", attribution: "подчеркнул Рустем Мустафин" };
      copy.initiatives.find((i) => i.slug === "electronic-cargo-tracking")!.quotes.push(ai.statusQuote);
    });
    const attempt = seedDatabase(db.prisma, altered);
    await expect(attempt).rejects.toThrow(/expert speaker needs a known person/);
    await expect(attempt).rejects.toThrow(/attribution «подчеркнул Рустем Мустафин» is not written within/);
    await expect(attempt).rejects.toThrow(/initiative electronic-cargo-tracking: quote 000_02323e7b5ee229ed\.txt\[\d+, \d+\) already serves ai-declaration/);
    await db.prisma.$disconnect();
  });
});
