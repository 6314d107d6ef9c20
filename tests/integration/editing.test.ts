import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/sessions";
import { changeStatus } from "../../lib/initiatives/change-status";
import { editCountries } from "../../lib/initiatives/edit-countries";
import { editDetails } from "../../lib/initiatives/edit-details";
import { changeStatusSchema, editCountriesSchema, editDetailsSchema, markVerifiedSchema, updateMetricSchema } from "../../lib/initiatives/edit-schemas";
import { formDataToInput } from "../../lib/forms/form-data";
import { listPendingChanges } from "../../lib/initiatives/list-pending-changes";
import { listStale } from "../../lib/initiatives/list-stale";
import { queryInitiatives } from "../../lib/initiatives/query-initiatives";
import { markVerified } from "../../lib/initiatives/mark-verified";
import { ConflictError } from "../../lib/initiatives/edit-errors";
import { entriesSince } from "../../lib/history/entries-since";
import { parseChanges } from "../../lib/history/field-changes";
import { reviewChange } from "../../lib/initiatives/review-change";
import { updateMetric } from "../../lib/initiatives/update-metric";
import { freshDatabase } from "../helpers/test-database";
import { makeUser } from "../helpers/users";

const db = await freshDatabase("editing", { seeded: true });
const prisma = db.prisma;
let editor: SessionUser;
let otherEditor: SessionUser;
let admin: SessionUser;
let sourceId: number;

beforeAll(async () => {
  editor = await makeUser(prisma, "editor", { name: "Editor One" });
  otherEditor = await makeUser(prisma, "editor", { name: "Editor Two" });
  admin = await makeUser(prisma, "admin", { name: "Admin" });
  sourceId = (await prisma.source.findFirstOrThrow({ where: { key: "000_02323e7b5ee229ed.txt" } })).id;
});
afterAll(() => prisma.$disconnect());

async function version(slug: string) {
  return (await prisma.initiative.findUniqueOrThrow({ where: { slug }, select: { version: true } })).version;
}

async function snapshot() {
  return {
    initiatives: await prisma.initiative.findMany({ orderBy: { id: "asc" } }),
    history: await prisma.historyEntry.count(),
    pending: await prisma.pendingChange.count(),
    quotes: await prisma.quote.count(),
    readings: await prisma.metricReading.count(),
    participations: await prisma.participation.findMany({ orderBy: [{ initiativeId: "asc" }, { countryCode: "asc" }] }),
  };
}

function statusFields(slug: string, v: number) {
  return {
    slug,
    version: String(v),
    status: "in_preparation",
    stage: "drafting",
    effectiveOn: "2026-03-01",
    note: "Working group formed",
    evidenceType: "link",
    evidenceUrl: "https://example.org/news/1",
    evidenceTitle: "Working group formed",
    evidenceDate: "2026-03-01",
  };
}

function statusInput(slug: string, v: number, fields: Record<string, string> = {}) {
  return changeStatusSchema.parse({ ...statusFields(slug, v), ...fields });
}

