import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../lib/db/prisma";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { historyLimit, listHistory, type HistoryItem } from "../../lib/history/list-history";
import { markVerifiedSchema } from "../../lib/initiatives/edit-schemas";
import { markVerified } from "../../lib/initiatives/mark-verified";
import type { SessionUser } from "../../lib/auth/sessions";
import { seedWorkerDatabase } from "../helpers/seeded";
import { currentVersion, recordThreeEntries, tick } from "../helpers/three-entries";
import { makeUser } from "../helpers/users";

// When the three editor entries were recorded (read back; history rows cannot be updated).
const AT = { status: new Date(0), edit: new Date(0), verify: new Date(0) };

let editor: SessionUser;
const ids = { status: 0, edit: 0, verify: 0 };

const slugsOf = (items: HistoryItem[]) => [...new Set(items.map((item) => item.initiative.slug))].sort();

/** The slugs a country proposes or takes part in, computed without listHistory's query. */
async function countrySlugs(code: string) {
  const initiatives = await prisma.initiative.findMany({
    select: { slug: true, proposerCountryCode: true, participations: { select: { countryCode: true } } },
  });
  return initiatives
    .filter((i) => i.proposerCountryCode === code || i.participations.some((p) => p.countryCode === code))
    .map((i) => i.slug)
    .sort();
}

beforeAll(async () => {
  await seedWorkerDatabase();
  await tick();
  editor = await makeUser(prisma, "editor", { name: "Ханна Editor" });
  const made = await recordThreeEntries(prisma, editor, {
    statusNote: "Working group formed",
    evidenceUrl: "https://example.org/news/1",
    evidenceTitle: "Working group formed",
    titleEn: "Declaration on the responsible use of AI (corrected)",
    editNote: "Title fixed",
  });
  for (const kind of ["status", "edit", "verify"] as const) ({ id: ids[kind], recordedAt: AT[kind] } = made[kind]);
  await tick();

  // KZ stays the proposer of this one but no longer has a participation row: only the
  // proposer condition can find it.
  const water = await prisma.initiative.findUniqueOrThrow({ where: { slug: "water-strategy-harmonisation" } });
  expect(water.proposerCountryCode).toBe("KZ");
  await prisma.participation.delete({ where: { initiativeId_countryCode: { initiativeId: water.id, countryCode: "KZ" } } });
});

