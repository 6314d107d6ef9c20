import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/sessions";
import { csvChunks, INITIATIVE_COLUMNS, initiativeRows } from "../../lib/exports/export-data";
import { importCsv } from "../../lib/imports/import-csv";
import { freshDatabase } from "../helpers/test-database";
import { makeUser } from "../helpers/users";

const { prisma } = await freshDatabase("bulk-import", { seeded: true });
let editor: SessionUser;
afterAll(() => prisma.$disconnect());

const STATUS_SLUG = "ai-declaration";
const METRIC_INITIATIVE = "intra-regional-trade-20bn";
const METRIC_SLUG = "intra-regional-trade-volume";
const LINK = { evidence_url: "https://example.org/test-report", evidence_title: "Test report", evidence_date: "2026-05-02" };
const NOTE = "Bulk update from the test spreadsheet";

const initiative = (slug: string) => prisma.initiative.findUniqueOrThrow({ where: { slug }, select: { version: true, status: true, stage: true } });
const csv = (rows: Record<string, string | number>[]) => stringify(rows, { header: true, columns: [...new Set(rows.flatMap((row) => Object.keys(row)))] });
/** Everything an import could write. */
const snapshot = async () => ({
  history: await prisma.historyEntry.count(),
  readings: await prisma.metricReading.count(),
  pending: await prisma.pendingChange.count(),
  versions: await prisma.initiative.findMany({ select: { slug: true, version: true, status: true }, orderBy: { id: "asc" } }),
});
const otherStatus = (status: string) => (status === "stalled" ? "in_progress" : "stalled");

async function goodRows(): Promise<Record<string, string | number>[]> {
  const a = await initiative(STATUS_SLUG);
  const m = await initiative(METRIC_INITIATIVE);
  return [
    {
      slug: STATUS_SLUG,
      version: a.version,
      status: otherStatus(a.status),
      stage: a.stage ?? "",
      effective_on: "2026-05-01",
      override_note: "test: any move",
      ...LINK,
    },
    { slug: METRIC_INITIATIVE, version: m.version, metric_slug: METRIC_SLUG, value: "1,5", observed_on: "2026-04-30", confirm_large: "", ...LINK },
    // Read at the same version as the row above: the import's own earlier row is not a conflict.
    { slug: METRIC_INITIATIVE, version: m.version, metric_slug: METRIC_SLUG, value: "1,6", observed_on: "2026-05-01", confirm_large: "", ...LINK },
  ];
}

beforeAll(async () => {
  editor = await makeUser(prisma, "editor", { name: "Import Editor" });
});

