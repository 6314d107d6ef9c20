import "server-only";
import type { Db } from "../db/types";
import { inTransaction } from "../db/in-transaction";
import type { SessionUser } from "../auth/sessions";
import { isAllowedTransition } from "../domain/transitions";
import type { ChangeStatusInput } from "./edit-schemas";
import { checkCorrects, claimNextVersion, loadInitiative, writeHistoryEntry } from "./record-history";
import { ConflictError, EditError } from "./edit-errors";
import { resolveEvidence } from "./resolve-evidence";
import { dayToDate } from "../dates";

/** `tags`: the cache tags to expire (none for a change that waits: nothing public changed). */
export type ChangeStatusResult = { outcome: "applied"; version: number; tags: string[] } | { outcome: "pending"; pendingId: number; tags: string[] };

type StatusState = { status: ChangeStatusInput["status"]; stage: ChangeStatusInput["stage"] };

/** The status rules: a change must change something, and a move outside the allowed table needs its reason. Shared with the bulk import. */
export function checkStatusChange(current: StatusState, input: ChangeStatusInput): void {
  if (current.status === input.status && current.stage === input.stage) throw new EditError("nothingChanged", "status");
  if (!isAllowedTransition(current.status, input.status) && !input.overrideNote) throw new EditError("transitionNotAllowed", "overrideNote");
}

/**
 * Changes an initiative's status and/or stage with a dated, explained, evidenced entry.
 * When review is required, an editor's change waits for a second person instead. Runs in the
 * caller's transaction when given one (the bulk import).
 */
export async function changeStatus(
  prisma: Db,
  actor: SessionUser,
  input: ChangeStatusInput,
  options: { reviewRequired: boolean },
): Promise<ChangeStatusResult> {
  const effectiveOn = dayToDate(input.effectiveOn);
  const overrideNote = input.overrideNote || null;
  const check = (current: StatusState) => checkStatusChange(current, input);

  if (options.reviewRequired && actor.role === "editor") {
    return inTransaction(prisma, async (tx) => {
      const initiative = await loadInitiative(tx, input.slug);
      if (initiative.version !== input.version) throw new ConflictError(initiative.version, input.version);
      check(initiative);
      const correctsId = await checkCorrects(tx, initiative.id, input.correctsId);
      const evidence = await resolveEvidence(tx, initiative.id, input);
      const pending = await tx.pendingChange.create({
        data: {
          initiativeId: initiative.id,
          baseVersion: initiative.version,
          fromStatus: initiative.status,
          toStatus: input.status,
          fromStage: initiative.stage,
          toStage: input.stage,
          effectiveOn,
          note: input.note,
          overrideNote,
          correctsId,
          authorId: actor.id,
          ...evidence,
        },
        select: { id: true },
      });
      return { outcome: "pending", pendingId: pending.id, tags: [] as string[] } as const;
    });
  }

  return inTransaction(prisma, async (tx) => {
    const initiative = await claimNextVersion(tx, input.slug, input.version);
    check(initiative);
    const correctsId = await checkCorrects(tx, initiative.id, input.correctsId);
    const evidence = await resolveEvidence(tx, initiative.id, input);
    await tx.initiative.update({ where: { id: initiative.id }, data: { status: input.status, stage: input.stage } });
    const entry = await writeHistoryEntry(tx, initiative, {
      kind: "status_change",
      fromStatus: initiative.status,
      toStatus: input.status,
      fromStage: initiative.stage,
      toStage: input.stage,
      effectiveOn,
      note: input.note,
      overrideNote,
      authorId: actor.id,
      correctsId,
      ...evidence,
    });
    return { outcome: "applied", version: entry.version, tags: entry.tags } as const;
  });
}
