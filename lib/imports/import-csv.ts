import "server-only";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { InitiativeStatus, Stage } from "../domain/vocabulary";
import type { SessionUser } from "../auth/sessions";
import { withSavepoint } from "../db/savepoint";
import type { z } from "zod";
import { dayOrNull } from "../dates";
import { fieldErrors } from "../forms/form-data";
import { DomainError } from "../errors/domain-error";
import { changeStatus } from "../initiatives/change-status";
import { ConflictError } from "../initiatives/edit-errors";
import { changeStatusSchema, updateMetricSchema } from "../initiatives/edit-schemas";
import { saveChange } from "../initiatives/propose-change";
import { parseImportCsv, type ImportIssue, type ImportRow } from "./parse-import-csv";

/** What one row did (or, in a dry run, would do). */
export type RowOutcome = "statusChanged" | "statusPending" | "readingAdded" | "readingPending" | "unchanged" | "refused";

export interface ImportRowResult {
  row: number;
  slug: string;
  outcomes: RowOutcome[];
  /** The initiative's version after the row (when it applied). */
  version: number | null;
}

export interface ImportResult {
  /** True when the rows were written; a dry run, or a file with any issue, writes nothing. */
  applied: boolean;
  rows: ImportRowResult[];
  issues: ImportIssue[];
  tags: string[];
}

