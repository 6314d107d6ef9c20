import "server-only";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import type { InitiativeStatus, Stage } from "../domain/vocabulary";
import type { SessionUser } from "../auth/sessions";
import { initiativesChangeTags, TAG } from "../cache/tags";
import { dialectOf } from "../db/dialect";
import { withSavepoint } from "../db/savepoint";
import type { z } from "zod";
import { dayOrNull, dayToDate } from "../dates";
import { fieldErrors } from "../forms/form-data";
import { DomainError } from "../errors/domain-error";
import { changeStatus, checkStatusChange } from "../initiatives/change-status";
import { ConflictError } from "../initiatives/edit-errors";
import { changeStatusSchema, updateMetricSchema, type ChangeStatusInput, type UpdateMetricInput } from "../initiatives/edit-schemas";
import { saveChange } from "../initiatives/propose-change";
import type { NewEntry } from "../initiatives/record-history";
import { linkEvidence, quoteInSource, storeQuote, type LocatedQuote } from "../initiatives/resolve-evidence";
import { metricChanges } from "../initiatives/update-metric";
import { indexHistoryNotes } from "../search/search-index";
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

/** An initiative the file names, as it is now (the import's own applied rows update it). */
type Target = { id: number; slug: string; version: number; status: InitiativeStatus; stage: Stage | null; mergedIntoId: number | null };
/** A figure the file names, with its latest reading by observation date (as updateMetric reads it). */
type Figure = { id: number; slug: string; targetDate: Date | null; targetValue: number | null; latest: { value: number; observedOn: Date | null } | null };

const metricKey = (slug: string, metricSlug: string) => `${slug}\u0000${metricSlug}`;

