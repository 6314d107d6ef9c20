import type { ImportIssue } from "./parse-import-csv";
import type { RowOutcome } from "./import-csv";

/** What the upload page shows of an import: every refusal and each row's outcome (the first rows of a large file). */
export interface ImportReport {
  applied: boolean;
  dryRun: boolean;
  total: number;
  counts: Partial<Record<RowOutcome, number>>;
  issues: ImportIssue[];
  rows: { row: number; slug: string; outcomes: RowOutcome[]; version: number | null }[];
}

/** Rows listed on the page; the counts and every refusal cover all of them. */
export const SHOWN_ROWS = 1_000;

/** Counts of each outcome, every refusal, and the first rows, from the import's full result. */
export function importReport(result: { applied: boolean; rows: ImportReport["rows"]; issues: ImportIssue[] }, dryRun: boolean): ImportReport {
  const counts: ImportReport["counts"] = {};
  for (const row of result.rows) for (const outcome of row.outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
  return { applied: result.applied, dryRun, total: result.rows.length, counts, issues: result.issues, rows: result.rows.slice(0, SHOWN_ROWS) };
}
