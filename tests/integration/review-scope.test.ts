import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalog } from "../../seed/catalog";
import { seedDatabase } from "../../seed/seed-database";
import type { SessionUser } from "../../lib/auth/sessions";
import { formDataToInput } from "../../lib/forms/form-data";
import { parseChanges } from "../../lib/history/field-changes";
import { editCountriesSchema, editDetailsSchema, markVerifiedSchema, updateMetricSchema } from "../../lib/initiatives/edit-schemas";
import { editDetails } from "../../lib/initiatives/edit-details";
import { listPendingChanges } from "../../lib/initiatives/list-pending-changes";
import { saveChange, type ProposedChange } from "../../lib/initiatives/propose-change";
import { reviewChange } from "../../lib/initiatives/review-change";
import { freshDatabase } from "../helpers/test-database";
import { makeUser } from "../helpers/users";

// Second-person review covers every public change an editor makes, not only status changes.
const db = await freshDatabase("review-scope");
const prisma = db.prisma;
let editor: SessionUser;
let reviewer: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  await seedDatabase(prisma, catalog);
  editor = await makeUser(prisma, "editor", { name: "Author" });
  reviewer = await makeUser(prisma, "editor", { name: "Reviewer" });
  admin = await makeUser(prisma, "admin");
});
afterAll(() => prisma.$disconnect());

const version = async (slug: string) => (await prisma.initiative.findUniqueOrThrow({ where: { slug }, select: { version: true } })).version;

/** Everything the public can see of the tracker's initiatives. */
async function publicState() {
  return {
    initiatives: await prisma.initiative.findMany({ orderBy: { id: "asc" }, include: { themes: true, participations: true } }),
    history: await prisma.historyEntry.count(),
    readings: await prisma.metricReading.findMany({ orderBy: { id: "asc" } }),
    metrics: await prisma.metric.findMany({ orderBy: { id: "asc" } }),
  };
}

async function detailsChange(slug: string): Promise<ProposedChange> {
  const initiative = await prisma.initiative.findUniqueOrThrow({ where: { slug }, include: { themes: true } });
  return {
    kind: "details",
    input: editDetailsSchema.parse({
      slug,
      version: String(initiative.version),
      titleRu: initiative.titleRu,
      titleEn: `${initiative.titleEn} (reviewed)`,
      summaryRu: initiative.summaryRu,
      summaryEn: initiative.summaryEn,
      themes: initiative.themes.map((t) => t.theme),
      note: "Clearer English title",
    }),
  };
}

async function countriesChange(slug: string): Promise<ProposedChange> {
  const form = new FormData();
  form.append("slug", slug);
  form.append("version", String(await version(slug)));
  form.append("note", "Signatory named in the communiqué");
  form.append("role.TJ", "participant");
  form.append("stage.TJ", "signed");
  return { kind: "countries", input: editCountriesSchema.parse(formDataToInput(form)) };
}

async function metricChange(slug: string): Promise<ProposedChange> {
  return {
    kind: "metric",
    input: updateMetricSchema.parse({
      slug,
      version: String(await version(slug)),
      metricSlug: "intra-regional-trade-volume",
      value: "12,5",
      observedOn: "2025-12-31",
      note: "Annual statistics",
      evidenceType: "link",
      evidenceUrl: "https://stat.example.org/trade-2025",
      evidenceTitle: "Trade statistics 2025 (test data)",
      evidenceDate: "2026-02-01",
    }),
  };
}

async function verificationChange(slug: string): Promise<ProposedChange> {
  return { kind: "verification", input: markVerifiedSchema.parse({ slug, version: String(await version(slug)), note: "Checked against both articles" }) };
}

const cases: [string, string, (slug: string) => Promise<ProposedChange>, string][] = [
  ["detail edits", "ai-declaration", detailsChange, "titleEn"],
  ["countries", "regional-security-concept", countriesChange, "country.TJ.role"],
  ["metric readings", "intra-regional-trade-20bn", metricChange, "metric.intra-regional-trade-volume.reading"],
  ["verifications", "single-tourism-space", verificationChange, "lastVerifiedOn"],
];

