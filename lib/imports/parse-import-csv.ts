import { parse } from "csv-parse/sync";

/**
 * The bulk import's file (README, "Bulk update from a spreadsheet"): a CSV with a header row, UTF-8
 * with or without a byte-order mark, comma- or semicolon-separated. The tracker's own initiatives
 * export is such a file: its other columns (titles, themes, countries, url…) are read and ignored,
 * so an export with its status column edited comes straight back.
 */

/** Columns the import reads; any other is ignored. */
export const IMPORT_COLUMNS = [
  "slug",
  "version",
  "status",
  "stage",
  "effective_on",
  "override_note",
  "metric_slug",
  "value",
  "observed_on",
  "confirm_large",
  "quote_source_id",
  "quote_text",
  "evidence_url",
  "evidence_title",
  "evidence_date",
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** What a row asks for; every cell as text, trimmed, "" when absent. */
export type ImportRow = { row: number } & Record<ImportColumn, string>;

/** One problem: the spreadsheet row (1 = the header, 2 = the first row of data), the column it is in (null: the whole row or file), a message key. */
export interface ImportIssue {
  row: number;
  column: string | null;
  code: string;
  values?: Record<string, string | number>;
}

export const MAX_IMPORT_ROWS = 20_000;
const REQUIRED: ImportColumn[] = ["slug", "version"];

/** A cell the export defused with a leading ' (so a spreadsheet never runs it) gets its text back. */
function undefuse(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** Parses the file into rows, or says why it cannot be read (nothing is imported from a file with issues here). */
export function parseImportCsv(text: string): { rows: ImportRow[]; issues: ImportIssue[] } {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") return { rows: [], issues: [{ row: 1, column: null, code: "importEmpty" }] };
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  // A spreadsheet saved in a Russian locale separates with semicolons.
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  let records: string[][];
  try {
    records = parse(body, { delimiter, relax_column_count: true, skip_empty_lines: true, info: false, trim: false }) as string[][];
  } catch (error) {
    // The parser counts the file's lines (a quoted cell may span several): near enough to find it.
    const row = (error as { lines?: number }).lines ?? 1;
    return { rows: [], issues: [{ row, column: null, code: "importMalformed" }] };
  }
  const [header = [], ...data] = records;
  const names = header.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED.filter((column) => !names.includes(column));
  if (missing.length) return { rows: [], issues: missing.map((column) => ({ row: 1, column, code: "importMissingColumn" })) };
  if (data.length === 0) return { rows: [], issues: [{ row: 1, column: null, code: "importNoRows" }] };
  if (data.length > MAX_IMPORT_ROWS) return { rows: [], issues: [{ row: 1, column: null, code: "importTooManyRows", values: { max: MAX_IMPORT_ROWS } }] };
  const index = Object.fromEntries(IMPORT_COLUMNS.map((column) => [column, names.indexOf(column)])) as Record<ImportColumn, number>;
  const issues: ImportIssue[] = [];
  const rows = data.map((record, i) => {
    const number = i + 2;
    if (record.length > names.length) issues.push({ row: number, column: null, code: "importExtraCells" });
    const row = { row: number } as ImportRow;
    for (const column of IMPORT_COLUMNS) row[column] = index[column] >= 0 ? undefuse((record[index[column]] ?? "").trim()) : "";
    return row;
  });
  return { rows, issues };
}