describe("changing a status", () => {
  it("applies it with an attributed, dated, explained, evidenced entry and a new version", async () => {
    const slug = "single-tourism-space";
    const before = await version(slug);
    const result = await changeStatus(prisma, editor, statusInput(slug, before), { reviewRequired: false });
    expect(result).toMatchObject({ outcome: "applied", version: before + 1 });
    const initiative = await prisma.initiative.findUniqueOrThrow({ where: { slug } });
    expect(initiative).toMatchObject({ status: "in_preparation", stage: "drafting", version: before + 1 });
    const entry = await prisma.historyEntry.findFirstOrThrow({ where: { initiativeId: initiative.id, version: before + 1 } });
    expect(entry).toMatchObject({
      kind: "status_change",
      fromStatus: "proposed",
      toStatus: "in_preparation",
      fromStage: "announced",
      toStage: "drafting",
      note: "Working group formed",
      authorId: editor.id,
      evidenceUrl: "https://example.org/news/1",
    });
    expect(entry.effectiveOn?.toISOString().slice(0, 10)).toBe("2026-03-01");
  });

  it("locates a quoted piece of evidence in its source and stores its offsets", async () => {
    const slug = "water-use-framework-convention";
    const quoteText = "гармонизировать наши водные стратегии";
    await changeStatus(prisma, editor, statusInput(slug, await version(slug), { evidenceType: "quote", quoteSourceId: String(sourceId), quoteText }), {
      reviewRequired: false,
    });
    const entry = await prisma.historyEntry.findFirstOrThrow({
      where: { initiative: { slug } },
      orderBy: { version: "desc" },
      include: { quote: { include: { source: true } } },
    });
    expect(entry.quote!.text).toBe(quoteText);
    expect(entry.quote!.source.text.slice(entry.quote!.start, entry.quote!.end)).toBe(quoteText);
  });

  it("refuses a quote that is not in the source, writing nothing", async () => {
    const slug = "ai-declaration";
    const before = await snapshot();
    const input = statusInput(slug, await version(slug), { evidenceType: "quote", quoteSourceId: String(sourceId), quoteText: "этих слов нет в статье" });
    await expect(changeStatus(prisma, editor, input, { reviewRequired: false })).rejects.toMatchObject({ code: "quoteNotFound", field: "quoteText" });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a quote of fewer than 3 words and 20 characters, in the browser's schema and the server's", () => {
    for (const quoteText of ["и", " , ", "Ташкенте", "ИИ и"]) {
      const parsed = changeStatusSchema.safeParse({ ...statusFields("ai-declaration", 1), evidenceType: "quote", quoteSourceId: String(sourceId), quoteText });
      expect(parsed.success, quoteText).toBe(false);
      expect(
        parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message]),
        quoteText,
      ).toContainEqual(["quoteText", "quoteTooShort"]);
    }
    // Three words, or two that make 20 characters, are enough.
    for (const quoteText of ["встреча в Ташкенте", "межрегиональное сотрудничество"]) {
      expect(
        changeStatusSchema.safeParse({ ...statusFields("ai-declaration", 1), evidenceType: "quote", quoteSourceId: String(sourceId), quoteText }).success,
        quoteText,
      ).toBe(true);
    }
  });

  it("makes the editor choose which place a repeated quote means, and stores the chosen place", async () => {
    const slug = "ai-declaration";
    const quoteText = "отметил Касым-Жомарт Токаев";
    const source = await prisma.source.findUniqueOrThrow({ where: { id: sourceId } });
    const first = source.text.indexOf(quoteText);
    const second = source.text.indexOf(quoteText, first + 1);
    expect(second).toBeGreaterThan(first);
    const before = await snapshot();
    const unpinned = statusInput(slug, await version(slug), { evidenceType: "quote", quoteSourceId: String(sourceId), quoteText });
    const refusal = await changeStatus(prisma, editor, unpinned, { reviewRequired: false }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: "quoteAmbiguous", field: "quoteOccurrence" });
    // The places come in their sentences, so the editor can tell them apart.
    const places = (refusal as { occurrences: { before: string; quote: string; after: string }[] }).occurrences;
    expect(places).toHaveLength(2);
    expect(places.map((place) => place.quote)).toEqual([quoteText, quoteText]);
    expect(places[0]!.before + places[0]!.after).not.toBe(places[1]!.before + places[1]!.after);
    // An occurrence that does not exist is refused the same way; nothing is written.
    const beyond = statusInput(slug, await version(slug), { evidenceType: "quote", quoteSourceId: String(sourceId), quoteText, quoteOccurrence: "3" });
    await expect(changeStatus(prisma, editor, beyond, { reviewRequired: false })).rejects.toMatchObject({ code: "quoteAmbiguous" });
    expect(await snapshot()).toEqual(before);

    const pinned = statusInput(slug, await version(slug), { evidenceType: "quote", quoteSourceId: String(sourceId), quoteText, quoteOccurrence: "2" });
    await changeStatus(prisma, editor, pinned, { reviewRequired: false });
    const entry = await prisma.historyEntry.findFirstOrThrow({ where: { initiative: { slug } }, orderBy: { version: "desc" }, include: { quote: true } });
    expect([entry.quote!.start, entry.quote!.end]).toEqual([second, second + quoteText.length]);
    expect(source.text.slice(entry.quote!.start, entry.quote!.end)).toBe(quoteText);
  });

  it("refuses a jump outside the transition table unless an override note explains it", async () => {
    const slug = "central-asian-expert-forum";
    const before = await snapshot();
    const jump = { status: "implemented", stage: "operating" };
    await expect(changeStatus(prisma, editor, statusInput(slug, await version(slug), jump), { reviewRequired: false })).rejects.toMatchObject({
      code: "transitionNotAllowed",
    });
    expect(await snapshot()).toEqual(before);
    const result = await changeStatus(
      prisma,
      editor,
      statusInput(slug, await version(slug), { ...jump, overrideNote: "The forum was set up and met the same month" }),
      { reviewRequired: false },
    );
    expect(result.outcome).toBe("applied");
    const entry = await prisma.historyEntry.findFirstOrThrow({ where: { initiative: { slug } }, orderBy: { version: "desc" } });
    expect(entry.overrideNote).toBe("The forum was set up and met the same month");
  });

  it("refuses a change that changes nothing", async () => {
    const slug = "regional-security-concept";
    await expect(
      changeStatus(prisma, editor, statusInput(slug, await version(slug), { status: "agreed", stage: "signed" }), { reviewRequired: false }),
    ).rejects.toMatchObject({ code: "nothingChanged" });
  });
});

