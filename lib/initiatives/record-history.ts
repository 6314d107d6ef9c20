import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { Db } from "../db/types";
import type { InitiativeStatus, Stage } from "../domain/vocabulary";
import { indexHistoryNote, indexQuote } from "../search/search-index";

/** One changed field in a history entry. Values are stored as display strings or null. */
export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

export type EditErrorCode =
  | "notFound"
  | "nothingChanged"
  | "transitionNotAllowed"
  | "quoteNotFound"
  | "sourceNotFound"
  | "correctsNotFound"
  | "metricNotFound"
  | "pendingNotFound"
  | "alreadyReviewed"
  | "ownChange"
  | "statusChangedSince";

/** A refusal the editor can act on; `field` names the form field it belongs to. */
export class EditError extends Error {
  constructor(
    readonly code: EditErrorCode,
    readonly field?: string,
  ) {
    super(code);
    this.name = "EditError";
  }
}

export interface ConflictingEntry {
  version: number;
  kind: string;
  authorName: string | null;
  recordedAt: string;
  fromStatus: InitiativeStatus | null;
  toStatus: InitiativeStatus | null;
  fromStage: Stage | null;
  toStage: Stage | null;
  changes: FieldChange[];
  note: string;
}

/** The initiative changed after the editor loaded it; nothing was written. */
export class ConflictError extends Error {
  constructor(
    readonly currentVersion: number,
    readonly expectedVersion: number,
  ) {
    super(`Initiative is at version ${currentVersion}, the edit was made on version ${expectedVersion}.`);
    this.name = "ConflictError";
  }
}

/** What changed since `version`, to show an editor whose save was refused. */
export async function entriesSince(prisma: PrismaClient, slug: string, version: number): Promise<ConflictingEntry[]> {
  const entries = await prisma.historyEntry.findMany({
    where: { initiative: { slug }, version: { gt: version } },
    orderBy: { version: "asc" },
    select: {
      version: true,
      kind: true,
      recordedAt: true,
      fromStatus: true,
      toStatus: true,
      fromStage: true,
      toStage: true,
      changes: true,
      note: true,
      author: { select: { displayName: true } },
    },
  });
  return entries.map(({ author, recordedAt, changes, ...entry }) => ({
    ...entry,
    authorName: author?.displayName ?? null,
    recordedAt: recordedAt.toISOString(),
    changes: parseChanges(changes),
  }));
}

export function parseChanges(json: string): FieldChange[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as FieldChange[]) : [];
  } catch {
    return [];
  }
}

const EDITABLE = {
  id: true,
  version: true,
  status: true,
  stage: true,
  titleRu: true,
  titleEn: true,
  summaryRu: true,
  summaryEn: true,
  targetDate: true,
  lastVerifiedOn: true,
  themes: { select: { theme: true } },
} as const;

/**
 * The first statement of every edit: move the initiative to the next version only if
 * it is still at the version the editor saw (compare-and-set). Being a write, it makes
 * SQLite take the write lock before anything is read, so the state read next is the
 * one the edit applies to, versions chain without gaps, and a stale edit writes nothing.
 * Returns the initiative as it is now, with its new version.
 */
export async function claimNextVersion(tx: Db, slug: string, expectedVersion: number) {
  const bumped = await tx.initiative.updateMany({ where: { slug, version: expectedVersion }, data: { version: { increment: 1 } } });
  if (bumped.count === 0) {
    const current = await tx.initiative.findUnique({ where: { slug }, select: { version: true } });
    if (!current) throw new EditError("notFound");
    throw new ConflictError(current.version, expectedVersion);
  }
  return tx.initiative.findUniqueOrThrow({ where: { slug }, select: EDITABLE });
}

export type NewEntry = Omit<Prisma.HistoryEntryUncheckedCreateInput, "initiativeId" | "version" | "changes"> & {
  changes?: FieldChange[];
};

/** Appends the entry for a version claimed with claimNextVersion. */
export async function writeHistoryEntry(tx: Db, initiative: { id: number; version: number }, entry: NewEntry) {
  const { changes, ...rest } = entry;
  const created = await tx.historyEntry.create({
    data: { ...rest, initiativeId: initiative.id, version: initiative.version, changes: JSON.stringify(changes ?? []) },
    select: { id: true, version: true, note: true, overrideNote: true },
  });
  await indexHistoryNote(tx, { ...created, initiativeId: initiative.id });
  return { id: created.id, version: created.version };
}

/** Reads an initiative without claiming a version (for changes that wait for review). */
export async function loadInitiative(tx: Db, slug: string) {
  const initiative = await tx.initiative.findUnique({ where: { slug }, select: EDITABLE });
  if (!initiative) throw new EditError("notFound");
  return initiative;
}

/** A correction must point at an entry of the same initiative. */
export async function checkCorrects(tx: Db, initiativeId: number, correctsId: number | null): Promise<number | null> {
  if (correctsId === null) return null;
  const target = await tx.historyEntry.findFirst({ where: { id: correctsId, initiativeId }, select: { id: true } });
  if (!target) throw new EditError("correctsNotFound", "correctsId");
  return target.id;
}

export interface EvidenceInput {
  evidenceType: "quote" | "link";
  quoteSourceId: number | null;
  quoteText: string;
  evidenceUrl: string;
  evidenceTitle: string;
  evidenceDate: string;
}

/**
 * Turns the form's evidence into stored evidence: a quote is located verbatim in its
 * source (its offsets computed, never typed) and reused if that span is already quoted.
 */
export async function resolveEvidence(tx: Db, initiativeId: number, evidence: EvidenceInput) {
  if (evidence.evidenceType === "link") {
    return {
      quoteId: null,
      evidenceUrl: evidence.evidenceUrl,
      evidenceTitle: evidence.evidenceTitle,
      evidenceDate: new Date(`${evidence.evidenceDate}T00:00:00Z`),
    };
  }
  const source = await tx.source.findUnique({ where: { id: evidence.quoteSourceId ?? 0 }, select: { id: true, text: true } });
  if (!source) throw new EditError("sourceNotFound", "quoteSourceId");
  const start = source.text.indexOf(evidence.quoteText);
  if (start < 0) throw new EditError("quoteNotFound", "quoteText");
  const end = start + evidence.quoteText.length;
  // One statement, so two editors quoting the same span at once cannot both insert it (a read
  // then an insert would fail on the unique key under PostgreSQL's READ COMMITTED). An existing
  // quote keeps its initiative; one that had none gets this one.
  const [quote] = await tx.$queryRaw<{ id: number | bigint; initiativeId: number | bigint | null }[]>`
    INSERT INTO "Quote" ("sourceId", "start", "end", "text", "initiativeId")
    VALUES (${source.id}, ${start}, ${end}, ${evidence.quoteText}, ${initiativeId})
    ON CONFLICT ("sourceId", "start", "end") DO UPDATE SET "initiativeId" = COALESCE("Quote"."initiativeId", excluded."initiativeId")
    RETURNING "id", "initiativeId"`;
  if (!quote) throw new Error("The quote could not be stored.");
  // New, or newly attached to this initiative: (re)index it. Re-indexing an unchanged quote is harmless.
  if (Number(quote.initiativeId) === initiativeId) await indexQuote(tx, { id: Number(quote.id), text: evidence.quoteText, initiativeId });
  return { quoteId: Number(quote.id), evidenceUrl: null, evidenceTitle: null, evidenceDate: null };
}

/** Dates in history diffs are shown as ISO days. */
export function dayOrNull(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}