export interface ImportOptions {
  csv: string;
  /** The upload's note: every row's history entry (or waiting change) carries it. */
  note: string;
  apply: boolean;
  reviewRequired: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Ends the transaction of a dry run, or of an import with issues, so that nothing it wrote stays. */
class RolledBack extends Error {
  constructor(readonly result: ImportResult) {
    super("rolled back");
  }
}

// A schema field → the column it comes from, so every refusal names the cell to fix.
const COLUMN_OF: Record<string, string> = {
  slug: "slug",
  version: "version",
  status: "status",
  stage: "stage",
  effectiveOn: "effective_on",
  overrideNote: "override_note",
  metricSlug: "metric_slug",
  value: "value",
  observedOn: "observed_on",
  confirmLarge: "confirm_large",
  quoteSourceId: "quote_source_id",
  quoteText: "quote_text",
  quoteOccurrence: "quote_text",
  evidenceType: "evidence_url",
  evidenceUrl: "evidence_url",
  evidenceTitle: "evidence_title",
  evidenceDate: "evidence_date",
  note: "note",
};
const column = (field: string | undefined) => (field ? (COLUMN_OF[field] ?? field) : null);

type State = { status: InitiativeStatus; stage: Stage | null; mergedIntoId: number | null };

const metricKey = (slug: string, metricSlug: string) => `${slug}\u0000${metricSlug}`;

/** The current status of every initiative the file names, and the figures it names (500 a query). */
async function readTargets(tx: Prisma.TransactionClient, rows: ImportRow[]) {
  const states = new Map<string, State>();
  const metrics = new Map<string, { targetDate: Date | null }>();
  const slugs = [...new Set(rows.map((row) => row.slug).filter(Boolean))];
  const metricSlugs = [...new Set(rows.map((row) => row.metric_slug).filter(Boolean))];
  for (let i = 0; i < slugs.length; i += 500) {
    const found = await tx.initiative.findMany({
      where: { slug: { in: slugs.slice(i, i + 500) } },
      select: { slug: true, status: true, stage: true, mergedIntoId: true },
    });
    for (const { slug, ...state } of found) states.set(slug, state);
  }
  for (let i = 0; i < metricSlugs.length; i += 500) {
    const found = await tx.metric.findMany({
      where: { slug: { in: metricSlugs.slice(i, i + 500) } },
      select: { slug: true, targetDate: true, initiative: { select: { slug: true } } },
    });
    for (const metric of found) metrics.set(metricKey(metric.initiative.slug, metric.slug), { targetDate: metric.targetDate });
  }
  return { states, metrics };
}

/** The first thing the form's schema refuses, as the form would show it (a message key, or "invalid"). */
function schemaRefusal(error: z.ZodError): DomainError {
  const [field, codes] = Object.entries(fieldErrors(error))[0] ?? ["form", ["invalid"]];
  return new DomainError(codes[0] ?? "invalid", field);
}

/** The evidence the form would send: a quote when the row names a source, a link otherwise. */
const evidence = (row: ImportRow) => ({
  evidenceType: row.quote_source_id ? "quote" : "link",
  quoteSourceId: row.quote_source_id,
  quoteText: row.quote_text,
  evidenceUrl: row.evidence_url,
  evidenceTitle: row.evidence_title,
  evidenceDate: row.evidence_date,
});

/**
 * Status changes and figure readings from a spreadsheet (README, "Bulk update from a spreadsheet";
 * docs/decisions/033-bulk-import.md). Every row goes through the forms' own schemas and domain
 * functions (changeStatus, saveChange: review rules included), all in one transaction, each row in
 * a savepoint so that a refused row is undone and the next ones see the data as it is. A dry run,
 * or any refused row, rolls the whole transaction back: all rows or none.
 *
 * Versions: each row carries the version its initiative was read at (the export's `version`).
 * Several rows of one initiative read at the same version follow one another (the import's own
 * earlier rows are not a conflict); any other difference is a conflict, reported on that row.
 */
export async function importCsv(prisma: PrismaClient, actor: SessionUser, options: ImportOptions): Promise<ImportResult> {
  const parsed = parseImportCsv(options.csv);
  if (parsed.issues.length || parsed.rows.length === 0) return { applied: false, rows: [], issues: parsed.issues, tags: [] };
  const note = options.note;
  const total = parsed.rows.length;
  try {
    return await prisma.$transaction(
      async (tx) => {
        const results: ImportRowResult[] = [];
        const issues: ImportIssue[] = [];
        const tags = new Set<string>();
        // slug → the version the file read it at, and the version the import has brought it to.
        const versions = new Map<string, { readAt: number; now: number }>();
        // Read up front, a few queries for the whole file instead of two per row; a row's own
        // change updates them once its savepoint is released.
        const { states, metrics } = await readTargets(tx, parsed.rows);
        for (const [index, row] of parsed.rows.entries()) {
          const result: ImportRowResult = { row: row.row, slug: row.slug, outcomes: [], version: null };
          results.push(result);
          const refuse = (field: string | undefined, code: string, values?: Record<string, string | number>) => {
            issues.push({ row: row.row, column: column(field), code, ...(values ? { values } : {}) });
            result.outcomes = ["refused"];
          };
          const readAt = Number(row.version);
          const seen = versions.get(row.slug);
          const version = seen && seen.readAt === readAt ? seen.now : readAt;
          try {
            const changedTo = await withSavepoint(
              tx,
              async () => {
                let state: State | null = null;
                const current = states.get(row.slug);
                if (!row.slug || !current || current.mergedIntoId !== null) throw new DomainError("importUnknownInitiative", "slug");
                let now = version;
                const statusAsked = row.status !== "" || row.stage !== "";
                // An untouched row of an export: its status is what it is now.
                if (statusAsked && (row.status !== current.status || (row.stage || null) !== current.stage)) {
                  const input = changeStatusSchema.safeParse({
                    slug: row.slug,
                    version: String(now),
                    status: row.status,
                    stage: row.stage,
                    effectiveOn: row.effective_on,
                    overrideNote: row.override_note,
                    note,
                    ...evidence(row),
                  });
                  if (!input.success) throw schemaRefusal(input.error);
                  const changed = await changeStatus(tx, actor, input.data, { reviewRequired: options.reviewRequired });
                  if (changed.outcome === "applied") {
                    now = changed.version;
                    state = { status: input.data.status, stage: input.data.stage, mergedIntoId: null };
                    changed.tags.forEach((tag) => tags.add(tag));
                  }
                  result.outcomes.push(changed.outcome === "applied" ? "statusChanged" : "statusPending");
                }
                if (row.metric_slug || row.value || row.observed_on) {
                  const metric = metrics.get(metricKey(row.slug, row.metric_slug));
                  if (!metric) throw new DomainError(row.metric_slug ? "metricNotFound" : "required", "metricSlug");
                  const input = updateMetricSchema.safeParse({
                    slug: row.slug,
                    version: String(now),
                    metricSlug: row.metric_slug,
                    value: row.value,
                    observedOn: row.observed_on,
                    // The target date stays as it is: the import adds readings only.
                    targetDate: dayOrNull(metric.targetDate) ?? "",
                    confirmLarge: /^(yes|да|true|1)$/i.test(row.confirm_large),
                    note,
                    ...evidence(row),
                  });
                  if (!input.success) throw schemaRefusal(input.error);
                  const saved = await saveChange(tx, actor, { kind: "metric", input: input.data }, { reviewRequired: options.reviewRequired });
                  if (saved.outcome === "applied") now = saved.version;
                  saved.tags.forEach((tag) => tags.add(tag));
                  result.outcomes.push(saved.outcome === "applied" ? "readingAdded" : "readingPending");
                }
                if (result.outcomes.length === 0) result.outcomes.push("unchanged");
                if (now !== version) result.version = now;
                versions.set(row.slug, { readAt, now });
                return state;
              },
              { keep: true },
            );
            if (changedTo) states.set(row.slug, changedTo);
          } catch (error) {
            if (error instanceof ConflictError) refuse("version", "importConflict", { current: error.currentVersion, given: readAt });
            else if (error instanceof DomainError) refuse(error.field, error.code);
            else throw error;
          }
          options.onProgress?.(index + 1, total);
        }
        const result: ImportResult = { applied: options.apply && issues.length === 0, rows: results, issues, tags: [...tags].sort() };
        if (!result.applied) throw new RolledBack({ ...result, tags: [] });
        return result;
      },
      // Thousands of rows take longer than a form's transaction may.
      { timeout: 600_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof RolledBack) return error.result;
    throw error;
  }
}
