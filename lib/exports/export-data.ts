import "server-only";
import { stringify } from "csv-stringify/sync";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { HISTORY_ITEM_SELECT, historyWhere, toHistoryItem, type HistoryFilter } from "../history/list-history";
import { initiativeIdPages, type InitiativeFilters } from "../initiatives/query-initiatives";
import { dayOrNull as day } from "../dates";
import { localePath } from "../i18n/locale-path";

/**
 * Exports for spreadsheets and scripts. Column names are stable (docs/exports.md);
 * CSV is UTF-8 with a byte-order mark so spreadsheet programs read Cyrillic correctly.
 */

export const INITIATIVE_COLUMNS = [
  "slug",
  "title_ru",
  "title_en",
  "meeting_relation",
  "kind",
  "status",
  "stage",
  "themes",
  "proposer_country",
  "countries",
  "updated_at",
  "url",
  // The version the row was read at: the bulk import (lib/imports) takes this file back with it.
  "version",
] as const;

export const HISTORY_COLUMNS = [
  "id",
  "initiative_slug",
  "initiative_title_ru",
  "initiative_title_en",
  "initiative_meeting_relation",
  "version",
  "kind",
  "recorded_at",
  "effective_on",
  "from_status",
  "to_status",
  "from_stage",
  "to_stage",
  "changes",
  "note",
  "override_note",
  "author",
  "reviewer",
  "corrects_id",
  "evidence_quote",
  "evidence_url",
  "evidence_title",
  "evidence_date",
] as const;

type InitiativeRow = Record<(typeof INITIATIVE_COLUMNS)[number], string | string[] | null>;
type HistoryRow = Record<(typeof HISTORY_COLUMNS)[number], string | number | null>;

/**
 * Rows are read and written in pages of this many, so an export's memory does not grow with the
 * data, and each page's reads are short: SQLite's driver is synchronous, so other requests wait
 * for a read that is running (decision 038).
 */
export const EXPORT_PAGE_SIZE = 50;

type ExportRecord = {
  id: number | bigint;
  slug: string;
  titleRu: string;
  titleEn: string;
  kind: string;
  status: string;
  stage: string | null;
  meetingRelation: string;
  updatedAt: Date;
  version: number | bigint;
  proposerCountryCode: string | null;
  themes: string | null;
  countries: string | null;
};

/**
 * Only what the columns need, one raw statement for a page (no query plan to compile, no nested
 * reads): themes in the list's order (their enum's order on PostgreSQL, as Prisma sorts them) and
 * countries by code, each joined with commas (codes and enum values hold none).
 */
const exportPage = (prisma: PrismaClient, ids: number[]) => prisma.$queryRaw<ExportRecord[]>`
  SELECT i."id", i."slug", i."titleRu", i."titleEn", i."kind", i."status", i."stage", i."meetingRelation", i."updatedAt", i."version", i."proposerCountryCode",
    (SELECT string_agg(CAST(t."theme" AS TEXT), ',' ORDER BY t."theme") FROM "InitiativeTheme" t WHERE t."initiativeId" = i."id") AS "themes",
    (SELECT string_agg(p."countryCode", ',' ORDER BY p."countryCode") FROM "Participation" p WHERE p."initiativeId" = i."id") AS "countries"
  FROM "Initiative" i WHERE i."id" IN (${Prisma.join(ids)})`;

/** Lets other requests run between reads: each holds the (synchronous) driver. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Every row of the filtered view, in the order the list shows them (all pages), a page at a time:
 * the ids a page at a time too (keyset), so an export holds one page whatever the data's size.
 */