/** Every initiative and figure the file names, and the sources it quotes (500 a query). */
async function readTargets(tx: Prisma.TransactionClient, rows: ImportRow[]) {
  const targets = new Map<string, Target>();
  const figures = new Map<string, Figure>();
  const sources = new Map<number, { id: number; text: string }>();
  const slugs = [...new Set(rows.map((row) => row.slug).filter(Boolean))];
  const metricSlugs = [...new Set(rows.map((row) => row.metric_slug).filter(Boolean))];
  const sourceIds = [...new Set(rows.map((row) => Number(row.quote_source_id)).filter((id) => Number.isSafeInteger(id) && id > 0))];
  for (let i = 0; i < slugs.length; i += 500) {
    const chunk = slugs.slice(i, i + 500);
    // A write first, so that on PostgreSQL the rows stay as read until the import commits (SQLite's
    // write lock is already held: BEGIN IMMEDIATE). It changes nothing.
    await tx.$executeRaw`UPDATE "Initiative" SET "version" = "version" WHERE "slug" IN (${Prisma.join(chunk)})`;
    const found = await tx.initiative.findMany({
      where: { slug: { in: chunk } },
      select: { id: true, slug: true, version: true, status: true, stage: true, mergedIntoId: true },
    });
    for (const target of found) targets.set(target.slug, target);
  }
  for (let i = 0; i < metricSlugs.length; i += 500) {
    const found = await tx.metric.findMany({
      where: { slug: { in: metricSlugs.slice(i, i + 500) } },
      select: {
        id: true,
        slug: true,
        targetDate: true,
        targetValue: true,
        initiative: { select: { slug: true } },
        readings: { orderBy: { observedOn: "desc" }, take: 1, select: { value: true, observedOn: true } },
      },
    });
    for (const { initiative, readings, ...metric } of found) figures.set(metricKey(initiative.slug, metric.slug), { ...metric, latest: readings[0] ?? null });
  }
  for (let i = 0; i < sourceIds.length; i += 500) {
    for (const source of await tx.source.findMany({ where: { id: { in: sourceIds.slice(i, i + 500) } }, select: { id: true, text: true } }))
      sources.set(source.id, source);
  }
  return { targets, figures, sources };
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

/** The status form's input for a row, at the version the import has brought its initiative to. */
function statusInput(row: ImportRow, version: number, note: string): ChangeStatusInput {
  const input = changeStatusSchema.safeParse({
    slug: row.slug,
    version: String(version),
    status: row.status,
    stage: row.stage,
    effectiveOn: row.effective_on,
    overrideNote: row.override_note,
    note,
    ...evidence(row),
  });
  if (!input.success) throw schemaRefusal(input.error);
  return input.data;
}

/** The figure form's input for a row; the target date stays as it is: the import adds readings only. */
function metricInput(row: ImportRow, version: number, note: string, figure: Figure | undefined): UpdateMetricInput {
  if (!figure) throw new DomainError(row.metric_slug ? "metricNotFound" : "required", "metricSlug");
  const input = updateMetricSchema.safeParse({
    slug: row.slug,
    version: String(version),
    metricSlug: row.metric_slug,
    value: row.value,
    observedOn: row.observed_on,
    targetDate: dayOrNull(figure.targetDate) ?? "",
    confirmLarge: /^(yes|да|true|1)$/i.test(row.confirm_large),
    note,
    ...evidence(row),
  });
  if (!input.success) throw schemaRefusal(input.error);
  return input.data;
}

const asksStatus = (row: ImportRow, current: Target) =>
  // An untouched row of an export: its status is what it is now.
  (row.status !== "" || row.stage !== "") && (row.status !== current.status || (row.stage || null) !== current.stage);
const asksReading = (row: ImportRow) => Boolean(row.metric_slug || row.value || row.observed_on);

/** What every row's loop keeps: each row's result, the refusals, the versions the import has reached. */
class Progress {
  readonly results: ImportRowResult[] = [];
  readonly issues: ImportIssue[] = [];
  // slug → the version the file read it at, and the version the import has brought it to.
  private readonly versions = new Map<string, { readAt: number; now: number }>();

  /** Starts a row: its result, and the version its changes start from. */
  begin(row: ImportRow) {
    const result: ImportRowResult = { row: row.row, slug: row.slug, outcomes: [], version: null };
    this.results.push(result);
    const readAt = Number(row.version);
    const seen = this.versions.get(row.slug);
    return { result, readAt, version: seen && seen.readAt === readAt ? seen.now : readAt };
  }

  /** A row whose changes all apply: the next rows of its initiative read at the same version follow it. */
  done(row: ImportRow, result: ImportRowResult, readAt: number, version: number, now: number) {
    if (result.outcomes.length === 0) result.outcomes.push("unchanged");
    if (now !== version) result.version = now;
    this.versions.set(row.slug, { readAt, now });
  }

  /** A refused row: its issue on the cell to fix; an error the row cannot explain is rethrown. */
  refuse(row: ImportRow, result: ImportRowResult, readAt: number, error: unknown) {
    const issue = (field: string | undefined, code: string, values?: Record<string, string | number>) => {
      this.issues.push({ row: row.row, column: column(field), code, ...(values ? { values } : {}) });
      result.outcomes = ["refused"];
    };
    if (error instanceof ConflictError) issue("version", "importConflict", { current: error.currentVersion, given: readAt });
    else if (error instanceof DomainError) issue(error.field, error.code);
    else throw error;
  }
}

/**
 * Status changes and figure readings from a spreadsheet (README, "Bulk update from a spreadsheet";
 * docs/decisions/033-bulk-import.md, 036-bulk-import-in-batches.md). Every row goes through the
 * forms' own schemas and rules, all in one transaction: all rows or none (a dry run, or any
 * refused row, writes nothing), each refused row reported with its cell.
 *
 * Versions: each row carries the version its initiative was read at (the export's `version`).
 * Several rows of one initiative read at the same version follow one another (the import's own
 * earlier rows are not a conflict); any other difference is a conflict, reported on that row.
 */
export async function importCsv(prisma: PrismaClient, actor: SessionUser, options: ImportOptions): Promise<ImportResult> {
  const parsed = parseImportCsv(options.csv);
  if (parsed.issues.length || parsed.rows.length === 0) return { applied: false, rows: [], issues: parsed.issues, tags: [] };
  // With review on, an editor's rows wait for a second person: each goes through the forms' own
  // functions, which store the waiting change after a trial run. Otherwise the rows apply at once,
  // checked in memory and written a few statements for all of them.
  const waits = options.reviewRequired && actor.role === "editor";
  try {
    return await prisma.$transaction(
      async (tx) => {
        // Read up front, a few queries for the whole file instead of several per row.
        const read = await readTargets(tx, parsed.rows);
        const progress = new Progress();
        const tags = waits
          ? await proposeRows(tx, actor, options, parsed.rows, read, progress)
          : await applyRows(tx, actor, options, parsed.rows, read, progress);
        const result: ImportResult = {
          applied: options.apply && progress.issues.length === 0,
          rows: progress.results,
          issues: progress.issues,
          tags,
        };
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

type Read = Awaited<ReturnType<typeof readTargets>>;

/**
 * Rows that wait for review, one by one through changeStatus and saveChange, each in a savepoint
 * so that a refused row is undone and the next ones see the data as it is. Nothing public changes,
 * so no tag expires.
 */
async function proposeRows(tx: Prisma.TransactionClient, actor: SessionUser, options: ImportOptions, rows: ImportRow[], read: Read, progress: Progress) {
  for (const [index, row] of rows.entries()) {
    const { result, readAt, version } = progress.begin(row);
    try {
      await withSavepoint(
        tx,
        async () => {
          const current = read.targets.get(row.slug);
          if (!row.slug || !current || current.mergedIntoId !== null) throw new DomainError("importUnknownInitiative", "slug");
          if (asksStatus(row, current)) {
            await changeStatus(tx, actor, statusInput(row, version, options.note), { reviewRequired: true });
            result.outcomes.push("statusPending");
          }
          if (asksReading(row)) {
            const input = metricInput(row, version, options.note, read.figures.get(metricKey(row.slug, row.metric_slug)));
            await saveChange(tx, actor, { kind: "metric", input }, { reviewRequired: true });
            result.outcomes.push("readingPending");
          }
          progress.done(row, result, readAt, version, version);
        },
        { keep: true },
      );
    } catch (error) {
      progress.refuse(row, result, readAt, error);
    }
    options.onProgress?.(index + 1, rows.length);
  }
  return [];
}

type Evidence = ReturnType<typeof linkEvidence> | { quoteText: string; located: LocatedQuote };
type Entry = Omit<NewEntry, "quoteId" | "evidenceUrl" | "evidenceTitle" | "evidenceDate"> & { initiativeId: number; version: number; evidence: Evidence };

/** The stored evidence a row's input names, located in its source now and stored when the rows are written. */
function planEvidence(input: ChangeStatusInput | UpdateMetricInput, sources: Read["sources"]): Evidence {
  if (input.evidenceType === "link") return linkEvidence(input);
  return { quoteText: input.quoteText, located: quoteInSource(sources.get(input.quoteSourceId ?? 0) ?? null, input.quoteText, input.quoteOccurrence) };
}

/**
 * Whether a reading observed on `next` becomes a figure's latest over one observed on `current`,
 * as `ORDER BY observedOn DESC` reads it (NULL sorts last on SQLite, first on PostgreSQL; on a tie
 * the newer reading).
 */
function isLatest(next: Date | null, current: Date | null, nullsFirst: boolean): boolean {
  if (next === null || current === null) return next === current || (next === null) === nullsFirst;
  return next.getTime() >= current.getTime();
}

/**
 * Rows that apply at once. Each row is checked in memory against the state the rows before it
 * left, with the forms' schemas and the domain's own rules (checkStatusChange, metricChanges,
 * quoteInSource): the outcomes, refusals and versions changeStatus and updateMetric would give.
 * A refused row leaves no trace; when every row passes, the changes are written a statement per
 * 500 rows and kind of write (versions and statuses, history entries, their search notes,
 * readings), the quotes one by one, and the union of the changed initiatives' tags is returned.
 */
async function applyRows(tx: Prisma.TransactionClient, actor: SessionUser, options: ImportOptions, rows: ImportRow[], read: Read, progress: Progress) {
  const entries: Entry[] = [];
  const readings: { metricId: number; value: number; observedOn: Date | null; entry: Entry }[] = [];
  const before = new Map<number, { version: number }>();
  const nullsFirst = dialectOf(tx) === "postgres";
  for (const [index, row] of rows.entries()) {
    const { result, readAt, version } = progress.begin(row);
    try {
      const current = read.targets.get(row.slug);
      if (!row.slug || !current || current.mergedIntoId !== null) throw new DomainError("importUnknownInitiative", "slug");
      // The row's changes, kept only if all of them pass (as the savepoint of a row did).
      const state = { version: current.version, status: current.status, stage: current.stage };
      const mine: Entry[] = [];
      const myReadings: typeof readings = [];
      let latest: { figure: Figure; reading: Figure["latest"] } | null = null;
      // claimNextVersion's compare-and-set, on the version as the rows before this one left it.
      const claim = (expected: number) => {
        if (state.version !== expected) throw new ConflictError(state.version, expected);
        return ++state.version;
      };
      let now = version;
      if (asksStatus(row, current)) {
        const input = statusInput(row, now, options.note);
        now = claim(input.version);
        checkStatusChange(state, input);
        mine.push({
          initiativeId: current.id,
          version: now,
          kind: "status_change",
          fromStatus: state.status,
          toStatus: input.status,
          fromStage: state.stage,
          toStage: input.stage,
          effectiveOn: dayToDate(input.effectiveOn),
          note: input.note,
          overrideNote: input.overrideNote || null,
          authorId: actor.id,
          correctsId: null,
          evidence: planEvidence(input, read.sources),
        });
        Object.assign(state, { status: input.status, stage: input.stage });
        result.outcomes.push("statusChanged");
      }
      if (asksReading(row)) {
        const figure = read.figures.get(metricKey(row.slug, row.metric_slug));
        const input = metricInput(row, now, options.note, figure);
        now = claim(input.version);
        // The import passes the figure's own target date: the only change is the reading.
        const changes = metricChanges(figure!, figure!.latest?.value, input);
        const entry: Entry = {
          initiativeId: current.id,
          version: now,
          kind: "edit",
          changes,
          note: input.note,
          authorId: actor.id,
          reviewerId: null,
          correctsId: null,
          evidence: planEvidence(input, read.sources),
        };
        mine.push(entry);
        if (input.value !== null) {
          const observedOn = input.observedOn ? dayToDate(input.observedOn) : null;
          myReadings.push({ metricId: figure!.id, value: input.value, observedOn, entry });
          if (!figure!.latest || isLatest(observedOn, figure!.latest.observedOn, nullsFirst))
            latest = { figure: figure!, reading: { value: input.value, observedOn } };
        }
        result.outcomes.push("readingAdded");
      }
      if (!before.has(current.id) && mine.length) before.set(current.id, { version: current.version });
      Object.assign(current, state);
      if (latest) latest.figure.latest = latest.reading;
      entries.push(...mine);
      readings.push(...myReadings);
      progress.done(row, result, readAt, version, now);
    } catch (error) {
      progress.refuse(row, result, readAt, error);
    }
    options.onProgress?.(index + 1, rows.length);
  }
  if (!options.apply || progress.issues.length) return [];
  return writeRows(tx, entries, readings, before, read.targets);
}

const IN_CHUNKS = 500;
function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let from = 0; from < items.length; from += IN_CHUNKS) out.push(items.slice(from, from + IN_CHUNKS));
  return out;
}

/** Writes the checked rows (applyRows); returns the tags they expire. */
async function writeRows(
  tx: Prisma.TransactionClient,
  entries: Entry[],
  readings: { metricId: number; value: number; observedOn: Date | null; entry: Entry }[],
  before: Map<number, { version: number }>,
  targets: Read["targets"],
): Promise<string[]> {
  // Quotes one by one in the rows' order: a span quoted for two initiatives keeps the first (as storeQuote decides).
  const stored = new Map<Entry, ReturnType<typeof linkEvidence> | Awaited<ReturnType<typeof storeQuote>>>();
  for (const entry of entries) {
    const { evidence } = entry;
    stored.set(entry, "located" in evidence ? await storeQuote(tx, entry.initiativeId, evidence.quoteText, evidence.located) : evidence);
  }

  // Each initiative from the version it was read at to the one its rows reached, compare-and-set,
  // one statement per group of the same move.
  const groups = new Map<string, number[]>();
  for (const target of targets.values()) {
    const from = before.get(target.id);
    if (!from) continue;
    const key = JSON.stringify([from.version, target.version, target.status, target.stage]);
    groups.set(key, [...(groups.get(key) ?? []), target.id]);
  }
  for (const [key, ids] of groups) {
    const [from, to, status, stage] = JSON.parse(key) as [number, number, InitiativeStatus, Stage | null];
    for (const chunk of chunks(ids)) {
      const { count } = await tx.initiative.updateMany({ where: { id: { in: chunk }, version: from }, data: { version: to, status, stage } });
      // The rows were locked when read (readTargets): nothing else can have moved them.
      if (count !== chunk.length) throw new Error("An initiative changed while the import was writing.");
    }
  }

  // Raw multi-row INSERTs: Prisma's createMany compiles every row of its data (seconds for 10,000).
  // Dates go as Date parameters, stored as Prisma stores them.
  const recordedAt = new Date();
  for (const chunk of chunks(entries)) {
    const values = chunk.map((entry) => {
      const evidence = stored.get(entry)!;
      return Prisma.sql`(${entry.initiativeId}, ${entry.version}, ${entry.kind}, ${entry.fromStatus ?? null}, ${entry.toStatus ?? null}, ${entry.fromStage ?? null},
        ${entry.toStage ?? null}, ${JSON.stringify(entry.changes ?? [])}, ${entry.effectiveOn ?? null}, ${entry.note}, ${entry.overrideNote ?? null},
        ${evidence.quoteId}, ${evidence.evidenceUrl}, ${evidence.evidenceTitle}, ${evidence.evidenceDate}, ${entry.authorId ?? null}, ${entry.reviewerId ?? null},
        ${entry.correctsId ?? null}, ${recordedAt})`;
    });
    const created = await tx.$queryRaw<{ id: number | bigint; initiativeId: number | bigint; note: string; overrideNote: string | null }[]>`
      INSERT INTO "HistoryEntry" ("initiativeId", "version", "kind", "fromStatus", "toStatus", "fromStage", "toStage", "changes", "effectiveOn", "note",
        "overrideNote", "quoteId", "evidenceUrl", "evidenceTitle", "evidenceDate", "authorId", "reviewerId", "correctsId", "recordedAt")
      VALUES ${Prisma.join(values)}
      RETURNING "id", "initiativeId", "note", "overrideNote"`;
    await indexHistoryNotes(
      tx,
      created.map((entry) => ({ ...entry, id: Number(entry.id), initiativeId: Number(entry.initiativeId) })),
    );
  }
  for (const chunk of chunks(readings)) {
    const values = chunk.map(
      ({ entry, metricId, value, observedOn }) => Prisma.sql`(${metricId}, ${value}, ${observedOn}, ${stored.get(entry)!.quoteId}, ${recordedAt})`,
    );
    await tx.$executeRaw`INSERT INTO "MetricReading" ("metricId", "value", "observedOn", "quoteId", "recordedAt") VALUES ${Prisma.join(values)}`;
  }
  const tags = await initiativesChangeTags(tx, [...before.keys()]);
  return readings.length ? [...new Set([...tags, TAG.metrics])].sort() : tags;
}
