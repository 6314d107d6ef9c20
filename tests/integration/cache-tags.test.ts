import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/sessions";
import { TAG } from "../../lib/cache/tags";
import { changeStatus } from "../../lib/initiatives/change-status";
import { editCountries } from "../../lib/initiatives/edit-countries";
import { editDetails } from "../../lib/initiatives/edit-details";
import { changeStatusSchema, editCountriesSchema, editDetailsSchema } from "../../lib/initiatives/edit-schemas";
import { catalog } from "../../seed/catalog";
import { seedDatabase } from "../../seed/seed-database";
import { freshDatabase } from "../helpers/test-database";
import { makeUser } from "../helpers/users";

// Writes expire only what they change (docs/decisions/016-public-caching.md): the tags a write
// function returns are exactly the entries runMutation expires.
const db = await freshDatabase("cache-tags");
const prisma = db.prisma;
let editor: SessionUser;

beforeAll(async () => {
  await seedDatabase(prisma, catalog);
  editor = await makeUser(prisma, "editor", { name: "Tag Editor" });
});
afterAll(() => prisma.$disconnect());

async function load(slug: string) {
  return prisma.initiative.findUniqueOrThrow({
    where: { slug },
    select: {
      id: true,
      version: true,
      status: true,
      proposerCountryCode: true,
      titleRu: true,
      titleEn: true,
      summaryRu: true,
      summaryEn: true,
      participations: { select: { countryCode: true, role: true, stage: true } },
      themes: { select: { theme: true } },
    },
  });
}

/** An initiative with countries, themes and quotes, and another one sharing none of its countries. */
async function pickPair() {
  const all = await prisma.initiative.findMany({
    select: { slug: true, proposerCountryCode: true, participations: { select: { countryCode: true } }, _count: { select: { quotes: true } } },
    orderBy: { id: "asc" },
  });
  const countriesOf = (i: (typeof all)[number]) =>
    new Set([...i.participations.map((p) => p.countryCode), ...(i.proposerCountryCode ? [i.proposerCountryCode] : [])]);
  const a = all.find((i) => countriesOf(i).size >= 2 && i._count.quotes > 0)!;
  const b = all.find((i) => i.slug !== a.slug && [...countriesOf(i)].every((code) => !countriesOf(a).has(code)))!;
  return { a: a.slug, b: b.slug, countriesOfA: [...countriesOf(a)] };
}

describe("cache tags of writes", () => {
  it("a status change expires its initiative, its countries, its themes and the lists — not another initiative, source or country", async () => {
    const { a, b, countriesOfA } = await pickPair();
    const before = await load(a);
    const result = await changeStatus(
      prisma,
      editor,
      changeStatusSchema.parse({
        slug: a,
        version: String(before.version),
        status: before.status === "stalled" ? "in_progress" : "stalled",
        stage: "",
        effectiveOn: "2026-03-01",
        note: "Test: status change for the cache-tag test",
        overrideNote: "Test override",
        evidenceType: "link",
        evidenceUrl: "https://example.org/test-evidence",
        evidenceTitle: "Test evidence",
        evidenceDate: "2026-03-01",
      }),
      { reviewRequired: false },
    );
    expect(result.outcome).toBe("applied");
    const tags = new Set(result.tags);
    expect(tags.has(TAG.initiative(a))).toBe(true);
    expect(tags.has(TAG.initiatives)).toBe(true);
    expect(tags.has(TAG.history)).toBe(true);
    for (const code of countriesOfA) expect(tags.has(TAG.country(code))).toBe(true);
    for (const { theme } of before.themes) expect(tags.has(TAG.theme(theme))).toBe(true);

    const b0 = await load(b);
    const countriesOfB = [...b0.participations.map((p) => p.countryCode), ...(b0.proposerCountryCode ? [b0.proposerCountryCode] : [])];
    expect(tags.has(TAG.initiative(b))).toBe(false);
    for (const code of countriesOfB) expect(tags.has(TAG.country(code))).toBe(false);
    expect([...tags].filter((tag) => tag.startsWith("source:") || tag.startsWith("initiative:"))).toEqual([TAG.initiative(a)]);
    expect(tags.has(TAG.all)).toBe(false);
    expect(tags.has(TAG.sources)).toBe(false);
    expect(tags.has(TAG.countries)).toBe(false);
  });

  it("a change waiting for review expires nothing", async () => {
    const { b } = await pickPair();
    const before = await load(b);
    const result = await changeStatus(
      prisma,
      editor,
      changeStatusSchema.parse({
        slug: b,
        version: String(before.version),
        status: before.status === "stalled" ? "in_progress" : "stalled",
        stage: "",
        effectiveOn: "2026-03-01",
        note: "Test: waits for review",
        overrideNote: "Test override",
        evidenceType: "link",
        evidenceUrl: "https://example.org/test-evidence",
        evidenceTitle: "Test evidence",
        evidenceDate: "2026-03-01",
      }),
      { reviewRequired: true },
    );
    expect(result).toMatchObject({ outcome: "pending", tags: [] });
  });

  it("a title and theme correction also expires the themes it left and the sources quoting it", async () => {
    const { a } = await pickPair();
    const before = await load(a);
    const oldThemes = before.themes.map((t) => t.theme);
    const newTheme = (["digital_ai", "water_environment", "transport_logistics"] as const).find((t) => !oldThemes.includes(t))!;
    const result = await editDetails(
      prisma,
      editor,
      editDetailsSchema.parse({
        slug: a,
        version: String(before.version),
        titleRu: before.titleRu,
        titleEn: `${before.titleEn} (test)`,
        summaryRu: before.summaryRu,
        summaryEn: before.summaryEn,
        themes: [newTheme],
        targetDate: "",
        note: "Test: retitled and moved to another theme",
      }),
    );
    const sources = await prisma.quote.findMany({ where: { initiativeId: before.id }, distinct: ["sourceId"], select: { sourceId: true } });
    expect(sources.length).toBeGreaterThan(0);
    for (const theme of [...oldThemes, newTheme]) expect(result.tags).toContain(TAG.theme(theme));
    for (const { sourceId } of sources) expect(result.tags).toContain(TAG.source(sourceId));
    expect(result.tags).toContain(TAG.sources);
  });

  it("removing a country expires that country's page and feed too", async () => {
    const { a } = await pickPair();
    const before = await load(a);
    const removed = before.participations.find((p) => p.countryCode !== before.proposerCountryCode)!;
    const result = await editCountries(
      prisma,
      editor,
      editCountriesSchema.parse({
        slug: a,
        version: String(before.version),
        countries: [{ code: removed.countryCode, role: "", stage: "" }],
        note: "Test: country removed",
      }),
    );
    expect((await load(a)).participations.map((p) => p.countryCode)).not.toContain(removed.countryCode);
    expect(result.tags).toContain(TAG.country(removed.countryCode));
  });
});
