import { stringify } from "csv-stringify/sync";
import type { PrismaClient } from "../generated/prisma/client";
import { listHistory, type HistoryFilter } from "../history/list-history";
import { queryInitiatives, type InitiativeFilters } from "../initiatives/query-initiatives";

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

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** Every row of the filtered view, in the order the list shows them (all pages). */
export async function initiativeRows(prisma: PrismaClient, filters: InitiativeFilters, locale: string, origin: string): Promise<InitiativeRow[]> {
  const rows: InitiativeRow[] = [];
  for (let page = 1; ; page++) {
    const result = await queryInitiatives(prisma, { ...filters, page, pageSize: 100 }, locale);
    for (const item of result.items) {
      rows.push({
        slug: item.slug,
        title_ru: item.titleRu,
        title_en: item.titleEn,
        meeting_relation: item.meetingRelation,
        kind: item.kind,
        status: item.status,
        stage: item.stage,
        themes: item.themes,
        proposer_country: item.proposer?.code ?? null,
        countries: item.countries.map((country) => country.code),
        updated_at: item.updatedAt.toISOString(),
        url: `${origin}${locale === "en" ? "/en" : ""}/initiatives/${item.slug}`,
      });
    }
    if (page >= result.pageCount) return rows;
  }
}

/** The full history (or the part the filter selects), oldest first. */
export async function historyRows(prisma: PrismaClient, filter: HistoryFilter): Promise<HistoryRow[]> {
  const items = await listHistory(prisma, { ...filter, order: "asc", limit: 10_000 });
  return items.map((item) => ({
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
}

const BOM = "\uFEFF";

/** CSV with a header row; lists are joined with "; "; formulas are defused for spreadsheets. */
export function toCsv(columns: readonly string[], rows: Record<string, unknown>[]): string {
  const cell = (value: unknown) => {
    const text = value === null || value === undefined ? "" : Array.isArray(value) ? value.join("; ") : String(value);
    // A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
    return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  };
  return BOM + stringify([columns as string[], ...rows.map((row) => columns.map((column) => cell(row[column])))], { record_delimiter: "\r\n" });
}