describe("no lost updates", () => {
  it("refuses a save made on an old version, writes nothing, and can show the other change", async () => {
    const slug = "electronic-cargo-tracking";
    const seen = await version(slug);
    await changeStatus(prisma, otherEditor, statusInput(slug, seen, { note: "First editor's change" }), { reviewRequired: false });
    const before = await snapshot();
    const stale = changeStatus(prisma, editor, statusInput(slug, seen, { status: "agreed", stage: "text_agreed", note: "Second" }), { reviewRequired: false });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    expect(await snapshot()).toEqual(before);
    const other = await entriesSince(prisma, slug, seen);
    expect(other).toHaveLength(1);
    expect(other[0]).toMatchObject({ authorName: "Editor Two", note: "First editor's change", toStatus: "in_preparation" });
  });

  it("lets exactly one of 50 parallel saves on the same version win; the other 49 get conflicts", async () => {
    const slug = "transport-system-strategy";
    const seen = await version(slug);
    const attempts = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => markVerified(prisma, editor, markVerifiedSchema.parse({ slug, version: String(seen), note: `check ${i}` }))),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(refused).toHaveLength(49);
    for (const attempt of refused) expect(attempt.reason).toBeInstanceOf(ConflictError);
    expect(await version(slug)).toBe(seen + 1);
  });

  it("chains the history version to version when many editors save in parallel and retry", async () => {
    const slug = "rare-earth-research-centre";
    const start = await version(slug);
    const saveWithRetry = async (i: number) => {
      for (;;) {
        try {
          return await markVerified(
            prisma,
            i % 2 ? editor : otherEditor,
            markVerifiedSchema.parse({ slug, version: String(await version(slug)), note: `pass ${i}` }),
          );
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: 15 }, (_, i) => saveWithRetry(i)));
    const versions = (await prisma.historyEntry.findMany({ where: { initiative: { slug } }, orderBy: { version: "asc" }, select: { version: true } })).map(
      (e) => e.version,
    );
    expect(versions).toEqual(Array.from({ length: start + 15 }, (_, i) => i + 1));
    expect(await version(slug)).toBe(start + 15);
  });
});

