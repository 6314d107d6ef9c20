import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { SessionUser } from "../auth/sessions";
import type { ReviewChangeInput } from "./edit-schemas";
import { claimNextVersion, writeHistoryEntry } from "./record-history";
import { ConflictError, EditError } from "./edit-errors";
import { applyChange, type ProposedChange } from "./propose-change";

/**
 * A second person approves or rejects a pending change. Approval applies it as the author's
 * entry (with the reviewer recorded): a status change if the status is still what the author saw,
 * any other kind if the initiative is still at the version the author saw (otherwise the reviewer
 * is told, and rejects it so the author can propose it again). The author can never review their
 * own change.
 */
export async function reviewChange(
  prisma: PrismaClient,
  actor: SessionUser,
  input: ReviewChangeInput,
): Promise<{ outcome: "approved" | "rejected"; tags: string[] }> {
  return prisma.$transaction(async (tx) => {
    const pending = await tx.pendingChange.findUnique({
      where: { id: input.pendingId },
      include: { initiative: { select: { slug: true, version: true } } },
    });
    if (!pending) throw new EditError("pendingNotFound");
    if (pending.state !== "pending") throw new EditError("alreadyReviewed");
    if (pending.authorId === actor.id) throw new EditError("ownChange");
    const reviewed = { reviewerId: actor.id, reviewNote: input.reviewNote, reviewedAt: new Date() };

    if (input.decision === "reject") {
      await tx.pendingChange.update({ where: { id: pending.id }, data: { state: "rejected", ...reviewed } });
      return { outcome: "rejected", tags: [] as string[] } as const;
    }
    if (pending.kind !== "status") {
      const author = await tx.user.findUniqueOrThrow({ where: { id: pending.authorId }, select: { id: true, email: true, displayName: true, role: true } });
      const change = { kind: pending.kind, input: JSON.parse(pending.payload ?? "{}") } as ProposedChange;
      const applied = await applyChange(tx, author, change, actor.id).catch((error: unknown) => {
        // The reviewer's form has none of the author's fields: every refusal is said at the top.
        if (error instanceof ConflictError) throw new EditError("initiativeChangedSince");
        if (error instanceof EditError) throw new EditError(error.code);
        throw error;
      });
      const entry = await tx.historyEntry.findFirstOrThrow({
        where: { initiative: { slug: pending.initiative.slug }, version: applied.version },
        select: { id: true },
      });
      await tx.pendingChange.update({ where: { id: pending.id }, data: { state: "approved", historyEntryId: entry.id, ...reviewed } });
      return { outcome: "approved", tags: applied.tags } as const;
    }
    const initiative = await claimNextVersion(tx, pending.initiative.slug, pending.initiative.version);
    if (initiative.status !== pending.fromStatus || initiative.stage !== pending.fromStage) throw new EditError("statusChangedSince");
    await tx.initiative.update({ where: { id: initiative.id }, data: { status: pending.toStatus, stage: pending.toStage } });
    const entry = await writeHistoryEntry(tx, initiative, {
      kind: "status_change",
      fromStatus: pending.fromStatus,
      toStatus: pending.toStatus,
      fromStage: pending.fromStage,
      toStage: pending.toStage,
      effectiveOn: pending.effectiveOn,
      note: pending.note,
      overrideNote: pending.overrideNote,
      quoteId: pending.quoteId,
      evidenceUrl: pending.evidenceUrl,
      evidenceTitle: pending.evidenceTitle,
      evidenceDate: pending.evidenceDate,
      authorId: pending.authorId,
      reviewerId: actor.id,
      correctsId: pending.correctsId,
    });
    await tx.pendingChange.update({ where: { id: pending.id }, data: { state: "approved", historyEntryId: entry.id, ...reviewed } });
    return { outcome: "approved", tags: entry.tags } as const;
  });
}