describe("listHistory", () => {
  it("returns every field of an entry, with the author's display name", async () => {
    const [entry] = await listHistory(prisma, { initiativeSlug: "single-tourism-space", limit: 1 });
    expect(entry).toEqual({
      id: ids.status,
      version: 2,
      kind: "status_change",
      recordedAt: AT.status,
      effectiveOn: new Date("2026-03-01T00:00:00Z"),
      fromStatus: "proposed",
      toStatus: "in_preparation",
      fromStage: "announced",
      toStage: "drafting",
      changes: [],
      note: "Working group formed",
      overrideNote: null,
      authorName: "Ханна Editor",
      reviewerName: null,
      correctsId: null,
      evidenceUrl: "https://example.org/news/1",
      evidenceTitle: "Working group formed",
      evidenceDate: new Date("2026-03-01T00:00:00Z"),
      quote: null,
      initiative: {
        slug: "single-tourism-space",
        titleRu: expect.any(String),
        titleEn: "Single tourism space of Central Asian countries",
        meetingRelation: "outcome",
      },
    });
  });

  it("filters by initiative, newest first", async () => {
    const entries = await listHistory(prisma, { initiativeSlug: "single-tourism-space" });
    expect(entries.map((e) => [e.version, e.kind, e.authorName])).toEqual([
      [2, "status_change", "Ханна Editor"],
      [1, "status_change", null],
    ]);
    // The imported entry carries its quote and the date its source gives (the articles date nothing else).
    expect(entries[1]!.quote).toEqual({
      id: expect.any(Number),
      sourceId: expect.any(Number),
      text: expect.any(String),
      source: { publishedOn: expect.anything(), dateFromMetadata: expect.any(Boolean) },
    });
    expect(entries[1]!.effectiveOn).toBeNull();
    expect(await listHistory(prisma, { initiativeSlug: "no-such-initiative" })).toEqual([]);
  });

  it("parses field changes", async () => {
    const [edit] = await listHistory(prisma, { initiativeSlug: "ai-declaration", limit: 1 });
    expect(edit).toMatchObject({ id: ids.edit, kind: "edit", note: "Title fixed" });
    expect(edit!.changes).toEqual([{ field: "titleEn", from: expect.any(String), to: "Declaration on the responsible use of AI (corrected)" }]);
    const [verify] = await listHistory(prisma, { initiativeSlug: "kyrgyzstan-unsc-candidacy-support", limit: 1 });
    expect(verify).toMatchObject({ id: ids.verify, kind: "verification", changes: [{ field: "lastVerifiedOn", from: null, to: expect.any(String) }] });
  });

  it("filters by country: what it proposes or takes part in", async () => {
    const entries = await listHistory(prisma, { countryCode: "KZ", limit: 10_000 });
    const expected = await countrySlugs("KZ");
    expect(expected).toContain("water-strategy-harmonisation");
    expect(slugsOf(entries)).toEqual(expected);
    // A proposal without a participation row, and one where KZ is only a supporter.
    expect(slugsOf(entries)).toEqual(expect.arrayContaining(["water-strategy-harmonisation", "tajikistan-accession-friendship-treaty"]));
    expect(slugsOf(entries)).not.toContain("kyrgyzstan-unsc-candidacy-support");
    expect(entries.map((e) => e.id)).toEqual(expect.arrayContaining([ids.status, ids.edit]));
    expect(entries.map((e) => e.id)).not.toContain(ids.verify);

    expect(slugsOf(await listHistory(prisma, { countryCode: "kz", limit: 10_000 }))).toEqual(expected);
    expect(slugsOf(await listHistory(prisma, { countryCode: "KG", limit: 10_000 }))).toEqual(await countrySlugs("KG"));
  });

  it("gives nothing for a country without initiatives", async () => {
    expect(await countrySlugs("TM")).toEqual([]);
    expect(await listHistory(prisma, { countryCode: "TM" })).toEqual([]);
    expect(await listHistory(prisma, { countryCode: "XX" })).toEqual([]);
  });

  it("filters by theme", async () => {
    const entries = await listHistory(prisma, { theme: "digital_ai", limit: 10_000 });
    const expected = (await prisma.initiative.findMany({ where: { themes: { some: { theme: "digital_ai" } } }, select: { slug: true } }))
      .map((i) => i.slug)
      .sort();
    expect(expected.length).toBeGreaterThan(1);
    expect(slugsOf(entries)).toEqual(expected);
    expect(entries.map((e) => e.id)).toContain(ids.edit);
    expect(entries.map((e) => e.id)).not.toContain(ids.status);
  });

  it("combines filters", async () => {
    const entries = await listHistory(prisma, { countryCode: "KZ", theme: "tourism" });
    expect(entries.map((e) => e.initiative.slug)).toEqual(["single-tourism-space", "single-tourism-space"]);
    expect(await listHistory(prisma, { countryCode: "KG", theme: "tourism" })).toEqual([]);
  });

  it("keeps only entries recorded strictly after `since`", async () => {
    const after = await listHistory(prisma, { since: AT.status });
    expect(after.map((e) => e.id)).toEqual([ids.verify, ids.edit]);
    const justBefore = await listHistory(prisma, { since: new Date(AT.status.getTime() - 1) });
    expect(justBefore.map((e) => e.id)).toEqual([ids.verify, ids.edit, ids.status]);
    expect(await listHistory(prisma, { since: AT.verify })).toEqual([]);
  });

  it("orders by recordedAt then id, newest first by default or oldest first", async () => {
    const total = await prisma.historyEntry.count();
    const desc = await listHistory(prisma, { limit: 10_000 });
    const asc = await listHistory(prisma, { limit: 10_000, order: "asc" });
    expect(desc).toHaveLength(total);
    expect(asc.map((e) => e.id)).toEqual(desc.map((e) => e.id).reverse());
    for (let i = 1; i < asc.length; i++) {
      const [a, b] = [asc[i - 1]!, asc[i]!];
      expect(a.recordedAt.getTime() < b.recordedAt.getTime() || (a.recordedAt.getTime() === b.recordedAt.getTime() && a.id < b.id)).toBe(true);
    }
    expect(desc.slice(0, 3).map((e) => e.id)).toEqual([ids.verify, ids.edit, ids.status]);
    // Seeded entries share timestamps closely; ties fall back to the id.
    expect(asc[0]!.authorName).toBeNull();
  });

  it("limits the number of entries", async () => {
    expect((await listHistory(prisma, { limit: 2 })).map((e) => e.id)).toEqual([ids.verify, ids.edit]);
    expect((await listHistory(prisma, { limit: 2, order: "asc" })).map((e) => e.id)).toEqual(
      (await listHistory(prisma, { limit: 10_000, order: "asc" })).slice(0, 2).map((e) => e.id),
    );
    expect(historyLimit(undefined)).toBe(50);
    expect(historyLimit(20_000)).toBe(10_000);
    expect(historyLimit(0)).toBe(1);
    expect(historyLimit(Number.NaN)).toBe(50);
  });

  it("never exposes an e-mail", async () => {
    const all = await listHistory(prisma, { limit: 10_000 });
    expect(all.some((e) => e.authorName === "Ханна Editor")).toBe(true);
    expect(JSON.stringify(all)).not.toContain("@");
    expect(JSON.stringify(all)).not.toContain(editor.email);
  });

  it("reads everything with one Prisma operation", async () => {
    let operations = 0;
    const counted = prisma.$extends({
      query: {
        $allOperations({ args, query }) {
          operations++;
          return query(args);
        },
      },
    }) as unknown as PrismaClient;
    const all = await listHistory(counted, { countryCode: "KZ", theme: "digital_ai", limit: 10_000 });
    expect(all.length).toBeGreaterThan(2);
    expect(operations).toBe(1);
  });

  it("returns 50 entries by default", async () => {
    const slug = "central-asian-expert-forum";
    for (let i = 0; i < 30; i++) {
      await markVerified(prisma, editor, markVerifiedSchema.parse({ slug, version: String(await currentVersion(prisma, slug)), note: `Check ${i}` }));
    }
    const total = await prisma.historyEntry.count();
    expect(total).toBeGreaterThan(50);
    const page = await listHistory(prisma);
    expect(page).toHaveLength(50);
    expect(page.map((e) => e.id)).toEqual((await listHistory(prisma, { limit: 10_000 })).slice(0, 50).map((e) => e.id));
    expect(await listHistory(prisma, { limit: 10_001 })).toHaveLength(total);
  });
});