describe("correcting data", () => {
  it("records each changed field of titles, summaries, themes and target date", async () => {
    const slug = "ai-declaration";
    const current = await prisma.initiative.findUniqueOrThrow({ where: { slug }, include: { themes: true } });
    const form = new FormData();
    for (const [key, value] of Object.entries({
      slug,
      version: String(current.version),
      titleRu: current.titleRu,
      titleEn: "Declaration on Responsible AI",
      summaryRu: current.summaryRu,
      summaryEn: current.summaryEn,
      targetDate: "2027-06-30",
      note: "Shorter English title; target date announced",
      themesPresent: "1",
    })) {
      form.append(key, value);
    }
    form.append("themes", "digital_ai");
    form.append("themes", "research_expertise");
    const result = await editDetails(prisma, editor, editDetailsSchema.parse(formDataToInput(form)));
    const entry = await prisma.historyEntry.findFirstOrThrow({ where: { initiativeId: current.id, version: result.version } });
    expect(entry.kind).toBe("edit");
    expect(parseChanges(entry.changes)).toEqual([
      { field: "titleEn", from: current.titleEn, to: "Declaration on Responsible AI" },
      { field: "themes", from: "digital_ai", to: "digital_ai, research_expertise" },
      { field: "targetDate", from: null, to: "2027-06-30" },
    ]);
    // The search index was updated in the same transaction.
    const found = await queryInitiatives(prisma, { q: "Declaration Responsible" });
    expect(found.items.map((item) => item.slug)).toContain(slug);
  });

  it("rejects a details form with every theme unticked", () => {
    const form = new FormData();
    form.append("themesPresent", "1");
    const parsed = editDetailsSchema.safeParse(formDataToInput(form));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.find((i) => i.path[0] === "themes")?.message).toBe("chooseTheme");
  });

  it("adds, changes and removes countries with their own stage", async () => {
    const slug = "regional-security-concept";
    const form = new FormData();
    form.append("slug", slug);
    form.append("version", String(await version(slug)));
    form.append("note", "Signatories named in the official communiqué");
    form.append("role.KZ", "participant");
    form.append("stage.KZ", "signed");
    form.append("role.UZ", "participant");
    form.append("stage.UZ", "ratified");
    const result = await editCountries(prisma, editor, editCountriesSchema.parse(formDataToInput(form)));
    const initiative = await prisma.initiative.findUniqueOrThrow({ where: { slug }, include: { participations: true } });
    expect(initiative.participations.map((p) => [p.countryCode, p.role, p.stage]).sort()).toEqual([
      ["KZ", "participant", "signed"],
      ["UZ", "participant", "ratified"],
    ]);
    const entry = await prisma.historyEntry.findFirstOrThrow({ where: { initiativeId: initiative.id, version: result.version } });
    expect(parseChanges(entry.changes)).toContainEqual({ field: "country.UZ.stage", from: null, to: "ratified" });

    const removal = new FormData();
    removal.append("slug", slug);
    removal.append("version", String(result.version));
    removal.append("note", "Uzbekistan listed by mistake");
    removal.append("correctsId", String(entry.id));
    removal.append("role.UZ", "");
    removal.append("stage.UZ", "");
    const second = await editCountries(prisma, editor, editCountriesSchema.parse(formDataToInput(removal)));
    const correction = await prisma.historyEntry.findFirstOrThrow({ where: { initiativeId: initiative.id, version: second.version } });
    expect(correction.correctsId).toBe(entry.id);
    expect(await prisma.participation.count({ where: { initiativeId: initiative.id } })).toBe(1);
  });

  it("refuses a correction that points at another initiative's entry", async () => {
    const slug = "single-tourism-space";
    const foreign = await prisma.historyEntry.findFirstOrThrow({ where: { initiative: { slug: "ai-declaration" } } });
    const input = markVerifiedSchema.parse({ slug, version: String(await version(slug)), correctsId: String(foreign.id) });
    await expect(markVerified(prisma, editor, input)).rejects.toMatchObject({ code: "correctsNotFound", field: "correctsId" });
  });

  it("adds a dated metric reading and a target date with evidence", async () => {
    const slug = "intra-regional-trade-20bn";
    const input = updateMetricSchema.parse({
      slug,
      version: String(await version(slug)),
      metricSlug: "intra-regional-trade-volume",
      value: "13.2",
      observedOn: "2025-12-31",
      targetDate: "2030-12-31",
      note: "Annual statistics",
      evidenceType: "link",
      evidenceUrl: "https://stat.example.org/trade-2025",
      evidenceTitle: "Trade statistics 2025",
      evidenceDate: "2026-02-01",
    });
    const result = await updateMetric(prisma, editor, input);
    const metric = await prisma.metric.findUniqueOrThrow({ where: { slug: "intra-regional-trade-volume" }, include: { readings: true } });
    expect(metric.readings.map((r) => r.value)).toEqual([13.2]);
    expect(metric.targetDate?.toISOString().slice(0, 10)).toBe("2030-12-31");
    const entry = await prisma.historyEntry.findFirstOrThrow({ where: { initiative: { slug }, version: result.version } });
    expect(parseChanges(entry.changes)).toEqual([
      { field: "metric.intra-regional-trade-volume.targetDate", from: null, to: "2030-12-31" },
      { field: "metric.intra-regional-trade-volume.reading", from: null, to: "13.2 @ 2025-12-31" },
    ]);
  });
});

describe("the stale queue", () => {
  it("lists unverified initiatives and those past their target date, and verification clears them", async () => {
    const now = new Date("2026-11-21T12:00:00Z");
    const slug = "kyrgyzstan-unsc-candidacy-support";
    expect((await listStale(prisma, 30, now)).map((i) => i.slug)).toContain(slug);
    await markVerified(prisma, editor, markVerifiedSchema.parse({ slug, version: String(await version(slug)) }), { now });
    expect((await listStale(prisma, 30, now)).map((i) => i.slug)).not.toContain(slug);
    const later = new Date(now.getTime() + 31 * 24 * 3600 * 1000);
    expect((await listStale(prisma, 30, later)).find((i) => i.slug === slug)?.reasons).toEqual(["notVerifiedRecently"]);

    await prisma.initiative.update({ where: { slug }, data: { targetDate: new Date("2026-01-01T00:00:00Z") } });
    expect((await listStale(prisma, 30, now)).find((i) => i.slug === slug)?.reasons).toEqual(["pastTarget"]);
  });
});

