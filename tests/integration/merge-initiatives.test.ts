import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/sessions";
import { getDashboard } from "../../lib/dashboard/get-dashboard";
import { handleFeedRequest } from "../../lib/feeds/feed-request";
import { getInitiative } from "../../lib/initiatives/get-initiative";
import { EditError } from "../../lib/initiatives/edit-errors";
import { markVerified } from "../../lib/initiatives/mark-verified";
import { markVerifiedSchema } from "../../lib/initiatives/edit-schemas";
import { MergeError, mergeInitiatives } from "../../lib/initiatives/merge-initiatives";
import { mergedTarget } from "../../lib/initiatives/merged-target";
import { mergeInitiativesSchema } from "../../lib/initiatives/merge-schema";
import { facetCounts, initiativeIdPages, queryInitiatives } from "../../lib/initiatives/query-initiatives";
import { listApiCountries } from "../../lib/api/queries";
import { searchAll } from "../../lib/search/search-all";
import { rebuildSearchIndex } from "../../lib/search/search-index";
import { freshDatabase } from "../helpers/test-database";
import { makeUser } from "../helpers/users";

const { prisma } = await freshDatabase("merge", { seeded: true });
let admin: SessionUser;
afterAll(() => prisma.$disconnect());

const SIDE = {
  slug: true,
  id: true,
  version: true,
  titleEn: true,
  proposerCountryCode: true,
  themes: { select: { theme: true } },
  participations: { select: { countryCode: true } },
  _count: { select: { quotes: true, metrics: true, history: true } },
} as const;

const side = (slug: string) => prisma.initiative.findUniqueOrThrow({ where: { slug }, select: SIDE });
const form = async (duplicate: string, keep: string, note = "Одна и та же инициатива, записанная дважды (тест)") =>
  mergeInitiativesSchema.parse({
    duplicateSlug: duplicate,
    duplicateVersion: (await side(duplicate)).version,
    keepSlug: keep,
    keepVersion: (await side(keep)).version,
    note,
  });

/** Two seeded initiatives, each with quotes and countries; the kept one has figures, the duplicate countries the other lacks. */
async function pickPair() {
  const rows = await prisma.initiative.findMany({ where: { mergedIntoId: null }, select: SIDE, orderBy: { id: "asc" } });
  const keep = rows.find((row) => row._count.metrics > 0 && row._count.quotes > 0)!;
  const own = new Set(keep.participations.map((p) => p.countryCode));
  const duplicate = rows.find((row) => row.id !== keep.id && row._count.quotes > 0 && row.participations.some((p) => !own.has(p.countryCode)))!;
  return { keep, duplicate };
}

let keep: Awaited<ReturnType<typeof side>>;
let duplicate: Awaited<ReturnType<typeof side>>;
let result: Awaited<ReturnType<typeof mergeInitiatives>>;
const before = { total: 0, quotes: 0, dashboard: 0, follower: 0, suggestion: 0 };

beforeAll(async () => {
  admin = await makeUser(prisma, "admin", { name: "Merge Admin" });
  ({ keep, duplicate } = await pickPair());
  before.total = (await queryInitiatives(prisma, {})).total;
  before.quotes = await prisma.quote.count();
  before.dashboard = (await getDashboard(prisma)).total;
  before.follower = (
    await prisma.alertSubscription.create({
      data: {
        email: "follower@example.test",
        target: "initiative",
        targetKey: duplicate.slug,
        frequency: "daily",
        locale: "en",
        token: "merge-test-token",
        confirmedAt: new Date(),
      },
    })
  ).id;
  before.suggestion = (
    await prisma.suggestion.create({
      data: { subject: "initiative", subjectKey: duplicate.slug, text: "A test suggestion about the duplicate.", locale: "en" },
    })
  ).id;
  result = await mergeInitiatives(prisma, admin, await form(duplicate.slug, keep.slug));
});

