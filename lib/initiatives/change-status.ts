import "server-only";
import type { Db } from "../db/types";
import { inTransaction } from "../db/in-transaction";
import type { SessionUser } from "../auth/sessions";
import { isAllowedTransition } from "../domain/transitions";
import type { ChangeStatusInput } from "./edit-schemas";
import { checkCorrects, claimVersion, loadInitiative, writeHistoryEntry } from "./record-history";
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
  // Checks the change against the initiative as it is now; returns what the pending change and the history entry both record.
  const prepare = async (tx: Db, current: StatusState & { id: number }) => {
    checkStatusChange(current, input);
    const correctsId = await checkCorrects(tx, current.id, input.correctsId);
    const evidence = await resolveEvidence(tx, current.id, input);
    const { note } = input;
    return {
      fromStatus: current.status,
      toStatus: input.status,
      fromStage: current.stage,
      toStage: input.stage,
      effectiveOn,
      note,
      overrideNote,
      correctsId,
      ...evidence,
    };
  };

  if (options.reviewRequired && actor.role === "editor") {
    return inTransaction(prisma, async (tx) => {
      const initiative = await loadInitiative(tx, input.slug);
      if (initiative.version !== input.version) throw new ConflictError(initiative.version, input.version);
      const change = await prepare(tx, initiative);
      const pending = await tx.pendingChange.create({
        data: { initiativeId: initiative.id, baseVersion: initiative.version, ...change, authorId: actor.id },
        select: { id: true },
      });
      return { outcome: "pending", pendingId: pending.id, tags: [] as string[] } as const;
    });
  }

  return inTransaction(prisma, async (tx) => {
    const initiative = await claimVersion(tx, input.slug, input.version);
    const change = await prepare(tx, initiative);
    await tx.initiative.updateMany({ where: { id: initiative.id }, data: { status: input.status, stage: input.stage } });
    const entry = await writeHistoryEntry(tx, initiative, { kind: "status_change", ...change, authorId: actor.id });
    return { outcome: "applied", version: entry.version, tags: entry.tags } as const;
  });
}