describe("second-person review", () => {
  beforeEach(async () => {
    await prisma.pendingChange.updateMany({ where: { state: "pending" }, data: { state: "rejected" } });
  });

  it("holds an editor's status change as pending, invisible to the initiative until approved", async () => {
    const slug = "astana-hub-it-park-cooperation";
    const seen = await version(slug);
    const result = await changeStatus(prisma, editor, statusInput(slug, seen, { status: "implemented", stage: "" }), { reviewRequired: true });
    expect(result.outcome).toBe("pending");
    expect(await prisma.initiative.findUniqueOrThrow({ where: { slug } })).toMatchObject({ status: "in_progress", version: seen });
    const [pending] = await listPendingChanges(prisma, { initiativeSlug: slug });
    expect(pending).toMatchObject({ toStatus: "implemented", authorName: "Editor One" });

    await expect(reviewChange(prisma, editor, { pendingId: pending!.id, decision: "approve", reviewNote: "ok" })).rejects.toMatchObject({ code: "ownChange" });
    await reviewChange(prisma, otherEditor, { pendingId: pending!.id, decision: "approve", reviewNote: "Checked the source" });
    const initiative = await prisma.initiative.findUniqueOrThrow({ where: { slug } });
    expect(initiative).toMatchObject({ status: "implemented", version: seen + 1 });
    const entry = await prisma.historyEntry.findFirstOrThrow({ where: { initiativeId: initiative.id, version: seen + 1 } });
    expect(entry).toMatchObject({ authorId: editor.id, reviewerId: otherEditor.id, toStatus: "implemented" });
    await expect(reviewChange(prisma, admin, { pendingId: pending!.id, decision: "reject", reviewNote: "late" })).rejects.toMatchObject({
      code: "alreadyReviewed",
    });
  });

  it("rejects with a note, changing nothing on the initiative", async () => {
    const slug = "semey-chip-electronics-production";
    const seen = await version(slug);
    const { pendingId } = (await changeStatus(prisma, editor, statusInput(slug, seen, { status: "stalled", stage: "" }), { reviewRequired: true })) as {
      pendingId: number;
    };
    await reviewChange(prisma, admin, { pendingId, decision: "reject", reviewNote: "No evidence of a stall" });
    expect(await prisma.pendingChange.findUniqueOrThrow({ where: { id: pendingId } })).toMatchObject({
      state: "rejected",
      reviewNote: "No evidence of a stall",
    });
    expect(await version(slug)).toBe(seen);
  });

  it("carries a correction through review to the entry written on approval", async () => {
    const slug = "trump-route-tmtm-link";
    const seen = await version(slug);
    const earlier = await prisma.historyEntry.findFirstOrThrow({ where: { initiative: { slug } }, orderBy: { version: "desc" } });
    const input = statusInput(slug, seen, { status: "stalled", stage: "", correctsId: String(earlier.id), note: "The earlier status overstated it" });
    const { pendingId } = (await changeStatus(prisma, editor, input, { reviewRequired: true })) as { pendingId: number };
    await reviewChange(prisma, otherEditor, { pendingId, decision: "approve", reviewNote: "ok" });
    const entry = await prisma.historyEntry.findFirstOrThrow({ where: { initiative: { slug }, version: seen + 1 } });
    expect(entry.correctsId).toBe(earlier.id);
    const foreign = await prisma.historyEntry.findFirstOrThrow({ where: { initiative: { slug: "ai-declaration" } } });
    await expect(
      changeStatus(prisma, editor, statusInput(slug, seen + 1, { status: "proposed", stage: "", correctsId: String(foreign.id) }), { reviewRequired: true }),
    ).rejects.toMatchObject({ code: "correctsNotFound" });
  });

  it("lets an admin's change through directly", async () => {
    const slug = "industrial-cooperation-centre-central-asia";
    const result = await changeStatus(prisma, admin, statusInput(slug, await version(slug), { status: "stalled", stage: "" }), { reviewRequired: true });
    expect(result.outcome).toBe("applied");
  });
});

describe("history is append-only in the database", () => {
  it("refuses UPDATE and DELETE on history rows", async () => {
    const entry = await prisma.historyEntry.findFirstOrThrow();
    await expect(prisma.$executeRawUnsafe(`UPDATE "HistoryEntry" SET "note" = 'rewritten' WHERE "id" = ${entry.id}`)).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "HistoryEntry" WHERE "id" = ${entry.id}`)).rejects.toThrow(/append-only/);
    await expect(prisma.historyEntry.update({ where: { id: entry.id }, data: { note: "rewritten" } })).rejects.toThrow(/append-only/);
    expect((await prisma.historyEntry.findUniqueOrThrow({ where: { id: entry.id } })).note).toBe(entry.note);
  });
});