describe("with review on, an editor's change of every kind waits for a second person", () => {
  for (const [label, slug, make, field] of cases) {
    it(`${label}: nothing public changes until approval, then it applies as the author's entry with the reviewer`, async () => {
      const before = await publicState();
      const baseVersion = await version(slug);
      const result = await saveChange(prisma, editor, await make(slug), { reviewRequired: true });
      expect(result).toMatchObject({ outcome: "pending", tags: [] });
      expect(await publicState()).toEqual(before);
      const pending = (await listPendingChanges(prisma, { initiativeSlug: slug })).find((change) => change.authorId === editor.id);
      expect(pending?.kind).toBe((await make(slug)).kind);
      expect(pending?.changes.map((change) => change.field)).toContain(field);

      await expect(reviewChange(prisma, editor, { pendingId: pending!.id, decision: "approve", reviewNote: "mine" })).rejects.toMatchObject({
        code: "ownChange",
      });
      const approved = await reviewChange(prisma, reviewer, { pendingId: pending!.id, decision: "approve", reviewNote: "Checked" });
      expect(approved.outcome).toBe("approved");
      expect(approved.tags.length).toBeGreaterThan(0);
      const entry = await prisma.historyEntry.findFirstOrThrow({ where: { initiative: { slug } }, orderBy: { version: "desc" } });
      expect(entry).toMatchObject({ version: baseVersion + 1, authorId: editor.id, reviewerId: reviewer.id });
      expect(parseChanges(entry.changes).map((change) => change.field)).toContain(field);
      expect(await prisma.pendingChange.findUniqueOrThrow({ where: { id: pending!.id } })).toMatchObject({ state: "approved", historyEntryId: entry.id });
    });
  }

  it("the reading waits with its decimal comma read as 12.5, and a refusal reaches the editor at once, storing nothing", async () => {
    const readings = await prisma.metricReading.findMany({ where: { metric: { slug: "intra-regional-trade-volume" } } });
    expect(readings.map((reading) => reading.value)).toContain(12.5);
    const pendingBefore = await prisma.pendingChange.count();
    const stale = await detailsChange("water-use-framework-convention");
    const moved = await detailsChange("water-use-framework-convention");
    if (moved.kind === "details") await editDetails(prisma, admin, moved.input);
    await expect(saveChange(prisma, editor, stale, { reviewRequired: true })).rejects.toMatchObject({ name: "ConflictError" });
    const unchanged = await verificationChange("ai-declaration");
    const nothing = {
      kind: "details",
      input: {
        ...(await detailsChange("ai-declaration")).input,
        titleEn: (await prisma.initiative.findUniqueOrThrow({ where: { slug: "ai-declaration" } })).titleEn,
      },
    } as ProposedChange;
    await expect(saveChange(prisma, editor, nothing, { reviewRequired: true })).rejects.toMatchObject({ code: "nothingChanged" });
    expect(await prisma.pendingChange.count()).toBe(pendingBefore);
    expect((await saveChange(prisma, editor, unchanged, { reviewRequired: true })).outcome).toBe("pending");
  });

  it("approval after the initiative moved on applies nothing and says so; rejection changes nothing", async () => {
    const slug = "central-asian-expert-forum";
    const proposed = await saveChange(prisma, editor, await detailsChange(slug), { reviewRequired: true });
    const rejectedToo = await saveChange(prisma, editor, await verificationChange(slug), { reviewRequired: true });
    if (proposed.outcome !== "pending" || rejectedToo.outcome !== "pending") throw new Error("expected pending changes");
    await saveChange(prisma, admin, await verificationChange(slug), { reviewRequired: true }); // an admin's applies at once
    const before = await publicState();
    await expect(reviewChange(prisma, reviewer, { pendingId: proposed.pendingId, decision: "approve", reviewNote: "Late" })).rejects.toMatchObject({
      code: "initiativeChangedSince",
      field: undefined,
    });
    expect(await publicState()).toEqual(before);
    expect((await prisma.pendingChange.findUniqueOrThrow({ where: { id: proposed.pendingId } })).state).toBe("pending");
    expect((await reviewChange(prisma, reviewer, { pendingId: rejectedToo.pendingId, decision: "reject", reviewNote: "Not needed" })).outcome).toBe("rejected");
    expect(await publicState()).toEqual(before);
  });

  it("with review off, or for an admin, every kind applies at once", async () => {
    const off = await saveChange(prisma, editor, await verificationChange("ai-declaration"), { reviewRequired: false });
    expect(off.outcome).toBe("applied");
    const asAdmin = await saveChange(prisma, admin, await detailsChange("single-tourism-space"), { reviewRequired: true });
    expect(asAdmin.outcome).toBe("applied");
  });
});
