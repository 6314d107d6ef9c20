import type { PrismaClient } from "../generated/prisma/client";
import type { SessionUser } from "../auth/sessions";
import type { ReviewChangeInput } from "./edit-schemas";
import { claimNextVersion, writeHistoryEntry } from "./record-history";
import { EditError } from "./edit-errors";

/**
 * A second person approves or rejects a pending status change. Approval applies it as
 * the author's entry (with the reviewer recorded) if the status is still what the
 * author saw; the author can never review their own change.
 */
export async function reviewChange(prisma: PrismaClient, actor: SessionUser, input: ReviewChangeInput): Promise<{ outcome: "approved" | "rejected"; tags: string[] }> {
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