describe("bulk import", () => {
  it("a dry run reports each row's outcome and writes nothing", async () => {
    const before = await snapshot();
    const result = await importCsv(prisma, editor, { csv: csv(await goodRows()), note: NOTE, apply: false, reviewRequired: false });
    expect(result.issues).toEqual([]);
    expect(result.applied).toBe(false);
    expect(result.rows.map((row) => [row.row, row.outcomes])).toEqual([
      [2, ["statusChanged"]],
      [3, ["readingAdded"]],
      [4, ["readingAdded"]],
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("the tracker's own export comes back unchanged: every row is 'nothing to change'", async () => {
    let text = "";
    for await (const chunk of csvChunks(INITIATIVE_COLUMNS, initiativeRows(prisma, {}, "en", "https://tracker.test"))) text += chunk;
    const before = await snapshot();
    const result = await importCsv(prisma, editor, { csv: text, note: NOTE, apply: true, reviewRequired: false });
    expect(result.issues).toEqual([]);
    expect(result.rows.length).toBe(before.versions.length);
    expect(result.rows.every((row) => row.outcomes.join() === "unchanged")).toBe(true);
    expect(await snapshot()).toEqual(before);

    // The same export with one status edited and the evidence columns added applies that one row.
    const records = parse(text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    const row = records.find((record) => record.slug === STATUS_SLUG)!;
    row.status = otherStatus(row.status!);
    Object.assign(row, { effective_on: "2026-05-03", override_note: "test", ...LINK });
    const edited = await importCsv(prisma, editor, { csv: csv(records), note: NOTE, apply: false, reviewRequired: false });
    expect(edited.issues).toEqual([]);
    expect(edited.rows.filter((r) => r.outcomes[0] !== "unchanged").map((r) => r.slug)).toEqual([STATUS_SLUG]);
  });

  it("applies every row in one go through the forms' functions, attributed with the upload's note", async () => {
    const rows = await goodRows();
    const before = await snapshot();
    const result = await importCsv(prisma, editor, { csv: csv(rows), note: NOTE, apply: true, reviewRequired: false });
    expect(result.issues).toEqual([]);
    expect(result.applied).toBe(true);
    const a = await initiative(STATUS_SLUG);
    expect(a.status).toBe(rows[0]!.status);
    expect(a.version).toBe(Number(rows[0]!.version) + 1);
    expect((await initiative(METRIC_INITIATIVE)).version).toBe(Number(rows[1]!.version) + 2);
    expect(result.rows.map((row) => row.version)).toEqual([Number(rows[0]!.version) + 1, Number(rows[1]!.version) + 1, Number(rows[1]!.version) + 2]);
    const after = await snapshot();
    expect(after.history).toBe(before.history + 3);
    expect(after.readings).toBe(before.readings + 2);
    const entries = await prisma.historyEntry.findMany({ orderBy: { id: "desc" }, take: 3, select: { note: true, authorId: true, evidenceUrl: true } });
    expect(entries).toEqual(Array(3).fill({ note: NOTE, authorId: editor.id, evidenceUrl: LINK.evidence_url }));
    expect(result.tags).toEqual(
      expect.arrayContaining([
        `initiative:${STATUS_SLUG}`,
        `initiative:${METRIC_INITIATIVE}`,
        "list:initiatives",
        "list:history",
        "list:metrics",
        `metric:${METRIC_SLUG}`,
      ]),
    );
  });

  it("writes all rows or none: one refused row keeps every other row out, and each refusal names its row and column", async () => {
    const rows = await goodRows();
    rows.push({ slug: "no-such-initiative", version: 1 });
    rows.push({ slug: STATUS_SLUG, version: (await initiative(STATUS_SLUG)).version, status: "done", effective_on: "2026-05-01", ...LINK });
    rows.push({
      slug: METRIC_INITIATIVE,
      version: (await initiative(METRIC_INITIATIVE)).version,
      metric_slug: "no-such-figure",
      value: "2",
      observed_on: "2026-05-01",
      ...LINK,
    });
    rows.push({
      slug: METRIC_INITIATIVE,
      version: (await initiative(METRIC_INITIATIVE)).version,
      metric_slug: METRIC_SLUG,
      value: "2",
      observed_on: "31.02.2026",
      ...LINK,
    });
    rows.push({
      slug: METRIC_INITIATIVE,
      version: (await initiative(METRIC_INITIATIVE)).version,
      metric_slug: METRIC_SLUG,
      value: "2",
      observed_on: "2026-05-01",
      evidence_url: "",
      evidence_title: "",
      evidence_date: "",
    });
    const before = await snapshot();
    const result = await importCsv(prisma, editor, { csv: csv(rows), note: NOTE, apply: true, reviewRequired: false });
    expect(result.applied).toBe(false);
    expect(result.issues).toEqual([
      { row: 5, column: "slug", code: "importUnknownInitiative" },
      { row: 6, column: "status", code: "invalid" },
      { row: 7, column: "metric_slug", code: "metricNotFound" },
      { row: 8, column: "observed_on", code: "invalidDate" },
      { row: 9, column: "evidence_url", code: "required" },
    ]);
    expect(result.rows.slice(0, 3).every((row) => row.outcomes[0] !== "refused")).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it("reports a version conflict on its row: the initiative changed since the file was read", async () => {
    const rows = await goodRows();
    const stale = Number(rows[0]!.version) - 1;
    rows[0]!.version = stale;
    const before = await snapshot();
    const result = await importCsv(prisma, editor, { csv: csv(rows), note: NOTE, apply: true, reviewRequired: false });
    expect(result.applied).toBe(false);
    expect(result.issues).toEqual([{ row: 2, column: "version", code: "importConflict", values: { current: stale + 1, given: stale } }]);
    expect(result.rows.map((row) => row.outcomes[0])).toEqual(["refused", "readingAdded", "readingAdded"]);
    expect(await snapshot()).toEqual(before);
  });

  it("writes what the forms write: quoted evidence, a status change and a reading in one row, each entry indexed for search", async () => {
    const source = await prisma.source.findFirstOrThrow({ where: { key: "000_02323e7b5ee229ed.txt" }, select: { id: true } });
    const quoteText = "гармонизировать наши водные стратегии";
    const m = await initiative(METRIC_INITIATIVE);
    const status = otherStatus(m.status);
    const before = await snapshot();
    const result = await importCsv(prisma, editor, {
      csv: csv([
        {
          slug: METRIC_INITIATIVE,
          version: m.version,
          status,
          stage: m.stage ?? "",
          effective_on: "2026-05-04",
          override_note: "test: any move",
          metric_slug: METRIC_SLUG,
          value: "1.7",
          observed_on: "2026-05-04",
          quote_source_id: source.id,
          quote_text: quoteText,
        },
      ]),
      note: NOTE,
      apply: true,
      reviewRequired: false,
    });
    expect(result.issues).toEqual([]);
    expect(result.rows.map((row) => [row.outcomes, row.version])).toEqual([[["statusChanged", "readingAdded"], m.version + 2]]);
    expect((await snapshot()).readings).toBe(before.readings + 1);
    const entries = await prisma.historyEntry.findMany({
      where: { initiative: { slug: METRIC_INITIATIVE }, version: { gt: m.version } },
      orderBy: { version: "asc" },
      select: {
        id: true,
        version: true,
        kind: true,
        fromStatus: true,
        toStatus: true,
        effectiveOn: true,
        changes: true,
        note: true,
        overrideNote: true,
        authorId: true,
        reviewerId: true,
        evidenceUrl: true,
        quote: { select: { text: true, sourceId: true } },
      },
    });
    const quote = { text: quoteText, sourceId: source.id };
    expect(entries.map(({ id: _id, effectiveOn, ...entry }) => ({ ...entry, effectiveOn: effectiveOn?.toISOString().slice(0, 10) ?? null }))).toEqual([
      {
        version: m.version + 1,
        kind: "status_change",
        fromStatus: m.status,
        toStatus: status,
        effectiveOn: "2026-05-04",
        changes: "[]",
        note: NOTE,
        overrideNote: "test: any move",
        authorId: editor.id,
        reviewerId: null,
        evidenceUrl: null,
        quote,
      },
      {
        version: m.version + 2,
        kind: "edit",
        fromStatus: null,
        toStatus: null,
        effectiveOn: null,
        changes: JSON.stringify([{ field: `metric.${METRIC_SLUG}.reading`, from: null, to: "1.7 @ 2026-05-04" }]),
        note: NOTE,
        overrideNote: null,
        authorId: editor.id,
        reviewerId: null,
        evidenceUrl: null,
        quote,
      },
    ]);
    const reading = await prisma.metricReading.findFirstOrThrow({
      orderBy: { id: "desc" },
      select: { value: true, observedOn: true, quote: { select: { text: true } } },
    });
    expect(reading).toEqual({ value: 1.7, observedOn: new Date("2026-05-04T00:00:00Z"), quote: { text: quoteText } });
    for (const entry of entries) {
      const [row] = await prisma.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM "SearchIndex" WHERE "kind" = 'note' AND "refId" = ${entry.id}`;
      expect(Number(row!.n)).toBe(1);
    }
  });

  it("checks a reading against the previous one, also when an earlier row of the file added it", async () => {
    const m = await initiative(METRIC_INITIATIVE);
    const reading = (value: string, day: string, confirm = "") => ({
      slug: METRIC_INITIATIVE,
      version: m.version,
      metric_slug: METRIC_SLUG,
      value,
      observed_on: day,
      confirm_large: confirm,
      ...LINK,
    });
    const rows = [reading("0.1", "2026-06-01"), reading("0.5", "2026-06-02"), reading("0.5", "2026-06-03", "yes")];
    const result = await importCsv(prisma, editor, { csv: csv(rows), note: NOTE, apply: false, reviewRequired: false });
    // 0.5 is more than 3× the 0.1 the row before read: confirmation needed, which the third row gives.
    expect(result.issues).toEqual([{ row: 3, column: "value", code: "confirmLargeReading" }]);
    expect(result.rows.map((row) => row.outcomes[0])).toEqual(["readingAdded", "refused", "readingAdded"]);
    expect(result.rows.map((row) => row.version)).toEqual([m.version + 1, null, m.version + 2]);
  });

  it("follows the review rules: with review on, an editor's rows wait for a second person", async () => {
    const before = await snapshot();
    const result = await importCsv(prisma, editor, { csv: csv(await goodRows()), note: NOTE, apply: true, reviewRequired: true });
    expect(result.issues).toEqual([]);
    expect(result.rows.map((row) => row.outcomes)).toEqual([["statusPending"], ["readingPending"], ["readingPending"]]);
    const after = await snapshot();
    expect(after.pending).toBe(before.pending + 3);
    expect(after.history).toBe(before.history);
    expect(after.versions).toEqual(before.versions);
  });
});