describe("merging a duplicate into the initiative kept", () => {
  it("moves quotes, figures, countries and themes to the kept one without losing any", async () => {
    const kept = await side(keep.slug);
    expect(kept._count.quotes).toBe(keep._count.quotes + duplicate._count.quotes);
    expect(kept._count.metrics).toBe(keep._count.metrics + duplicate._count.metrics);
    expect(await prisma.quote.count()).toBe(before.quotes);
    const countries = new Set(kept.participations.map((p) => p.countryCode));
    for (const { countryCode } of [...keep.participations, ...duplicate.participations]) expect(countries.has(countryCode)).toBe(true);
    const themes = new Set(kept.themes.map((t) => t.theme));
    for (const { theme } of [...keep.themes, ...duplicate.themes]) expect(themes.has(theme)).toBe(true);
  });

  it("keeps both histories: the duplicate stays as a row marked merged-into, each history gets the merge entry", async () => {
    const row = await prisma.initiative.findUniqueOrThrow({
      where: { slug: duplicate.slug },
      select: { mergedIntoId: true, version: true, _count: { select: { history: true } } },
    });
    expect(row.mergedIntoId).toBe(keep.id);
    expect(row._count.history).toBe(duplicate._count.history + 1);
    const closing = await prisma.historyEntry.findFirstOrThrow({ where: { initiative: { slug: duplicate.slug } }, orderBy: { version: "desc" } });
    expect(JSON.parse(closing.changes)).toEqual([{ field: "mergedInto", from: null, to: keep.slug }]);
    expect(closing.authorId).toBe(admin.id);

    const page = (await getInitiative(prisma, keep.slug))!;
    expect(page.version).toBe(keep.version + 1);
    expect(page.history[0]!.changes[0]).toEqual({ field: "mergedFrom", from: null, to: duplicate.slug });
    expect(page.history[0]!.note).toContain("записанная дважды");
    expect(page.mergedFrom).toHaveLength(1);
    expect(page.mergedFrom[0]!.slug).toBe(duplicate.slug);
    expect(page.mergedFrom[0]!.history).toHaveLength(duplicate._count.history + 1);
    // The duplicate's own entries (read apart from the page's row), newest first, shaped like the page's.
    const versions = page.mergedFrom[0]!.history.map((entry) => entry.version);
    expect(versions).toEqual([...versions].sort((a, b) => b - a));
    expect(new Set(versions).size).toBe(versions.length);
    expect(page.mergedFrom[0]!.history[0]).not.toHaveProperty("initiativeId");
    expect(Object.keys(page.mergedFrom[0]!.history[0]!).sort()).toEqual(Object.keys(page.history[0]!).sort());
  });

  it("leaves the duplicate out of the list, facets, exports, dashboard, search and API counts; its slug leads to the kept one", async () => {
    const list = await queryInitiatives(prisma, { pageSize: 100 });
    expect(list.total).toBe(before.total - 1);
    expect(list.items.map((item) => item.slug)).not.toContain(duplicate.slug);
    const facets = await facetCounts(prisma, {});
    expect(facets.status.reduce((sum, value) => sum + value.count, 0)).toBe(before.total - 1);
    const exported: number[] = [];
    for await (const page of initiativeIdPages(prisma, {}, "en", 50)) exported.push(...page);
    expect(exported).toHaveLength(before.total - 1);
    expect(exported).not.toContain(duplicate.id);
    expect((await getDashboard(prisma)).total).toBeLessThanOrEqual(before.dashboard);
    const hits = await searchAll(prisma, duplicate.titleEn);
    expect(hits.hits.map((hit) => hit.initiative?.slug)).not.toContain(duplicate.slug);
    // The index rebuilt from the tables agrees.
    await rebuildSearchIndex(prisma);
    expect((await searchAll(prisma, duplicate.titleEn)).hits.map((hit) => hit.initiative?.slug)).not.toContain(duplicate.slug);
    const countries = await listApiCountries(prisma);
    const totals = Object.fromEntries(countries.map((c) => [c.code, c.initiatives.total]));
    const kept = await side(keep.slug);
    for (const { countryCode } of kept.participations) expect(totals[countryCode]).toBeGreaterThan(0);

    expect(await getInitiative(prisma, duplicate.slug)).toBeNull();
    expect(await mergedTarget(prisma, duplicate.slug)).toBe(keep.slug);
    expect(await mergedTarget(prisma, keep.slug)).toBeNull();
    const feed = await handleFeedRequest(prisma, new Request(`http://localhost/feeds/initiatives/${duplicate.slug}.atom?lang=en`), [
      "initiatives",
      `${duplicate.slug}.atom`,
    ]);
    expect(feed.status).toBe(308);
    expect(feed.headers.get("location")).toBe(`/feeds/initiatives/${keep.slug}.atom?lang=en`);
  });

  it("moves followers and suggestions to the kept one", async () => {
    expect((await prisma.alertSubscription.findUniqueOrThrow({ where: { id: before.follower } })).targetKey).toBe(keep.slug);
    expect((await prisma.suggestion.findUniqueOrThrow({ where: { id: before.suggestion } })).subjectKey).toBe(keep.slug);
  });

  it("states the exact cache tags it expired", async () => {
    expect(result.tags).toEqual(
      expect.arrayContaining([`initiative:${duplicate.slug}`, `initiative:${keep.slug}`, "list:initiatives", "list:history", "list:sources", "list:metrics"]),
    );
    for (const { countryCode } of duplicate.participations) expect(result.tags).toContain(`country:${countryCode}`);
    for (const { theme } of duplicate.themes) expect(result.tags).toContain(`theme:${theme}`);
    const sources = await prisma.quote.findMany({ where: { initiativeId: keep.id }, distinct: ["sourceId"], select: { sourceId: true } });
    for (const { sourceId } of sources) expect(result.tags).toContain(`source:${sourceId}`);
    expect(result.tags).toEqual([...result.tags].sort());
  });

  it("refuses to merge or edit the merged duplicate again", async () => {
    const again = await form(duplicate.slug, keep.slug);
    await expect(mergeInitiatives(prisma, admin, again)).rejects.toMatchObject({ code: "alreadyMerged", field: "duplicateSlug" });
    const stale = markVerifiedSchema.parse({ slug: duplicate.slug, version: String((await side(duplicate.slug)).version), note: "" });
    await expect(markVerified(prisma, admin, stale)).rejects.toBeInstanceOf(EditError);
  });
});