export async function* initiativeRows(
  prisma: PrismaClient,
  filters: InitiativeFilters,
  locale: string,
  origin: string,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<InitiativeRow[]> {
  for await (const pageIds of initiativeIdPages(prisma, filters, locale, pageSize)) {
    await yieldToOthers();
    const rows = await exportPage(prisma, pageIds);
    const byId = new Map(rows.map((row) => [Number(row.id), row]));
    // In the list's order; an initiative deleted since its id was read is left out.
    yield pageIds.flatMap((id) => {
      const item = byId.get(id);
      if (!item) return [];
      return [
        {
          slug: item.slug,
          title_ru: item.titleRu,
          title_en: item.titleEn,
          meeting_relation: item.meetingRelation,
          kind: item.kind,
          status: item.status,
          stage: item.stage,
          themes: item.themes ? item.themes.split(",") : [],
          proposer_country: item.proposerCountryCode,
          countries: item.countries ? item.countries.split(",") : [],
          updated_at: new Date(item.updatedAt).toISOString(),
          url: `${origin}${localePath(locale, `/initiatives/${item.slug}`)}`,
          version: String(item.version),
        },
      ];
    });
    await yieldToOthers();
  }
}

/** The full history (or the part the filter selects), newest first as /changes shows it, a page at a time (keyset on time and id). */
export async function* historyRows(prisma: PrismaClient, filter: HistoryFilter): AsyncGenerator<HistoryRow[]> {
  const where = historyWhere(filter);
  let after: { recordedAt: Date; id: number } | undefined;
  for (;;) {
    await yieldToOthers();
    const page = await prisma.historyEntry.findMany({
      where: after ? { AND: [where, { OR: [{ recordedAt: { lt: after.recordedAt } }, { recordedAt: after.recordedAt, id: { lt: after.id } }] }] } : where,
      orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
      take: EXPORT_PAGE_SIZE,
      select: HISTORY_ITEM_SELECT,
    });
    if (page.length === 0) return;
    const last = page[page.length - 1]!;
    after = { recordedAt: last.recordedAt, id: last.id };
    yield page.map(toHistoryItem).map((item) => ({
      id: item.id,
      initiative_slug: item.initiative.slug,
      initiative_title_ru: item.initiative.titleRu,
      initiative_title_en: item.initiative.titleEn,
      initiative_meeting_relation: item.initiative.meetingRelation,
      version: item.version,
      kind: item.kind,
      recorded_at: item.recordedAt.toISOString(),
      effective_on: day(item.effectiveOn),
      from_status: item.fromStatus,
      to_status: item.toStatus,
      from_stage: item.fromStage,
      to_stage: item.toStage,
      changes: item.changes.length ? JSON.stringify(item.changes) : null,
      note: item.note,
      override_note: item.overrideNote,
      author: item.authorName,
      reviewer: item.reviewerName,
      corrects_id: item.correctsId,
      evidence_quote: item.quote?.text ?? null,
      evidence_url: item.evidenceUrl,
      evidence_title: item.evidenceTitle,
      evidence_date: day(item.evidenceDate),
    }));
    if (page.length < EXPORT_PAGE_SIZE) return;
  }
}

const BOM = "\uFEFF";

/** One cell's text: lists joined with "; "; a leading = + - @ tab or CR is defused so spreadsheets never run it. */
function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : Array.isArray(value) ? value.join("; ") : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * CSV, written as the pages come: a BOM and the header row, then each page. Every field holding a
 * CR or LF is quoted, not only CRLF (a bare CR would otherwise start a new row in a spreadsheet);
 * fields with a quote or the separator are quoted as usual.
 */
export async function* csvChunks(columns: readonly string[], pages: AsyncIterable<Record<string, unknown>[]>): AsyncGenerator<string> {
  const options = { record_delimiter: "\r\n", quoted_match: /[\r\n]/ } as const;
  yield BOM + stringify([columns.map(csvCell)], options);
  for await (const rows of pages)
    yield stringify(
      rows.map((row) => columns.map((column) => csvCell(row[column]))),
      options,
    );
}

/** `{ "columns": [...], "rows": [...] }`, written as the pages come. */
export async function* jsonChunks(columns: readonly string[], pages: AsyncIterable<Record<string, unknown>[]>): AsyncGenerator<string> {
  yield `{\n  "columns": ${JSON.stringify(columns)},\n  "rows": [`;
  let first = true;
  for await (const rows of pages) {
    if (rows.length === 0) continue;
    yield (first ? "\n    " : ",\n    ") + rows.map((row) => JSON.stringify(row)).join(",\n    ");
    first = false;
  }
  yield first ? "]\n}\n" : "\n  ]\n}\n";
}

/** A response body that pulls the next chunk only when the client has taken the last one. */
export function streamBody(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
