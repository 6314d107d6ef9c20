import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getInitiatives } from "../../app/api/v1/initiatives/route";
import { prisma } from "../../lib/db/prisma";
import { changeStatus } from "../../lib/initiatives/change-status";
import { changeStatusSchema } from "../../lib/initiatives/edit-schemas";
import { facetCounts, queryInitiatives, type InitiativeFilters } from "../../lib/initiatives/query-initiatives";
import { seedWorkerDatabase } from "../helpers/seeded";
import { makeUser } from "../helpers/users";

// The route reads through the data cache; outside Next the read is made directly, as in api.test.ts.
vi.mock("next/cache", () => ({ unstable_cache: (read: unknown) => read, updateTag: vi.fn(), revalidatePath: vi.fn() }));

/** The list's several-valued, negated and dated filters, on whichever engine the suite runs (SQLite or PostgreSQL). */

const slugs = async (filters: InitiativeFilters) => (await queryInitiatives(prisma, { ...filters, pageSize: 100 })).items.map((item) => item.slug).sort();

interface Row {
  slug: string;
  status: string;
  eventSlug: string;
  themes: string[];
  countries: string[];
}
let rows: Row[] = [];
const expected = (keep: (row: Row) => boolean) =>
  rows
    .filter(keep)
    .map((row) => row.slug)
    .sort();

beforeAll(async () => {
  await seedWorkerDatabase();
  // Test data: the seed's texts give no announcement dates, so two are set here.
  await prisma.initiative.update({ where: { slug: "ai-declaration" }, data: { announcedOn: new Date("2025-11-16T00:00:00Z") } });
  await prisma.initiative.update({ where: { slug: "single-tourism-space" }, data: { announcedOn: new Date("2025-03-01T00:00:00Z") } });
  // Two editors' changes, each taking effect on its own day.
  const editor = await makeUser(prisma, "editor");
  for (const [slug, effectiveOn] of [
    ["central-asian-expert-forum", "2026-05-01"],
    ["water-strategy-harmonisation", "2026-06-15"],
  ] as const) {
    const current = await prisma.initiative.findUniqueOrThrow({ where: { slug } });
    const input = changeStatusSchema.parse({
      slug,
      version: String(current.version),
      status: current.status === "proposed" ? "in_preparation" : "proposed",
      stage: current.stage ?? "",
      effectiveOn,
      note: "Test change",
      overrideNote: "test",
      evidenceType: "link",
      evidenceUrl: "https://example.org/evidence",
      evidenceTitle: "Evidence",
      evidenceDate: "2026-04-30",
    });
    await changeStatus(prisma, editor, input, { reviewRequired: false });
  }
  const all = await prisma.initiative.findMany({
    select: {
      slug: true,
      status: true,
      proposerCountryCode: true,
      event: { select: { slug: true } },
      themes: { select: { theme: true } },
      participations: { select: { countryCode: true } },
    },
  });
  rows = all.map((row) => ({
    slug: row.slug,
    status: row.status,
    eventSlug: row.event.slug,
    themes: row.themes.map((t) => t.theme),
    countries: [...(row.proposerCountryCode ? [row.proposerCountryCode] : []), ...row.participations.map((p) => p.countryCode)],
  }));
});

describe("several values of a filter", () => {
  it("selects initiatives involving any of several countries", async () => {
    const result = await slugs({ country: ["TJ", "CN"] });
    expect(result).toEqual(expected((row) => row.countries.includes("TJ") || row.countries.includes("CN")));
    expect(result.length).toBeGreaterThan((await slugs({ country: "TJ" })).length);
  });

  it("selects initiatives on any of several themes, and combines with other filters by AND", async () => {
    expect(await slugs({ theme: ["water_environment", "tourism"] })).toEqual(
      expected((row) => row.themes.includes("water_environment") || row.themes.includes("tourism")),
    );
    expect(await slugs({ theme: ["water_environment", "tourism"], country: ["KZ"] })).toEqual(
      expected((row) => (row.themes.includes("water_environment") || row.themes.includes("tourism")) && row.countries.includes("KZ")),
    );
  });

  it("leaves out statuses ('not yet agreed') and takes several statuses", async () => {
    const notAgreed = await slugs({ notStatus: ["agreed", "implemented"] });
    expect(notAgreed).toEqual(expected((row) => row.status !== "agreed" && row.status !== "implemented"));
    expect(notAgreed.length).toBeGreaterThan(0);
    expect(await slugs({ status: ["proposed", "agreed"] })).toEqual(expected((row) => row.status === "proposed" || row.status === "agreed"));
    expect(await slugs({ status: "agreed", notStatus: "agreed" })).toEqual([]);
  });

  it("filters by event", async () => {
    const result = await slugs({ event: ["tokayev-visit-china", "kz-us-talks-washington"] });
    expect(result).toEqual(expected((row) => row.eventSlug === "tokayev-visit-china" || row.eventSlug === "kz-us-talks-washington"));
    expect(result.length).toBeGreaterThan(0);
  });
});

describe("date ranges", () => {
  it("selects by announcement day, bounds included, and leaves out unknown dates", async () => {
    expect(await slugs({ announcedFrom: "2025-11-16" })).toEqual(["ai-declaration"]);
    expect(await slugs({ announcedTo: "2025-11-16" })).toEqual(["ai-declaration", "single-tourism-space"]);
    expect(await slugs({ announcedFrom: "2025-03-02", announcedTo: "2025-11-15" })).toEqual([]);
  });

  it("selects by the day an editor's change took effect, never the seed's imported entries", async () => {
    expect(await slugs({ changedFrom: "2026-05-01", changedTo: "2026-05-01" })).toEqual(["central-asian-expert-forum"]);
    expect(await slugs({ changedFrom: "2026-05-02" })).toEqual(["water-strategy-harmonisation"]);
    expect(await slugs({ changedTo: "2026-04-30" })).toEqual([]);
    expect(await slugs({ changedFrom: "1900-01-01" })).toEqual(["central-asian-expert-forum", "water-strategy-harmonisation"]);
  });
});

describe("facets with several values", () => {
  it("count every value with the other filters applied, including the event facet", async () => {
    const query: InitiativeFilters = { country: ["KZ", "UZ"], notStatus: ["dropped"] };
    const facets = await facetCounts(prisma, query);
    for (const { value, count } of facets.theme) expect(count, value).toBe((await slugs({ ...query, theme: value as never })).length);
    for (const { value, count } of facets.event) expect(count, value).toBe((await slugs({ ...query, event: value })).length);
    // The status facet ignores both status filters, so every status can be chosen instead.
    const statusTotal = facets.status.reduce((sum, entry) => sum + entry.count, 0);
    expect(statusTotal).toBe((await slugs({ country: ["KZ", "UZ"] })).length);
  });
});

describe("the API", () => {
  it("takes comma-separated values and refuses an unknown one with the JSON error", async () => {
    const ok = await getInitiatives(new Request("http://localhost/api/v1/initiatives?country=tj,cn&notStatus=agreed&pageSize=100"));
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { data: { slug: string }[]; links: { self: string } };
    expect(body.data.map((item) => item.slug).sort()).toEqual(
      expected((row) => (row.countries.includes("TJ") || row.countries.includes("CN")) && row.status !== "agreed"),
    );
    expect(body.links.self).toContain("country=TJ%2CCN");
    const bad = await getInitiatives(new Request("http://localhost/api/v1/initiatives?status=agreed,bogus"));
    expect(bad.status).toBe(400);
    const error = (await bad.json()) as { error: string; details: { parameter: string }[] };
    expect(error.details.map((detail) => detail.parameter)).toEqual(["status"]);
  });
});
