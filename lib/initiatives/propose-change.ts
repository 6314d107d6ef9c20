import "server-only";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { inTransaction } from "../db/in-transaction";
import { isClient, withSavepoint } from "../db/savepoint";
import type { Db } from "../db/types";
import type { SessionUser } from "../auth/sessions";
import type { FieldChange } from "../history/field-changes";
import { editCountries } from "./edit-countries";
import { editDetails } from "./edit-details";
import { ConflictError, EditError } from "./edit-errors";
import type { EditCountriesInput, EditDetailsInput, MarkVerifiedInput, UpdateMetricInput } from "./edit-schemas";
import { markVerified } from "./mark-verified";
import { updateMetric } from "./update-metric";
import type { EditResult } from "./record-history";

/** The changes other than status that wait for a second person when review is on. */
export type ProposedChange =
  | { kind: "details"; input: EditDetailsInput }
  | { kind: "countries"; input: EditCountriesInput }
  | { kind: "metric"; input: UpdateMetricInput }
  | { kind: "verification"; input: MarkVerifiedInput };

/** Applies a change as its author made it (in the caller's transaction when given one). */
export function applyChange(db: Db, author: SessionUser, change: ProposedChange, reviewerId?: number): Promise<EditResult> {
  const options = { reviewerId };
  switch (change.kind) {
    case "details":
      return editDetails(db, author, change.input, options);
    case "countries":
      return editCountries(db, author, change.input, options);
    case "metric":
      return updateMetric(db, author, change.input, options);
    case "verification":
      return markVerified(db, author, change.input, options);
  }
}

/** Thrown at the end of the trial run so that its transaction rolls back. */
class TrialDone extends Error {
  constructor(readonly changes: FieldChange[]) {
    super("trial run");
  }
}

/**
 * An editor's change that waits for review. It is first applied in a transaction that is rolled
 * back, so every refusal (conflict, nothing changed, quote not found, a large reading to confirm)
 * reaches the editor now, exactly as without review; then the validated input is stored with the
 * field changes it would make. Nothing public changes until approval (lib/initiatives/review-change.ts).
 */
export async function proposeChange(prisma: Db, author: SessionUser, change: ProposedChange): Promise<{ pendingId: number }> {
  let changes: FieldChange[] = [];
  if (isClient(prisma)) {
    try {
      await (prisma as PrismaClient).$transaction(async (tx) => {
        throw new TrialDone((await applyChange(tx, author, change)).changes);
      });
    } catch (error) {
      if (!(error instanceof TrialDone)) throw error;
      changes = error.changes;
    }
  } else {
    // Inside the caller's transaction (the bulk import): the trial is a savepoint rolled back.
    const tx = prisma as Prisma.TransactionClient;
    changes = await withSavepoint(tx, async () => (await applyChange(tx, author, change)).changes, { keep: false });
  }
  return inTransaction(prisma, async (tx) => {
    const initiative = await tx.initiative.findUnique({ where: { slug: change.input.slug }, select: { id: true, version: true, status: true, stage: true } });
    if (!initiative) throw new EditError("notFound");
    if (initiative.version !== change.input.version) throw new ConflictError(initiative.version, change.input.version);
    const pending = await tx.pendingChange.create({
      data: {
        initiativeId: initiative.id,
        kind: change.kind,
        payload: JSON.stringify(change.input),
        changes: JSON.stringify(changes),
        baseVersion: initiative.version,
        fromStatus: initiative.status,
        toStatus: initiative.status,
        fromStage: initiative.stage,
        toStage: initiative.stage,
        note: change.input.note,
        correctsId: change.input.correctsId,
        authorId: author.id,
      },
      select: { id: true },
    });
    return { pendingId: pending.id };
  });
}

export type SaveResult = { outcome: "applied"; version: number; tags: string[] } | { outcome: "pending"; pendingId: number; tags: string[] };

/**
 * The one way a details, countries, metric or verification change is saved: with review on, an
 * editor's waits for a second person (nothing public changes, so no tag expires); an admin's, or
 * any with review off, applies at once.
 */
export async function saveChange(prisma: Db, actor: SessionUser, change: ProposedChange, options: { reviewRequired: boolean }): Promise<SaveResult> {
  if (options.reviewRequired && actor.role === "editor") return { outcome: "pending", tags: [], ...(await proposeChange(prisma, actor, change)) };
  const { version, tags } = await applyChange(prisma, actor, change);
  return { outcome: "applied", version, tags };
}