describe("merge refusals write nothing", () => {
  it("refuses a version that is no longer current (compare-and-set on both sides)", async () => {
    const [a, b] = await prisma.initiative.findMany({ where: { mergedIntoId: null }, select: { slug: true, version: true }, orderBy: { id: "desc" }, take: 2 });
    const input = await form(a!.slug, b!.slug);
    for (const stale of [
      { ...input, keepVersion: input.keepVersion - 1 },
      { ...input, duplicateVersion: input.duplicateVersion + 5 },
    ]) {
      const error = await mergeInitiatives(prisma, admin, stale).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MergeError);
      expect(error).toMatchObject({ code: "mergeConflict" });
    }
    expect((await side(a!.slug)).version).toBe(a!.version);
    expect((await side(b!.slug)).version).toBe(b!.version);
    expect((await prisma.initiative.findUniqueOrThrow({ where: { slug: a!.slug } })).mergedIntoId).toBeNull();
  });

  it("refuses a duplicate with changes waiting for review", async () => {
    const [a, b] = await prisma.initiative.findMany({
      where: { mergedIntoId: null },
      select: { id: true, slug: true, version: true, status: true },
      orderBy: { id: "desc" },
      take: 2,
    });
    const editor = await makeUser(prisma, "editor");
    await prisma.pendingChange.create({
      data: { initiativeId: a!.id, baseVersion: a!.version, fromStatus: a!.status, toStatus: a!.status, note: "waiting", authorId: editor.id },
    });
    await expect(mergeInitiatives(prisma, admin, await form(a!.slug, b!.slug))).rejects.toMatchObject({ code: "mergePending" });
    expect((await side(a!.slug)).version).toBe(a!.version);
  });

  it("refuses the same initiative twice and an unknown slug", async () => {
    expect(
      mergeInitiativesSchema.safeParse({ duplicateSlug: keep.slug, duplicateVersion: "1", keepSlug: keep.slug, keepVersion: "1", note: "x" }).success,
    ).toBe(false);
    await expect(
      mergeInitiatives(prisma, admin, {
        duplicateSlug: "no-such-initiative",
        duplicateVersion: 1,
        keepSlug: keep.slug,
        keepVersion: (await side(keep.slug)).version,
        note: "x",
      }),
    ).rejects.toMatchObject({ code: "notFound", field: "duplicateSlug" });
    expect((await side(keep.slug)).version).toBe(keep.version + 1);
  });
});
