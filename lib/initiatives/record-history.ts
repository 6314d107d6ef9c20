import { Prisma, type InitiativeStatus, type Stage } from "../generated/prisma/client";
import type { Db } from "../db/types";
import type { FieldChange } from "../history/field-changes";
import { initiativeChangeTags } from "../cache/tags";
import { indexHistoryNote } from "../search/search-index";
import { ConflictError, EditError } from "./edit-errors";

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
  // One UPDATE … RETURNING (plus the themes) instead of an update then a read. A merged duplicate
  // is no longer edited: its facts live on the initiative it was merged into.
  try {
    return await tx.initiative.update({ where: { slug, version: expectedVersion, mergedIntoId: null }, data: { version: { increment: 1 } }, select: EDITABLE });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025")) throw error;
    return refuseClaim(tx, slug, expectedVersion);
  }
}

/** Why a claim matched nothing: the initiative is gone or merged, or someone else changed it first. */
async function refuseClaim(tx: Db, slug: string, expectedVersion: number): Promise<never> {
  const current = await tx.initiative.findUnique({ where: { slug }, select: { version: true, mergedIntoId: true } });
  if (!current || current.mergedIntoId !== null) throw new EditError("notFound");
  throw new ConflictError(current.version, expectedVersion);
}

/**
 * claimNextVersion for the changes that read only the status, the stage and the verification day
 * (a status change, a verification; they leave the themes as they are): the compare-and-set and
 * the read in one statement instead of Prisma's update, read and themes read. The caller's own
 * update of the row then sets `updatedAt`.
 */
export async function claimVersion(tx: Db, slug: string, expectedVersion: number) {
  const [row] = await tx.$queryRaw<
    { id: number | bigint; version: number | bigint; status: InitiativeStatus; stage: Stage | null; lastVerifiedOn: Date | string | null }[]
  >`UPDATE "Initiative" SET "version" = "version" + 1
    WHERE "slug" = ${slug} AND "version" = ${expectedVersion} AND "mergedIntoId" IS NULL
    RETURNING "id", "version", CAST("status" AS TEXT) AS "status", CAST("stage" AS TEXT) AS "stage", "lastVerifiedOn"`;
  if (!row) return refuseClaim(tx, slug, expectedVersion);
  // SQLite answers integers as BigInt and dates as text.
  return {
    id: Number(row.id),
    version: Number(row.version),
    status: row.status,
    stage: row.stage,
    lastVerifiedOn: row.lastVerifiedOn === null ? null : new Date(row.lastVerifiedOn),
  };
}

export type NewEntry = Omit<Prisma.HistoryEntryUncheckedCreateInput, "initiativeId" | "version" | "changes"> & {
  changes?: FieldChange[];
};

/**
 * Appends the entry for a version claimed with claimNextVersion; returns it with the cache tags
 * the change expires (`initiative` as claimNextVersion returned it: its themes before the change).
 */
export async function writeHistoryEntry(tx: Db, initiative: { id: number; version: number; themes?: { theme: string }[] }, entry: NewEntry) {
  const { changes, ...rest } = entry;
  const created = await tx.historyEntry.create({
    data: { ...rest, initiativeId: initiative.id, version: initiative.version, changes: JSON.stringify(changes ?? []) },
    select: { id: true, version: true, note: true, overrideNote: true },
  });
  await indexHistoryNote(tx, { ...created, initiativeId: initiative.id }, { fresh: true });
  return { id: created.id, version: created.version, tags: await initiativeChangeTags(tx, initiative, changes ?? []) };
}

/** What an editor's change returns: the initiative's new version, the cache tags it expires, its diff. */
export interface EditResult {
  version: number;
  tags: string[];
  changes: FieldChange[];
}

/** A pending change applied on approval keeps its author; the approving reviewer is recorded beside. */
export interface EditOptions {
  reviewerId?: number;
}

/** The history entry of an editor's change, in the author's name (and the reviewer's, on approval). */
export async function writeEditEntry(
  tx: Db,
  initiative: { id: number; version: number; themes?: { theme: string }[] },
  author: { id: number },
  options: EditOptions,
  entry: Omit<NewEntry, "kind" | "authorId" | "reviewerId"> & { kind?: "edit" | "verification"; changes: FieldChange[] },
): Promise<EditResult> {
  const written = await writeHistoryEntry(tx, initiative, { kind: "edit", ...entry, authorId: author.id, reviewerId: options.reviewerId ?? null });
  return { version: written.version, tags: written.tags, changes: entry.changes };
}

/** Reads an initiative without claiming a version (for changes that wait for review). */
export async function loadInitiative(tx: Db, slug: string) {
  const initiative = await tx.initiative.findUnique({ where: { slug, mergedIntoId: null }, select: EDITABLE });
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
